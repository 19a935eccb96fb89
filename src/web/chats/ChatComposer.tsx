import { useRef, useState, type KeyboardEvent } from 'react';
import { api } from '../api.js';
import { ErrorBox } from '../ErrorBox.js';
import { useI18n } from '../i18n.js';
import type { ChatLine } from './chat-types.js';
import { messages } from './chats.messages.js';

const MAX = 2000;

/**
 * The agent's line. Each attempt carries one client id, so a retry after a lost answer is
 * stored once; the text stays in the box until the server has it.
 */
export function ChatComposer({ sessionId, onSent }: { sessionId: string; onSent: (line: ChatLine) => void }) {
  useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const clientId = useRef<string | null>(null);

  async function send() {
    const body = text.trim();
    if (!body || busy) return;
    clientId.current ??= `staff-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    setBusy(true);
    setError(null);
    try {
      const line = await api.post<ChatLine>(`/api/v1/chat/sessions/${sessionId}/messages`, { text: body, clientId: clientId.current });
      clientId.current = null;
      setText('');
      onSent(line);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function onKey(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  }

  return (
    <form className="chat-composer" onSubmit={(e) => { e.preventDefault(); void send(); }}>
      <ErrorBox error={error} />
      <label className="sr-only" htmlFor={`chat-compose-${sessionId}`}>{messages('chats.compose')}</label>
      <textarea
        id={`chat-compose-${sessionId}`} data-testid="chat-compose" rows={3} maxLength={MAX} value={text}
        placeholder={messages('chats.compose')} aria-describedby={`chat-compose-hint-${sessionId}`}
        onChange={(e) => {
          setText(e.target.value);
          clientId.current = null; // a changed text is a new line
        }}
        onKeyDown={onKey}
      />
      <div className="chat-composer-foot">
        <span id={`chat-compose-hint-${sessionId}`} className="muted small">{messages('chats.composeHint')}</span>
        <button type="submit" className="btn btn-primary" data-testid="chat-send" disabled={busy || !text.trim()}>
          {busy ? messages('chats.sending') : messages('chats.send')}
        </button>
      </div>
    </form>
  );
}
