import { useState, type FormEvent } from 'react';
import { api, ApiError } from './api.js';
import { ErrorBox } from './ErrorBox.js';
import { useI18n } from './i18n.js';
import { TRANSITIONS, type Complaint, type Status } from './types.js';
import { RESOLUTION_CODES } from '../modules/complaints/lifecycle.js';

/** Status select limited to the moves the lifecycle allows from the current status. */
interface Props {
  complaint: Complaint;
  onChanged: (c: Complaint) => void;
  /** Called after a 409: the complaint moved on elsewhere, so the page should refetch it. */
  onStale: () => void;
}

export function StatusChange({ complaint, onChanged, onStale }: Props) {
  const { t, tEnum } = useI18n();
  const allowed = TRANSITIONS[complaint.status] ?? [];
  const [next, setNext] = useState<Status | ''>('');
  const [reason, setReason] = useState('');
  const [resolutionCode, setResolutionCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const target = next && allowed.includes(next) ? next : '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      const body: { status: Status; reason?: string; resolutionCode?: string } = { status: target };
      if (reason.trim()) body.reason = reason.trim();
      if (target === 'resolved') body.resolutionCode = resolutionCode;
      const updated = await api.post<Complaint>(`/api/v1/complaints/${encodeURIComponent(complaint.id)}/status`, body);
      setNext('');
      setReason('');
      setResolutionCode('');
      onChanged(updated);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.status === 409) onStale();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="status-change" onSubmit={(e) => void submit(e)}>
      <h3>{t('status.change')}</h3>
      {allowed.length === 0 && <p className="muted small">{t('status.final')}</p>}
      <select
        data-testid="status-select"
        aria-label={t('status.change')}
        value={target}
        disabled={allowed.length === 0}
        onChange={(e) => setNext(e.target.value as Status | '')}
      >
        <option value="">{t('status.choose')}</option>
        {allowed.map((s) => (
          <option key={s} value={s}>{tEnum('status', s)}</option>
        ))}
      </select>
      {target === 'resolved' && (
        <select
          data-testid="resolution-code"
          aria-label={t('status.resolutionCode')}
          value={resolutionCode}
          onChange={(e) => setResolutionCode(e.target.value)}
        >
          <option value="">{t('status.resolutionCode')}</option>
          {RESOLUTION_CODES.map((c) => <option key={c} value={c}>{tEnum('resolution', c)}</option>)}
        </select>
      )}
      <input
        type="text"
        data-testid="status-reason"
        placeholder={t('status.reason')}
        aria-label={t('status.reason')}
        maxLength={500}
        value={reason}
        disabled={allowed.length === 0}
        onChange={(e) => setReason(e.target.value)}
      />
      <ErrorBox error={error} />
      <button type="submit" className="btn btn-primary" data-testid="status-submit" disabled={busy || !target || (target === 'resolved' && !resolutionCode)}>
        {busy ? t('common.saving') : t('status.submit')}
      </button>
    </form>
  );
}
