import { useId } from 'react';
import { useI18n } from '../../i18n.js';
import { FieldErrors } from './FieldErrors.js';
import { TARGET_UNITS, type TargetForm } from './sla-form.js';
import { messages as m } from './sla.messages.js';

/** A duration target as amount + unit; the form converts it to whole minutes on save. */
export function TargetInput({ label, value, onChange, errors, testId, hint }: {
  label: string;
  value: TargetForm;
  onChange: (v: TargetForm) => void;
  errors?: readonly string[];
  testId: string;
  hint: string;
}) {
  useI18n();
  const id = useId();
  return (
    <div className="field sla-target" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`}>{label}</span>
      <div className="sla-target-inputs">
        <input
          type="number" min={1} step="any" inputMode="decimal" value={value.amount}
          aria-label={`${label}: ${m('sla.amount')}`} aria-invalid={errors?.length ? true : undefined} aria-describedby={`${id}-hint`}
          data-testid={`${testId}-amount`}
          onChange={(e) => onChange({ ...value, amount: e.target.value })}
        />
        <select
          value={value.unit} aria-label={`${label}: ${m('sla.unit')}`} data-testid={`${testId}-unit`}
          onChange={(e) => onChange({ ...value, unit: e.target.value as TargetForm['unit'] })}
        >
          {TARGET_UNITS.map((u) => <option key={u} value={u}>{m(`sla.unit.${u}`)}</option>)}
        </select>
      </div>
      <small className="muted" id={`${id}-hint`}>{hint}</small>
      <FieldErrors messages={errors} />
    </div>
  );
}
