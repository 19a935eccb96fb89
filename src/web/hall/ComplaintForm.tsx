import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { getLocale } from '../i18n.js';
import { hallApi, HallError } from './hall-api.js';
import { useHallI18n } from './hall-i18n.js';
import { go, progressPath } from './hall-router.js';
import { HallErrorBox } from './HallError.js';
import type { HallFile, HallHome, HallPromise, HallSuggestion } from './types.js';
import { useLoad } from './useLoad.js';

const MAX_FILES = 5;
const MAX_BYTES = 5 * 1024 * 1024;
const SUGGEST_DELAY_MS = 350;

interface Filed {
  id: string;
  number: string;
  promise: HallPromise | null;
}

/** Live help while typing: a category guess, clarifying choices and articles, debounced. */
function useSuggestion(text: string): HallSuggestion | null {
  const [s, setS] = useState<HallSuggestion | null>(null);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    if (!text.trim()) {
      setS(null);
      return;
    }
    const timer = setTimeout(() => {
      hallApi
        .post<HallSuggestion>('/api/v1/portal/suggest', { text: text.slice(0, 2000), locale: getLocale() })
        .then((r) => { if (seq.current === mine) setS(r); })
        // Suggestions are a help, not a step: the form works without them.
        .catch(() => { if (seq.current === mine) setS(null); });
    }, SUGGEST_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return s;
}

/** The guided complaint form: order picker, live suggestions, clarifying chips, files, the promise after sending. */
export function ComplaintForm({ initialOrder }: { initialOrder: string | null }) {
  const { ht, locale } = useHallI18n();
  const home = useLoad(() => hallApi.get<HallHome>('/api/v1/portal/home'), `form-home:${locale}`);
  const [description, setDescription] = useState('');
  const [subject, setSubject] = useState('');
  const [order, setOrder] = useState(initialOrder ?? '');
  const [category, setCategory] = useState<string | null>(null);
  const [files, setFiles] = useState<HallFile[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [filed, setFiled] = useState<Filed | null>(null);
  const [deflected, setDeflected] = useState(false);
  const idempotencyKey = useRef(typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
  const suggestion = useSuggestion(description);

  async function addFiles(e: ChangeEvent<HTMLInputElement>) {
    const picked = Array.from(e.target.files ?? []);
    e.target.value = '';
    setFileError(null);
    for (const f of picked) {
      if (files.length >= MAX_FILES) { setFileError(ht('form.tooMany')); break; }
      if (f.size > MAX_BYTES) { setFileError(ht('form.tooLarge', { name: f.name })); continue; }
      setUploading(f.name);
      try {
        const ref = await hallApi.upload<HallFile>(f);
        setFiles((prev) => (prev.length >= MAX_FILES ? prev : [...prev, ref]));
      } catch (err) {
        const code = err instanceof HallError ? err.code : '';
        setFileError(
          code === 'attachment_type_mismatch' || code === 'attachment_type_not_allowed' || code === 'unsupported_media_type'
            ? ht('form.badType', { name: f.name })
            : code === 'payload_too_large' ? ht('form.tooLarge', { name: f.name }) : (err as Error).message,
        );
      } finally {
        setUploading(null);
      }
    }
  }

  function pick(option: HallSuggestion['clarify'][number]) {
    setCategory(option.category);
    setDescription((d) => (d.includes(option.text) ? d : `${d.trim()}${d.trim() ? ' — ' : ''}${option.text}`));
  }

  async function solvedBy(articleId: string) {
    try {
      await hallApi.post('/api/v1/portal/deflections', { articleId, text: description.slice(0, 2000), ...(suggestion?.category ? { category: suggestion.category.code } : {}) });
    } finally {
      setDeflected(true);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const r = await hallApi.post<Filed>(
        '/api/v1/portal/complaints',
        {
          description: description.trim(),
          ...(subject.trim() ? { subject: subject.trim() } : {}),
          ...(order ? { orderId: order } : {}),
          ...(category ? { category } : {}),
          ...(files.length ? { attachmentIds: files.map((f) => f.id) } : {}),
          locale: getLocale(),
        },
        // A double tap or a retry after a lost answer files one complaint, not two.
        { 'Idempotency-Key': idempotencyKey.current },
      );
      setFiled(r);
    } catch (err) {
      setError(err);
    } finally {
      setSubmitting(false);
    }
  }

  if (filed) {
    return (
      <section className="hall-card hall-done" data-testid="hall-filed" aria-live="polite">
        <h1>{ht('form.done', { number: filed.number })}</h1>
        {filed.promise && (
          <p className="hall-promise" data-testid="hall-promise">{filed.promise.text}</p>
        )}
        <button type="button" className="hall-btn hall-btn-primary hall-btn-block" data-testid="hall-view-progress" onClick={() => go(progressPath(filed.number))}>
          {ht('form.viewProgress')}
        </button>
      </section>
    );
  }

  if (deflected) {
    return (
      <section className="hall-card" data-testid="hall-deflected">
        <p>{ht('form.deflected')}</p>
        <button type="button" className="hall-btn" onClick={() => go('/hall')}>{ht('hall.backHome')}</button>
      </section>
    );
  }

  const orders = home.data?.recentOrders ?? [];
  return (
    <form className="hall-card hall-form" onSubmit={submit} aria-labelledby="form-title" data-testid="hall-form">
      <h1 id="form-title">{ht('form.title')}</h1>

      <label className="hall-field">
        <span>{ht('form.order')}</span>
        <select data-testid="hall-order-picker" value={order} onChange={(e) => setOrder(e.target.value)}>
          <option value="">{ht('form.noOrder')}</option>
          {order && !orders.some((o) => o.number === order) && <option value={order}>{order}</option>}
          {orders.map((o) => (
            <option key={o.id} value={o.number}>
              {o.number}{o.items[0]?.name ? ` · ${o.items[0].name}` : ''}
            </option>
          ))}
        </select>
      </label>

      <label className="hall-field">
        <span>{ht('form.description')}</span>
        <textarea
          data-testid="hall-description"
          required
          rows={5}
          maxLength={20000}
          value={description}
          aria-describedby="description-hint"
          onChange={(e) => setDescription(e.target.value)}
        />
        <small id="description-hint" className="hall-muted">{ht('form.descriptionHint')}</small>
      </label>

      <div aria-live="polite" className="hall-suggest">
        {suggestion?.category && (
          <p className="hall-suggestion" data-testid="hall-suggestion" data-category={suggestion.category.code}>
            {ht('form.suggestion', { category: suggestion.category.name })}
          </p>
        )}
        {suggestion && suggestion.clarify.length > 0 && (
          <div className="hall-clarify">
            <p>{ht('form.clarify')}</p>
            <div className="hall-chips">
              {suggestion.clarify.map((o) => (
                <button
                  type="button"
                  key={o.id}
                  className={`hall-chip${category === o.category && description.includes(o.text) ? ' is-picked' : ''}`}
                  data-testid="hall-clarify-option"
                  onClick={() => pick(o)}
                >
                  {o.label}
                </button>
              ))}
            </div>
          </div>
        )}
        {suggestion && suggestion.articles.length > 0 && (
          <div className="hall-articles" data-testid="hall-articles">
            <p>{ht('form.articles')}</p>
            <ul className="hall-list">
              {suggestion.articles.map((a) => (
                <li key={a.id} className="hall-article">
                  <strong>{a.title}</strong>
                  <p className="hall-muted hall-small">{a.excerpt}</p>
                  <button type="button" className="hall-btn hall-btn-small" onClick={() => void solvedBy(a.id)}>{ht('form.articleSolved')}</button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>

      <label className="hall-field">
        <span>{ht('form.subject')}</span>
        <input data-testid="hall-subject" maxLength={200} value={subject} onChange={(e) => setSubject(e.target.value)} />
      </label>

      <div className="hall-field">
        <span id="files-label">{ht('form.attachments')}</span>
        <label className="hall-btn hall-btn-small hall-file-btn">
          {ht('form.attachAdd')}
          <input
            type="file"
            data-testid="hall-file-input"
            aria-labelledby="files-label"
            multiple
            accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
            onChange={(e) => void addFiles(e)}
            disabled={files.length >= MAX_FILES || uploading !== null}
          />
        </label>
        {uploading && <small className="hall-muted">{ht('form.uploading', { name: uploading })}</small>}
        {fileError && <div className="hall-error" role="alert" data-testid="hall-file-error">{fileError}</div>}
        {files.length > 0 && (
          <ul className="hall-files">
            {files.map((f) => (
              <li key={f.id} data-testid="hall-file">
                <span>{f.name}</span>
                <button type="button" className="hall-link" aria-label={ht('form.remove', { name: f.name })} onClick={() => setFiles((prev) => prev.filter((x) => x.id !== f.id))}>×</button>
              </li>
            ))}
          </ul>
        )}
      </div>

      <HallErrorBox error={error} />
      <div className="hall-actions">
        <button type="button" className="hall-btn" onClick={() => go('/hall')}>{ht('form.cancel')}</button>
        <button type="submit" className="hall-btn hall-btn-primary" data-testid="hall-submit" disabled={submitting || !description.trim() || uploading !== null}>
          {submitting ? ht('form.submitting') : ht('form.submit')}
        </button>
      </div>
    </form>
  );
}
