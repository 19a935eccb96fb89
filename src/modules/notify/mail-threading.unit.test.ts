import { describe, expect, it } from 'vitest';
import { complaintNumberFromMail, outboundMessageId, subjectWithToken } from './mail-threading.js';
import { renderSmsBody } from './transports/sms-transport.js';

describe('mail threading', () => {
  it('finds the complaint from our own Message-ID in References', () => {
    const id = outboundMessageId('C-2026-000123', 'loopdesk.test');
    expect(complaintNumberFromMail({ references: ['<x@gmail.com>', id] }, 'loopdesk.test')).toBe('C-2026-000123');
    expect(complaintNumberFromMail({ inReplyTo: id }, 'loopdesk.test')).toBe('C-2026-000123');
  });

  it('ignores look-alike ids from other domains but honours the subject token', () => {
    expect(complaintNumberFromMail({ inReplyTo: '<C-2026-000999.x@evil.example>' }, 'loopdesk.test')).toBeNull();
    expect(complaintNumberFromMail({ subject: 'Re: Your complaint [C-2026-000777]' }, 'loopdesk.test')).toBe('C-2026-000777');
  });

  it('adds the subject token once', () => {
    const s = subjectWithToken('We received your complaint', 'C-2026-000001');
    expect(subjectWithToken(s, 'C-2026-000001')).toBe('We received your complaint [C-2026-000001]');
  });
});

describe('SMS body template', () => {
  it('escapes the text as JSON string content', () => {
    const body = renderSmsBody('{"to":"{{to}}","msg":"{{text}}"}', { to: '+8613800000000', text: 'say "hi"\n好' });
    expect(JSON.parse(body)).toEqual({ to: '+8613800000000', msg: 'say "hi"\n好' });
  });
});
