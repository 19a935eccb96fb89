import { useState } from 'react';
import { api } from '../api.js';
import { ErrorBox } from '../ErrorBox.js';
import { useI18n } from '../i18n.js';
import { navigate } from '../router.js';
import { useNow } from '../useNow.js';
import { customerName, label, waitedFor } from './chat-labels.js';
import type { StaffChat } from './chat-types.js';
import { messages } from './chats.messages.js';

export const chatHref = (id: string) => `#/chats/${encodeURIComponent(id)}`;

interface Props {
  title: string;
  empty: string;
  testId: string;
  chats: StaffChat[];
  selectedId: string | null;
  onJoined?: () => void;
}

/** One list of chats: waiting ones with how long and why, taken ones with who has them. */
export function ChatList({ title, empty, testId, chats, selectedId, onJoined }: Props) {
  useI18n();
  const now = useNow();
  const [joining, setJoining] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function join(id: string) {
    setJoining(id);
    setError(null);
    try {
      await api.post(`/api/v1/chat/sessions/${id}/join`);
      onJoined?.();
      navigate(chatHref(id));
    } catch (err) {
      setError(err);
    } finally {
      setJoining(null);
    }
  }

  return (
    <section className="chats-section" aria-label={title} data-testid={testId}>
      <h2>{title} <span className="count">{chats.length}</span></h2>
      <ErrorBox error={error} />
      {chats.length === 0 ? <p className="empty small">{empty}</p> : (
        <ul className="chats-list">
          {chats.map((c) => {
            const name = customerName(c);
            const waiting = c.state === 'waiting_for_agent';
            return (
              <li key={c.id} className={c.id === selectedId ? 'chat-item selected' : 'chat-item'} data-testid="chat-item" data-session={c.id} data-state={c.state}>
                <a className="chat-item-main" href={chatHref(c.id)} aria-current={c.id === selectedId ? 'true' : undefined}>
                  <span className="chat-item-name">{name}</span>
                  <span className="chat-item-meta">
                    {waiting ? (
                      <span className="chat-wait" data-testid="chat-waited">{waitedFor(c.waitingSince, now)}</span>
                    ) : c.agentName ? messages('chats.withAgent', { name: c.agentName }) : null}
                    {c.handoverReason && <span className={`chat-reason chat-reason-${c.handoverReason}`}>{label('chats.reason', c.handoverReason)}</span>}
                    {c.complaintNumber && <span className="chat-complaint-number">{c.complaintNumber}</span>}
                  </span>
                </a>
                {waiting && (
                  <button
                    type="button" className="btn btn-primary btn-small" data-testid="chat-join"
                    aria-label={messages('chats.joinAria', { name })} disabled={joining !== null} onClick={() => void join(c.id)}
                  >
                    {messages('chats.join')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
