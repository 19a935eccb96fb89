import { useI18n } from '../../i18n.js';
import type { Field } from '../../../modules/routing/rule-fields.js';
import { changeOp, choicesFor, FIELD_LIST, kindOf, newCondition, opsFor, splitList, type ConditionForm } from './rule-form.js';
import { fieldLabel, opLabel, valueLabel, type SummaryContext } from './rule-summary.js';
import { messages as m } from './routing.messages.js';

const LIST_OPS = ['in', 'not_in'];

/** Field · operator · value, with the value input fitting the field (choices, number, keywords). */
export function ConditionRow({ n, value: c, onChange, onRemove, errors, ctx }: {
  n: number;
  value: ConditionForm;
  onChange: (c: ConditionForm) => void;
  onRemove: () => void;
  errors?: readonly string[];
  ctx: SummaryContext;
}) {
  useI18n();
  const choices = choicesFor(c.field);
  const kind = kindOf(c.field);
  const numeric = kind === 'number' || kind === 'score' || kind === 'hour';
  const label = m('routing.cond.label', { n });
  const valueLabelText = `${label}: ${m('routing.cond.value')}`;
  let input;
  if (c.op === 'exists') {
    input = (
      <select value={c.value} aria-label={valueLabelText} data-testid="cond-value" onChange={(e) => onChange({ ...c, value: e.target.value })}>
        <option value="true">{m('routing.exists.true')}</option>
        <option value="false">{m('routing.exists.false')}</option>
      </select>
    );
  } else if (choices && LIST_OPS.includes(c.op)) {
    const picked = new Set(splitList(c.value));
    input = (
      <div className="rt-choice-list" role="group" aria-label={valueLabelText} data-testid="cond-value">
        {choices.map((v) => (
          <label key={v} className="check">
            <input
              type="checkbox" checked={picked.has(v)}
              onChange={(e) => onChange({ ...c, value: choices.filter((x) => (x === v ? e.target.checked : picked.has(x))).join(', ') })}
            />
            {valueLabel(c.field, v, ctx)}
          </label>
        ))}
      </div>
    );
  } else if (choices && c.op !== 'between') {
    input = (
      <select value={c.value} aria-label={valueLabelText} data-testid="cond-value" onChange={(e) => onChange({ ...c, value: e.target.value })}>
        {!choices.includes(c.value) && <option value={c.value}>{c.value || m('routing.choose')}</option>}
        {choices.map((v) => <option key={v} value={v}>{valueLabel(c.field, v, ctx)}</option>)}
      </select>
    );
  } else if (c.op === 'between') {
    input = (
      <span className="rt-between">
        <input type={numeric ? 'number' : 'text'} step="any" value={c.value} aria-label={valueLabelText} data-testid="cond-value" onChange={(e) => onChange({ ...c, value: e.target.value })} />
        <span aria-hidden="true">–</span>
        <input type={numeric ? 'number' : 'text'} step="any" value={c.value2} aria-label={`${label}: ${m('routing.cond.value2')}`} data-testid="cond-value2" onChange={(e) => onChange({ ...c, value2: e.target.value })} />
      </span>
    );
  } else {
    const isList = LIST_OPS.includes(c.op) || c.op.startsWith('contains_');
    input = (
      <input
        type={numeric && !isList ? 'number' : 'text'} step="any" value={c.value} className="rt-value-text"
        aria-label={valueLabelText} data-testid="cond-value" placeholder={isList ? m('routing.cond.listHint') : undefined}
        onChange={(e) => onChange({ ...c, value: e.target.value })}
      />
    );
  }
  return (
    <li className={`rt-condition${errors?.length ? ' rt-invalid' : ''}`} data-testid="rule-condition">
      <select value={c.field} aria-label={`${label}: ${m('routing.cond.field')}`} data-testid="cond-field" onChange={(e) => onChange(newCondition(e.target.value as Field))}>
        {FIELD_LIST.map((f) => <option key={f} value={f}>{fieldLabel(f)}</option>)}
      </select>
      <select value={c.op} aria-label={`${label}: ${m('routing.cond.op')}`} data-testid="cond-op" onChange={(e) => onChange(changeOp(c, e.target.value))}>
        {opsFor(c.field).map((op) => <option key={op} value={op}>{opLabel(op)}</option>)}
      </select>
      {input}
      <button type="button" className="btn btn-small btn-ghost" aria-label={m('routing.cond.remove', { n })} data-testid="cond-remove" onClick={onRemove}>×</button>
      {errors?.length ? <ul className="rt-errors" role="alert">{errors.map((e, i) => <li key={i}>{e}</li>)}</ul> : null}
    </li>
  );
}
