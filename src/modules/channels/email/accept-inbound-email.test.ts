import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { acceptInboundEmail } from './accept-inbound-email.js';

// mailparser failing outright (rather than parsing to something unusable): the message is parsed
// before it is stored, so a parse that throws must still leave the raw bytes stored as a dead letter.
vi.mock('./parse-email.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('./parse-email.js')>();
  return {
    ...real,
    parseEmail: (raw: Buffer) => (raw.includes('X-Test-Parser-Crash') ? Promise.reject(new Error('parser crashed')) : real.parseEmail(raw)),
  };
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 180_000);
afterAll(async () => {
  await t.stop();
});

describe('acceptInboundEmail when the parser throws', () => {
  it('stores the raw message all the same and keeps it as a dead letter with the reason', async () => {
    const raw = Buffer.from('From: hal@example.net\r\nX-Test-Parser-Crash: yes\r\nSubject: crash\r\nMessage-ID: <crash-1@example.net>\r\n\r\nbody\r\n');
    const { id, outcome } = await acceptInboundEmail(t.server.ctx, { raw, transport: 'smtp', envelopeFrom: 'hal@example.net', envelopeTo: [], remoteAddress: null });
    expect(outcome).toMatchObject({ status: 'failed', error: 'Error: parser crashed' });
    const [row] = await t.db.query<{ status: string; error: string; raw: Uint8Array; complaint_id: string | null }>(
      'select status, error, raw, complaint_id from inbound_emails where id = $1', [id]);
    expect(row!.status).toBe('failed');
    expect(row!.error).toBe('Error: parser crashed');
    expect(row!.complaint_id).toBeNull();
    expect(Buffer.from(row!.raw).equals(raw)).toBe(true);
  });
});
