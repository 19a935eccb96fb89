import { formatMoney } from '../../format.js';
import { getLocale, useI18n } from '../../i18n.js';
import { ANY_CURRENCY, type LimitChange } from './authority-model.js';
import { messages as m } from './people.messages.js';

export interface DeadlineChange {
  before: number;
  after: number;
}

export function currencyLabel(currency: string): string {
  return currency === ANY_CURRENCY ? m('authority.anyCurrency') : currency;
}

/** "not set" / "Unlimited" / "¥1,000.00" (or a plain number in the any-currency column). */
export function formatLimit(value: number | null | undefined, currency: string): string {
  if (value === undefined) return m('authority.notSet');
  if (value === null) return m('authority.unlimited');
  return currency === ANY_CURRENCY ? new Intl.NumberFormat(getLocale()).format(value) : formatMoney(value, currency);
}

/** A list of changed limits (and the approval deadline), before → after. */
export function AuthorityChanges({ title, changes, deadline, testId, tone }: {
  title: string;
  changes: LimitChange[];
  deadline: DeadlineChange | null;
  testId: string;
  tone: 'pending' | 'saved';
}) {
  const { tEnum } = useI18n();
  return (
    <div className={`people-changes people-changes-${tone}`} data-testid={testId} role={tone === 'saved' ? 'status' : undefined}>
      <strong>{title}</strong>
      <ul>
        {changes.map((c) => (
          <li key={`${c.role}|${c.currency}`} data-testid={`${testId}-item`}>
            {m('authority.change', {
              role: tEnum('role', c.role), currency: currencyLabel(c.currency),
              before: formatLimit(c.before, c.currency), after: formatLimit(c.after, c.currency),
            })}
          </li>
        ))}
        {deadline && <li data-testid={`${testId}-item`}>{m('authority.deadlineChange', { before: deadline.before, after: deadline.after })}</li>}
      </ul>
    </div>
  );
}
