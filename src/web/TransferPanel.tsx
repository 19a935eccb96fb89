import { useState, type FormEvent } from 'react';
import { api } from './api.js';
import { useDepartments } from './desk/useDepartments.js';
import { ErrorBox } from './ErrorBox.js';
import { useI18n } from './i18n.js';


/** Hands the complaint to a back-office department as a task with that department's deadlines. */
export function TransferPanel({ complaintId, onDone }: { complaintId: string; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { departments: all, error: departmentsError } = useDepartments();
  const departments = (all ?? []).filter((d) => d.code !== 'customer_service');
  const [department, setDepartment] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!department || !note.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/complaints/${encodeURIComponent(complaintId)}/handoffs`, { department, note: note.trim() });
      setNote('');
      setDepartment('');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="side-form" onSubmit={(e) => void submit(e)} data-testid="transfer-form">
      <h3>{t('transfer.title')}</h3>
      <label className="field">
        <span>{t('transfer.department')}</span>
        <select data-testid="transfer-department" value={department} onChange={(e) => setDepartment(e.target.value)}>
          <option value="">{t('transfer.choose')}</option>
          {departments.map((d) => <option key={d.id} value={d.code}>{locale === 'zh-CN' && d.nameZh ? d.nameZh : d.name}</option>)}
        </select>
      </label>
      <label className="field">
        <span>{t('transfer.note')}</span>
        <textarea data-testid="transfer-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <ErrorBox error={error ?? departmentsError} />
      <button type="submit" className="btn" data-testid="transfer-submit" disabled={busy || !department || !note.trim()}>{t('transfer.submit')}</button>
    </form>
  );
}
