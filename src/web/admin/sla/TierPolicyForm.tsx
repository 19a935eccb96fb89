import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { useI18n } from '../../i18n.js';
import { CalendarEditor } from './CalendarEditor.js';
import { groupErrors, isDirty, formToPatch, policyToForm, type PolicyForm, type SlaPolicy } from './sla-form.js';
import { messages as m } from './sla.messages.js';
import { TargetInput } from './TargetInput.js';

/**
 * Edits one severity tier. The form starts from the policy as loaded; when the policy changes
 * underneath (another admin saved), an untouched form follows it and a touched one says so.
 */
export function TierPolicyForm({ policy, onSaved }: { policy: SlaPolicy; onSaved: (p: SlaPolicy) => void }) {
  const { tEnum } = useI18n();
  const [base, setBase] = useState(policy);
  const [form, setForm] = useState<PolicyForm>(() => policyToForm(policy));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState(false);
  const dirty = isDirty(form, base);
  const stale = policy.updatedAt !== base.updatedAt;

  useEffect(() => {
    if (stale && !dirty) {
      setBase(policy);
      setForm(policyToForm(policy));
    }
  }, [stale, dirty, policy]);

  function update(patch: Partial<PolicyForm>) {
    setForm((f) => ({ ...f, ...patch }));
    setSaved(false);
  }

  function reset(to: SlaPolicy) {
    setBase(to);
    setForm(policyToForm(to));
    setFieldErrors({});
    setError(null);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const out = formToPatch(form);
    if (!out.patch) {
      setFieldErrors(Object.fromEntries(out.problems.map((p) => [p, [m('sla.wholeMinutes')]])));
      setError(null);
      return;
    }
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const next = await api.patch<SlaPolicy>(`/api/v1/sla/policies/${policy.severity}`, out.patch);
      reset(next);
      setSaved(true);
      onSaved(next);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(groupErrors(err.details));
    } finally {
      setBusy(false);
    }
  }

  const tier = tEnum('severity', policy.severity);
  const targetHint = form.calendar.mode === 'business_hours' ? m('sla.targetHintBusiness') : m('sla.targetHint24x7');
  // Errors that have a place in the form are shown there; the box keeps the server's summary and the rest.
  const placed = Object.keys(fieldErrors).some((k) => k !== 'general');
  return (
    <form className="card sla-tier-form" onSubmit={(e) => void save(e)} data-testid={`sla-form-${policy.severity}`} aria-label={m('sla.editTitle', { tier })} noValidate>
      <h2>{m('sla.editTitle', { tier })}</h2>
      {stale && dirty && (
        <div className="sla-stale" role="status">
          {m('sla.changedElsewhere')}{' '}
          <button type="button" className="btn btn-small" onClick={() => reset(policy)}>{m('sla.loadTheirs')}</button>
        </div>
      )}
      <fieldset>
        <legend>{m('sla.targets')}</legend>
        <div className="field-row">
          <TargetInput
            label={m('sla.firstResponse')} value={form.firstResponse} hint={targetHint} testId="sla-first-response"
            errors={fieldErrors.firstResponseMinutes} onChange={(firstResponse) => update({ firstResponse })}
          />
          <TargetInput
            label={m('sla.resolution')} value={form.resolution} hint={targetHint} testId="sla-resolution"
            errors={fieldErrors.resolutionMinutes} onChange={(resolution) => update({ resolution })}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{m('sla.behaviour')}</legend>
        <label className="check sla-toggle">
          <input type="checkbox" checked={form.pauseWhileAwaitingCustomer} data-testid="sla-pause" onChange={(e) => update({ pauseWhileAwaitingCustomer: e.target.checked })} />
          <span>{m('sla.pause')}<small className="muted"> — {m('sla.pauseHint')}</small></span>
        </label>
        <label className="check sla-toggle">
          <input type="checkbox" checked={form.reassignOnBreach} data-testid="sla-reassign" onChange={(e) => update({ reassignOnBreach: e.target.checked })} />
          <span>{m('sla.reassign')}<small className="muted"> — {m('sla.reassignHint')}</small></span>
        </label>
      </fieldset>
      <CalendarEditor value={form.calendar} errors={fieldErrors} onChange={(calendar) => update({ calendar })} />
      {error !== null && (placed ? <p className="sla-error-summary" role="alert">{m('sla.fixErrors')}</p> : <ErrorBox error={error} />)}
      {placed && fieldErrors.general && <ErrorBox error={new Error(fieldErrors.general.join(' '))} />}
      <div className="row-actions sla-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !dirty} data-testid="sla-save">{m('sla.save', { tier })}</button>
        <button type="button" className="btn" disabled={busy || !dirty} onClick={() => reset(base)}>{m('sla.reset')}</button>
        {dirty && <span className="muted small">{m('sla.unsaved')}</span>}
        {saved && !dirty && <span className="sla-saved" role="status" data-testid="sla-saved">{m('sla.saved')}</span>}
      </div>
    </form>
  );
}
