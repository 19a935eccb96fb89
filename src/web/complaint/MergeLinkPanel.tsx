import { useId, useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { Badge } from '../Badge.js';
import { ErrorBox } from '../ErrorBox.js';
import { useI18n } from '../i18n.js';
import { complaintHref } from '../router.js';
import type { Complaint, Status, TimelineEvent } from '../types.js';
import { useApiData } from '../useApiData.js';
import { messages } from './complaint-extras.messages.js';
import { complaintLinks, parseComplaintRef, similarityPercent } from './complaint-links.js';
import './complaint-extras.css';

interface Duplicate {
  complaintId: string;
  number: string;
  subject: string;
  similarity: number;
  /** The suggestion's state: open, merged or dismissed. */
  status: string;
  complaintStatus: Status;
}

const enc = encodeURIComponent;

/**
 * One problem reported twice: merge this complaint into another of the same customer (this
 * one is cancelled, its messages show in the other), or link it as a repeat of an earlier one.
 * The server checks who may and which complaints qualify; this panel explains and asks first.
 */
export function MergeLinkPanel({ complaint, events, onDone }: { complaint: Complaint; events: TimelineEvent[]; onDone: () => void }) {
  const { t } = useI18n();
  const ids = useId();
  const dups = useApiData<{ items: Duplicate[] }>(complaint.mergedIntoId ? null : `/api/v1/complaints/${enc(complaint.id)}/duplicates`);
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (complaint.mergedIntoId) return null; // the banner above the page says where it went
  const ref = parseComplaintRef(target);
  const typedBad = target.trim() !== '' && ref === null;
  const candidates = (dups.data?.items ?? []).filter((d) => d.status !== 'merged' && d.complaintId !== complaint.id);
  const repeatOf = complaintLinks(complaint, events).find((l) => l.kind === 'repeat_of');

  async function run(fn: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await fn();
      setConfirming(false);
      setTarget('');
      setReason('');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const merge = (e: FormEvent) => {
    e.preventDefault();
    if (!ref) return;
    void run(() => api.post(`/api/v1/complaints/${enc(complaint.id)}/merge`, { into: ref, ...(reason.trim() ? { reason: reason.trim() } : {}) }));
  };
  const link = (repeatOfRef: string | null) => run(() => api.post(`/api/v1/complaints/${enc(complaint.id)}/link`, { repeatOf: repeatOfRef }));

  return (
    <div className="side-form" data-testid="merge-panel">
      <h3>{messages('merge.title')}</h3>
      {repeatOf && (
        <p className="small" data-testid="repeat-of">
          {messages('merge.repeatOf', { number: repeatOf.number ?? repeatOf.id.slice(0, 8) })}{' '}
          <button type="button" className="btn btn-small" data-testid="unlink-repeat" disabled={busy} onClick={() => void link(null)}>
            {messages('merge.unlink')}
          </button>
        </p>
      )}
      <fieldset className="merge-fieldset" disabled={busy || confirming}>
        <legend className="small">{messages('merge.duplicates')}</legend>
        <ErrorBox error={dups.error} onRetry={dups.reload} />
        {!dups.data && !dups.error && <p className="muted small">{t('common.loading')}</p>}
        {dups.data && candidates.length === 0 && <p className="muted small" data-testid="no-duplicates">{messages('merge.noDuplicates')}</p>}
        {candidates.length > 0 && (
          <ul className="merge-list">
            {candidates.map((d) => (
              <li key={d.complaintId}>
                <label className="merge-option" data-testid="duplicate-row" data-number={d.number}>
                  <input type="radio" name={`${ids}-target`} value={d.number} checked={ref === d.number} onChange={() => setTarget(d.number)} />
                  <span className="merge-option-main">
                    <a href={complaintHref(d.number)} className="complaint-number">{d.number}</a>
                    <Badge kind="status" value={d.complaintStatus} />
                    <span className="merge-similarity">{messages('merge.similarity', { percent: similarityPercent(d.similarity) })}</span>
                  </span>
                  <span className="merge-option-subject">{d.subject}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <label className="field">
          <span>{messages('merge.target')}</span>
          <input
            type="text"
            data-testid="merge-target"
            value={target}
            placeholder="C-2026-000123"
            aria-invalid={typedBad}
            aria-describedby={typedBad ? `${ids}-bad` : undefined}
            onChange={(e) => setTarget(e.target.value)}
          />
          {typedBad && <span id={`${ids}-bad`} className="field-hint">{messages('merge.badRef')}</span>}
        </label>
        <div className="merge-actions">
          <button type="button" className="btn" data-testid="merge-start" disabled={!ref} onClick={() => setConfirming(true)}>
            {messages('merge.mergeInto')}
          </button>
          <button type="button" className="btn" data-testid="link-repeat" disabled={!ref} onClick={() => ref && void link(ref)}>
            {messages('merge.linkRepeat')}
          </button>
        </div>
      </fieldset>
      {confirming && ref && (
        <form className="merge-confirm" role="alertdialog" aria-labelledby={`${ids}-title`} aria-describedby={`${ids}-text`} onSubmit={merge} data-testid="merge-confirm">
          <h4 id={`${ids}-title`}>{messages('merge.confirmTitle', { source: complaint.number, target: ref })}</h4>
          <p id={`${ids}-text`} data-testid="merge-explain">{messages('merge.confirmText', { source: complaint.number, target: ref })}</p>
          <label className="field">
            <span>{messages('merge.reason')}</span>
            <textarea rows={2} maxLength={500} data-testid="merge-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <div className="merge-actions">
            <button type="submit" className="btn btn-primary" data-testid="merge-confirm-submit" disabled={busy} autoFocus>
              {busy ? messages('merge.working') : messages('merge.confirm')}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => setConfirming(false)}>{messages('merge.cancel')}</button>
          </div>
        </form>
      )}
      <ErrorBox error={error} />
    </div>
  );
}
