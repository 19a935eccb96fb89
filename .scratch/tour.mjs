import { chromium } from 'playwright-core';
const base = 'http://localhost:3920';
const login = async (email, password) => (await (await fetch(base + '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })).json()).token;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const [who, pass, locale, ...hashes] = process.argv.slice(2);
const token = await login(who, pass);
const ctx = await browser.newContext({ locale, viewport: { width: 1366, height: 900 } });
await ctx.addInitScript(([t, l]) => { localStorage.setItem('loopdesk.token', t); localStorage.setItem('loopdesk.locale', l); }, [token, locale]);
const page = await ctx.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.log('console error', m.text()); });
for (const h of hashes) {
  await page.goto(base + '/' + h); await page.waitForLoadState('networkidle'); await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/tour-${h.replace(/[#/]/g, '') || 'home'}-${locale}.png`, fullPage: false });
}
await browser.close();
