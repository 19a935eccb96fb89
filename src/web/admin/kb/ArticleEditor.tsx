import { useEffect, useState, type FormEvent } from 'react';
import { api, request } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n.js';
import { ConfirmButton } from '../channels/ConfirmButton.js';
import { ArticlePreview } from './ArticlePreview.js';
import { KB_CATEGORIES, KB_LOCALES, SLUG, type KbLocale, type ManagedArticle } from './kb-types.js';
import { messages as m } from './kb.messages.js';

type Drafts = Record<KbLocale, { title: string; body: string }>;
type Busy = 'save' | 'publish' | 'unpublish' | 'delete' | null;

const emptyDrafts = (): Drafts => ({ 'zh-CN': { title: '', body: '' }, en: { title: '', body: '' } });
const draftsOf = (a: ManagedArticle): Drafts => {
  const d = emptyDrafts();
  for (const l of KB_LOCALES) if (a.versions[l]) d[l] = { title: a.versions[l].title, body: a.versions[l].body };
  return d;
};

/**
 * Writes one article: slug and category are shared, title and Markdown body are per language
 * version (each drafted and published on its own). Unsaved text of both versions is kept while
 * switching between them; saving sends every version that changed.
 */
export function ArticleEditor({ id, initialLocale, onClose }: { id: string | null; initialLocale: KbLocale; onClose: () => void }) {
  const { tEnum, t } = useI18n();
  const [article, setArticle] = useState<ManagedArticle | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [slug, setSlug] = useState('');
  const [category, setCategory] = useState('other');
  const [locale, setLocale] = useState<KbLocale>(initialLocale);
  const [drafts, setDrafts] = useState<Drafts>(emptyDrafts);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const adopt = (a: ManagedArticle) => {
    setArticle(a);
    setSlug(a.slug);
    setCategory(a.category);
    setDrafts(draftsOf(a));
  };

  useEffect(() => {
    if (!id) return;
    let live = true;
    api.get<ManagedArticle>(`/api/v1/kb/manage/articles/${encodeURIComponent(id)}`)
      .then((a) => live && adopt(a))
      .catch((err: unknown) => live && setLoadError(err));
    return () => {
      live = false;
    };
  }, [id]);

  const changedVersion = (l: KbLocale) => {
    const d = drafts[l];
    const v = article?.versions[l];
    return v ? d.title !== v.title || d.body !== v.body : d.title.trim() !== '' || d.body.trim() !== '';
  };
  const metaChanged = !article || slug !== article.slug || category !== article.category;
  const dirty = metaChanged || KB_LOCALES.some(changedVersion);
  const saved = article?.versions[locale] ?? null;
  const draft = drafts[locale];
  const edit = (patch: Partial<Drafts[KbLocale]>) => setDrafts((d) => ({ ...d, [locale]: { ...d[locale], ...patch } }));

  async function run(kind: Exclude<Busy, null>, action: () => Promise<void>) {
    setBusy(kind);
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  function validate(): string | null {
    if (!SLUG.test(slug)) return m('kb.err.slug');
    const versions = KB_LOCALES.filter(changedVersion);
    for (const l of versions) {
      if (!drafts[l].title.trim() || !drafts[l].body.trim()) return m('kb.err.incomplete', { locale: tEnum('locale', l) });
    }
    if (!article && versions.length === 0) return m('kb.err.noVersion');
    return null;
  }

  async function save(e?: FormEvent) {
    e?.preventDefault();
    const p = validate();
    setProblem(p);
    if (p) return;
    const versions = Object.fromEntries(KB_LOCALES.filter(changedVersion).map((l) => [l, { title: drafts[l].title.trim(), body: drafts[l].body }]));
    await run('save', async () => {
      const next = article
        ? await api.patch<ManagedArticle>(`/api/v1/kb/manage/articles/${article.id}`, {
          ...(slug !== article.slug ? { slug } : {}),
          ...(category !== article.category ? { category } : {}),
          ...(Object.keys(versions).length ? { versions } : {}),
        })
        : await api.post<ManagedArticle>('/api/v1/kb/manage/articles', { slug, category, versions });
      adopt(next);
      setNotice(m('kb.saved'));
    });
  }

  const setPublished = (publish: boolean) => run(publish ? 'publish' : 'unpublish', async () => {
    const next = await api.post<ManagedArticle>(`/api/v1/kb/manage/articles/${article!.id}/${publish ? 'publish' : 'unpublish'}`, { locale });
    adopt(next);
    setNotice(publish ? m('kb.published', { locale: tEnum('locale', locale) }) : m('kb.unpublished', { locale: tEnum('locale', locale) }));
  });

  const remove = () => run('delete', async () => {
    await request('DELETE', `/api/v1/kb/manage/articles/${article!.id}`);
    onClose();
  });

  if (loadError) return <ErrorBox error={loadError} />;
  if (id && !article) return <p className="empty">{t('common.loading')}</p>;

  const back = dirty && article
    ? <ConfirmButton label={m('kb.back')} question={m('kb.discard.ask')} confirmLabel={m('kb.discard')} cancelLabel={m('kb.keepEditing')} onConfirm={onClose} danger={false} testId="kb-back" />
    : <button type="button" className="btn btn-small" onClick={onClose} data-testid="kb-back">{m('kb.back')}</button>;

  return (
    <section className="kb-editor" aria-labelledby="kb-editor-title" data-testid="kb-editor">
      <div className="kb-head">
        <h2 id="kb-editor-title">{article ? m('kb.editTitle', { slug: article.slug }) : m('kb.newTitle')}</h2>
        {back}
      </div>
      {article && (
        <p className="hint kb-meta">
          {m('kb.meta', { views: article.views, up: article.votes.helpful, down: article.votes.notHelpful, at: formatDateTime(article.updatedAt) })}
        </p>
      )}
      <div className="kb-editor-grid">
        <form className="card kb-form" onSubmit={(e) => void save(e)} noValidate>
          <div className="field-row">
            <label className="field">
              <span>{m('kb.locale')}</span>
              <select value={locale} onChange={(e) => setLocale(e.target.value as KbLocale)} data-testid="kb-editor-locale">
                {KB_LOCALES.map((l) => (
                  <option key={l} value={l}>
                    {tEnum('locale', l)} — {article?.versions[l] ? m(`kb.state.${article.versions[l].status}`) : m('kb.state.none')}{changedVersion(l) ? ` (${m('kb.unsaved')})` : ''}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{m('kb.category')}</span>
              <select value={category} onChange={(e) => setCategory(e.target.value)} data-testid="kb-editor-category">
                {KB_CATEGORIES.map((c) => <option key={c} value={c}>{tEnum('category', c)}</option>)}
              </select>
            </label>
          </div>
          <label className="field">
            <span>{m('kb.slug')}</span>
            <input type="text" value={slug} onChange={(e) => setSlug(e.target.value.trim().toLowerCase())} maxLength={120} autoComplete="off" aria-describedby="kb-slug-hint" data-testid="kb-editor-slug" />
            <small id="kb-slug-hint" className="muted">{m('kb.slugHint')}</small>
          </label>
          <label className="field">
            <span>{m('kb.titleField', { locale: tEnum('locale', locale) })}</span>
            <input type="text" value={draft.title} onChange={(e) => edit({ title: e.target.value })} maxLength={200} lang={locale} data-testid="kb-editor-title" />
          </label>
          <label className="field">
            <span>{m('kb.body', { locale: tEnum('locale', locale) })}</span>
            <textarea value={draft.body} onChange={(e) => edit({ body: e.target.value })} rows={14} lang={locale} className="kb-body" aria-describedby="kb-body-hint" data-testid="kb-editor-body" />
            <small id="kb-body-hint" className="muted">{m('kb.bodyHint')}</small>
          </label>
          {problem && <p className="kb-problem" role="alert" data-testid="kb-editor-problem">{problem}</p>}
          <ErrorBox error={error} />
          {notice && <p className="ok" role="status" data-testid="kb-editor-notice">{notice}</p>}
          <div className="row-actions">
            <button type="submit" className="btn btn-primary" disabled={busy !== null || !dirty} data-testid="kb-editor-save">
              {busy === 'save' ? t('common.saving') : m('kb.save')}
            </button>
            {saved && saved.status === 'draft' && (
              <button type="button" className="btn" disabled={busy !== null || changedVersion(locale)} onClick={() => void setPublished(true)} data-testid="kb-editor-publish">
                {m('kb.publish', { locale: tEnum('locale', locale) })}
              </button>
            )}
            {saved && saved.status === 'published' && (
              <button type="button" className="btn" disabled={busy !== null || changedVersion(locale)} onClick={() => void setPublished(false)} data-testid="kb-editor-unpublish">
                {m('kb.unpublish', { locale: tEnum('locale', locale) })}
              </button>
            )}
            {article && (
              <ConfirmButton
                label={m('kb.delete')}
                question={m('kb.delete.ask', { slug: article.slug })}
                confirmLabel={m('kb.delete.confirm')}
                cancelLabel={m('kb.keepEditing')}
                onConfirm={() => void remove()}
                busy={busy !== null}
                testId="kb-editor-delete"
              />
            )}
          </div>
          {saved && changedVersion(locale) && <p className="hint kb-save-first">{m('kb.saveFirst')}</p>}
        </form>
        <ArticlePreview saved={saved} changed={changedVersion(locale)} locale={locale} />
      </div>
    </section>
  );
}
