import type { NoticeKind, NoticeLocale } from './notice-kinds.js';

/** The words of one notice: email subject, email / in-app body, and the short SMS text. */
export interface NoticeTemplate {
  subject: string;
  body: string;
  sms: string;
}

const COMMON = ['customerName', 'complaintNumber', 'complaintSubject', 'progressUrl'] as const;

/** Variables a template of each kind may use ({{name}}); anything else is refused when staff edit. */
export const TEMPLATE_VARIABLES: Record<NoticeKind, readonly string[]> = {
  received: [...COMMON, 'promise'],
  being_handled: [...COMMON],
  handed_to_department: [...COMMON, 'department'],
  awaiting_reply: [...COMMON],
  resolved: [...COMMON],
  survey: [...COMMON, 'surveyUrl'],
  survey_reminder: [...COMMON, 'surveyUrl'],
  reopened: [...COMMON],
  reply: [...COMMON, 'replyText'],
};

const zh = (subject: string, body: string, sms: string): NoticeTemplate => ({
  subject,
  body: `{{customerName}}，您好：\n\n${body}\n\n查看进度：{{progressUrl}}`,
  sms: `【Loopdesk】${sms}`,
});
const en = (subject: string, body: string, sms: string): NoticeTemplate => ({
  subject,
  body: `Dear {{customerName}},\n\n${body}\n\nFollow your complaint: {{progressUrl}}`,
  sms: `Loopdesk: ${sms}`,
});

