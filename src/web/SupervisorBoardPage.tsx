import { useState, type DragEvent } from 'react';
import { api } from './api.js';
import { ErrorBox } from './ErrorBox.js';
import { formatDateTime, formatMoney } from './format.js';
import { useI18n } from './i18n.js';
import { complaintHref } from './router.js';
import { SlaMark } from './SlaMark.js';
import type { Complaint, Page } from './types.js';
import { useApiData } from './useApiData.js';

interface Approval {
  id: string; status: string; dueAt: string; overdue: boolean; canDecide: boolean;
  requestedBy: { name: string | null }; complaint: { id: string; number: string; subject: string };
  settlement: { kind: string; amount: number; currency: string; reason: string };
}
interface AgentLoad { userId: string; name: string; open: number; atRisk: number; breached: number; nearestDueAt: string | null }
interface FollowUp { id: string; complaintId: string; complaintNumber: string; subject: string; dueAt?: string }

const DRAG_TYPE = 'application/x-loopdesk-complaint';

/**
 * The supervisor's board: approvals waiting for a decision, complaints at risk or late,
 * recovery and repeat cases, and the team's load. Complaints are reassigned by dragging
 * them onto a person, or by ticking several and choosing one.
 */
export function SupervisorBoardPage() {
  const { t, tEnum } = useI18n();
  const approvals = useApiData<Page<Approval>>('/api/v1/approvals?status=pending');
  const atRisk = useApiData<Page<Complaint>>('/api/v1/complaints?status=open&atRisk=true&sort=urgency&limit=30');
  const breached = useApiData<Page<Complaint>>('/api/v1/complaints?status=open&breached=true&sort=urgency&limit=30');
  const recovery = useApiData<Page<Complaint>>('/api/v1/complaints?status=open&tag=recovery&sort=urgency&limit=30');
  const followUps = useApiData<Page<FollowUp>>('/api/v1/follow-ups?status=open');
  const load = useApiData<Page<AgentLoad>>('/api/v1/reports/team-load');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [assignTo, setAssignTo] = useState('');

  const reloadAll = () => {
    for (const d of [approvals, atRisk, breached, recovery, followUps, load]) d.reload();
  };

  async function assign(ids: string[], userId: string) {
    setError(null);
    try {
      const r = await api.post<{ failed: number; items: Array<{ ok: boolean; error?: { message: string } }> }>('/api/v1/complaints/bulk', { ids, assigneeId: userId });
      if (r.failed) setError(new Error(r.items.find((i) => !i.ok)?.error?.message ?? 'failed'));
      setSelected(new Set());
      reloadAll();
    } catch (err) {
      setError(err);
    }
  }

  async function decide(a: Approval, decision: 'approve' | 'reject') {
    const reason = window.prompt(decision === 'approve' ? t('board.approveReason') : t('board.rejectReason'), decision === 'approve' ? t('board.approveDefault') : '');
    if (!reason?.trim()) return;
    setError(null);
    try {
      await api.post(`/api/v1/approvals/${a.id}/decision`, { decision, reason });
      reloadAll();
    } catch (err) {
      setError(err);
    }
  }

  const toggle = (id: string) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });

  const complaintList = (title: string, testId: string, data: ReturnType<typeof useApiData<Page<Complaint>>>) => (
    <section className="card board-card" data-testid={testId}>
      <h2>{title} {data.data && <span className="count">{data.data.items.length}</span>}</h2>
      <ErrorBox error={data.error} onRetry={data.reload} />
      {!data.data ? <p className="empty">{t('common.loading')}</p> : data.data.items.length === 0 ? <p className="empty">{t('board.nothing')}</p> : (
        <ul className="board-list">
          {data.data.items.map((c) => (
            <li
              key={c.id}
              draggable
              data-testid="board-complaint"
              onDragStart={(e: DragEvent) => e.dataTransfer.setData(DRAG_TYPE, c.id)}
            >
              <label className="check">
                <input type="checkbox" aria-label={t('board.select', { number: c.number })} checked={selected.has(c.id)} onChange={() => toggle(c.id)} />
              </label>
              <a href={complaintHref(c.number)}>{c.number}</a>
              <span className="board-subject">{c.subject}</span>
              {/* One unit: it moves to the next line as a whole rather than spilling past the card. */}
              <span className="board-meta">
                <span className={`badge badge-severity-${c.severity}`}>{tEnum('severity', c.severity)}</span>
                <SlaMark sla={c.sla} fetchedAt={data.fetchedAt} />
                <span className="board-assignee">{c.assignee?.name ?? t('detail.unassigned')}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <section className="page board" data-testid="supervisor-board">
      <h1>{t('board.title')}</h1>
      <ErrorBox error={error} />
      <div className="board-grid">
        <section className="card board-card" data-testid="board-approvals">
          <h2>{t('board.approvals')} {approvals.data && <span className="count">{approvals.data.items.length}</span>}</h2>
          <ErrorBox error={approvals.error} onRetry={approvals.reload} />
          {approvals.data?.items.length === 0 && <p className="empty">{t('board.nothing')}</p>}
          <ul className="board-list">
            {approvals.data?.items.map((a) => (
              <li key={a.id} data-testid="approval-row" className={a.overdue ? 'overdue' : undefined}>
                <a href={complaintHref(a.complaint.number)}>{a.complaint.number}</a>
                <span>{tEnum('settlementKind', a.settlement.kind)} {formatMoney(a.settlement.amount, a.settlement.currency)}</span>
                <span className="board-subject">{a.settlement.reason}</span>
                <span>{t('board.due', { at: formatDateTime(a.dueAt) })}</span>
                {a.canDecide && (
                  <span className="board-actions">
                    <button type="button" className="btn btn-primary" data-testid="approve" onClick={() => void decide(a, 'approve')}>{t('board.approve')}</button>
                    <button type="button" className="btn" data-testid="reject" onClick={() => void decide(a, 'reject')}>{t('board.reject')}</button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
        {complaintList(t('board.breached'), 'board-breached', breached)}
        {complaintList(t('board.atRisk'), 'board-at-risk', atRisk)}
        {complaintList(t('board.recovery'), 'board-recovery', recovery)}
        <section className="card board-card" data-testid="board-follow-ups">
          <h2>{t('board.repeats')} {followUps.data && <span className="count">{followUps.data.items.length}</span>}</h2>
          {followUps.data?.items.length === 0 && <p className="empty">{t('board.nothing')}</p>}
          <ul className="board-list">
            {followUps.data?.items.map((f) => (
              <li key={f.id}><a href={complaintHref(f.complaintNumber)}>{f.complaintNumber}</a> <span className="board-subject">{f.subject}</span></li>
            ))}
          </ul>
        </section>
        <section className="card board-card" data-testid="board-team">
          <h2>{t('board.team')}</h2>
          <p className="hint">{t('board.dragHint')}</p>
          <table className="team-table">
            <thead>
              <tr><th>{t('board.agent')}</th><th>{t('board.open')}</th><th>{t('board.atRiskShort')}</th><th>{t('board.breachedShort')}</th></tr>
            </thead>
            <tbody>
              {load.data?.items.map((a) => (
                <tr
                  key={a.userId}
                  data-testid="team-row"
                  data-user={a.userId}
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={(e) => {
                    e.preventDefault();
                    const id = e.dataTransfer.getData(DRAG_TYPE);
                    if (id) void assign([id], a.userId);
                  }}
                >
                  <td>{a.name}</td><td data-testid="team-open">{a.open}</td><td>{a.atRisk}</td><td className={a.breached ? 'late' : undefined}>{a.breached}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="bulk-assign">
            <label>
              <span className="sr-only">{t('board.assignTo')}</span>
              <select data-testid="bulk-assignee" value={assignTo} onChange={(e) => setAssignTo(e.target.value)}>
                <option value="">{t('board.assignTo')}</option>
                {load.data?.items.map((a) => <option key={a.userId} value={a.userId}>{a.name}</option>)}
              </select>
            </label>
            <button type="button" className="btn btn-primary" data-testid="bulk-assign" disabled={!selected.size || !assignTo} onClick={() => void assign([...selected], assignTo)}>
              {t('board.assignSelected', { n: selected.size })}
            </button>
          </div>
        </section>
      </div>
    </section>
  );
}
