import { useI18n } from '../../i18n.js';
import { ANY_CURRENCY, cellKey, cellOf, parseAmount, type CellDraft, type LimitDraft } from './authority-model.js';
import { currencyLabel } from './AuthorityChanges.js';
import type { Problem } from './form-problem.js';
import { STAFF_ROLES, type StaffRole } from './people-types.js';
import { messages as m } from './people.messages.js';

/** data-testid-safe column name: "*" → "any". */
export const columnId = (currency: string) => (currency === ANY_CURRENCY ? 'any' : currency);

/**
 * The role × currency table, editable in place. A currency cell left empty falls back to the
 * role's "any currency" cell, shown as its placeholder; changed cells are marked.
 */
export function AuthorityMatrix({ currencies, draft, changed, problems, serverErrors, onCell, onRemoveCurrency }: {
  currencies: string[];
  draft: LimitDraft;
  changed: Set<string>;
  problems: Record<string, Problem>;
  serverErrors: Record<string, string>;
  onCell: (role: StaffRole, currency: string, cell: CellDraft) => void;
  onRemoveCurrency: (currency: string) => void;
}) {
  const { tEnum } = useI18n();
  const fallback = (role: StaffRole): string => {
    const any = cellOf(draft, role, ANY_CURRENCY);
    if (any.unlimited) return m('authority.unlimited');
    const n = parseAmount(any.text);
    return n === null || n === 0 ? m('authority.nothingAlone') : m('authority.sameAsAny', { value: n });
  };
  return (
    <div className="card table-wrap">
      <table className="complaint-table people-table authority-matrix" data-testid="authority-matrix">
        <thead>
          <tr>
            <th scope="col">{m('authority.col.role')}</th>
            {currencies.map((c) => (
              <th scope="col" key={c} data-testid={`authority-col-${columnId(c)}`}>
                <span>{currencyLabel(c)}</span>
                {c !== ANY_CURRENCY && (
                  <button type="button" className="btn btn-small btn-ghost authority-remove" aria-label={m('authority.removeCurrency', { currency: c })} onClick={() => onRemoveCurrency(c)}>×</button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {STAFF_ROLES.map((role) => (
            <tr key={role}>
              <th scope="row">{tEnum('role', role)}</th>
              {currencies.map((currency) => {
                const key = cellKey(role, currency);
                const cell = cellOf(draft, role, currency);
                const p = problems[key];
                const error = p ? m(p.key, p.vars) : serverErrors[key];
                const id = `authority-${role}-${columnId(currency)}`;
                const labelVars = { role: tEnum('role', role), currency: currencyLabel(currency) };
                return (
                  <td key={currency} className={changed.has(key) ? 'authority-cell authority-changed' : 'authority-cell'}>
                    <div className="authority-cell-inner">
                      <input
                        id={id}
                        data-testid={`authority-cell-${role}-${columnId(currency)}`}
                        className="people-cell-input"
                        inputMode="decimal"
                        aria-label={m('authority.cellLabel', labelVars)}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${id}-error` : undefined}
                        disabled={cell.unlimited}
                        value={cell.unlimited ? '' : cell.text}
                        placeholder={cell.unlimited ? '∞' : currency === ANY_CURRENCY ? '0' : fallback(role)}
                        onChange={(e) => onCell(role, currency, { text: e.target.value, unlimited: false })}
                      />
                      <label className="check authority-unlimited" title={m('authority.unlimited')}>
                        <input
                          type="checkbox"
                          data-testid={`authority-unlimited-${role}-${columnId(currency)}`}
                          aria-label={m('authority.unlimitedLabel', labelVars)}
                          checked={cell.unlimited}
                          onChange={(e) => onCell(role, currency, { text: cell.text, unlimited: e.target.checked })}
                        />
                        <span aria-hidden="true">∞</span>
                      </label>
                    </div>
                    {error && <small id={`${id}-error`} className="field-error">{error}</small>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
