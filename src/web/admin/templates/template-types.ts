/** The API's shapes for notice templates, from the server modules so that the two cannot drift. */
import type { NoticeKind, NoticeLocale } from '../../../modules/notify/notice-kinds.js';
import type { NoticeTemplate } from '../../../modules/notify/notice-templates.js';
import type { TemplatePreview } from '../../../modules/notify/template-preview.js';
import type { SurveySettings } from '../../../modules/surveys/survey-settings.js';

export { NOTICE_KINDS, NOTICE_LOCALES } from '../../../modules/notify/notice-kinds.js';
export type { NoticeKind, NoticeLocale, NoticeTemplate, SurveySettings, TemplatePreview };

export interface TemplateItem extends NoticeTemplate {
  kind: NoticeKind;
  locale: NoticeLocale;
  /** An admin's wording replaces the built-in one. */
  custom: boolean;
  updatedAt: string | null;
  variables: string[];
  default: NoticeTemplate;
}

/** The preview endpoint's answer: which notice it renders, and how. */
export interface PreviewAnswer extends TemplatePreview {
  kind: NoticeKind;
  locale: NoticeLocale;
}

export type TemplateField = keyof NoticeTemplate;
export const TEMPLATE_FIELDS: readonly TemplateField[] = ['subject', 'body', 'sms'];

export const templateKey = (kind: NoticeKind, locale: NoticeLocale) => `${kind}/${locale}`;
