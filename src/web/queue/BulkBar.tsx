import { useState } from 'react';
import { api } from '../api.js';
import { ErrorBox } from '../ErrorBox.js';
import { useI18n } from '../i18n.js';
import { RESOLUTION_CODES } from '../../modules/complaints/lifecycle.js';
import type { Complaint, Status } from '../types.js';
import { chunks, mergeResults, statusChoices, summarize, tagsOf, type BulkResponse, type BulkSummary } from './bulk-logic.js';
import { BulkResult } from './BulkResult.js';
import { messages } from './queue.messages.js';
import type { QueueMe, StaffUser } from './useQueueRefs.js';
import './queue.css';

/** One change for the bulk route (src/modules/workspace/bulk-routes.ts). */
type Change =
  | { assigneeId: string | null }
  | { addTags: string[] }
  | { removeTags: string[] }
  | { status: Status; reason?: string; resolutionCode?: string };

interface Props {
  selected: readonly Complaint[];
  staff: readonly StaffUser[];
  me: QueueMe | null;
  onClear: () => void;
  /** After a bulk action: the selection stays (to chain assign, tag, move); the list reloads. */
  onDone: () => void;
  /** Narrow the selection to these ids (the ones a bulk action refused). */
  onSelect: (ids: string[]) => void;
}

const UNASSIGN = '__none__';

/** Assign, tag, untag or move the ticked complaints at once, then say what happened to each. */
export function BulkBar({ selected, staff, me, onClear, onDone, onSelect }: Props) {
  const { tEnum } = useI18n();
  const [assignee, setAssignee] = useState('');
  const [addTag, setAddTag] = useState('');
  const [removeTag, setRemoveTag] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [resolutionCode, setResolutionCode] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [summary, setSummary] = useState<BulkSummary | null>(null);

  const choices = statusChoices(selected.map((c) => c.status));
  const target = choices.some((c) => c.status === status) ? status : '';
  const removable = tagsOf(selected);
  const others = staff.filter((u) => u.id !== me?.userId);

  async function apply(change: Change, reset: () => void) {
    if (!selected.length) return;
    const numbers = new Map(selected.map((c) => [c.id, c.number]));
    setBusy(true);
    setError(null);
    setSummary(null);
    const parts: BulkResponse[] = [];
    try {
      for (const ids of chunks(selected.map((c) => c.id))) {
        parts.push(await api.post<BulkResponse>('/api/v1/complaints/bulk', { ids, ...change }));
      }
      reset();
    } catch (err) {
      setError(err); // a refused request (bad tag, signed out) changes nothing; earlier batches did
    } finally {
      setBusy(false);
    }
    if (parts.length) {
      const result = mergeResults(parts);
      setSummary(summarize(result, (id) => numbers.get(id)));
      onDone();
    }
  }

  if (!selected.length && !summary && !error) return null;

  return (
    <section className="bulk-bar card" aria-label={messages('queue.bulk.label')} data-testid="bulk-bar">
      {selected.length > 0 && (
        <div className="bulk-controls">
          <strong data-testid="bulk-count">{messages('queue.bulk.selected', { n: selected.length })}</strong>
          <button type="button" className="btn btn-small" data-testid="bulk-clear" onClick={onClear}>{messages('queue.bulk.clear')}</button>

          <form className="bulk-group" onSubmit={(e) => {
            e.preventDefault();
            if (assignee) void apply({ assigneeId: assignee === UNASSIGN ? null : assignee }, () => setAssignee(''));
          }}>
            <select data-testid="bulk-assignee" aria-label={messages('queue.bulk.assignTo')} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <option value="">{messages('queue.bulk.choosePerson')}</option>
              {me && <option value={me.userId}>{messages('queue.bulk.me', { name: me.name })}</option>}
              {others.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              <option value={UNASSIGN}>{messages('queue.bulk.unassign')}</option>
            </select>
            <button type="submit" className="btn btn-small btn-primary" data-testid="bulk-assign-apply" disabled={busy || !assignee}>{messages('queue.bulk.assign')}</button>
          </form>

          <form className="bulk-group" onSubmit={(e) => {
            e.preventDefault();
            const tag = addTag.trim();
            if (tag) void apply({ addTags: [tag] }, () => setAddTag(''));
          }}>
            <input
              type="text" data-testid="bulk-tag" aria-label={messages('queue.bulk.tag')} placeholder={messages('queue.bulk.tag')}
              maxLength={40} value={addTag} onChange={(e) => setAddTag(e.target.value.replace(/,/g, ''))}
            />
            <button type="submit" className="btn btn-small" data-testid="bulk-tag-add" disabled={busy || !addTag.trim()}>{messages('queue.bulk.addTag')}</button>
          </form>

          {removable.length > 0 && (
            <form className="bulk-group" onSubmit={(e) => {
              e.preventDefault();
              if (removeTag) void apply({ removeTags: [removeTag] }, () => setRemoveTag(''));
            }}>
              <select data-testid="bulk-untag" aria-label={messages('queue.bulk.chooseTag')} value={removable.includes(removeTag) ? removeTag : ''} onChange={(e) => setRemoveTag(e.target.value)}>
                <option value="">{messages('queue.bulk.chooseTag')}</option>
                {removable.map((tag) => <option key={tag} value={tag}>{tag}</option>)}
              </select>
              <button type="submit" className="btn btn-small" data-testid="bulk-tag-remove" disabled={busy || !removable.includes(removeTag)}>{messages('queue.bulk.removeTag')}</button>
            </form>
          )}

          {choices.length === 0 ? (
            <span className="muted small">{messages('queue.bulk.noMoves')}</span>
          ) : (
            <form className="bulk-group" onSubmit={(e) => {
              e.preventDefault();
              if (!target) return;
              void apply({
                status: target,
                ...(reason.trim() ? { reason: reason.trim() } : {}),
                ...(target === 'resolved' && resolutionCode ? { resolutionCode } : {}),
              }, () => { setStatus(''); setReason(''); setResolutionCode(''); });
            }}>
              <select data-testid="bulk-status" aria-label={messages('queue.bulk.status')} value={target} onChange={(e) => setStatus(e.target.value as Status | '')}>
                <option value="">{messages('queue.bulk.chooseStatus')}</option>
                {choices.map((c) => (
                  <option key={c.status} value={c.status}>
                    {messages('queue.bulk.statusOption', { status: tEnum('status', c.status), valid: c.valid, total: selected.length })}
                  </option>
                ))}
              </select>
              {target === 'resolved' && (
                <select data-testid="bulk-resolution" aria-label={messages('queue.bulk.resolution')} value={resolutionCode} onChange={(e) => setResolutionCode(e.target.value)}>
                  <option value="">{messages('queue.bulk.resolution')}</option>
                  {RESOLUTION_CODES.map((c) => <option key={c} value={c}>{tEnum('resolution', c)}</option>)}
                </select>
              )}
              {target && (
                <input type="text" data-testid="bulk-reason" aria-label={messages('queue.bulk.reason')} placeholder={messages('queue.bulk.reason')} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
              )}
              <button type="submit" className="btn btn-small" data-testid="bulk-status-apply" disabled={busy || !target}>{messages('queue.bulk.move')}</button>
            </form>
          )}
          {busy && <span className="muted small" role="status">{messages('queue.bulk.working')}</span>}
        </div>
      )}
      <ErrorBox error={error} />
      {summary && <BulkResult summary={summary} onDismiss={() => setSummary(null)} onSelectFailed={() => onSelect(summary.failures.map((f) => f.id))} />}
    </section>
  );
}
