import type { Queryable } from '../../db/database.js';
import { NOTICE_KINDS, NOTICE_LOCALES, type NoticeKind, type NoticeLocale } from './notice-kinds.js';
import { DEFAULT_TEMPLATES, type NoticeTemplate } from './notice-templates.js';

export interface EffectiveTemplate extends NoticeTemplate {
  kind: NoticeKind;
  locale: NoticeLocale;
  custom: boolean;
  updatedAt: string | null;
}

export type TemplateBook = (kind: NoticeKind, locale: NoticeLocale) => NoticeTemplate;

/** Every kind × locale: staff's wording where they wrote some, the built-in one otherwise. */
export async function loadTemplates(db: Queryable): Promise<EffectiveTemplate[]> {
  const rows = await db.query<{ kind: string; locale: string; subject: string; body: string; sms: string; updated_at: Date }>(
    'select kind, locale, subject, body, sms, updated_at from notice_templates',
  );
  const custom = new Map(rows.map((r) => [`${r.kind}/${r.locale}`, r]));
  return NOTICE_KINDS.flatMap((kind) => NOTICE_LOCALES.map((locale) => {
    const row = custom.get(`${kind}/${locale}`);
    return row
      ? { kind, locale, subject: row.subject, body: row.body, sms: row.sms, custom: true, updatedAt: row.updated_at.toISOString() }
      : { kind, locale, ...DEFAULT_TEMPLATES[kind][locale], custom: false, updatedAt: null };
  }));
}

export async function templateBook(db: Queryable): Promise<TemplateBook> {
  const all = await loadTemplates(db);
  const map = new Map(all.map((t) => [`${t.kind}/${t.locale}`, t]));
  return (kind, locale) => map.get(`${kind}/${locale}`) ?? DEFAULT_TEMPLATES[kind][locale];
}
