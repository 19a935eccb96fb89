import { useState } from 'react';
import { api } from '../api.js';
import type { Me } from '../App.js';
import { ErrorBox } from '../ErrorBox.js';
import { useI18n } from '../i18n.js';
import { complaintHref } from '../router.js';
import { useNow } from '../useNow.js';
import { customerName, label, waitedFor } from './chat-labels.js';
import { ChatComposer } from './ChatComposer.js';
import { ChatTranscript } from './ChatTranscript.js';
import { messages } from './chats.messages.js';
import { useChatTranscript } from './useChatTranscript.js';

/** The open chat: who and why, the live transcript, and what this agent can do in it now. */
export function ChatWindow({ sessionId, me, onChanged }: { sessionId: string; me: Me | null; onChanged: () => void }) {
  const { t } = useI18n();
  const { session, lines, error, reload, apply } = useChatTranscript(sessionId);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);

  async function act(path: 'join' | 'close') {
    setBusy(true);
    setActionError(null);
    try {
      await api.post(`/api/v1/chat/sessions/${sessionId}/${path}`);
      setConfirmClose(false);
      onChanged();
      await reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!session) {
    return (
      <section className="card chat-window" data-testid="chat-window">
        {error ? <ErrorBox error={error} onRetry={() => void reload()} /> : <p className="empty">{t('common.loading')}</p>}
      </section>
    );
  }

  const name = customerName(session);
  const mine = session.state === 'with_agent' && session.agentId === me?.id;
  return (
    <section className="card chat-window" data-testid="chat-window" data-state={session.state} aria-label={messages('chats.transcript', { name })}>
      <header className="chat-window-head">
        <div>
          <h2 data-testid="chat-customer">{name}</h2>
          <div className="chat-window-meta">
            <span className={`chat-state chat-state-${session.state}`} data-testid="chat-state">{label('chats.state', session.state)}</span>
            {session.state === 'waiting_for_agent' && <WaitedFor since={session.waitingSince} />}
            {session.state === 'with_agent' && session.agentName && <span>{messages('chats.withAgent', { name: session.agentName })}</span>}
            {session.handoverReason && <span className={`chat-reason chat-reason-${session.handoverReason}`}>{label('chats.reason', session.handoverReason)}</span>}
          </div>
        </div>
        <div className="row-actions">
          {session.complaintNumber && (
            <a className="btn btn-small" href={complaintHref(session.complaintNumber)} data-testid="chat-complaint-link">
              {messages('chats.complaint', { number: session.complaintNumber })}
            </a>
          )}
          {(session.state === 'waiting_for_agent' || session.state === 'with_agent') && !confirmClose && (
            <button type="button" className="btn btn-small" data-testid="chat-close" disabled={busy} onClick={() => setConfirmClose(true)}>
              {messages('chats.close')}
            </button>
          )}
        </div>
      </header>
      {confirmClose && (
        <div className="chat-confirm" role="alertdialog" aria-label={messages('chats.close')}>
          <span>{messages('chats.closeConfirm')}</span>
          <button type="button" className="btn btn-small btn-primary" data-testid="chat-close-confirm" disabled={busy} onClick={() => void act('close')}>
            {messages('chats.closeYes')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setConfirmClose(false)}>{messages('chats.cancel')}</button>
        </div>
      )}
      <ErrorBox error={actionError ?? (lines.length ? error : null)} />
      <ChatTranscript lines={lines} name={name} />
      {mine ? (
        <ChatComposer sessionId={sessionId} onSent={(line) => apply([line])} />
      ) : session.state === 'closed' ? (
        <p className="chat-note" data-testid="chat-ended">{messages('chats.ended')}</p>
      ) : session.state !== 'waiting_for_agent' && session.state !== 'with_agent' ? (
        // Still with the bot: nothing for a person to do until it hands over.
        <p className="chat-note">{label('chats.state', 'bot')}</p>
      ) : (
        <div className="chat-note">
          <span>{session.state === 'with_agent' ? messages('chats.heldBy', { name: session.agentName ?? '' }) : messages('chats.waitingNote')}</span>
          <button type="button" className="btn btn-primary" data-testid="chat-join-open" disabled={busy} onClick={() => void act('join')}>
            {session.state === 'with_agent' ? messages('chats.takeOver') : messages('chats.joinThis')}
          </button>
        </div>
      )}
    </section>
  );
}

function WaitedFor({ since }: { since: string }) {
  const now = useNow();
  return <span className="chat-wait">{waitedFor(since, now)}</span>;
}
