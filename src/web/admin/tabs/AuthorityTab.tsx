import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { request } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n.js';
import { useApiData } from '../../useApiData.js';
import { AuthorityChanges, type DeadlineChange } from '../people/AuthorityChanges.js';
import { AuthorityMatrix } from '../people/AuthorityMatrix.js';
import {
  cellKey, currenciesOf, diffLimits, draftFromLimits, limitErrorsFrom, normaliseCurrency, readLimitDraft,
  type CellDraft, type LimitChange, type LimitDraft,
} from '../people/authority-model.js';
import { MAX_ANSWER_MINUTES, parseMinutes } from '../people/department-model.js';
import { Field } from '../people/Field.js';
import type { Problem } from '../people/form-problem.js';
import type { AuthorityLimits, StaffRole } from '../people/people-types.js';
import { messages as m } from '../people/people.messages.js';
import '../people/people.css';

const LIMITS_URL = '/api/v1/authority-limits';

/**
 * Authority limits per role and currency: edited in place, the pending changes listed before
 * saving, and what the save changed listed after. The whole set is saved at once (PUT).
 */
export function AuthorityTab() {
  const { t } = useI18n();
  const loaded = useApiData<AuthorityLimits>(LIMITS_URL);
  // The version the draft started from; a newer one on the server is flagged, never merged silently.
  const [base, setBase] = useState<AuthorityLimits | null>(null);
  const [draft, setDraft] = useState<LimitDraft>({});
  const [currencies, setCurrencies] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('');
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const [deadlineError, setDeadlineError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ changes: LimitChange[]; deadline: DeadlineChange | null } | null>(null);

  /** Starts the draft over from `from`; `keepColumns` keeps currency columns added but not filled yet. */
  const start = (from: AuthorityLimits, keepColumns = false) => {
    setBase(from);
    setDraft(draftFromLimits(from.items));
    setCurrencies((cs) => {
      const own = currenciesOf(from.items);
      return keepColumns ? [...own, ...cs.filter((c) => !own.includes(c))] : own;
    });
    setDeadline(String(from.approvalDeadlineMinutes));
    setCellErrors({});
    setDeadlineError(null);
    setError(null);
  };

  const read = useMemo(() => readLimitDraft(draft, currencies), [draft, currencies]);
  // A cell that does not parse is left out of the list: "200 → not set" would misstate what is being typed.
  const pending = useMemo(
    () => (base ? diffLimits(base.items, read.limits).filter((c) => !read.problems[cellKey(c.role, c.currency)]) : []),
    [base, read],
  );
  const deadlineMinutes = parseMinutes(deadline, MAX_ANSWER_MINUTES);
  const deadlineChange: DeadlineChange | null = base && deadlineMinutes !== null && deadlineMinutes !== base.approvalDeadlineMinutes
    ? { before: base.approvalDeadlineMinutes, after: deadlineMinutes } : null;
  const invalid = Object.keys(read.problems).length > 0 || deadlineMinutes === null;
  const dirty = pending.length > 0 || Object.keys(read.problems).length > 0 || deadlineChange !== null
    || (base !== null && deadline.trim() !== String(base.approvalDeadlineMinutes));
  const stale = Boolean(base && loaded.data && (loaded.data.updatedAt ?? '') > (base.updatedAt ?? ''));

  // A new answer from the server (the list reloads on live changes too) restarts the draft only
  // while nothing is being edited; otherwise `stale` offers to load it.
  useEffect(() => {
    if (loaded.data && (!base || !dirty) && loaded.data !== base) start(loaded.data, true);
  }, [loaded.data]);

  const changedKeys = useMemo(() => new Set(pending.map((c) => cellKey(c.role, c.currency))), [pending]);

  const onCell = (role: StaffRole, currency: string, cell: CellDraft) => {
    setDraft((d) => ({ ...d, [cellKey(role, currency)]: cell }));
    setCellErrors((e) => ({ ...e, [cellKey(role, currency)]: '' }));
    setSaved(null);
  };
  const onRemoveCurrency = (currency: string) => {
    setCurrencies((cs) => cs.filter((c) => c !== currency));
    setSaved(null);
  };

  async function save() {
    if (!base || invalid || busy) return;
    setBusy(true);
    setError(null);
    setCellErrors({});
    setDeadlineError(null);
    const sent = read.limits;
    try {
      const answer = await request<AuthorityLimits>('PUT', LIMITS_URL, { limits: sent, approvalDeadlineMinutes: deadlineMinutes });
      setSaved({
        changes: diffLimits(base.items, answer.items),
        deadline: answer.approvalDeadlineMinutes !== base.approvalDeadlineMinutes ? { before: base.approvalDeadlineMinutes, after: answer.approvalDeadlineMinutes } : null,
      });
      start(answer);
      loaded.reload();
    } catch (err) {
      const split = limitErrorsFrom(err, sent);
      setCellErrors(split.cells);
      setDeadlineError(split.deadline);
      setError(split.rest);
    } finally {
      setBusy(false);
    }
  }

  if (!base) {
    return loaded.error ? <ErrorBox error={loaded.error} onRetry={loaded.reload} /> : <p className="empty">{t('common.loading')}</p>;
  }
  return (
    <div className="people" data-testid="authority-tab">
      <div className="people-head">
        <div>
          <h2>{m('authority.title')}</h2>
          <p className="muted small">{m('authority.intro')}</p>
        </div>
        {base.updatedAt && <span className="muted small">{m('authority.lastUpdated', { at: formatDateTime(base.updatedAt) })}</span>}
      </div>
      {stale && dirty && (
        <div className="people-notice people-notice-warn" role="alert" data-testid="authority-stale">
          <span>{m('authority.stale')}</span>
          <button type="button" className="btn btn-small" onClick={() => loaded.data && start(loaded.data)}>{m('authority.loadTheirs')}</button>
        </div>
      )}
      {saved && (
        saved.changes.length || saved.deadline
          ? <AuthorityChanges title={m('authority.saved')} changes={saved.changes} deadline={saved.deadline} testId="authority-saved" tone="saved" />
          : <div className="people-notice" role="status" data-testid="authority-saved">{m('authority.savedNothing')}</div>
      )}
      <AddCurrency currencies={currencies} onAdd={(c) => setCurrencies((cs) => [...cs, c])} />
      <AuthorityMatrix
        currencies={currencies} draft={draft} changed={changedKeys}
        problems={read.problems} serverErrors={cellErrors} onCell={onCell} onRemoveCurrency={onRemoveCurrency}
      />
      <div className="field-row">
        <Field
          id="authority-deadline" label={m('authority.deadline')} className="authority-deadline"
          error={deadlineMinutes === null ? m('people.error.minutes', { max: MAX_ANSWER_MINUTES }) : deadlineError}
        >
          {(c) => (
            <input {...c} data-testid="authority-deadline" type="number" min={1} max={MAX_ANSWER_MINUTES} step={1} inputMode="numeric"
              value={deadline} onChange={(e) => { setDeadline(e.target.value); setSaved(null); }} />
          )}
        </Field>
      </div>
      {(pending.length > 0 || deadlineChange) && (
        <AuthorityChanges title={m('authority.pending')} changes={pending} deadline={deadlineChange} testId="authority-pending" tone="pending" />
      )}
      <ErrorBox error={error} />
      <div className="row-actions">
        <button type="button" className="btn btn-primary" data-testid="authority-save" disabled={!dirty || invalid || busy} onClick={() => void save()}>
          {busy ? t('common.saving') : m('authority.save')}
        </button>
        <button type="button" className="btn" data-testid="authority-discard" disabled={!dirty || busy} onClick={() => start(base)}>{m('authority.discard')}</button>
      </div>
    </div>
  );
}

/** Adds a currency column (empty: the role's "any currency" limit keeps applying until a cell is filled). */
function AddCurrency({ currencies, onAdd }: { currencies: string[]; onAdd: (currency: string) => void }) {
  useI18n();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = normaliseCurrency(text);
    if (!c) return setProblem({ key: 'people.error.currency' });
    if (currencies.includes(c)) return setProblem({ key: 'people.error.currencyExists' });
    onAdd(c);
    setText('');
    setProblem(null);
  };
  return (
    <form className="authority-add" onSubmit={submit} noValidate aria-label={m('authority.addCurrency')}>
      <Field id="authority-currency" label={m('authority.currencyCode')} error={problem ? m(problem.key, problem.vars) : null} className="field-inline">
        {(c) => (
          <input {...c} data-testid="authority-currency-input" value={text} maxLength={3} size={5} autoComplete="off" placeholder="CNY"
            onChange={(e) => { setText(e.target.value); setProblem(null); }} />
        )}
      </Field>
      <button type="submit" className="btn" data-testid="authority-add-currency">{m('authority.addCurrency')}</button>
    </form>
  );
}
