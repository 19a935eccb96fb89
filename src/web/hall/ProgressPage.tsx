import { useState, type FormEvent } from 'react';
import { hallApi } from './hall-api.js';
import { formatWhen, useHallI18n } from './hall-i18n.js';
import { go } from './hall-router.js';
import { HallErrorBox } from './HallError.js';
import type { HallFile, HallProgress } from './types.js';
import { useLoad } from './useLoad.js';
import { useNoticeArrived } from './notices/notice-events.js';

function FileList({ files }: { files: HallFile[] }) {
  if (!files.length) return null;
  return (
    <ul className="hall-files">
      {files.map((f) => (
        <li key={f.id} data-testid="hall-progress-file">{f.name} <span className="hall-muted hall-small">({Math.ceil(f.size / 1024)} KB)</span></li>
      ))}
    </ul>
  );
}

/** Where the complaint is: the visible steps, what happens next, what we promised, the conversation. */
export function ProgressPage({ number }: { number: string }) {
  const { ht, locale } = useHallI18n();
  const { data: p, error, loading, reload } = useLoad(
    () => hallApi.get<HallProgress>(`/api/v1/portal/complaints/${encodeURIComponent(number)}`),
    `progress:${number}:${locale}`,
  );
  // A notice about this complaint means it moved on: show the new step or reply at once.
  useNoticeArrived((n) => {
    if (n.complaintNumber === number) reload();
  });
  const [reply, setReply] = useState('');
  const [reopenReason, setReopenReason] = useState('');
  const [showReopen, setShowReopen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [confirmed, setConfirmed] = useState(false);

  async function act(fn: () => Promise<unknown>) {
    setBusy(true);
    setActionError(null);
    try {
      await fn();
      reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  }

  const sendReply = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await hallApi.post(`/api/v1/portal/complaints/${encodeURIComponent(number)}/messages`, { body: reply.trim() });
      setReply('');
    });
  };

  if (loading && !p) return <p className="hall-empty" data-testid="hall-loading">{ht('hall.loading')}</p>;
  if (error && !p) {
    return (
      <div className="hall-stack">
        <HallErrorBox error={error} onRetry={reload} />
        <button type="button" className="hall-link" onClick={() => go('/hall')}>{ht('hall.backHome')}</button>
      </div>
    );
  }
  if (!p) return null;

  return (
    <div className="hall-stack" data-testid="hall-progress">
      <button type="button" className="hall-link hall-back" onClick={() => go('/hall')}>{ht('hall.backHome')}</button>
      <section className="hall-card">
        <h1 data-testid="hall-progress-subject">{p.subject}</h1>
        <p className="hall-muted hall-small">
          {ht('progress.title', { number: p.number })}
          {p.orderNumber ? ` · ${ht('progress.order', { number: p.orderNumber })}` : ''}
        </p>
        {p.promise && (
          <p className="hall-promise" data-testid="hall-promise" aria-label={ht('progress.promise')}>{p.promise.text}</p>
        )}
      </section>

      <section className="hall-card" aria-labelledby="steps-title">
        <h2 id="steps-title">{ht('progress.steps')}</h2>
        <ol className="hall-steps" data-testid="hall-steps">
          {p.steps.map((s, i) => (
            <li key={`${s.kind}-${s.at}-${i}`} className={`hall-step step-${s.kind}${i === p.steps.length - 1 ? ' is-current' : ''}`} data-testid="hall-step" data-kind={s.kind}>
              <span className="hall-step-label">{s.label}</span>
              <time className="hall-muted hall-small" dateTime={s.at}>{formatWhen(s.at)}</time>
            </li>
          ))}
        </ol>
        <p className="hall-next" data-testid="hall-next-step"><strong>{ht('progress.next')}:</strong> {p.nextStep.text}</p>
      </section>

      {p.canConfirm && !confirmed && (
        <section className="hall-card hall-confirm">
          <button type="button" className="hall-btn hall-btn-primary hall-btn-block" data-testid="hall-confirm" disabled={busy}
            onClick={() => void act(async () => { await hallApi.post(`/api/v1/portal/complaints/${encodeURIComponent(number)}/confirm-resolution`); setConfirmed(true); })}>
            {ht('progress.confirm')}
          </button>
          {!showReopen ? (
            <button type="button" className="hall-btn hall-btn-block" data-testid="hall-not-solved" onClick={() => setShowReopen(true)}>{ht('progress.notSolved')}</button>
          ) : (
            <form className="hall-form" onSubmit={(e) => { e.preventDefault(); void act(() => hallApi.post(`/api/v1/portal/complaints/${encodeURIComponent(number)}/reopen`, { reason: reopenReason.trim() })); }}>
              <label className="hall-field">
                <span>{ht('progress.reopenReason')}</span>
                <textarea data-testid="hall-reopen-reason" required rows={3} maxLength={500} value={reopenReason} onChange={(e) => setReopenReason(e.target.value)} />
              </label>
              <button type="submit" className="hall-btn" disabled={busy || !reopenReason.trim()}>{ht('progress.reopenSend')}</button>
            </form>
          )}
        </section>
      )}
      {confirmed && <p className="hall-note" data-testid="hall-confirmed">{ht('progress.thanks')}</p>}
      {p.survey && (
        <a className="hall-btn hall-btn-primary hall-btn-block" data-testid="hall-rate" href={p.survey.url}>{ht('progress.rate')}</a>
      )}
      <HallErrorBox error={actionError} />

      <section className="hall-card" aria-labelledby="yours-title">
        <h2 id="yours-title">{ht('progress.yourComplaint')}</h2>
        <p className="hall-text" data-testid="hall-progress-description">{p.description}</p>
        <FileList files={p.attachments} />
      </section>

      <section className="hall-card" aria-labelledby="messages-title">
        <h2 id="messages-title">{ht('progress.conversation')}</h2>
        {p.messages.length === 0 ? (
          <p className="hall-muted">{ht('progress.noMessages')}</p>
        ) : (
          <ul className="hall-messages">
            {p.messages.map((m) => (
              <li key={m.id} className={`hall-message from-${m.from}`} data-testid="hall-message" data-from={m.from}>
                <div className="hall-muted hall-small">
                  {m.from === 'you' ? ht('progress.you') : (m.authorName ? `${ht('progress.staff')} · ${m.authorName}` : ht('progress.staff'))} · {formatWhen(m.createdAt)}
                </div>
                <p className="hall-text">{m.body}</p>
                <FileList files={m.attachments} />
              </li>
            ))}
          </ul>
        )}
        {p.canReply && (
          <form className="hall-form" onSubmit={sendReply}>
            <label className="hall-field">
              <span>{ht('progress.reply')}</span>
              <textarea data-testid="hall-reply" required rows={3} maxLength={20000} value={reply} onChange={(e) => setReply(e.target.value)} />
            </label>
            <button type="submit" className="hall-btn hall-btn-primary" data-testid="hall-reply-send" disabled={busy || !reply.trim()}>
              {busy ? ht('progress.sending') : ht('progress.send')}
            </button>
          </form>
        )}
      </section>
    </div>
  );
}
