import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from './signed-tokens.js';

const now = new Date('2026-03-02T00:00:00Z');
const later = new Date('2026-03-03T00:00:00Z');

describe('signed tokens', () => {
  it('round-trips the data until it expires', () => {
    const t = signToken('k', 'survey', { surveyId: 'abc' }, later);
    expect(verifyToken('k', 'survey', t, now)).toEqual({ ok: true, data: { surveyId: 'abc' } });
    expect(verifyToken('k', 'survey', t, later)).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects another key, another purpose and a tampered body', () => {
    const t = signToken('k', 'survey', { surveyId: 'abc' }, later);
    expect(verifyToken('other', 'survey', t, now)).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(verifyToken('k', 'magic_link', t, now)).toMatchObject({ ok: false, reason: 'bad_signature' });
    const [, sig] = t.split('.');
    const forged = `${Buffer.from(JSON.stringify({ surveyId: 'xyz', exp: 9e9 })).toString('base64url')}.${sig}`;
    expect(verifyToken('k', 'survey', forged, now)).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('calls garbage malformed rather than throwing', () => {
    for (const g of ['', '.', 'a.b.c', 'no-dot', '%%%.%%%']) expect(verifyToken('k', 'p', g, now).ok).toBe(false);
  });
});
