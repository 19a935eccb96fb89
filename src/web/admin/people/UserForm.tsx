import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { useI18n } from '../../i18n.js';
import { splitFieldErrors, type FieldErrors } from './field-errors.js';
import { Field } from './Field.js';
import { hasProblems, type Problems } from './form-problem.js';
import { STAFF_ROLES, type Department, type StaffUser } from './people-types.js';
import { messages as m } from './people.messages.js';
import { createUserBody, draftFromUser, MIN_PASSWORD, USER_FIELDS, userPatchBody, validateUserDraft, type UserDraft, type UserField } from './user-form-model.js';

/**
 * Creates a user (user = null) or edits one: client checks first, then the server's own
 * field errors (422 details, a taken email) shown next to the fields they name.
 */
export function UserForm({ user, isSelf = false, departments, onSaved, onCancel }: {
  user: StaffUser | null;
  /** the signed-in admin: their own role and active state stay as they are */
  isSelf?: boolean;
  departments: Department[];
  onSaved: (saved: StaffUser | null, created: boolean) => void;
  onCancel: () => void;
}) {
  const { t, tEnum, locale } = useI18n();
  const [draft, setDraft] = useState<UserDraft>(() => draftFromUser(user));
  const [problems, setProblems] = useState<Problems<UserField>>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors<UserField>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const creating = user === null;

  const set = <K extends keyof UserDraft>(key: K, value: UserDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    // A field's old complaint no longer applies once it is edited.
    setProblems((p) => ({ ...p, [key]: undefined }));
    setServerErrors((s) => ({ ...s, [key]: undefined }));
  };
  const errorOf = (f: UserField): string | null => {
    const p = problems[f];
    return p ? m(p.key, p.vars) : serverErrors[f] ?? null;
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateUserDraft(draft);
    setProblems(found);
    setServerErrors({});
    setError(null);
    if (hasProblems(found)) return;
    const body = creating ? createUserBody(draft) : userPatchBody(user, draft);
    if (!creating && Object.keys(body).length === 0) {
      onSaved(null, false);
      return;
    }
    setBusy(true);
    try {
      const saved = creating
        ? await api.post<StaffUser>('/api/v1/users', body)
        : await api.patch<StaffUser>(`/api/v1/users/${encodeURIComponent(user.id)}`, body);
      onSaved(saved, creating);
    } catch (err) {
      const split = splitFieldErrors(err, USER_FIELDS);
      setServerErrors(split.fields);
      setError(split.rest);
    } finally {
      setBusy(false);
    }
  }

  const deptName = (d: Department) => (locale === 'zh-CN' && d.nameZh ? d.nameZh : d.name);
  const title = creating ? m('user.form.createTitle') : m('user.form.editTitle', { name: user.name });
  return (
    <form className="people-form" onSubmit={(e) => void submit(e)} noValidate aria-label={title} data-testid="user-form">
      <h3>{title}</h3>
      <div className="field-row">
        <Field id="user-name" label={m('user.field.name')} error={errorOf('name')}>
          {(c) => <input {...c} data-testid="user-name" value={draft.name} maxLength={100} autoComplete="off" onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field id="user-email" label={m('user.field.email')} error={errorOf('email')}>
          {(c) => <input {...c} data-testid="user-email" type="email" value={draft.email} autoComplete="off" onChange={(e) => set('email', e.target.value)} />}
        </Field>
      </div>
      <div className="field-row">
        <Field id="user-role" label={m('user.field.role')} hint={isSelf ? m('user.hint.self') : undefined} error={errorOf('role')}>
          {(c) => (
            <select {...c} data-testid="user-role" disabled={isSelf} value={draft.role} onChange={(e) => set('role', e.target.value as UserDraft['role'])}>
              {STAFF_ROLES.map((r) => <option key={r} value={r}>{tEnum('role', r)}</option>)}
            </select>
          )}
        </Field>
        <Field id="user-department" label={m('user.field.department')} hint={m('user.hint.department')} error={errorOf('departmentId')}>
          {(c) => (
            <select {...c} data-testid="user-department" value={draft.departmentId} onChange={(e) => set('departmentId', e.target.value)}>
              <option value="">{m('user.field.noDepartment')}</option>
              {departments.map((d) => <option key={d.id} value={d.id}>{deptName(d)} ({d.code})</option>)}
            </select>
          )}
        </Field>
        <Field id="user-locale" label={m('user.field.locale')} error={errorOf('locale')}>
          {(c) => (
            <select {...c} data-testid="user-locale" value={draft.locale} onChange={(e) => set('locale', e.target.value as UserDraft['locale'])}>
              <option value="zh-CN">{m('user.locale.zh-CN')}</option>
              <option value="en">{m('user.locale.en')}</option>
            </select>
          )}
        </Field>
      </div>
      <div className="field-row">
        <Field id="user-skills" label={m('user.field.skills')} hint={m('user.hint.skills')} error={errorOf('skills')} className="field-grow">
          {(c) => <input {...c} data-testid="user-skills" value={draft.skills} autoComplete="off" onChange={(e) => set('skills', e.target.value)} />}
        </Field>
        <Field id="user-team" label={m('user.field.team')} hint={m('user.hint.team')} error={errorOf('team')}>
          {(c) => <input {...c} data-testid="user-team" value={draft.team} autoComplete="off" onChange={(e) => set('team', e.target.value)} />}
        </Field>
      </div>
      <div className="field-row">
        <Field
          id="user-password"
          label={creating ? m('user.field.password') : m('user.field.newPassword')}
          hint={creating ? m('user.hint.password', { min: MIN_PASSWORD }) : m('user.hint.newPassword')}
          error={errorOf('password')}
        >
          {(c) => <input {...c} data-testid="user-password" type="password" value={draft.password} autoComplete="new-password" onChange={(e) => set('password', e.target.value)} />}
        </Field>
        {!creating && (
          <div className="field">
            <label className="check">
              <input type="checkbox" data-testid="user-active" disabled={isSelf} checked={draft.active} aria-describedby="user-active-hint" onChange={(e) => set('active', e.target.checked)} />
              {m('user.field.active')}
            </label>
            {errorOf('active') && <small className="field-error">{errorOf('active')}</small>}
            <small id="user-active-hint" className="field-hint">{m('user.hint.active')}</small>
          </div>
        )}
      </div>
      {hasProblems(problems) && <p className="field-error" role="alert">{m('people.fixFields')}</p>}
      <ErrorBox error={error} />
      <div className="row-actions">
        <button type="submit" className="btn btn-primary" data-testid="user-submit" disabled={busy}>
          {busy ? t('common.saving') : creating ? m('user.form.create') : m('people.save')}
        </button>
        <button type="button" className="btn" data-testid="user-cancel" onClick={onCancel} disabled={busy}>{m('people.cancel')}</button>
      </div>
    </form>
  );
}
