import { useMemo } from 'react';
import { useI18n } from '../../i18n.js';
import { ActionRow } from './ActionRow.js';
import { ConditionRow } from './ConditionRow.js';
import { formToRule, newAction, newCondition, renameRule, ruleToForm, type DraftRule, type RuleForm } from './rule-form.js';
import type { RuleErrors } from './rule-errors.js';
import { describeDraftRule, type SummaryContext } from './rule-summary.js';
import type { Department } from './routing-api.js';
import { messages as m } from './routing.messages.js';

function ErrorList({ items }: { items: readonly string[] | undefined }) {
  if (!items?.length) return null;
  return <ul className="rt-errors" role="alert" data-testid="rule-error">{items.map((e, i) => <li key={i}>{e}</li>)}</ul>;
}

/** One rule of the draft: the structured form, or its JSON for what the form does not cover. */
export function RuleCard({ n, count, rule, open, onToggle, onChange, onMove, onRemove, errors, badJson, takenIds, departments, ctx }: {
  n: number;
  /** Collapsed cards show the rule in words; cards with problems are always open. */
  open: boolean;
  onToggle: () => void;
  count: number;
  rule: DraftRule;
  onChange: (r: DraftRule) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  errors?: RuleErrors;
  badJson?: string;
  takenIds: ReadonlySet<string>;
  departments: readonly Department[];
  ctx: SummaryContext;
}) {
  useI18n();
  // Say up front why a rule is JSON, rather than only when the admin tries the form.
  const formable = useMemo(() => {
    if (rule.kind !== 'json') return true;
    try {
      return ruleToForm(JSON.parse(rule.text)) !== null;
    } catch {
      return false;
    }
  }, [rule]);
  const setForm = (form: RuleForm) => onChange({ ...rule, kind: 'form', form });
  const invalid = Boolean(errors || badJson);
  const expanded = open || invalid;

  function toJson() {
    if (rule.kind === 'form') onChange({ key: rule.key, kind: 'json', text: JSON.stringify(formToRule(rule.form), null, 2) });
  }
  function toForm() {
    if (rule.kind !== 'json') return;
    let form: RuleForm | null = null;
    try {
      form = ruleToForm(JSON.parse(rule.text));
    } catch {
      form = null;
    }
    // A rule the form cannot show stays JSON; the notice above its text says why.
    if (form) onChange({ key: rule.key, kind: 'form', form });
  }

  const title = rule.kind === 'form' && rule.form.name ? rule.form.name : '';
  return (
    <li className={`card rt-rule-card${invalid ? ' rt-invalid' : ''}${expanded ? '' : ' rt-collapsed'}`} data-testid="rule-card" data-index={n - 1} data-open={expanded}>
      <div className="rt-rule-head">
        <h3>{m('routing.rule.number', { n })}{title ? ` · ${title}` : ''}</h3>
        <div className="row-actions">
          {!invalid && (
            <button type="button" className="btn btn-small" aria-expanded={expanded} aria-label={m(expanded ? 'routing.rule.doneLabel' : 'routing.rule.editLabel', { n })} data-testid="rule-toggle" onClick={onToggle}>
              {expanded ? m('routing.rule.done') : m('routing.rule.edit')}
            </button>
          )}
          {expanded && <div className="rt-segmented" role="group">
            <button type="button" className={rule.kind === 'form' ? 'btn btn-small active' : 'btn btn-small'} aria-pressed={rule.kind === 'form'} aria-label={m('routing.rule.asFormLabel', { n })} onClick={toForm}>{m('routing.rule.asForm')}</button>
            <button type="button" className={rule.kind === 'json' ? 'btn btn-small active' : 'btn btn-small'} aria-pressed={rule.kind === 'json'} aria-label={m('routing.rule.asJsonLabel', { n })} onClick={toJson}>{m('routing.rule.asJson')}</button>
          </div>}
          <button type="button" className="btn btn-small" disabled={n === 1} aria-label={m('routing.rule.moveUp', { n })} data-testid="rule-up" onClick={() => onMove(-1)}>↑</button>
          <button type="button" className="btn btn-small" disabled={n === count} aria-label={m('routing.rule.moveDown', { n })} data-testid="rule-down" onClick={() => onMove(1)}>↓</button>
          <button type="button" className="btn btn-small" aria-label={m('routing.rule.remove', { n })} data-testid="rule-remove" onClick={onRemove}>×</button>
        </div>
      </div>
      {!expanded ? (
        <CollapsedRule rule={rule} ctx={ctx} />
      ) : rule.kind === 'json' ? (
        <>
          {!formable && <p className="muted small" role="status">{m('routing.rule.notFormable')}</p>}
          <textarea
            className="rt-json" rows={Math.min(24, rule.text.split('\n').length + 1)} spellCheck={false} value={rule.text}
            aria-label={m('routing.rule.json', { n })} data-testid="rule-json"
            onChange={(e) => onChange({ ...rule, text: e.target.value })}
          />
          {badJson && <ErrorList items={[m('routing.draft.badJson', { error: badJson })]} />}
          <ErrorList items={errors?.all} />
        </>
      ) : (
        <RuleFormFields form={rule.form} onChange={setForm} errors={errors} takenIds={takenIds} departments={departments} ctx={ctx} />
      )}
    </li>
  );
}

