import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { DEFAULT_TEMPLATES } from './notice-templates.js';

/** The admin console's template editor: the built-in wording next to the override, and a preview before saving. */

type Preview = { subject: string; body: string; sms: string; sample: Record<string, string>; problems: Array<{ path: string; message: string }> };
type Listed = { kind: string; locale: string; subject: string; custom: boolean; default: { subject: string; body: string; sms: string } };

let t: TestApp;
let admin: { token: string };
let agent: { token: string };

const preview = (kind: string, locale: string, body: Record<string, unknown>, token = admin.token) =>
  t.request('POST', `/api/v1/admin/notice-templates/${kind}/${locale}/preview`, { token, body });

beforeAll(async () => {
  t = await createTestApp({ config: { PUBLIC_URL: 'https://help.example.com/' } });
  admin = await t.user('admin');
  agent = await t.user('agent');
});
afterAll(async () => {
  await t?.stop();
});

describe('notice template preview', () => {
  it('renders a draft like a real notice: sample values, the progress link of this installation, the SLA promise in words', async () => {
    const res = await preview('received', 'en', {
      subject: 'Got {{complaintNumber}}',
      body: 'Hi {{ customerName }}, about "{{complaintSubject}}": we answer {{promise}}. {{progressUrl}}',
      sms: '{{complaintNumber}} received',
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = json<Preview>(res);
    expect(p.subject).toBe('Got C-2026-000123');
    expect(p.body).toBe('Hi Alex Chen, about "Parcel not delivered after a week": we answer within 30 minutes. https://help.example.com/hall/complaints/C-2026-000123');
    expect(p.sms).toBe('C-2026-000123 received');
    expect(p.problems).toEqual([]);
    // every variable of the kind has the value the preview used, derived ones included
    expect(Object.keys(p.sample).sort()).toEqual(['complaintNumber', 'complaintSubject', 'customerName', 'progressUrl', 'promise']);
    expect(p.sample.promise).toBe('within 30 minutes');
  });

  it('Chinese samples for zh-CN; fields left out preview the current wording', async () => {
    const p = json<Preview>(await preview('handed_to_department', 'zh-CN', { sms: '已转交{{department}}' }));
    expect(p.sms).toBe('已转交物流部');
    expect(p.subject).toBe('您的投诉 C-2026-000123 已转交物流部');
    expect(p.body.startsWith('陈晓明，您好：')).toBe(true);
  });

  it('lists unknown variables and stray braces as problems instead of refusing the draft', async () => {
    const p = json<Preview>(await preview('resolved', 'en', { subject: 'Refund {{refundAmount}}', body: 'Done {{customerName}', sms: '' }));
    expect(p.subject).toBe('Refund ');
    expect(p.problems.map((x) => x.path)).toEqual(['body.subject', 'body.body']);
    expect(p.problems[0]!.message).toContain('{{refundAmount}}');
    expect(p.problems[1]!.message).toContain('unbalanced');
  });

  it('a survey preview shows the link’s shape, not a signed link', async () => {
    const p = json<Preview>(await preview('survey', 'en', {}));
    expect(p.sample.surveyUrl).toBe('https://help.example.com/survey/…');
    expect(p.body).toContain('https://help.example.com/survey/…');
  });

  it('admins only; unknown kind or locale 404; bad body 400/422', async () => {
    expect((await preview('resolved', 'en', {}, agent.token)).statusCode).toBe(403);
    expect((await t.request('POST', '/api/v1/admin/notice-templates/resolved/en/preview', { body: {} })).statusCode).toBe(401);
    expect((await preview('nonsense', 'en', {})).statusCode).toBe(404);
    expect((await preview('resolved', 'fr', {})).statusCode).toBe(404);
    const tooLong = await preview('resolved', 'en', { subject: 'x'.repeat(301) });
    expect(tooLong.statusCode).toBeGreaterThanOrEqual(400);
    expect(tooLong.statusCode).toBeLessThan(500);
    expect(json<{ error: { code: string } }>(tooLong).error.code).toBe('validation_failed');
    expect((await preview('resolved', 'en', { subject: 'a', extra: 1 })).statusCode).toBeLessThan(500);
  });

  it('the template list carries the built-in wording next to an override', async () => {
    const put = await t.request('PUT', '/api/v1/admin/notice-templates/resolved/en', { token: admin.token, body: { subject: 'Sorted: {{complaintNumber}}', body: 'Done.', sms: 'Done.' } });
    expect(put.statusCode, put.body).toBe(200);
    const list = json<{ items: Listed[] }>(await t.request('GET', '/api/v1/admin/notice-templates', { token: admin.token }));
    const resolved = list.items.find((i) => i.kind === 'resolved' && i.locale === 'en')!;
    expect(resolved).toMatchObject({ custom: true, subject: 'Sorted: {{complaintNumber}}', default: DEFAULT_TEMPLATES.resolved.en });
    // the preview of a saved override starts from the override
    expect(json<Preview>(await preview('resolved', 'en', {})).subject).toBe('Sorted: C-2026-000123');
    await t.request('DELETE', '/api/v1/admin/notice-templates/resolved/en', { token: admin.token });
    expect(json<Preview>(await preview('resolved', 'en', {})).subject).toBe('Your complaint C-2026-000123 is resolved');
  });
});
