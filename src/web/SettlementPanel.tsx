import { useState, type FormEvent } from 'react';
import { api } from './api.js';
import { ErrorBox } from './ErrorBox.js';
import { useI18n } from './i18n.js';

const KINDS = ['refund', 'compensation', 'voucher'] as const;

interface Settlement { status: string; approval?: { id: string } | null }

/**
 * Settles within the agent's authority, or — above it — files the request for a supervisor;
 * the server decides which, by role and currency limits, and says so.
 */
export function SettlementPanel({ complaintId, onDone }: { complaintId: string; onDone: () => void }) {
  const { t, tEnum } = useI18n();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('refund');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<string | null>(null);
  const value = Number(amount);
  const valid = amount.trim() !== '' && Number.isFinite(value) && value > 0 && reason.trim() !== '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!valid) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const s = await api.post<Settlement>(`/api/v1/complaints/${encodeURIComponent(complaintId)}/settlements`, { kind, amount: value, reason: reason.trim() });
      setResult(s.status === 'pending_approval' ? t('settle.pending') : t('settle.granted'));
      setAmount('');
      setReason('');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="side-form" onSubmit={(e) => void submit(e)} data-testid="settle-form">
      <h3>{t('settle.title')}</h3>
      <div className="side-row">
        <label className="field">
          <span>{t('settle.kind')}</span>
          <select data-testid="settle-kind" value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}>
            {KINDS.map((k) => <option key={k} value={k}>{tEnum('settlementKind', k)}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('settle.amount')}</span>
          <input data-testid="settle-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
      </div>
      <label className="field">
        <span>{t('settle.reason')}</span>
        <textarea data-testid="settle-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <ErrorBox error={error} />
      {result && <p className="ok" role="status" data-testid="settle-result">{result}</p>}
      <button type="submit" className="btn" data-testid="settle-submit" disabled={busy || !valid}>{t('settle.submit')}</button>
    </form>
  );
}
