/**
 * What a progress notice tells the customer (issue 4 §3). One kind per customer-visible step;
 * `reply` carries an agent's public reply (emailed in the complaint's thread).
 */
export const NOTICE_KINDS = [
  'received',
  'being_handled',
  'handed_to_department',
  'awaiting_reply',
  'resolved',
  'survey',
  'survey_reminder',
  'reopened',
  'reply',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_CHANNELS = ['email', 'sms', 'in_app'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export const NOTICE_LOCALES = ['zh-CN', 'en'] as const;
export type NoticeLocale = (typeof NOTICE_LOCALES)[number];

/** Customers' locales map onto the two we write templates in. */
export function noticeLocale(locale: string | null | undefined): NoticeLocale {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
