/**
 * What an edited notice template will look like, before it is saved: rendered by the same
 * function that renders real notices (renderNotice), with made-up values for one complaint.
 */
import type { Config } from '../../config.js';
import { publicUrl } from '../../http/public-url.js';
import type { NoticeKind, NoticeLocale } from './notice-kinds.js';
import { templateProblems, TEMPLATE_VARIABLES, type NoticeTemplate } from './notice-templates.js';
import { renderNotice } from './render-notice.js';

/** The stored variables a real notice would carry (renderNotice derives the links and the promise from them). */
function storedSample(kind: NoticeKind, locale: NoticeLocale, year: number): Record<string, string> {
  const en = locale === 'en';
  const vars: Record<string, string> = {
    customerName: en ? 'Alex Chen' : '陈晓明',
    complaintNumber: `C-${year}-000123`,
    complaintSubject: en ? 'Parcel not delivered after a week' : '快递一周未送达',
  };
  // 30 minutes: the general tier's first-response time (DESIGN §2), the most common promise.
  if (kind === 'received') vars.promiseMinutes = '30';
  if (kind === 'handed_to_department') vars.department = en ? 'Logistics' : '物流部';
  if (kind === 'reply') vars.replyText = en ? 'We found your parcel at the depot; it goes out again tomorrow morning.' : '我们已在仓库找到您的包裹，明天上午重新发出。';
  return vars;
}

export interface TemplatePreview {
  subject: string;
  body: string;
  sms: string;
  /** The value each variable of this kind takes in the preview. */
  sample: Record<string, string>;
  /** Unknown variables and stray braces, as saving would report them. */
  problems: Array<{ path: string; message: string }>;
}

export function previewTemplate(
  kind: NoticeKind,
  locale: NoticeLocale,
  template: NoticeTemplate,
  env: { config: Pick<Config, 'PUBLIC_URL' | 'PORT'>; signingSecret: string; now: Date },
): TemplatePreview {
  const vars = storedSample(kind, locale, env.now.getUTCFullYear());
  // A real survey link is signed for a real survey; a preview shows its shape, not a usable link.
  if (kind === 'survey' || kind === 'survey_reminder') vars.surveyUrl = `${publicUrl(env.config)}/survey/…`;
  const book = () => template;
  const mail = renderNotice({ kind, locale, channel: 'email', vars }, book, env);
  const sms = renderNotice({ kind, locale, channel: 'sms', vars }, book, env);
  // The same derived values renderNotice used, so the variable list shows what the preview shows.
  const sample: Record<string, string> = {};
  for (const name of TEMPLATE_VARIABLES[kind]) {
    sample[name] = renderNotice({ kind, locale, channel: 'sms', vars }, () => ({ subject: '', body: '', sms: `{{${name}}}` }), env).body;
  }
  const problems = (['subject', 'body', 'sms'] as const).flatMap((f) => templateProblems(kind, template[f]).map((message) => ({ path: `body.${f}`, message })));
  return { subject: mail.subject ?? '', body: mail.body, sms: sms.body, sample, problems };
}
