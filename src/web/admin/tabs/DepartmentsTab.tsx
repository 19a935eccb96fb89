import { useState } from 'react';
import { ErrorBox } from '../../ErrorBox.js';
import { useI18n } from '../../i18n.js';
import { useApiData } from '../../useApiData.js';
import { DepartmentForm } from '../people/DepartmentForm.js';
import { DepartmentRow } from '../people/DepartmentRow.js';
import { Notice } from '../people/Notice.js';
import type { Department, Page } from '../people/people-types.js';
import { messages as m } from '../people/people.messages.js';
import '../people/people.css';

/** Departments: list, create, and edit names and hand-off deadlines in place. */
export function DepartmentsTab() {
  const { t } = useI18n();
  const departments = useApiData<Page<Department>>('/api/v1/departments');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const done = (saved: Department | null, created = false) => {
    setEditing(null);
    setCreating(false);
    if (saved) setNotice(created ? m('departments.created', { name: saved.name }) : m('departments.saved', { name: saved.name }));
    departments.reload();
  };

  return (
    <div className="people" data-testid="departments-tab">
      <div className="people-head">
        <div>
          <h2>{m('departments.title')}</h2>
          <p className="muted small">{m('departments.intro')}</p>
        </div>
        <button type="button" className="btn btn-primary" data-testid="departments-new" disabled={creating} onClick={() => { setCreating(true); setNotice(null); }}>
          {m('departments.new')}
        </button>
      </div>
      <Notice text={notice} onDismiss={() => setNotice(null)} testId="departments-notice" />
      {creating && (
        <div className="card">
          <DepartmentForm onSaved={(d) => done(d, true)} onCancel={() => setCreating(false)} />
        </div>
      )}
      {departments.error && !departments.data ? (
        <ErrorBox error={departments.error} onRetry={departments.reload} />
      ) : !departments.data ? (
        <p className="empty">{t('common.loading')}</p>
      ) : departments.data.items.length === 0 ? (
        <p className="empty card">{m('departments.empty')}</p>
      ) : (
        <div className="card table-wrap">
          <table className="complaint-table people-table" data-testid="departments-table">
            <thead>
              <tr>
                <th scope="col">{m('departments.col.code')}</th>
                <th scope="col">{m('departments.col.name')}</th>
                <th scope="col">{m('departments.col.nameZh')}</th>
                <th scope="col">{m('departments.col.forward')}</th>
                <th scope="col">{m('departments.col.answer')}</th>
                <th scope="col" className="people-col-optional">{m('departments.col.updated')}</th>
                <th scope="col"><span className="sr-only">{m('departments.col.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {departments.data.items.map((d) => (
                <DepartmentRow key={d.id} department={d} editing={editing === d.id} onEdit={() => { setEditing(d.id); setNotice(null); }} onDone={(saved) => done(saved)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
