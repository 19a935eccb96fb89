import type { FormEvent } from 'react';
import { ErrorBox } from '../../ErrorBox.js';
import { useI18n } from '../../i18n.js';
import { MAX_ANSWER_MINUTES, MAX_FORWARD_MINUTES } from './department-model.js';
import { Field } from './Field.js';
import type { Department } from './people-types.js';
import { messages as m } from './people.messages.js';
import { useDepartmentEditor } from './useDepartmentEditor.js';

/** Creates a department: code (fixed afterwards), names and both hand-off deadlines. */
export function DepartmentForm({ onSaved, onCancel }: { onSaved: (d: Department) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const ed = useDepartmentEditor(null, (d) => d && onSaved(d));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void ed.save();
  };
  return (
    <form className="people-form" onSubmit={submit} noValidate aria-label={m('department.form.title')} data-testid="department-form">
      <h3>{m('department.form.title')}</h3>
      <div className="field-row">
        <Field id="department-code" label={m('department.field.code')} hint={m('department.hint.code')} error={ed.errorOf('code')}>
          {(c) => <input {...c} data-testid="department-code" value={ed.draft.code} maxLength={40} autoComplete="off" onChange={(e) => ed.set('code', e.target.value)} />}
        </Field>
        <Field id="department-name" label={m('department.field.name')} error={ed.errorOf('name')}>
          {(c) => <input {...c} data-testid="department-name" value={ed.draft.name} maxLength={100} onChange={(e) => ed.set('name', e.target.value)} />}
        </Field>
        <Field id="department-name-zh" label={m('department.field.nameZh')} error={ed.errorOf('nameZh')}>
          {(c) => <input {...c} data-testid="department-name-zh" value={ed.draft.nameZh} maxLength={100} onChange={(e) => ed.set('nameZh', e.target.value)} />}
        </Field>
      </div>
      <div className="field-row">
        <Field id="department-forward" label={m('department.field.forward')} error={ed.errorOf('handoffForwardMinutes')}>
          {(c) => <input {...c} data-testid="department-forward" type="number" min={1} max={MAX_FORWARD_MINUTES} step={1} inputMode="numeric" value={ed.draft.handoffForwardMinutes} onChange={(e) => ed.set('handoffForwardMinutes', e.target.value)} />}
        </Field>
        <Field id="department-answer" label={m('department.field.answer')} error={ed.errorOf('handoffAnswerMinutes')}>
          {(c) => <input {...c} data-testid="department-answer" type="number" min={1} max={MAX_ANSWER_MINUTES} step={1} inputMode="numeric" value={ed.draft.handoffAnswerMinutes} onChange={(e) => ed.set('handoffAnswerMinutes', e.target.value)} />}
        </Field>
      </div>
      {ed.invalid && <p className="field-error" role="alert">{m('people.fixFields')}</p>}
      <ErrorBox error={ed.error} />
      <div className="row-actions">
        <button type="submit" className="btn btn-primary" data-testid="department-submit" disabled={ed.busy}>{ed.busy ? t('common.saving') : m('department.form.create')}</button>
        <button type="button" className="btn" onClick={onCancel} disabled={ed.busy}>{m('people.cancel')}</button>
      </div>
    </form>
  );
}
