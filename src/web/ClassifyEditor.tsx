import { useEffect, useState, type FormEvent } from 'react';
import { api } from './api.js';
import { ErrorBox } from './ErrorBox.js';
import { useI18n } from './i18n.js';
import { CATEGORIES, SEVERITIES, type Category, type Complaint, type Severity } from './types.js';

interface StaffUser {
  id: string;
  name: string;
  role: string;
  active: boolean;
}

interface Props {
  complaint: Complaint;
  myUserId: string | null;
  onChanged: (c: Complaint) => void;
}

/** Re-classify (severity, category) and take ownership; each change is PATCHed. */
export function ClassifyEditor({ complaint, myUserId, onChanged }: Props) {
  const { t, tEnum } = useI18n();
  const [severity, setSeverity] = useState<Severity>(complaint.severity);
  const [category, setCategory] = useState<Category>(complaint.category);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [staff, setStaff] = useState<StaffUser[]>([]);
  const dirty = severity !== complaint.severity || category !== complaint.category;

  useEffect(() => {
    let live = true;
    api
      .get<{ items: StaffUser[] }>('/api/v1/users')
      .then((r) => live && setStaff(r.items.filter((u) => u.active && u.role !== 'analyst')))
      .catch(() => live && setStaff([])); // without the list, "assign to me" still works
    return () => {
      live = false;
    };
  }, []);

  async function patch(body: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.patch<Complaint>(`/api/v1/complaints/${encodeURIComponent(complaint.id)}`, body));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function save(e: FormEvent) {
    e.preventDefault();
    const body: { severity?: Severity; category?: Category } = {};
    if (severity !== complaint.severity) body.severity = severity;
    if (category !== complaint.category) body.category = category;
    if (Object.keys(body).length) void patch(body);
  }

  return (
    <form className="classify" onSubmit={save}>
      <h3>{t('edit.title')}</h3>
      <label className="field">
        <span>{t('edit.severity')}</span>
        <select data-testid="edit-severity" value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
          {SEVERITIES.map((s) => <option key={s} value={s}>{tEnum('severity', s)}</option>)}
        </select>
      </label>
      <label className="field">
        <span>{t('edit.category')}</span>
        <select data-testid="edit-category" value={category} onChange={(e) => setCategory(e.target.value as Category)}>
          {CATEGORIES.map((c) => <option key={c} value={c}>{tEnum('category', c)}</option>)}
        </select>
      </label>
      {staff.length > 0 && (
        <label className="field">
          <span>{t('edit.assignee')}</span>
          <select
            data-testid="edit-assignee"
            value={complaint.assignee?.id ?? ''}
            disabled={busy}
            onChange={(e) => void patch({ assigneeId: e.target.value || null })}
          >
            <option value="">{t('edit.unassigned')}</option>
            {staff.map((u) => <option key={u.id} value={u.id}>{u.name} · {tEnum('role', u.role)}</option>)}
          </select>
        </label>
      )}
      <ErrorBox error={error} />
      <div className="row-actions">
        <button type="submit" className="btn" data-testid="edit-save" disabled={busy || !dirty}>
          {busy ? t('common.saving') : t('edit.save')}
        </button>
        {myUserId && complaint.assignee?.id !== myUserId && (
          <button type="button" className="btn" data-testid="assign-me" disabled={busy} onClick={() => void patch({ assigneeId: myUserId })}>
            {t('edit.assignToMe')}
          </button>
        )}
      </div>
    </form>
  );
}
