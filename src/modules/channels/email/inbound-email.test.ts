import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { createTestApp, json, type TestApp } from '../../../test/test-app.js';
import { acceptInboundEmail } from './accept-inbound-email.js';
import { parseImapUrl } from './imap-poller.js';
import { storeInboundEmail } from './inbound-email-store.js';
import { runInboundEmailSweep } from './inbound-email-sweep.js';

type Msg = { id: string; kind: string; channel: string; body: string; attachments: Array<Record<string, unknown>>; metadata: Record<string, unknown> };
type Complaint = { id: string; number: string; channel: string; status: string; customer: { id: string } | string; customerId?: string; subject: string };
type Inbound = { id: string; status: string; error: string | null; complaintId: string | null; messageId: string | null; emailMessageId: string | null };

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 32)]);

let t: TestApp;
let admin: { token: string };
let agent: { token: string };
const smtpClient = (port: number) => nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
let mailer: ReturnType<typeof smtpClient>;

beforeAll(async () => {
  t = await createTestApp({ config: { INBOUND_SMTP_PORT: '0' } });
  admin = await t.user('admin');
  agent = await t.user('agent');
  mailer = smtpClient(t.server.smtp!.port);
}, 180_000); // a fresh database and migrations: slow on a loaded machine
afterAll(async () => {
  mailer?.close();
  await t.stop();
});

async function inboundByMessageId(messageId: string): Promise<Inbound[]> {
  const rows = await t.db.query<{ id: string; status: string; error: string | null; complaint_id: string | null; message_id: string | null; message_id_header: string | null }>(
    'select id, status, error, complaint_id, message_id, message_id_header from inbound_emails where message_id_header = $1 order by received_at, id', [messageId]);
  return rows.map((r) => ({ id: r.id, status: r.status, error: r.error, complaintId: r.complaint_id, messageId: r.message_id, emailMessageId: r.message_id_header }));
}

async function complaint(id: string) {
  const res = await t.request('GET', `/api/v1/complaints/${id}`, { token: agent.token });
  expect(res.statusCode).toBe(200);
  return json<Complaint>(res);
}

async function messages(id: string) {
  return json<{ items: Msg[] }>(await t.request('GET', `/api/v1/complaints/${id}/messages`, { token: agent.token })).items;
}

async function events(id: string) {
  return json<{ items: Array<{ type: string; lane: string; data: Record<string, unknown> }> }>(
    await t.request('GET', `/api/v1/complaints/${id}/events`, { token: agent.token })).items;
}

let first: { complaintId: string; number: string };

