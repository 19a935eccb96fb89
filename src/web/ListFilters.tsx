import { useI18n } from './i18n.js';
import { FilterSelect } from './queue/FilterSelect.js';
import { messages } from './queue/queue.messages.js';
import type { Department, StaffUser } from './queue/useQueueRefs.js';
import { EMPTY_FILTERS, hasFilters, MY_DEPARTMENT, type Filters } from './queue/view-filters.js';
import { CATEGORIES, CHANNELS, SEVERITIES, STATUSES } from './types.js';

export { EMPTY_FILTERS, type Filters };

interface Props {
  value: Filters;
  search: string;
  onSearch: (q: string) => void;
  onChange: (f: Filters) => void;
  departments?: readonly Department[];
  staff?: readonly StaffUser[];
}

type Flag = 'myTeam' | 'atRisk' | 'breached' | 'repeat' | 'recovery';

export function ListFilters({ value, search, onSearch, onChange, departments = [], staff = [] }: Props) {
  const { t, tEnum, locale } = useI18n();
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  const flag = (key: Flag, testId: string, label: string) => (
    <label className="check">
      <input type="checkbox" data-testid={testId} checked={value[key]} onChange={(e) => set({ [key]: e.target.checked })} />
      <span>{label}</span>
    </label>
  );
  const extra = Object.entries(value.extra);
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
      <FilterSelect
        label={t('list.status')} testId="status-filter" value={value.status} allLabel={t('list.allStatuses')}
        options={[{ value: 'open', label: t('list.openStatuses') }, ...STATUSES.map((s) => ({ value: s, label: tEnum('status', s) }))]}
        onChange={(status) => set({ status })}
      />
      <FilterSelect
        label={t('list.severity')} testId="severity-filter" value={value.severity} allLabel={t('list.allSeverities')}
        options={SEVERITIES.map((s) => ({ value: s, label: tEnum('severity', s) }))}
        onChange={(severity) => set({ severity })}
      />
      <FilterSelect
        label={messages('queue.filter.category')} testId="category-filter" value={value.category} allLabel={messages('queue.filter.allCategories')}
        options={CATEGORIES.map((c) => ({ value: c, label: tEnum('category', c) }))} labelOf={(c) => tEnum('category', c)}
        onChange={(category) => set({ category })}
      />
      <FilterSelect
        label={messages('queue.filter.channel')} testId="channel-filter" value={value.channel} allLabel={messages('queue.filter.allChannels')}
        options={CHANNELS.map((c) => ({ value: c, label: tEnum('channel', c) }))}
        onChange={(channel) => set({ channel })}
      />
      <FilterSelect
        label={messages('queue.filter.department')} testId="department-filter" value={value.department} allLabel={messages('queue.filter.allDepartments')}
        options={[
          { value: MY_DEPARTMENT, label: messages('queue.filter.myDepartment') },
          ...departments.map((d) => ({ value: d.code, label: (locale === 'zh-CN' && d.nameZh) || d.name })),
        ]}
        onChange={(department) => set({ department })}
      />
      <FilterSelect
        label={messages('queue.filter.assignee')} testId="assignee-filter" value={value.assignee} allLabel={messages('queue.filter.anyone')}
        options={[
          { value: 'me', label: messages('queue.filter.me') },
          { value: 'none', label: messages('queue.filter.unassigned') },
          ...staff.map((u) => ({ value: u.id, label: u.name })),
        ]}
        labelOf={() => messages('queue.filter.someone')}
        onChange={(assignee) => set({ assignee })}
      />
      <label className="field field-inline">
        <span>{messages('queue.filter.tag')}</span>
        <input type="text" className="filter-tag" data-testid="tag-filter" maxLength={40} value={value.tag} onChange={(e) => set({ tag: e.target.value.replace(/,/g, '') })} />
      </label>
      {flag('myTeam', 'my-team-filter', messages('queue.filter.myTeam'))}
      {flag('atRisk', 'at-risk-filter', t('list.atRiskOnly'))}
      {flag('breached', 'breached-filter', t('list.breachedOnly'))}
      {flag('repeat', 'repeat-filter', messages('queue.filter.repeat'))}
      {flag('recovery', 'recovery-filter', messages('queue.filter.recovery'))}
      {extra.length > 0 && (
        <span className="muted small" data-testid="extra-filters">
          {messages('queue.filter.extra', { list: extra.map(([k, v]) => `${k}=${v}`).join(', ') })}
        </span>
      )}
      {(hasFilters(value) || search) && (
        <button type="button" className="btn btn-small" data-testid="clear-filters" onClick={() => { onSearch(''); onChange(EMPTY_FILTERS); }}>
          {messages('queue.filter.clear')}
        </button>
      )}
    </form>
  );
}
