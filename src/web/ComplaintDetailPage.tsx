import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api.js';
import type { Me } from './App.js';
import { ClassifyEditor } from './ClassifyEditor.js';
import { ClassificationPanel } from './complaint/ClassificationPanel.js';
import { CollisionWarning } from './CollisionWarning.js';
import { CustomerPanel } from './CustomerPanel.js';
import { useLive } from './live.js';
import { usePresence } from './usePresence.js';
import { navigate } from './router.js';
import { useShortcuts } from './useShortcuts.js';
import { ComplaintHeader } from './ComplaintHeader.js';
import { ComplaintLinks } from './complaint/ComplaintLinks.js';
import { MergeLinkPanel } from './complaint/MergeLinkPanel.js';
import { Conversation } from './Conversation.js';
import { ErrorBox } from './ErrorBox.js';
import { useI18n } from './i18n.js';
import { ReplyBox } from './ReplyBox.js';
import { SlaPanel } from './SlaPanel.js';
import { SettlementPanel } from './SettlementPanel.js';
import { StatusChange } from './StatusChange.js';
import { TransferPanel } from './TransferPanel.js';
import { Timeline } from './Timeline.js';
import type { Complaint, Message, Page, TimelineEvent } from './types.js';

// A safety net only: live updates refetch at once when anything changes.
const REFRESH_MS = 60_000;
const CUSTOMER_360_ROLES = new Set(['admin', 'supervisor', 'agent', 'analyst']);
const FRONT_LINE_ROLES = new Set(['admin', 'supervisor', 'agent']);

interface Data {
  complaint: Complaint;
  fetchedAt: number;
  messages: Message[];
  events: TimelineEvent[];
}

export function ComplaintDetailPage({ id, me }: { id: string; me: Me | null }) {
  const { t } = useI18n();
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    const base = `/api/v1/complaints/${encodeURIComponent(id)}`;
    try {
      const [{ events, ...complaint }, messages] = await Promise.all([
        api.get<Complaint & { events: TimelineEvent[] }>(`${base}?include=events`),
        api.get<Page<Message>>(`${base}/messages`),
      ]);
      if (mine !== seq.current) return;
      setData({ complaint, fetchedAt: Date.now(), messages: messages.items, events });
      setError(null);
    } catch (err) {
      if (mine === seq.current) setError(err);
    }
  }, [id]);

  useEffect(() => {
    void load();
    const h = setInterval(() => {
      if (!document.hidden) void load();
    }, REFRESH_MS);
    return () => clearInterval(h);
  }, [load]);

  /** Show the server's answer at once, then refetch messages and the timeline. */
  const onChanged = useCallback(
    (complaint: Complaint) => {
      setData((d) => (d ? { ...d, complaint, fetchedAt: Date.now() } : d));
      void load();
    },
    [load],
  );
  const reload = useCallback(() => void load(), [load]);
  const complaintId = data?.complaint.id ?? null;
  useLive((f) => {
    if (f.type === 'complaint.changed' && f.complaintId === complaintId) void load();
  });
  const isStaff = me !== null && me.role !== 'customer';
  const presence = usePresence(isStaff ? complaintId : null);
  // r reply, n internal note, a assign, s status, u back to the queue.
  useShortcuts({
    r: () => {
      const note = document.querySelector<HTMLInputElement>('[data-testid="note-toggle"]');
      if (note?.checked) note.click();
      document.getElementById('reply-body')?.focus();
    },
    n: () => {
      const note = document.querySelector<HTMLInputElement>('[data-testid="note-toggle"]');
      if (note && !note.checked) note.click();
      document.getElementById('reply-body')?.focus();
    },
    a: () => document.querySelector<HTMLElement>('[data-testid="edit-assignee"]')?.focus(),
    s: () => document.querySelector<HTMLElement>('[data-testid="status-select"]')?.focus(),
    u: () => navigate('#/complaints'),
  });

  if (!data) {
    return (
      <section className="page">
        <a className="back-link" href="#/complaints">{t('common.back')}</a>
        {error ? <ErrorBox error={error} onRetry={reload} /> : <p className="empty">{t('common.loading')}</p>}
      </section>
    );
  }

  const c = data.complaint;
  return (
    <section className="page detail" data-testid="complaint-detail" data-number={c.number}>
      <a className="back-link" href="#/complaints">{t('common.back')}</a>
      <ErrorBox error={error} onRetry={reload} />
      <CollisionWarning others={presence.others} />
      <ComplaintHeader c={c} />
      <ComplaintLinks complaint={c} events={data.events} />
      <SlaPanel sla={c.sla} fetchedAt={data.fetchedAt} />
      <div className="detail-grid">
        <div className="detail-main">
          <section className="card">
            <h2>{t('detail.conversation')}</h2>
            <Conversation messages={data.messages} />
            <ReplyBox complaintId={c.id} onSent={reload} onTyping={presence.typing} />
          </section>
          <section className="card">
            <h2>{t('detail.timeline')}</h2>
            <Timeline events={data.events} />
          </section>
        </div>
        <aside className="detail-side">
          {me?.role && CUSTOMER_360_ROLES.has(me.role) && (
            <section className="card">
              <h2>{t('c360.title')}</h2>
              <CustomerPanel customerId={c.customer.id} currentId={c.id} />
            </section>
          )}
          <ClassificationPanel complaint={c} events={data.events} canTriage={!!me?.role && FRONT_LINE_ROLES.has(me.role)} onChanged={onChanged} />
          <section className="card">
            <h2>{t('detail.actions')}</h2>
            <StatusChange complaint={c} onChanged={onChanged} onStale={reload} />
            <ClassifyEditor key={`${c.severity}/${c.category}`} complaint={c} myUserId={me?.role === 'customer' ? null : (me?.id ?? null)} onChanged={onChanged} />
            {me?.role && FRONT_LINE_ROLES.has(me.role) && (
              <>
                <TransferPanel complaintId={c.id} onDone={reload} />
                <SettlementPanel complaintId={c.id} onDone={reload} />
                <MergeLinkPanel complaint={c} events={data.events} onDone={reload} />
              </>
            )}
          </section>
        </aside>
      </div>
    </section>
  );
}