describe('inbound email through the real SMTP listener', () => {
  it('a new mail becomes a complaint on the email channel, its sender matched or created as the customer', async () => {
    const info = await mailer.sendMail({
      from: 'Alice Wang <Alice@Example.com>', to: 'support@loopdesk.local', subject: 'My parcel never arrived',
      text: 'I ordered a lamp two weeks ago and the courier says delivered but nothing came. Please help.',
      messageId: '<first-1@example.com>',
    });
    expect(info.response).toMatch(/^250 /);
    const [row] = await inboundByMessageId('<first-1@example.com>');
    expect(row!.status).toBe('processed');
    expect(row!.messageId).toBeNull();
    const c = await complaint(row!.complaintId!);
    expect(c.channel).toBe('email');
    expect(c.subject).toBe('My parcel never arrived');
    const [cust] = await t.db.query<{ email: string; name: string }>('select cu.email, cu.name from complaints c join customers cu on cu.id = c.customer_id where c.id = $1', [c.id]);
    expect(cust).toEqual({ email: 'alice@example.com', name: 'Alice Wang' });
    const ev = await events(c.id);
    expect(ev.map((e) => e.type)).toContain('complaint.classified');
    const received = ev.find((e) => e.type === 'email.received')!;
    expect(received.lane).toBe('customer');
    expect(received.data).toMatchObject({ emailMessageId: '<first-1@example.com>', from: 'alice@example.com', threadedBy: null });
    first = { complaintId: c.id, number: c.number };
  });

  it('a reply whose In-Reply-To names our outbound Message-ID threads into that complaint as an email message', async () => {
    await mailer.sendMail({
      from: 'alice@example.com', to: 'support@loopdesk.local', subject: 'Re: We received your complaint',
      text: 'Still nothing.\n\nOn Mon, Support wrote:\n> We are looking into it.',
      messageId: '<reply-1@example.com>',
      inReplyTo: `<${first.number}.0b5e4a4e-1111-4222-8333-944455556666@loopdesk.local>`,
      references: [`<${first.number}.0b5e4a4e-1111-4222-8333-944455556666@loopdesk.local>`],
    });
    const [row] = await inboundByMessageId('<reply-1@example.com>');
    expect(row).toMatchObject({ status: 'processed', complaintId: first.complaintId });
    const msgs = await messages(first.complaintId);
    const reply = msgs.find((m) => m.id === row!.messageId)!;
    expect(reply).toMatchObject({ kind: 'customer', channel: 'email', body: 'Still nothing.' });
    expect(reply.metadata).toMatchObject({ email: { messageId: '<reply-1@example.com>', from: 'alice@example.com' } });
    const ev = (await events(first.complaintId)).filter((e) => e.type === 'email.received');
    expect(ev.at(-1)!.data).toMatchObject({ threadedBy: 'references', messageId: row!.messageId });
  });

  it('a reply that only carries the [C-…] token in its subject threads too', async () => {
    await mailer.sendMail({
      from: 'ALICE@example.com', to: 'support@loopdesk.local', subject: `Re: your case [${first.number}]`,
      text: 'Any news?', messageId: '<reply-2@example.com>',
    });
    const [row] = await inboundByMessageId('<reply-2@example.com>');
    expect(row).toMatchObject({ status: 'processed', complaintId: first.complaintId });
    expect((await messages(first.complaintId)).map((m) => m.body)).toContain('Any news?');
  });

  it('a redelivered message (same Message-ID) is stored but not applied twice', async () => {
    const before = (await messages(first.complaintId)).length;
    t.clock.advance(1000); // the redelivery arrives later: its row sorts after the first
    const info = await mailer.sendMail({
      from: 'alice@example.com', to: 'support@loopdesk.local', subject: `Re: your case [${first.number}]`,
      text: 'Any news?', messageId: '<reply-2@example.com>',
    });
    expect(info.response).toMatch(/^250 /);
    const rows = await inboundByMessageId('<reply-2@example.com>');
    expect(rows.map((r) => r.status)).toEqual(['processed', 'duplicate']);
    expect(rows[1]!.complaintId).toBe(first.complaintId);
    expect(rows[1]!.messageId).toBe(rows[0]!.messageId);
    expect((await messages(first.complaintId)).length).toBe(before);
  });

  it("mail from another address naming someone else's complaint opens its own complaint instead", async () => {
    await mailer.sendMail({
      from: 'mallory@example.org', to: 'support@loopdesk.local', subject: `Re: [${first.number}] refund me`,
      text: 'Please refund to my card instead.', messageId: '<forged-1@example.org>',
    });
    const [row] = await inboundByMessageId('<forged-1@example.org>');
    expect(row!.status).toBe('processed');
    expect(row!.complaintId).not.toBe(first.complaintId);
    const c = await complaint(row!.complaintId!);
    expect(c.subject).not.toContain(first.number);
    const received = (await events(c.id)).find((e) => e.type === 'email.received')!;
    expect(received.data.threadRefused).toBe(first.number);
    expect((await messages(first.complaintId)).map((m) => m.body)).not.toContain('Please refund to my card instead.');
  });

  it('keeps attachments checked by content: a PDF named .png is refused and recorded, a real PNG is stored and served', async () => {
    await mailer.sendMail({
      from: 'alice@example.com', to: 'support@loopdesk.local', subject: `Photos [${first.number}]`, text: 'Photos attached.',
      messageId: '<attach-1@example.com>',
      attachments: [
        { filename: 'box.png', content: PNG, contentType: 'image/png' },
        { filename: 'invoice.png', content: PDF, contentType: 'image/png' },
        { filename: 'run.exe', content: Buffer.from('MZ\x90\x00binary'), contentType: 'application/octet-stream' },
      ],
    });
    const [row] = await inboundByMessageId('<attach-1@example.com>');
    expect(row!.status).toBe('processed');
    const msg = (await messages(first.complaintId)).find((m) => m.id === row!.messageId)!;
    expect(msg.body).toBe('Photos attached.');
    expect(msg.attachments.map((a) => [a.name, a.status, a.reason ?? null])).toEqual([
      ['box.png', 'stored', null], ['invoice.png', 'rejected', 'type_mismatch'], ['run.exe', 'rejected', 'type_not_allowed'],
    ]);
    const list = json<{ items: Array<{ id: string; status: string; contentType: string | null; url: string | null }> }>(
      await t.request('GET', `/api/v1/complaints/${first.complaintId}/attachments`, { token: agent.token })).items;
    expect(list.map((a) => a.contentType)).toEqual(['image/png', 'application/pdf', null]);
    const png = list[0]!;
    const download = await t.request('GET', png.url!, { token: agent.token });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    // A refused file is never served.
    expect((await t.request('GET', `/api/v1/complaints/${first.complaintId}/attachments/${list[1]!.id}`, { token: agent.token })).statusCode).toBe(404);
    // Another customer cannot reach it.
    const other = await t.customer();
    expect((await t.request('GET', png.url!, { token: other.token })).statusCode).toBe(404);
    const ev = (await events(first.complaintId)).filter((e) => e.type === 'email.received').at(-1)!;
    expect(ev.data).toMatchObject({ attachments: 1, rejectedAttachments: 2 });
  });

  it('an attachment over 10 MB in a mail under the limit is recorded as too large; the message is kept', async () => {
    await mailer.sendMail({
      from: 'alice@example.com', to: 'support@loopdesk.local', subject: `Scan [${first.number}]`, text: 'Full scan attached.',
      messageId: '<big-attach-1@example.com>',
      attachments: [{ filename: 'scan.pdf', content: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024, 32)]), contentType: 'application/pdf' }],
    });
    const [row] = await inboundByMessageId('<big-attach-1@example.com>');
    expect(row!.status).toBe('processed');
    const msg = (await messages(first.complaintId)).find((m) => m.id === row!.messageId)!;
    expect(msg.body).toBe('Full scan attached.');
    expect(msg.attachments).toMatchObject([{ name: 'scan.pdf', status: 'rejected', reason: 'too_large' }]);
    const [stored] = await t.db.query<{ has_content: boolean }>('select content is not null as has_content from channel_attachments where message_id = $1', [row!.messageId]);
    expect(stored!.has_content).toBe(false);
  }, 60_000);

  it('refuses mail over the size limit (30 MB) with 552 and stores nothing', async () => {
    const { n: before } = (await t.db.query<{ n: number }>('select count(*)::int as n from inbound_emails'))[0]!;
    const err = await mailer.sendMail({
      from: 'alice@example.com', to: 'support@loopdesk.local', subject: 'huge', text: 'big file',
      attachments: [{ filename: 'big.pdf', content: Buffer.concat([PDF, Buffer.alloc(30 * 1024 * 1024, 65)]) }],
    }).then(() => null, (e: { responseCode?: number }) => e);
    expect(err?.responseCode).toBe(552);
    const { n: after } = (await t.db.query<{ n: number }>('select count(*)::int as n from inbound_emails'))[0]!;
    expect(after).toBe(before);
  }, 60_000);

  it('a malformed message does not crash the listener: it is kept as a dead letter admins can read and retry', async () => {
    const raw = 'Subject: \u00ff\u00fe broken\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\n\u0000\u0001 garbage';
    const info = await mailer.sendMail({ envelope: { from: 'x@bad.example', to: ['support@loopdesk.local'] }, raw });
    expect(info.response).toMatch(/^250 /);
    const list = json<{ items: Array<{ id: string; status: string; error: string; envelopeFrom: string }> }>(
      await t.request('GET', '/api/v1/admin/inbound-emails?status=failed', { token: admin.token })).items;
    const dead = list.find((i) => i.envelopeFrom === 'x@bad.example')!;
    expect(dead.error).toMatch(/no usable From/);
    const rawRes = await t.request('GET', `/api/v1/admin/inbound-emails/${dead.id}/raw`, { token: admin.token });
    expect(rawRes.statusCode).toBe(200);
    expect(rawRes.headers['content-type']).toBe('message/rfc822');
    expect(rawRes.body).toContain('garbage');
    expect((await t.request('GET', '/api/v1/admin/inbound-emails?status=failed', { token: agent.token })).statusCode).toBe(403);
    const retry = await t.request('POST', `/api/v1/admin/inbound-emails/${dead.id}/retry`, { token: admin.token });
    expect(json<{ status: string; outcome: string }>(retry)).toMatchObject({ status: 'failed', outcome: 'failed' });
    // A deeply nested multipart (a MIME bomb shape) is bounded by the size limit and handled like any mail.
    const depth = 200;
    let body = 'Content-Type: text/plain\r\n\r\nhello from the bottom\r\n';
    for (let i = depth; i > 0; i--) body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
    const nested = await mailer.sendMail({
      envelope: { from: 'deep@example.com', to: ['support@loopdesk.local'] },
      raw: `From: deep@example.com\r\nTo: support@loopdesk.local\r\nSubject: nested\r\nMessage-ID: <nested-1@example.com>\r\nMIME-Version: 1.0\r\n${body}`,
    });
    expect(nested.response).toMatch(/^250 /);
    const [row] = await inboundByMessageId('<nested-1@example.com>');
    expect(['processed', 'failed']).toContain(row!.status);
    // The listener still takes mail afterwards.
    const after = await mailer.sendMail({ from: 'bob@example.com', to: 'support@loopdesk.local', subject: 'Double charge', text: 'I was charged twice for one order.', messageId: '<after-1@example.com>' });
    expect(after.response).toMatch(/^250 /);
    expect((await inboundByMessageId('<after-1@example.com>'))[0]!.status).toBe('processed');
  });

  it('a reply to a closed complaint opens a new one rather than being lost', async () => {
    const sup = await t.user('supervisor');
    const c = first.complaintId;
    for (const status of ['in_progress', 'resolved', 'closed']) {
      const res = await t.request('POST', `/api/v1/complaints/${c}/status`, { token: sup.token, body: { status } });
      expect(res.statusCode, res.body).toBe(200);
    }
    await mailer.sendMail({ from: 'alice@example.com', to: 'support@loopdesk.local', subject: `Re: [${first.number}]`, text: 'It broke again.', messageId: '<late-1@example.com>' });
    const [row] = await inboundByMessageId('<late-1@example.com>');
    expect(row!.status).toBe('processed');
    expect(row!.complaintId).not.toBe(c);
    expect((await complaint(row!.complaintId!)).channel).toBe('email');
    expect((await messages(c)).map((m) => m.body)).not.toContain('It broke again.');
  });
});

