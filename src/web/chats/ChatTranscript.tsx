import { useEffect, useRef } from 'react';
import { formatTime } from '../format.js';
import { useI18n } from '../i18n.js';
import { label } from './chat-labels.js';
import type { ChatLine } from './chat-types.js';
import { messages } from './chats.messages.js';

/**
 * The whole conversation as the customer saw it — their lines, the bot's turns, people's
 * replies and notices — kept scrolled to the newest line while the agent is at the bottom.
 */
export function ChatTranscript({ lines, name }: { lines: ChatLine[]; name: string }) {
  useI18n();
  const box = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);

  useEffect(() => {
    const el = box.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [lines]);

  if (!lines.length) return <p className="empty">{messages('chats.empty')}</p>;
  return (
    <ol
      className="chat-transcript" ref={box} aria-live="polite" aria-label={messages('chats.transcript', { name })} data-testid="chat-transcript"
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
    >
      {lines.map((l) => (
        <li key={l.seq} className={`chat-line chat-line-${l.sender}`} data-testid="chat-line" data-sender={l.sender}>
          {l.sender !== 'system' && (
            <div className="chat-line-head">
              <span className="chat-line-sender">{l.sender === 'customer' ? name : label('chats.sender', l.sender)}</span>
              <time className="muted small" dateTime={l.createdAt}>{formatTime(Date.parse(l.createdAt))}</time>
            </div>
          )}
          <div className="chat-line-body prewrap">{l.body}</div>
          {l.order && <div className="chat-line-extra small">{messages('chats.order', { number: l.order.number, status: l.order.status })}</div>}
          {l.article && <div className="chat-line-extra small">{messages('chats.article', { title: l.article.title })}</div>}
        </li>
      ))}
    </ol>
  );
}
