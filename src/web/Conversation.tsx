import { formatDateTime } from './format.js';
import { useI18n } from './i18n.js';
import type { Message } from './types.js';

/** The conversation; internal notes are visually set apart from what the customer sees. */
export function Conversation({ messages }: { messages: Message[] }) {
  const { t, tEnum } = useI18n();
  if (messages.length === 0) return <p className="empty">{t('detail.noMessages')}</p>;
  return (
    <ol className="messages">
      {messages.map((m) => (
        <li key={m.id} className={`message message-${m.kind}`} data-testid="message" data-kind={m.kind}>
          <div className="message-head">
            <span className="message-author">{m.author?.name || (m.author ? tEnum('actor', m.author.kind) : t('msg.unknownAuthor'))}</span>
            <span className={`message-kind message-kind-${m.kind}`}>{tEnum('kind', m.kind)}</span>
            {m.channel && <span className="muted small">{tEnum('channel', m.channel)}</span>}
            <time className="muted small" dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
          </div>
          <div className="message-body prewrap">{m.body}</div>
          {m.attachments && m.attachments.length > 0 && (
            <div className="message-attachments muted small">
              {t('msg.attachments', { names: m.attachments.map((a) => a.name).join(', ') })}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
