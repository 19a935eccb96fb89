import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { ConfirmStep } from './ConfirmStep.js';
import { ErrorBox } from '../ErrorBox.js';
import { useI18n } from '../i18n.js';
import { messages } from './desk.messages.js';
import type { DeskTask } from './desk-types.js';

/**
 * "Return to agent": the task goes back to the front line without an answer ("not ours",
 * "information missing"); the note tells the agent why. Confirmed in a second step, then
 * POST /api/v1/handoffs/:id/return.
 */
export function ReturnTaskForm({ task, onDone, onCancel }: { task: DeskTask; onDone: () => void; onCancel: () => void }) {
  useI18n();
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ready = note.trim() !== '';

  async function giveBack() {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/handoffs/${encodeURIComponent(task.id)}/return`, { note: note.trim() });
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

  const owner = task.complaintAssignee?.name ?? messages('deskTask.frontLine');
  return (
    <form className="desk-action-form" data-testid="desk-return-form" aria-label={messages('deskTask.returnTitle')} onSubmit={review}>
      <h3>{messages('deskTask.returnTitle')}</h3>
      <label className="field">
        <span>{messages('deskTask.returnNote')}</span>
        <textarea data-testid="desk-return-note" rows={3} maxLength={5000} value={note} disabled={confirming || busy} onChange={(e) => setNote(e.target.value)} />
      </label>
      <ErrorBox error={error} />
      <ConfirmStep
        id="desk-return" confirming={confirming} busy={busy} ready={ready}
        question={messages('deskTask.returnConfirm', { number: task.complaintNumber, name: owner })}
        doLabel={messages('deskTask.returnDo')} nextLabel={messages('deskTask.returnNext')}
        onDo={() => void giveBack()} onBack={() => setConfirming(false)} onCancel={onCancel}
      />
    </form>
  );
}
