import type { Config } from '../../config.js';
import { publicUrl } from '../../http/public-url.js';
import { surveyUrl } from '../surveys/survey-link.js';
import type { NoticeChannel, NoticeKind, NoticeLocale } from './notice-kinds.js';
import { renderTemplate, slaPromise } from './notice-templates.js';
import type { TemplateBook } from './template-store.js';

export interface RenderInput {
  kind: NoticeKind;
  channel: NoticeChannel;
  locale: NoticeLocale;
  vars: Record<string, string>;
}

/**
 * The words of a notice: the stored variables plus what needs this installation's settings
 * (links to the progress page and the signed survey link, the SLA promise in words).
 * SMS gets the short text as its body and no subject.
 */
export function renderNotice(
  n: RenderInput,
  book: TemplateBook,
  env: { config: Pick<Config, 'PUBLIC_URL' | 'PORT'>; signingSecret: string },
): { subject: string | null; body: string } {
  const v: Record<string, string> = { ...n.vars };
  v.progressUrl = `${publicUrl(env.config)}/hall/complaints/${encodeURIComponent(v.complaintNumber ?? '')}`;
  if (v.promiseMinutes !== undefined) v.promise = slaPromise(Number(v.promiseMinutes), n.locale);
  if (v.surveyId && v.surveyExpiresAt) v.surveyUrl = surveyUrl(env.config, env.signingSecret, v.surveyId, new Date(v.surveyExpiresAt));
  const t = book(n.kind, n.locale);
  if (n.channel === 'sms') return { subject: null, body: renderTemplate(t.sms, v) };
  return { subject: renderTemplate(t.subject, v), body: renderTemplate(t.body, v) };
}