function CollapsedRule({ rule, ctx }: { rule: DraftRule; ctx: SummaryContext }) {
  let raw: unknown = null;
  if (rule.kind === 'form') raw = formToRule(rule.form);
  else {
    try {
      raw = JSON.parse(rule.text);
    } catch {
      raw = null;
    }
  }
  const words = describeDraftRule(raw, ctx);
  if (!words) return <p className="muted small">{m('routing.rule.unreadable')}</p>;
  const flags = rule.kind === 'form' ? rule.form : (raw as { enabled?: boolean; stop?: boolean });
  return (
    <div className="rt-rule-body rt-rule-compact">
      <div>
        <span className="rt-label">{m('routing.when')}</span>{' '}
        {words.when.parts.length ? words.when.parts.join(` ${words.when.joiner ?? ''} `) : m('routing.always')}
        {flags.enabled === false && <span className="badge"> {m('routing.disabled')}</span>}
      </div>
      <span className="rt-arrow" aria-hidden="true">→</span>
      <div>
        <span className="rt-label">{m('routing.then')}</span> {words.then.join('; ')}
        {flags.stop === true && <span className="badge rt-badge-stop">{m('routing.stops')}</span>}
      </div>
    </div>
  );
}

function RuleFormFields({ form: f, onChange, errors, takenIds, departments, ctx }: {
  form: RuleForm;
  onChange: (f: RuleForm) => void;
  errors?: RuleErrors;
  takenIds: ReadonlySet<string>;
  departments: readonly Department[];
  ctx: SummaryContext;
}) {
  return (
    <>
      <div className="field-row">
        <label className="field field-grow">
          <span>{m('routing.rule.name')}</span>
          <input type="text" value={f.name} data-testid="rule-name" onChange={(e) => onChange(renameRule(f, e.target.value, takenIds))} />
        </label>
        <label className="field">
          <span>{m('routing.rule.id')}</span>
          <input type="text" value={f.id} spellCheck={false} className="rt-mono" data-testid="rule-id" onChange={(e) => onChange({ ...f, id: e.target.value, autoId: false })} />
        </label>
      </div>
      <label className="field">
        <span>{m('routing.rule.description')}</span>
        <input type="text" value={f.description} onChange={(e) => onChange({ ...f, description: e.target.value })} />
      </label>
      <div className="row-actions">
        <label className="check"><input type="checkbox" checked={f.enabled} data-testid="rule-enabled" onChange={(e) => onChange({ ...f, enabled: e.target.checked })} />{m('routing.rule.enabled')}</label>
        <label className="check" title={m('routing.stopsHint')}><input type="checkbox" checked={f.stop} data-testid="rule-stop" onChange={(e) => onChange({ ...f, stop: e.target.checked })} />{m('routing.rule.stop')}</label>
      </div>
      <ErrorList items={errors?.rule} />
      <fieldset className="rt-block">
        <legend>{m('routing.rule.conditions')}</legend>
        {f.conditions.length > 1 && (
          <label className="rt-inline-field">
            <span>{m('routing.rule.match')}</span>
            <select value={f.match} data-testid="rule-match" onChange={(e) => onChange({ ...f, match: e.target.value as RuleForm['match'] })}>
              <option value="all">{m('routing.match.all')}</option>
              <option value="any">{m('routing.match.any')}</option>
            </select>
          </label>
        )}
        {f.conditions.length === 0 && <p className="muted small">{m('routing.rule.noConditions')}</p>}
        <ol className="rt-rows">
          {f.conditions.map((c, i) => (
            <ConditionRow
              key={i} n={i + 1} value={c} ctx={ctx} errors={errors?.conditions[i]}
              onChange={(next) => onChange({ ...f, conditions: f.conditions.map((x, j) => (j === i ? next : x)) })}
              onRemove={() => onChange({ ...f, conditions: f.conditions.filter((_, j) => j !== i) })}
            />
          ))}
        </ol>
        <button type="button" className="btn btn-small" data-testid="rule-add-condition" onClick={() => onChange({ ...f, conditions: [...f.conditions, newCondition()] })}>+ {m('routing.rule.addCondition')}</button>
      </fieldset>
      <fieldset className="rt-block">
        <legend>{m('routing.rule.actions')}</legend>
        <ol className="rt-rows">
          {f.actions.map((a, i) => (
            <ActionRow
              key={i} n={i + 1} value={a} departments={departments} errors={errors?.actions[i]}
              onChange={(next) => onChange({ ...f, actions: f.actions.map((x, j) => (j === i ? next : x)) })}
              onRemove={() => onChange({ ...f, actions: f.actions.filter((_, j) => j !== i) })}
            />
          ))}
        </ol>
        <button type="button" className="btn btn-small" data-testid="rule-add-action" onClick={() => onChange({ ...f, actions: [...f.actions, newAction()] })}>+ {m('routing.rule.addAction')}</button>
      </fieldset>
    </>
  );
}
