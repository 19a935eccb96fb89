import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { ErrorBox } from '../ErrorBox.js';
import { useI18n } from '../i18n.js';
import type { DeskTask } from './desk-types.js';

const OUTCOMES = ['resolved', 'action_taken', 'no_fault_found', 'needs_more_info', 'declined'] as const;

/** The department's answer (POST /api/v1/handoffs/:id/answer): the case goes back to its owner. */
export function AnswerTaskForm({ task, onDone }: { task: DeskTask; onDone: () => void }) {
  const { t, tEnum } = useI18n();
  const [answer, setAnswer] = useState('');
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('action_taken');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!answer.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/handoffs/${encodeURIComponent(task.id)}/answer`, { answer: answer.trim(), outcome });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="desk-answer" onSubmit={(e) => void submit(e)}>
      <label className="sr-only" htmlFor={`answer-${task.id}`}>{t('desk.answer')}</label>
      <textarea id={`answer-${task.id}`} data-testid="desk-answer-text" rows={3} value={answer} onChange={(e) => setAnswer(e.target.value)} />
      <label>
        <span className="sr-only">{t('desk.outcome')}</span>
        <select data-testid="desk-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as (typeof OUTCOMES)[number])}>
          {OUTCOMES.map((o) => <option key={o} value={o}>{tEnum('outcome', o)}</option>)}
        </select>
      </label>
      <ErrorBox error={error} />
      <button type="submit" className="btn btn-primary" data-testid="desk-answer-submit" disabled={busy || !answer.trim()}>{t('desk.sendAnswer')}</button>
    </form>
  );
}