/** Built-in wording; staff may override any kind and locale (notice_templates table). */
export const DEFAULT_TEMPLATES: Record<NoticeKind, Record<NoticeLocale, NoticeTemplate>> = {
  received: {
    'zh-CN': zh(
      '我们已收到您的投诉 {{complaintNumber}}',
      '我们已收到您关于“{{complaintSubject}}”的投诉（编号 {{complaintNumber}}），将在{{promise}}给您答复。',
      '已收到您的投诉 {{complaintNumber}}，我们将在{{promise}}答复您。进度：{{progressUrl}}',
    ),
    en: en(
      'We received your complaint {{complaintNumber}}',
      'We received your complaint "{{complaintSubject}}" (number {{complaintNumber}}). We will reply {{promise}}.',
      'we received your complaint {{complaintNumber}} and will reply {{promise}}. Progress: {{progressUrl}}',
    ),
  },
  being_handled: {
    'zh-CN': zh('您的投诉 {{complaintNumber}} 正在处理', '您的投诉“{{complaintSubject}}”已有专人处理。', '您的投诉 {{complaintNumber}} 正在处理中。进度：{{progressUrl}}'),
    en: en('Your complaint {{complaintNumber}} is being handled', 'Someone is now working on your complaint "{{complaintSubject}}".', 'your complaint {{complaintNumber}} is being handled. Progress: {{progressUrl}}'),
  },
  handed_to_department: {
    'zh-CN': zh(
      '您的投诉 {{complaintNumber}} 已转交{{department}}',
      '为了解决您的问题，我们已将投诉“{{complaintSubject}}”转交{{department}}处理，您的客服专员会持续跟进并给您最终答复。',
      '您的投诉 {{complaintNumber}} 已转交{{department}}处理。进度：{{progressUrl}}',
    ),
    en: en(
      'Your complaint {{complaintNumber}} was handed to {{department}}',
      'To solve your problem we handed your complaint "{{complaintSubject}}" to our {{department}} team. Your agent keeps following it and will give you the final answer.',
      'your complaint {{complaintNumber}} was handed to {{department}}. Progress: {{progressUrl}}',
    ),
  },
  awaiting_reply: {
    'zh-CN': zh('投诉 {{complaintNumber}}：等待您的回复', '为继续处理您的投诉“{{complaintSubject}}”，我们需要您的回复，请查看并回复我们的问题。', '投诉 {{complaintNumber}} 需要您的回复：{{progressUrl}}'),
    en: en('Complaint {{complaintNumber}}: waiting for your reply', 'To go on with your complaint "{{complaintSubject}}" we need your answer. Please read our question and reply.', 'complaint {{complaintNumber}} needs your reply: {{progressUrl}}'),
  },
  resolved: {
    'zh-CN': zh('您的投诉 {{complaintNumber}} 已解决', '您的投诉“{{complaintSubject}}”已处理完毕。如仍有问题，可在进度页面重新打开。', '您的投诉 {{complaintNumber}} 已解决。如有问题请查看：{{progressUrl}}'),
    en: en('Your complaint {{complaintNumber}} is resolved', 'Your complaint "{{complaintSubject}}" is resolved. If anything is still wrong you can reopen it on the progress page.', 'your complaint {{complaintNumber}} is resolved. Anything left? {{progressUrl}}'),
  },
  survey: {
    'zh-CN': zh('请评价我们对投诉 {{complaintNumber}} 的处理', '感谢您的耐心。请花一分钟评价我们的处理：{{surveyUrl}}', '请评价投诉 {{complaintNumber}} 的处理：{{surveyUrl}}'),
    en: en('How did we handle complaint {{complaintNumber}}?', 'Thank you for your patience. Please take a minute to rate how we handled it: {{surveyUrl}}', 'please rate how we handled complaint {{complaintNumber}}: {{surveyUrl}}'),
  },
  survey_reminder: {
    'zh-CN': zh('提醒：请评价投诉 {{complaintNumber}} 的处理', '您还没有评价我们的处理，您的意见对我们很重要：{{surveyUrl}}', '提醒：请评价投诉 {{complaintNumber}} 的处理：{{surveyUrl}}'),
    en: en('Reminder: how did we handle complaint {{complaintNumber}}?', 'You have not rated our handling yet; your opinion matters to us: {{surveyUrl}}', 'reminder — please rate complaint {{complaintNumber}}: {{surveyUrl}}'),
  },
  reopened: {
    'zh-CN': zh('您的投诉 {{complaintNumber}} 已重新打开', '您的投诉“{{complaintSubject}}”已重新打开，我们会继续处理直到您满意。', '您的投诉 {{complaintNumber}} 已重新打开，我们会继续处理。进度：{{progressUrl}}'),
    en: en('Your complaint {{complaintNumber}} was reopened', 'Your complaint "{{complaintSubject}}" was reopened; we will keep working on it until you are satisfied.', 'your complaint {{complaintNumber}} was reopened; we keep working on it. Progress: {{progressUrl}}'),
  },
  reply: {
    'zh-CN': { subject: '回复：{{complaintSubject}}', body: '{{replyText}}\n\n——\n投诉编号 {{complaintNumber}}，查看进度：{{progressUrl}}', sms: '【Loopdesk】您的投诉 {{complaintNumber}} 有新回复：{{progressUrl}}' },
    en: { subject: 'Re: {{complaintSubject}}', body: '{{replyText}}\n\n--\nComplaint {{complaintNumber}} · follow it at {{progressUrl}}', sms: 'Loopdesk: new reply on your complaint {{complaintNumber}}: {{progressUrl}}' },
  },
};

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** Fills {{name}} placeholders; a variable without a value renders empty (never "undefined"). */
export function renderTemplate(template: string, vars: Readonly<Record<string, string | null | undefined>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => vars[name] ?? '');
}

/** Placeholders a template uses that its kind does not offer, and stray braces. */
export function templateProblems(kind: NoticeKind, template: string): string[] {
  const allowed = TEMPLATE_VARIABLES[kind];
  const problems: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (!allowed.includes(m[1]!)) problems.push(`unknown variable {{${m[1]}}} (allowed: ${allowed.join(', ')})`);
  }
  if (/\{\{|\}\}/.test(template.replace(PLACEHOLDER, ''))) problems.push('unbalanced {{ }}');
  return problems;
}

/** "within 30 minutes" / "30 分钟内", from the minutes left until the first-response deadline (rounded up). */
export function slaPromise(minutes: number, locale: NoticeLocale): string {
  const m = Math.max(1, Math.ceil(minutes));
  if (m < 120) return locale === 'en' ? `within ${m} minutes` : `${m} 分钟内`;
  const h = Math.ceil(m / 60);
  if (h < 48) return locale === 'en' ? `within ${h} hours` : `${h} 小时内`;
  const d = Math.ceil(h / 24);
  return locale === 'en' ? `within ${d} days` : `${d} 天内`;
}
