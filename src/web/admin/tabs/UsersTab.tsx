import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { useI18n } from '../../i18n.js';
import { useApiData } from '../../useApiData.js';
import { Notice } from '../people/Notice.js';
import { STAFF_ROLES, type Department, type Page, type StaffRole, type StaffUser } from '../people/people-types.js';
import { messages as m } from '../people/people.messages.js';
import { filterUsers, type UserFilter } from '../people/user-filter.js';
import { UserForm } from '../people/UserForm.js';
import { UserTable } from '../people/UserTable.js';
import '../people/people.css';

/** Users and roles: list, filter, create, and edit (role, department, skills, password reset, deactivation). */
export function UsersTab() {
  const { t, tEnum } = useI18n();
  const users = useApiData<Page<StaffUser>>('/api/v1/users');
  const departments = useApiData<Page<Department>>('/api/v1/departments');
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [filter, setFilter] = useState<UserFilter>({ text: '', role: '', showInactive: false });
  const [myId, setMyId] = useState<string | null>(null);

  // The server refuses self-demotion and self-deactivation (409); knowing who we are lets the form say so up front.
  useEffect(() => {
    let live = true;
    api.get<{ principal: { userId?: string } }>('/api/v1/auth/me')
      .then((r) => live && setMyId(r.principal.userId ?? null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const byId = useMemo(() => new Map((departments.data?.items ?? []).map((d) => [d.id, d])), [departments.data]);
  const all = users.data?.items ?? [];
  const shown = useMemo(() => filterUsers(all, filter), [all, filter]);

  const saved = (u: StaffUser | null, created: boolean) => {
    setCreating(false);
    setEditing(null);
    setNotice(!u ? m('users.noChanges') : created ? m('users.created', { name: u.name }) : m('users.saved', { name: u.name }));
    // Show what was just created or changed even when the filters would hide it.
    if (u) setFilter((f) => ({ ...f, showInactive: f.showInactive || !u.active }));
    users.reload();
  };
  const form = (user: StaffUser | null) => (
    <UserForm user={user} isSelf={user !== null && user.id === myId} departments={departments.data?.items ?? []} onSaved={saved} onCancel={() => (user ? setEditing(null) : setCreating(false))} />
  );

  return (
    <div className="people" data-testid="users-tab">
      <div className="people-head">
        <div>
          <h2>{m('users.title')}</h2>
          <p className="muted small">{m('users.intro')}</p>
        </div>
        <button type="button" className="btn btn-primary" data-testid="users-new" onClick={() => { setCreating(true); setEditing(null); setNotice(null); }} disabled={creating}>
          {m('users.new')}
        </button>
      </div>
      <Notice text={notice} onDismiss={() => setNotice(null)} testId="users-notice" />
      {creating && <div className="card">{form(null)}</div>}
      <ErrorBox error={departments.error} onRetry={departments.reload} />
      <div className="filters people-filters">
        <label className="field field-inline">
          <span>{m('users.search')}</span>
          <input type="search" data-testid="users-search" value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
        </label>
        <label className="field field-inline">
          <span>{m('users.filterRole')}</span>
          <select data-testid="users-role-filter" value={filter.role} onChange={(e) => setFilter({ ...filter, role: e.target.value as StaffRole | '' })}>
            <option value="">{m('users.allRoles')}</option>
            {STAFF_ROLES.map((r) => <option key={r} value={r}>{tEnum('role', r)}</option>)}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" data-testid="users-show-inactive" checked={filter.showInactive} onChange={(e) => setFilter({ ...filter, showInactive: e.target.checked })} />
          {m('users.showInactive')}
        </label>
        {users.data && <span className="muted small people-count">{m('users.count', { shown: shown.length, total: all.length })}</span>}
      </div>
      {users.error && !users.data ? (
        <ErrorBox error={users.error} onRetry={users.reload} />
      ) : !users.data ? (
        <p className="empty">{t('common.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="empty card" data-testid="users-empty">{m('users.empty')}</p>
      ) : (
        <UserTable users={shown} departments={byId} myId={myId} editingId={editing} onEdit={(id) => { setEditing(id); setCreating(false); setNotice(null); }} editor={form} />
      )}
    </div>
  );
}
