import { Badge } from './Badge.js';
import { Countdown } from './Countdown.js';
import { useI18n } from './i18n.js';
import { complaintHref, navigate } from './router.js';
import { SlaMark } from './SlaMark.js';
import type { Complaint } from './types.js';

/** One queue row; clicking anywhere opens the complaint. */
export function ComplaintRow({ c, fetchedAt, isCursor = false }: { c: Complaint; fetchedAt: number; isCursor?: boolean }) {
  const { t, tEnum } = useI18n();
  return (
    <tr
      className={isCursor ? 'complaint-row is-cursor' : 'complaint-row'}
      aria-selected={isCursor}
      data-testid="complaint-row"
      data-number={c.number}
      data-id={c.id}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a')) return;
        navigate(complaintHref(c.id));
      }}
    >
      <td className="cell-number">
        <a href={complaintHref(c.id)}>{c.number}</a>
      </td>
      <td className="cell-subject" title={c.subject}>{c.subject}</td>
      <td>
        {c.customer.name}
        {c.customer.tier === 'vip' && <span className="badge badge-vip">{t('tier.vip')}</span>}
      </td>
      <td>{tEnum('category', c.category)}</td>
      <td><Badge kind="severity" value={c.severity} /></td>
      <td><Badge kind="status" value={c.status} /></td>
      <td>{c.departmentName ?? c.department ?? t('common.none')}</td>
      <td>{c.assignee?.name ?? t('common.none')}</td>
      <td className="cell-sla">
        <Countdown remainingMs={c.sla?.remainingMs ?? null} fetchedAt={fetchedAt} paused={c.sla?.paused ?? false} />
        <SlaMark sla={c.sla} fetchedAt={fetchedAt} />
      </td>
    </tr>
  );
}
