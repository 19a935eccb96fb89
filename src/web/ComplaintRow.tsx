import { Badge } from './Badge.js';
import { Countdown } from './Countdown.js';
import { complaintDepartment } from './format.js';
import { useI18n } from './i18n.js';
import { messages } from './queue/queue.messages.js';
import { complaintHref, navigate } from './router.js';
import { SlaMark } from './SlaMark.js';
import type { Complaint } from './types.js';

interface Props {
  c: Complaint;
  fetchedAt: number;
  isCursor?: boolean;
  /** With onToggleSelect: a leading checkbox for bulk actions. */
  selected?: boolean;
  onToggleSelect?: () => void;
}

/** One queue row; clicking anywhere but its checkbox opens the complaint. */
export function ComplaintRow({ c, fetchedAt, isCursor = false, selected = false, onToggleSelect }: Props) {
  const { t, tEnum, locale } = useI18n();
  return (
    <tr
      className={`complaint-row${isCursor ? ' is-cursor' : ''}${selected ? ' is-selected' : ''}`}
      aria-selected={isCursor}
      data-selected={selected}
      data-testid="complaint-row"
      data-number={c.number}
      data-id={c.id}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a, .cell-select')) return;
        navigate(complaintHref(c.id));
      }}
    >
      {onToggleSelect && (
        // The whole cell is the hit area, not just the 16-pixel box.
        <td className="cell-select" onClick={(e) => { if (e.target === e.currentTarget) onToggleSelect(); }}>
          <input type="checkbox" data-testid="row-select" checked={selected} onChange={onToggleSelect} aria-label={messages('queue.selectRow', { number: c.number })} />
        </td>
      )}
      <td className="cell-number">
        <a href={complaintHref(c.id)}>{c.number}</a>
      </td>
      <td className="cell-subject" title={c.subject}>
        {c.subject}
        {c.tags.length > 0 && (
          <div className="row-tags" data-testid="row-tags">{c.tags.map((tag) => <span key={tag} className="tag">{tag}</span>)}</div>
        )}
      </td>
      <td>
        {c.customer.name}
        {c.customer.tier === 'vip' && <span className="badge badge-vip">{t('tier.vip')}</span>}
      </td>
      <td>{tEnum('category', c.category)}</td>
      <td><Badge kind="severity" value={c.severity} /></td>
      <td><Badge kind="status" value={c.status} /></td>
      <td>{complaintDepartment(c, locale) ?? t('common.none')}</td>
      <td>{c.assignee?.name ?? t('common.none')}</td>
      <td className="cell-sla">
        <Countdown remainingMs={c.sla?.remainingMs ?? null} fetchedAt={fetchedAt} paused={c.sla?.paused ?? false} />
        <SlaMark sla={c.sla} fetchedAt={fetchedAt} />
      </td>
    </tr>
  );
}
