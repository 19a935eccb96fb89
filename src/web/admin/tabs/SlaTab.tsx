import { useState } from 'react';
import { ErrorBox } from '../../ErrorBox.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n.js';
import type { Page, Severity } from '../../types.js';
import { useApiData } from '../../useApiData.js';
import { describeCalendar, describeTarget } from '../sla/sla-describe.js';
import type { SlaPolicy } from '../sla/sla-form.js';
import { messages as m } from '../sla/sla.messages.js';
import { TierPolicyForm } from '../sla/TierPolicyForm.js';
import '../sla/sla-admin.css';

/** The newer of two copies of a policy: a save answers before the list is fetched again. */
function newest(a: SlaPolicy, b: SlaPolicy | undefined): SlaPolicy {
  return b && b.updatedAt > a.updatedAt ? b : a;
}

/** SLA policies per severity tier: an overview of all three, and the editor for one. */
export function SlaTab() {
  const { t, tEnum } = useI18n();
  const { data, error, reload } = useApiData<Page<SlaPolicy>>('/api/v1/sla/policies');
  const [saved, setSaved] = useState<Partial<Record<Severity, SlaPolicy>>>({});
  const [selected, setSelected] = useState<Severity | null>(null);

  if (!data) return error ? <ErrorBox error={error} onRetry={reload} /> : <p className="empty">{t('common.loading')}</p>;
  const policies = data.items.map((p) => newest(p, saved[p.severity]));
  if (!policies.length) return <p className="empty">{t('common.none')}</p>;
  const current = policies.find((p) => p.severity === selected) ?? policies[0]!;
  const yesNo = (v: boolean) => (v ? m('sla.yes') : m('sla.no'));

  return (
    <div className="sla-admin" data-testid="sla-admin">
      <p className="muted">{m('sla.intro')}</p>
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      <div className="card table-wrap">
        <table className="complaint-table sla-overview" aria-label={m('sla.overview')}>
          <thead>
            <tr>
              <th scope="col">{m('sla.col.tier')}</th>
              <th scope="col">{m('sla.col.firstResponse')}</th>
              <th scope="col">{m('sla.col.resolution')}</th>
              <th scope="col">{m('sla.col.calendar')}</th>
              <th scope="col">{m('sla.col.pause')}</th>
              <th scope="col">{m('sla.col.reassign')}</th>
              <th scope="col">{m('sla.col.updated')}</th>
              <th scope="col"><span className="sr-only">{m('sla.edit')}</span></th>
            </tr>
          </thead>
          <tbody>
            {policies.map((p) => (
              <tr key={p.severity} className={p.severity === current.severity ? 'sla-row-selected' : undefined} data-testid="sla-tier-row" data-severity={p.severity}>
                <td><span className={`badge badge-severity-${p.severity}`}>{tEnum('severity', p.severity)}</span></td>
                <td data-testid="sla-tier-first-response">{describeTarget(p.firstResponseMinutes)}</td>
                <td>{describeTarget(p.resolutionMinutes)}</td>
                <td className="sla-calendar-summary" data-testid="sla-tier-calendar">{describeCalendar(p.calendar)}</td>
                <td>{yesNo(p.pauseWhileAwaitingCustomer)}</td>
                <td>{yesNo(p.reassignOnBreach)}</td>
                <td className="muted small">{formatDateTime(p.updatedAt)}</td>
                <td>
                  <button
                    type="button" className="btn btn-small" data-testid={`sla-edit-${p.severity}`}
                    aria-pressed={p.severity === current.severity} onClick={() => setSelected(p.severity)}
                  >
                    {p.severity === current.severity ? m('sla.editing') : m('sla.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TierPolicyForm
        key={current.severity}
        policy={current}
        onSaved={(p) => {
          setSaved((s) => ({ ...s, [p.severity]: p }));
          reload();
        }}
      />
    </div>
  );
}
