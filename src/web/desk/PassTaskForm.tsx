import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { ConfirmStep } from './ConfirmStep.js';
import { ErrorBox } from '../ErrorBox.js';
import { useI18n } from '../i18n.js';
import { messages } from './desk.messages.js';
import type { DeskDepartment, DeskTask } from './desk-types.js';
import { departmentLabel } from './useDepartments.js';

/** The front line is not a department to pass to: giving the task back is "Return to agent". */
const NOT_A_TARGET = 'customer_service';

/**
 * "Pass to…": pick the department the task really belongs to and tell them why; a second step
 * asks to confirm (the task leaves this desk), then POST /api/v1/handoffs/:id/pass.
 */
export function PassTaskForm({ task, departments, onDone, onCancel }: {
  task: DeskTask; departments: DeskDepartment[] | null; onDone: () => void; onCancel: () => void;
}) {
  const { locale } = useI18n();
  const [department, setDepartment] = useState('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const targets = (departments ?? []).filter((d) => d.id !== task.departmentId && d.code !== NOT_A_TARGET);
  const ready = department !== '' && note.trim() !== '';
  const target = departmentLabel(department, departments, locale);

  async function pass() {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/handoffs/${encodeURIComponent(task.id)}/pass`, { department, note: note.trim() });
      onDone();
    } catch (err) {
      setError(err);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }

  function review(e: FormEvent) {
    e.preventDefault();
    if (ready) setConfirming(true);
  }

  return (
    <form className="desk-action-form" data-testid="desk-pass-form" aria-label={messages('deskTask.passTitle')} onSubmit={review}>
      <h3>{messages('deskTask.passTitle')}</h3>
      {departments === null ? <p className="empty">{messages('deskTask.departmentsLoading')}</p> : targets.length === 0 ? (
        <p className="empty">{messages('deskTask.noDepartments')}</p>
      ) : (
        <>
          <label className="field">
            <span>{messages('deskTask.passDepartment')}</span>
            <select data-testid="desk-pass-department" value={department} disabled={confirming || busy} onChange={(e) => setDepartment(e.target.value)}>
              <option value="">{messages('deskTask.passChoose')}</option>
              {targets.map((d) => <option key={d.id} value={d.code}>{departmentLabel(d.code, departments, locale)}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{messages('deskTask.passNote')}</span>
            <textarea data-testid="desk-pass-note" rows={3} maxLength={5000} value={note} disabled={confirming || busy} onChange={(e) => setNote(e.target.value)} />
          </label>
        </>
      )}
      <ErrorBox error={error} />
      <ConfirmStep
        id="desk-pass" confirming={confirming} busy={busy} ready={ready}
        question={messages('deskTask.passConfirm', { number: task.complaintNumber, department: target })}
        doLabel={messages('deskTask.passDo')} nextLabel={messages('deskTask.passNext')}
        onDo={() => void pass()} onBack={() => setConfirming(false)} onCancel={onCancel}
      />
    </form>
  );
}
