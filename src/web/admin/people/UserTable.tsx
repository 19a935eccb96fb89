import type { ReactNode } from 'react';
import { useI18n } from '../../i18n.js';
import type { Department, StaffUser } from './people-types.js';
import { messages as m } from './people.messages.js';

const COLUMNS = 7;

/** The user list; the row being edited opens its form right below it. */
export function UserTable({ users, departments, myId, editingId, onEdit, editor }: {
  users: StaffUser[];
  myId: string | null;
  departments: Map<string, Department>;
  editingId: string | null;
  onEdit: (id: string) => void;
  editor: (user: StaffUser) => ReactNode;
}) {
  const { t, tEnum, locale } = useI18n();
  const deptName = (id: string | null) => {
    const d = id ? departments.get(id) : undefined;
    if (!d) return t('common.none');
    return locale === 'zh-CN' && d.nameZh ? d.nameZh : d.name;
  };
  return (
    <div className="card table-wrap">
      <table className="complaint-table people-table" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">{m('users.col.name')}</th>
            <th scope="col">{m('users.col.email')}</th>
            <th scope="col">{m('users.col.role')}</th>
            <th scope="col">{m('users.col.department')}</th>
            <th scope="col">{m('users.col.skills')}</th>
            <th scope="col">{m('users.col.status')}</th>
            <th scope="col"><span className="sr-only">{m('users.col.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserRows key={u.id} user={u} isSelf={u.id === myId} department={deptName(u.departmentId)} editing={editingId === u.id} onEdit={() => onEdit(u.id)} editor={editor} roleLabel={tEnum('role', u.role)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UserRows({ user: u, isSelf, department, roleLabel, editing, onEdit, editor }: {
  user: StaffUser; isSelf: boolean; department: string; roleLabel: string; editing: boolean; onEdit: () => void; editor: (user: StaffUser) => ReactNode;
}) {
  return (
    <>
      <tr className={u.active ? 'user-row' : 'user-row user-inactive'} data-testid="user-row" data-email={u.email}>
        <td className="people-strong">{u.name}{isSelf && <span className="muted small"> {m('users.you')}</span>}</td>
        <td className="people-email">{u.email}</td>
        <td data-testid="user-row-role">{roleLabel}</td>
        <td data-testid="user-row-department">{department}</td>
        <td>
          {u.skills.map((s) => <span key={s} className="tag">{s}</span>)}
          {u.team && <span className="tag people-team">{m('users.team', { team: u.team })}</span>}
        </td>
        <td>
          <span className={u.active ? 'people-status people-status-active' : 'people-status people-status-inactive'} data-testid="user-row-status">
            {u.active ? m('users.active') : m('users.inactive')}
          </span>
        </td>
        <td className="people-actions">
          <button type="button" className="btn btn-small" data-testid="user-edit" aria-expanded={editing} aria-label={m('users.editLabel', { name: u.name })} onClick={onEdit} disabled={editing}>
            {m('people.edit')}
          </button>
        </td>
      </tr>
      {editing && (
        <tr className="people-editor-row">
          <td colSpan={COLUMNS}>{editor(u)}</td>
        </tr>
      )}
    </>
  );
}
