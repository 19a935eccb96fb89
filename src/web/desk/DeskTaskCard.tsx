import { useState } from 'react';
import { api } from '../api.js';
import { ErrorBox } from '../ErrorBox.js';
import { formatDateTime } from '../format.js';
import { useI18n } from '../i18n.js';
import { complaintHref } from '../router.js';
import { AnswerTaskForm } from './AnswerTaskForm.js';
import { messages } from './desk.messages.js';
import type { DeskDepartment, DeskTask } from './desk-types.js';
import { PassTaskForm } from './PassTaskForm.js';
import { ReturnTaskForm } from './ReturnTaskForm.js';
import { departmentLabel } from './useDepartments.js';
import './desk.css';

type Mode = 'idle' | 'answer' | 'pass' | 'return';

/**
 * One task on the department desk: what the front line asked, the case at a glance (customer by
 * name and tier only — the back office does not get contact details), its deadlines, and what
 * the department can do: pick up, answer, pass to another department, or return unanswered.
 */
export function DeskTaskCard({ task: h, departments, onChanged }: { task: DeskTask; departments: DeskDepartment[] | null; onChanged: () => void }) {
  const { t, tEnum, locale } = useI18n();
  const [mode, setMode] = useState<Mode>('idle');
  const [error, setError] = useState<unknown>(null);
  const done = () => {
    setMode('idle');
    onChanged();
  };
  const toggle = (m: Mode) => setMode((cur) => (cur === m ? 'idle' : m));

  async function acknowledge() {
    setError(null);
    try {
      await api.post(`/api/v1/handoffs/${encodeURIComponent(h.id)}/acknowledge`);
      onChanged();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <li className={`card desk-task${h.overdue ? ' overdue' : ''}`} data-testid="desk-task" data-status={h.status} data-id={h.id}>
      <div className="desk-head">
        <a href={complaintHref(h.complaintNumber)}>{h.complaintNumber}</a>
        <strong>{h.complaintSubject}</strong>
        <span className="badge">{tEnum('handoffStatus', h.status)}</span>
        {h.pingPong && <span className="badge badge-repeat">{t('desk.pingPong', { n: h.transfers })}</span>}
      </div>
      <p className="desk-context" data-testid="desk-context">
        <span>{messages('deskTask.customer', { name: h.customer.name })}</span>
        {h.customer.tier === 'vip' && <span className="badge">{t('tier.vip')}</span>}
        <span>{messages('deskTask.severity', { value: tEnum('severity', h.complaintSeverity) })}</span>
        <span>{messages('deskTask.category', { value: tEnum('category', h.complaintCategory) })}</span>
        {h.complaintAssignee?.name && <span>{messages('deskTask.owner', { name: h.complaintAssignee.name })}</span>}
      </p>
      {h.passedFrom && (
        <p className="desk-passed-from" data-testid="desk-passed-from">
          {messages('deskTask.passedFrom', { department: departmentLabel(h.passedFrom.department, departments, locale, h.passedFrom.departmentName) })}
        </p>
      )}
      <p className="desk-note">{h.note}</p>
      <p className="desk-meta">
        {t('desk.askedBy', { name: h.requestedBy?.name ?? t('common.none'), at: formatDateTime(h.requestedAt) })}
        {' · '}
        {h.status === 'open' ? t('desk.forwardDue', { at: formatDateTime(h.forwardDueAt) }) : t('desk.answerDue', { at: formatDateTime(h.answerDueAt) })}
        {h.overdue && <span className="late"> · {t('desk.overdue')}</span>}
      </p>
      <ErrorBox error={error} />
      <div className="desk-actions" role="group" aria-label={messages('deskTask.actions', { number: h.complaintNumber })}>
        {h.status === 'open' && (
          <button type="button" className="btn" data-testid="desk-acknowledge" onClick={() => void acknowledge()}>{t('desk.acknowledge')}</button>
        )}
        <button type="button" className={mode === 'answer' ? 'btn btn-primary active' : 'btn btn-primary'} data-testid="desk-answer" aria-expanded={mode === 'answer'} onClick={() => toggle('answer')}>
          {t('desk.answer')}
        </button>
        <button type="button" className="btn" data-testid="desk-pass" aria-expanded={mode === 'pass'} onClick={() => toggle('pass')}>{messages('deskTask.pass')}</button>
        <button type="button" className="btn" data-testid="desk-return" aria-expanded={mode === 'return'} onClick={() => toggle('return')}>{messages('deskTask.return')}</button>
      </div>
      {mode === 'answer' && <AnswerTaskForm task={h} onDone={done} />}
      {mode === 'pass' && <PassTaskForm task={h} departments={departments} onDone={done} onCancel={() => setMode('idle')} />}
      {mode === 'return' && <ReturnTaskForm task={h} onDone={done} onCancel={() => setMode('idle')} />}
    </li>
  );
}
