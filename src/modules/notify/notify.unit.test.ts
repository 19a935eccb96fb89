import { describe, expect, it } from 'vitest';
import { chooseChannels } from './choose-channels.js';
import { noticeKindFor } from './enqueue-notices.js';
import { DEFAULT_TEMPLATES, renderTemplate, slaPromise, templateProblems, TEMPLATE_VARIABLES } from './notice-templates.js';
import { NOTICE_KINDS, NOTICE_LOCALES } from './notice-kinds.js';
import { parseQuietHours, quietHoursEnd } from './quiet-hours.js';

describe('quiet hours', () => {
  const q = { start: 22 * 60, end: 8 * 60, timeZone: 'Asia/Shanghai' };
  it('defers inside the hours across midnight, to the local end', () => {
    expect(quietHoursEnd(new Date('2026-03-02T14:00:00Z'), q)?.toISOString()).toBe('2026-03-03T00:00:00.000Z'); // 22:00 local
    expect(quietHoursEnd(new Date('2026-03-02T18:00:00Z'), q)?.toISOString()).toBe('2026-03-03T00:00:00.000Z'); // 02:00 local
    expect(quietHoursEnd(new Date('2026-03-03T00:00:00Z'), q)).toBeNull(); // 08:00 local: over
    expect(quietHoursEnd(new Date('2026-03-02T13:59:00Z'), q)).toBeNull(); // 21:59 local
  });
  it('handles hours within one day and the DST of another zone', () => {
    const day = { start: 12 * 60, end: 14 * 60, timeZone: 'Europe/Berlin' };
    // 2026-03-29 is the spring-forward day in Berlin (UTC+2 from 03:00)
    expect(quietHoursEnd(new Date('2026-03-29T10:30:00Z'), day)?.toISOString()).toBe('2026-03-29T12:00:00.000Z');
    expect(quietHoursEnd(new Date('2026-03-29T09:59:00Z'), day)).toBeNull();
  });
  it('parses the setting', () => {
    expect(parseQuietHours('22:00-08:00')).toEqual({ start: 1320, end: 480 });
    expect(parseQuietHours('off')).toBeNull();
    expect(() => parseQuietHours('25:00-08:00')).toThrow();
  });
});

describe('templates', () => {
  it('every built-in template uses only its kind\'s variables, in both locales', () => {
    for (const kind of NOTICE_KINDS) {
      for (const locale of NOTICE_LOCALES) {
        const t = DEFAULT_TEMPLATES[kind][locale];
        expect([...templateProblems(kind, t.subject), ...templateProblems(kind, t.body), ...templateProblems(kind, t.sms)]).toEqual([]);
      }
    }
  });
  it('refuses unknown variables and stray braces', () => {
    expect(templateProblems('received', 'x {{surveyUrl}}')[0]).toContain('unknown variable {{surveyUrl}}');
    expect(templateProblems('survey', 'x {{surveyUrl}}')).toEqual([]);
    expect(templateProblems('resolved', 'x {{ oops')).toEqual(['unbalanced {{ }}']);
    expect(TEMPLATE_VARIABLES.reply).toContain('replyText');
  });
  it('renders, leaving no "undefined" behind', () => {
    expect(renderTemplate('Hi {{customerName}}, {{missing}}!', { customerName: 'Li' })).toBe('Hi Li, !');
  });
  it('words the SLA promise', () => {
    expect(slaPromise(30, 'en')).toBe('within 30 minutes');
    expect(slaPromise(29.2, 'zh-CN')).toBe('30 分钟内');
    expect(slaPromise(120, 'en')).toBe('within 2 hours');
    expect(slaPromise(2880, 'zh-CN')).toBe('2 天内');
  });
});

describe('channels and kinds', () => {
  it('prefers the customer\'s choice, else the complaint\'s channel and contacts; in-app always', () => {
    const base = { email: 'a@b.c', phone: '+8613800000000' };
    expect(chooseChannels({ ...base, preference: null, complaintChannel: 'web' })).toEqual(['email', 'in_app']);
    expect(chooseChannels({ ...base, preference: null, complaintChannel: 'phone' })).toEqual(['sms', 'in_app']);
    expect(chooseChannels({ ...base, preference: 'sms', complaintChannel: 'email' })).toEqual(['sms', 'in_app']);
    expect(chooseChannels({ email: null, phone: null, preference: 'email', complaintChannel: 'email' })).toEqual(['in_app']);
    expect(chooseChannels({ ...base, preference: 'none', complaintChannel: 'web' })).toEqual([]);
  });
  it('maps status changes onto notices', () => {
    const s = (from: string, to: string) => noticeKindFor({ type: 'complaint.status_changed', data: { from, to, reason: null } });
    expect(s('new', 'in_progress')).toBe('being_handled');
    expect(s('awaiting_customer', 'in_progress')).toBeNull();
    expect(s('in_progress', 'awaiting_customer')).toBe('awaiting_reply');
    expect(s('in_progress', 'resolved')).toBe('resolved');
    expect(s('resolved', 'reopened')).toBe('reopened');
    expect(s('resolved', 'closed')).toBeNull();
  });

  it('a written reply is mailed; a logged phone call or a live chat line (the customer was there) is not', () => {
    const reply = (channel: string) => noticeKindFor({ type: 'message.public_reply', data: { messageId: 'm', channel, length: 3, firstResponse: false } });
    expect(reply('email')).toBe('reply');
    expect(reply('web')).toBe('reply');
    expect(reply('phone')).toBeNull();
    expect(reply('chat')).toBeNull();
  });
});
