import { useState } from 'react';
import { api } from './api.js';
import { ErrorBox } from './ErrorBox.js';
import { formatDateTime } from './format.js';
import { useI18n } from './i18n.js';
import { complaintHref } from './router.js';
import type { Page } from './types.js';
import { useApiData } from './useApiData.js';

interface Task {
  id: string; complaintId: string; complaintNumber: string; complaintSubject: string; status: 'open' | 'acknowledged' | 'answered' | 'cancelled';
  departmentName: string; note: string; transfers: number; pingPong: boolean;
  requestedBy: { name: string | null } | null; requestedAt: string; forwardDueAt: string; answerDueAt: string; dueAt: string | null; overdue: boolean;
}

const OUTCOMES = ['resolved', 'action_taken', 'no_fault_found', 'needs_more_info', 'declined'] as const;

/**
 * The back office's desk: its department's hand-off tasks, nearest deadline first, with what
 * the front line asked; pick a task up, answer it (the case goes back to its owner).
 */
export function DepartmentDeskPage() {
  const { t, tEnum } = useI18n();
  const tasks = useApiData<Page<Task>>('/api/v1/handoffs?status=open,acknowledged');
  const [answering, setAnswering] = useState<string | null>(null);
  const [answer, setAnswer] = useState('');
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('action_taken');
  const [error, setError] = useState<unknown>(null);

  async function act(path: string, body?: unknown) {
    setError(null);
    try {
      await api.post(path, body);
      setAnswering(null);
      setAnswer('');
      tasks.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="page desk" data-testid="department-desk">
      <h1>{t('desk.title')}</h1>
      <ErrorBox error={error ?? tasks.error} onRetry={tasks.reload} />
      {!tasks.data ? <p className="empty">{t('common.loading')}</p> : tasks.data.items.length === 0 ? <p className="empty" data-testid="desk-empty">{t('desk.empty')}</p> : (
        <ul className="desk-list">
          {tasks.data.items.map((h) => (
            <li key={h.id} className={`card desk-task${h.overdue ? ' overdue' : ''}`} data-testid="desk-task" data-status={h.status}>
              <div className="desk-head">
                <a href={complaintHref(h.complaintNumber)}>{h.complaintNumber}</a>
                <strong>{h.complaintSubject}</strong>
                <span className="badge">{tEnum('handoffStatus', h.status)}</span>
                {h.pingPong && <span className="badge badge-repeat">{t('desk.pingPong', { n: h.transfers })}</span>}
              </div>
              <p className="desk-note">{h.note}</p>
              <p className="desk-meta">
                {t('desk.askedBy', { name: h.requestedBy?.name ?? t('common.none'), at: formatDateTime(h.requestedAt) })}
                {' · '}
                {h.status === 'open' ? t('desk.forwardDue', { at: formatDateTime(h.forwardDueAt) }) : t('desk.answerDue', { at: formatDateTime(h.answerDueAt) })}
                {h.overdue && <span className="late"> · {t('desk.overdue')}</span>}
              </p>
              <div className="desk-actions">
                {h.status === 'open' && (
                  <button type="button" className="btn" data-testid="desk-acknowledge" onClick={() => void act(`/api/v1/handoffs/${h.id}/acknowledge`)}>{t('desk.acknowledge')}</button>
                )}
                {answering === h.id ? (
                  <form className="desk-answer" onSubmit={(e) => { e.preventDefault(); void act(`/api/v1/handoffs/${h.id}/answer`, { answer, outcome }); }}>
                    <label className="sr-only" htmlFor={`answer-${h.id}`}>{t('desk.answer')}</label>
                    <textarea id={`answer-${h.id}`} data-testid="desk-answer-text" rows={3} value={answer} onChange={(e) => setAnswer(e.target.value)} />
                    <label>
                      <span className="sr-only">{t('desk.outcome')}</span>
                      <select data-testid="desk-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as (typeof OUTCOMES)[number])}>
                        {OUTCOMES.map((o) => <option key={o} value={o}>{tEnum('outcome', o)}</option>)}
                      </select>
                    </label>
                    <button type="submit" className="btn btn-primary" data-testid="desk-answer-submit" disabled={!answer.trim()}>{t('desk.sendAnswer')}</button>
                  </form>
                ) : (
                  <button type="button" className="btn btn-primary" data-testid="desk-answer" onClick={() => setAnswering(h.id)}>{t('desk.answer')}</button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
