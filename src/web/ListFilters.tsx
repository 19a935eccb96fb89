import { useI18n } from './i18n.js';
import { SEVERITIES, STATUSES } from './types.js';

export interface Filters {
  status: string; // '' = all, 'open' = every open status, else one status
  severity: string;
  q: string;
  atRisk: boolean;
  breached: boolean;
}

export const EMPTY_FILTERS: Filters = { status: '', severity: '', q: '', atRisk: false, breached: false };

interface Props {
  value: Filters;
  search: string;
  onSearch: (q: string) => void;
  onChange: (f: Filters) => void;
}

export function ListFilters({ value, search, onSearch, onChange }: Props) {
  const { t, tEnum } = useI18n();
  return (
    <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <label className="field field-inline field-grow">
        <span>{t('list.search')}</span>
        <input
          type="search"
          id="filter-q"
          data-testid="search-input"
          placeholder={t('list.searchPlaceholder')}
          value={search}
          maxLength={200}
          onChange={(e) => onSearch(e.target.value)}
        />
      </label>
      <label className="field field-inline">
        <span>{t('list.status')}</span>
        <select data-testid="status-filter" value={value.status} onChange={(e) => onChange({ ...value, status: e.target.value })}>
          <option value="">{t('list.allStatuses')}</option>
          <option value="open">{t('list.openStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>{tEnum('status', s)}</option>
          ))}
        </select>
      </label>
      <label className="field field-inline">
        <span>{t('list.severity')}</span>
        <select data-testid="severity-filter" value={value.severity} onChange={(e) => onChange({ ...value, severity: e.target.value })}>
          <option value="">{t('list.allSeverities')}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>{tEnum('severity', s)}</option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" data-testid="at-risk-filter" checked={value.atRisk} onChange={(e) => onChange({ ...value, atRisk: e.target.checked })} />
        <span>{t('list.atRiskOnly')}</span>
      </label>
      <label className="check">
        <input type="checkbox" data-testid="breached-filter" checked={value.breached} onChange={(e) => onChange({ ...value, breached: e.target.checked })} />
        <span>{t('list.breachedOnly')}</span>
      </label>
    </form>
  );
}
