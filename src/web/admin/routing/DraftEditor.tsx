import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { ErrorBox } from '../../ErrorBox.js';
import { draftRule, moveItem, newRule, ruleIdOf, type DraftRule } from './rule-form.js';
import type { RuleErrors } from './rule-errors.js';
import type { SummaryContext } from './rule-summary.js';
import type { Department } from './routing-api.js';
import { RuleCard } from './RuleCard.js';
import { messages as m } from './routing.messages.js';

export interface Draft {
  baseVersion: number;
  rules: DraftRule[];
  note: string;
}

/** The unsaved draft: ordered rule cards, a note, save as a new version. */
export function DraftEditor({ draft, onChange, onSave, onDiscard, busy, error, ruleErrors, generalErrors, badJson, departments, ctx }: {
  draft: Draft;
  onChange: (d: Draft) => void;
  onSave: () => void;
  onDiscard: () => void;
  busy: boolean;
  /** The save's error; its rule problems are also shown at their rules (ruleErrors, by draft key). */
  error: unknown;
  ruleErrors: Record<string, RuleErrors>;
  generalErrors: string[];
  badJson: Record<string, string>;
  departments: readonly Department[];
  ctx: SummaryContext;
}) {
  useI18n();
  // Rules open for editing; the rest show in words so that a long rule set stays scannable.
  const [openKeys, setOpenKeys] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) => setOpenKeys((s) => (s.has(key) ? new Set([...s].filter((k) => k !== key)) : new Set([...s, key])));
  const ids = new Set(draft.rules.map(ruleIdOf).filter((x): x is string => x !== null));
  const setRules = (rules: DraftRule[]) => onChange({ ...draft, rules });
  const ruleProblems = Object.keys(ruleErrors).length > 0;
  return (
    <section className="rt-draft" aria-label={m('routing.draft.title', { n: draft.baseVersion })} data-testid="routing-draft">
      <div className="rt-section-head">
        <h2>{m('routing.draft.title', { n: draft.baseVersion })}</h2>
        <span className="badge">{m('routing.draft.unsaved')}</span>
      </div>
      {draft.rules.length === 0 && <p className="empty">{m('routing.draft.empty')}</p>}
      <ol className="rt-rule-cards">
        {draft.rules.map((r, i) => (
          <RuleCard
            key={r.key} n={i + 1} count={draft.rules.length} rule={r} takenIds={ids} departments={departments} ctx={ctx}
            open={openKeys.has(r.key)} onToggle={() => toggle(r.key)}
            errors={ruleErrors[r.key]} badJson={badJson[r.key]}
            onChange={(next) => setRules(draft.rules.map((x) => (x.key === r.key ? next : x)))}
            onMove={(delta) => setRules(moveItem(draft.rules, i, i + delta))}
            onRemove={() => setRules(draft.rules.filter((x) => x.key !== r.key))}
          />
        ))}
      </ol>
      <button
        type="button" className="btn" data-testid="routing-add-rule"
        onClick={() => {
          const added = draftRule(newRule(ids));
          setOpenKeys((s) => new Set([...s, added.key]));
          setRules([...draft.rules, added]);
        }}
      >
        + {m('routing.draft.addRule')}
      </button>
      <div className="card rt-save-bar">
        <label className="field">
          <span>{m('routing.draft.note')}</span>
          <input type="text" maxLength={500} value={draft.note} placeholder={m('routing.draft.notePlaceholder')} data-testid="routing-note" onChange={(e) => onChange({ ...draft, note: e.target.value })} />
        </label>
        {(ruleProblems || Object.keys(badJson).length > 0) && <p className="rt-error-summary" role="alert" data-testid="routing-draft-invalid">{m('routing.draft.invalid')}</p>}
        {generalErrors.length ? <ErrorBox error={new Error(generalErrors.join(' · '))} /> : null}
        {error !== null && !ruleProblems && !generalErrors.length && <ErrorBox error={error} />}
        <div className="row-actions">
          <button type="button" className="btn btn-primary" disabled={busy} data-testid="routing-save" onClick={onSave}>{m('routing.draft.save')}</button>
          <button type="button" className="btn" disabled={busy} data-testid="routing-discard" onClick={onDiscard}>{m('routing.draft.discard')}</button>
        </div>
      </div>
    </section>
  );
}
