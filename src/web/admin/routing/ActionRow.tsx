import { useI18n } from '../../i18n.js';
import { SEVERITIES } from '../../types.js';
import { ACTION_TYPES, newAction, ROLES, STRATEGIES, type ActionForm, type ActionType, type Role, type Strategy } from './rule-form.js';
import type { Department } from './routing-api.js';
import { messages as m } from './routing.messages.js';

function DepartmentSelect({ value, onChange, departments, label, optional }: {
  value: string;
  onChange: (v: string) => void;
  departments: readonly Department[];
  label: string;
  /** assign: empty = any department, "routed" = the complaint's department at this point. */
  optional?: boolean;
}) {
  const { locale } = useI18n();
  const known = departments.some((d) => d.code === value) || value === '' || value === 'routed';
  return (
    <select value={value} aria-label={label} data-testid="action-department" onChange={(e) => onChange(e.target.value)}>
      {optional ? <option value="">{m('routing.action.anyDepartment')}</option> : <option value="" disabled>{m('routing.choose')}</option>}
      {optional && <option value="routed">{m('routing.action.routedDepartment')}</option>}
      {!known && <option value={value}>{value}</option>}
      {departments.map((d) => <option key={d.code} value={d.code}>{locale === 'zh-CN' && d.nameZh ? d.nameZh : d.name}</option>)}
    </select>
  );
}

function RolePicker({ value, onChange, label }: { value: Role[]; onChange: (r: Role[]) => void; label: string }) {
  const { tEnum } = useI18n();
  return (
    <div className="rt-choice-list" role="group" aria-label={label}>
      {ROLES.map((r) => (
        <label key={r} className="check">
          <input type="checkbox" checked={value.includes(r)} onChange={(e) => onChange(ROLES.filter((x) => (x === r ? e.target.checked : value.includes(x))))} />
          {tEnum('role', r)}
        </label>
      ))}
    </div>
  );
}

/** One action: its type, then the inputs that type takes. */
export function ActionRow({ n, value: a, onChange, onRemove, errors, departments }: {
  n: number;
  value: ActionForm;
  onChange: (a: ActionForm) => void;
  onRemove: () => void;
  errors?: readonly string[];
  departments: readonly Department[];
}) {
  const { tEnum } = useI18n();
  const label = m('routing.action.label', { n });
  const set = (patch: Partial<ActionForm>) => onChange({ ...a, ...patch });
  const text = (key: keyof ActionForm, labelKey: Parameters<typeof m>[0], testId: string) => (
    <label className="rt-inline-field">
      <span>{m(labelKey)}</span>
      <input type="text" value={a[key] as string} data-testid={testId} onChange={(e) => set({ [key]: e.target.value })} />
    </label>
  );
  return (
    <li className={`rt-action${errors?.length ? ' rt-invalid' : ''}`} data-testid="rule-action">
      <select
        value={a.type} aria-label={`${label}: ${m('routing.action.type')}`} data-testid="action-type"
        onChange={(e) => onChange({ ...newAction(e.target.value as ActionType), department: a.department, team: a.team })}
      >
        {ACTION_TYPES.map((t) => <option key={t} value={t}>{m(`routing.actionType.${t}`)}</option>)}
      </select>
      <div className="rt-action-fields">
        {a.type === 'set_department' && (
          <DepartmentSelect value={a.department} departments={departments} label={`${label}: ${m('routing.action.department')}`} onChange={(department) => set({ department })} />
        )}
        {a.type === 'set_team' && text('team', 'routing.action.team', 'action-team')}
        {a.type === 'raise_severity' && (
          <select value={a.to} aria-label={`${label}: ${m('routing.action.severity')}`} data-testid="action-severity" onChange={(e) => set({ to: e.target.value as ActionForm['to'] })}>
            {SEVERITIES.map((s) => <option key={s} value={s}>{tEnum('severity', s)}</option>)}
          </select>
        )}
        {a.type === 'add_tags' && text('tags', 'routing.action.tags', 'action-tags')}
        {a.type === 'auto_reply_article' && text('articleSlug', 'routing.action.article', 'action-article')}
        {a.type === 'assign' && (
          <>
            <select value={a.strategy} aria-label={`${label}: ${m('routing.action.strategy')}`} data-testid="action-strategy" onChange={(e) => set({ strategy: e.target.value as Strategy })}>
              {STRATEGIES.map((s) => <option key={s} value={s}>{m(`routing.strategy.${s}`)}</option>)}
            </select>
            <RolePicker value={a.roles} label={`${label}: ${m('routing.action.roles')}`} onChange={(roles) => set({ roles })} />
            <DepartmentSelect optional value={a.department} departments={departments} label={`${label}: ${m('routing.action.department')}`} onChange={(department) => set({ department })} />
            {text('team', 'routing.action.team', 'action-team')}
            {text('skills', 'routing.action.skills', 'action-skills')}
          </>
        )}
        {a.type === 'notify' && (
          <>
            <RolePicker value={a.roles} label={`${label}: ${m('routing.action.roles')}`} onChange={(roles) => set({ roles })} />
            <label className="check">
              <input type="checkbox" checked={a.sameDepartment} onChange={(e) => set({ sameDepartment: e.target.checked })} />
              {m('routing.action.sameDepartment')}
            </label>
            {text('message', 'routing.action.message', 'action-message')}
          </>
        )}
      </div>
      <button type="button" className="btn btn-small btn-ghost" aria-label={m('routing.action.remove', { n })} onClick={onRemove}>×</button>
      {errors?.length ? <ul className="rt-errors" role="alert">{errors.map((e, i) => <li key={i}>{e}</li>)}</ul> : null}
    </li>
  );
}
