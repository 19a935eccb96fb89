import { ErrorBox } from '../../ErrorBox.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n.js';
import { MAX_ANSWER_MINUTES, MAX_FORWARD_MINUTES, minutesLabel, type DepartmentField } from './department-model.js';
import type { Department } from './people-types.js';
import { messages as m } from './people.messages.js';
import { useDepartmentEditor } from './useDepartmentEditor.js';

export const DEPARTMENT_COLUMNS = 7;

/** One department; "Edit" turns its name and deadline cells into inputs in place. */
export function DepartmentRow({ department: d, editing, onEdit, onDone }: {
  department: Department;
  editing: boolean;
  onEdit: () => void;
  onDone: (saved: Department | null) => void;
}) {
  useI18n();
  if (!editing) {
    return (
      <tr data-testid="department-row" data-code={d.code}>
        <td className="cell-number">{d.code}</td>
        <td className="people-strong">{d.name}</td>
        <td>{d.nameZh ?? '—'}</td>
        <td data-testid="department-row-forward"><Minutes value={d.handoffForwardMinutes} /></td>
        <td data-testid="department-row-answer"><Minutes value={d.handoffAnswerMinutes} /></td>
        <td className="muted small people-col-optional">{formatDateTime(d.updatedAt)}</td>
        <td className="people-actions">
          <button type="button" className="btn btn-small" data-testid="department-edit" aria-label={m('departments.editLabel', { name: d.name })} onClick={onEdit}>{m('people.edit')}</button>
        </td>
      </tr>
    );
  }
  return <EditingRow department={d} onDone={onDone} />;
}

function Minutes({ value }: { value: number }) {
  return (
    <>
      {m('departments.minutes', { minutes: value })} <span className="muted small">({minutesLabel(value)})</span>
    </>
  );
}

function EditingRow({ department: d, onDone }: { department: Department; onDone: (saved: Department | null) => void }) {
  const { t } = useI18n();
  const ed = useDepartmentEditor(d, onDone);
  const cell = (field: DepartmentField, label: string, props: { type?: string; max?: number } = {}) => {
    const error = ed.errorOf(field);
    const id = `department-${d.code}-${field}`;
    return (
      <td>
        <input
          id={id}
          className="people-cell-input"
          data-testid={`department-edit-${field}`}
          aria-label={`${label} (${d.code})`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          value={ed.draft[field]}
          onChange={(e) => ed.set(field, e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void ed.save();
            if (e.key === 'Escape') onDone(null);
          }}
          {...(props.type === 'number' ? { type: 'number', min: 1, max: props.max, step: 1, inputMode: 'numeric' as const } : {})}
        />
        {error && <small id={`${id}-error`} className="field-error" data-testid={`department-edit-${field}-error`}>{error}</small>}
      </td>
    );
  };
  return (
    <>
      <tr className="people-editing" data-testid="department-row" data-code={d.code} data-editing="true">
        <td className="cell-number">{d.code}</td>
        {cell('name', m('department.field.name'))}
        {cell('nameZh', m('department.field.nameZh'))}
        {cell('handoffForwardMinutes', m('department.field.forward'), { type: 'number', max: MAX_FORWARD_MINUTES })}
        {cell('handoffAnswerMinutes', m('department.field.answer'), { type: 'number', max: MAX_ANSWER_MINUTES })}
        <td className="muted small people-col-optional">{formatDateTime(d.updatedAt)}</td>
        <td className="people-actions">
          <div className="row-actions">
            <button type="button" className="btn btn-small btn-primary" data-testid="department-save" disabled={ed.busy} onClick={() => void ed.save()}>
              {ed.busy ? t('common.saving') : m('people.save')}
            </button>
            <button type="button" className="btn btn-small" data-testid="department-cancel" disabled={ed.busy} onClick={() => onDone(null)}>{m('people.cancel')}</button>
          </div>
        </td>
      </tr>
      {Boolean(ed.error) && (
        <tr>
          <td colSpan={DEPARTMENT_COLUMNS}><ErrorBox error={ed.error} /></td>
        </tr>
      )}
    </>
  );
}