describe('the pipeline entry the IMAP poller calls', () => {
  it('stores and processes a fetched message like one from the listener', async () => {
    const raw = Buffer.from('From: Carol <carol@example.net>\r\nTo: support@loopdesk.local\r\nSubject: App login fails\r\nMessage-ID: <imap-1@example.net>\r\n\r\nThe app says error 500 when I log in.\r\n');
    const { id, outcome } = await acceptInboundEmail(t.server.ctx, { raw, transport: 'imap', envelopeFrom: 'carol@example.net', envelopeTo: ['support@loopdesk.local'], remoteAddress: 'imap.example.net' });
    expect(outcome).toMatchObject({ status: 'processed', created: true });
    const [row] = await t.db.query<{ transport: string; status: string }>('select transport, status from inbound_emails where id = $1', [id]);
    expect(row).toEqual({ transport: 'imap', status: 'processed' });
    // Polled twice (e.g. the \Seen flag was not set before a crash): deduplicated.
    const again = await acceptInboundEmail(t.server.ctx, { raw, transport: 'imap', envelopeFrom: null, envelopeTo: [], remoteAddress: null });
    expect(again.outcome).toMatchObject({ status: 'duplicate' });
  });

  it('a redelivery found by the statement that stores it is recorded as a duplicate before any matching: a changed From creates no customer', async () => {
    const raw = (from: string) => Buffer.from(`From: ${from}\r\nTo: support@loopdesk.local\r\nSubject: Broken kettle\r\nMessage-ID: <redeliver-1@example.net>\r\n\r\nThe kettle leaks.\r\n`);
    const first = await acceptInboundEmail(t.server.ctx, { raw: raw('erin@example.net'), transport: 'smtp', envelopeFrom: null, envelopeTo: [], remoteAddress: null });
    expect(first.outcome).toMatchObject({ status: 'processed', created: true });
    const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from customers'))[0]!.n;
    const before = await count();
    const again = await acceptInboundEmail(t.server.ctx, { raw: raw('someone-else@example.org'), transport: 'smtp', envelopeFrom: null, envelopeTo: [], remoteAddress: null });
    expect(again.outcome).toMatchObject({ status: 'duplicate', complaintId: (first.outcome as { complaintId: string }).complaintId, created: false });
    expect(await count()).toBe(before);
    const [row] = await t.db.query<{ status: string; complaint_id: string; message_id_header: string }>(
      'select status, complaint_id, message_id_header from inbound_emails where id = $1', [again.id]);
    expect(row).toEqual({ status: 'duplicate', complaint_id: (first.outcome as { complaintId: string }).complaintId, message_id_header: '<redeliver-1@example.net>' });
  });

  it('mail without a Message-ID is deduplicated by its content', async () => {
    const raw = Buffer.from('From: fay@example.net\r\nTo: support@loopdesk.local\r\nSubject: No id\r\n\r\nMy order never shipped.\r\n');
    const mail = { raw, transport: 'smtp' as const, envelopeFrom: null, envelopeTo: [], remoteAddress: null };
    const a = await acceptInboundEmail(t.server.ctx, mail);
    const b = await acceptInboundEmail(t.server.ctx, mail);
    expect(a.outcome).toMatchObject({ status: 'processed', created: true });
    expect(b.outcome).toMatchObject({ status: 'duplicate', complaintId: (a.outcome as { complaintId: string }).complaintId });
  });

  it('two deliveries of one Message-ID at the same time: one complaint, the other recorded as its duplicate', async () => {
    const raw = Buffer.from('From: gus@example.net\r\nTo: support@loopdesk.local\r\nSubject: Twice\r\nMessage-ID: <race-1@example.net>\r\n\r\nCharged twice.\r\n');
    const mail = { raw, transport: 'smtp' as const, envelopeFrom: null, envelopeTo: [], remoteAddress: null };
    const both = await Promise.all([acceptInboundEmail(t.server.ctx, mail), acceptInboundEmail(t.server.ctx, mail)]);
    expect(both.map((r) => r.outcome!.status).sort()).toEqual(['duplicate', 'processed']);
    const ids = both.map((r) => (r.outcome as { complaintId: string }).complaintId);
    expect(ids[0]).toBe(ids[1]);
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from channel_refs where ref = 'email:<race-1@example.net>'`) as [{ n: number }];
    expect(n).toBe(1);
    const rows = await inboundByMessageId('<race-1@example.net>');
    expect(rows.map((r) => r.status).sort()).toEqual(['duplicate', 'processed']);
  });

  it('the sweep finishes mail that was stored but never processed (e.g. the process stopped in between); HTML-only mail becomes text', async () => {
    const raw = Buffer.from('From: dan@example.net\r\nTo: support@loopdesk.local\r\nSubject: Rude courier\r\nMessage-ID: <orphan-1@example.net>\r\nContent-Type: text/html\r\n\r\n<p>The courier <b>shouted</b> at me.</p><script>alert(1)</script>\r\n');
    const id = await storeInboundEmail(t.db, { raw, transport: 'smtp', envelopeFrom: null, envelopeTo: [], remoteAddress: null }, t.clock.now());
    expect(await runInboundEmailSweep(t.server.ctx)).toBe(0); // still in its grace period: the listener may be working on it
    t.clock.advance(3 * 60_000);
    expect(await runInboundEmailSweep(t.server.ctx)).toBe(1);
    const [row] = await t.db.query<{ status: string; complaint_id: string }>('select status, complaint_id from inbound_emails where id = $1', [id]);
    expect(row!.status).toBe('processed');
    const [c] = await t.db.query<{ description: string }>('select description from complaints where id = $1', [row!.complaint_id]);
    expect(c!.description).toContain('The courier SHOUTED at me.'.replace('SHOUTED', 'shouted'));
    expect(c!.description).not.toContain('<');
  });

  it('reads IMAP_URL', () => {
    expect(parseImapUrl('imaps://u%40x:p%3Aw@imap.example.com/Support')).toEqual({
      host: 'imap.example.com', port: 993, secure: true, auth: { user: 'u@x', pass: 'p:w' }, mailbox: 'Support',
    });
    expect(parseImapUrl('imap://u:p@localhost:1143').mailbox).toBe('INBOX');
  });
});
