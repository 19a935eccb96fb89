import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.js';
import { messages as m } from './bot.messages.js';
import { storedChat } from './bot-session.js';
import { HUMAN_STATES } from './bot-types.js';
import { BotHandover } from './BotHandover.js';
import { BotLine, failureText } from './BotLine.js';
import { useBotChat } from './useBotChat.js';
import './bot-panel.css';

const MAX_TEXT = 2000;

/**
 * 「在线咨询」 on the hall's first screen: the bot over the chat WebSocket — answers from the
 * knowledge base, clarifying choices, order status — and, when it hands over, the complaint
 * it became with a link to its progress, then the agent's replies live in the same place.
 */
export function BotPanel({ customerId, onHandedOver }: { customerId: string; onHandedOver?: () => void }) {
  useI18n(); // re-render on a language switch
  const chat = useBotChat(customerId);
  const [open, setOpen] = useState(() => storedChat(customerId) !== null);
  const [text, setText] = useState('');
  const logRef = useRef<HTMLOListElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const { resume } = chat;

  // Back on the first screen in this tab: the conversation carries on where it was.
  useEffect(() => {
    if (open) resume();
  }, [open, resume]);

  useEffect(() => {
    const el = logRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [chat.lines.length, chat.session?.state]);

  const state = chat.session?.state ?? 'bot';
  const human = HUMAN_STATES.includes(state);
  const ended = state === 'closed';
  const last = chat.lines.at(-1);
  // Choices belong to the bot's latest question only; once a person has the chat they no longer apply.
  const options = !human && !ended && last?.sender === 'bot' ? (last.options ?? []) : [];

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim() || ended) return;
    chat.send(text);
    setText('');
  }

  function startOver() {
    chat.restart();
    setText('');
    inputRef.current?.focus();
  }

  return (
    <section className="hall-card bot-panel" aria-labelledby="bot-title" data-testid="bot-panel" data-state={chat.session?.state ?? 'none'} data-link={chat.link}>
      <div className="bot-head">
        <h2 id="bot-title">{m('bot.title')}</h2>
        {open && (chat.session || chat.lines.length > 0) && (
          <button type="button" className="hall-link hall-small" data-testid="bot-restart" onClick={startOver}>{m('bot.restart')}</button>
        )}
      </div>
      {!open ? (
        <>
          <p className="hall-muted hall-small">{m('bot.intro')}</p>
          <button type="button" className="hall-btn hall-btn-block" data-testid="bot-open" onClick={() => { setOpen(true); setTimeout(() => inputRef.current?.focus(), 0); }}>
            {m('bot.start')}
          </button>
        </>
      ) : (
        <>
          <ol className="bot-log" ref={logRef} role="log" aria-live="polite" aria-label={m('bot.log')} data-testid="bot-log">
            <li className="bot-line from-bot">
              <span className="bot-who">{m('bot.assistant')}</span>
              <p className="hall-text">{m('bot.hello')}</p>
            </li>
            {chat.lines.map((l) => <BotLine key={l.id} line={l} />)}
          </ol>
          {options.length > 0 && (
            <div className="hall-chips bot-options" role="group" aria-label={m('bot.options')} data-testid="bot-options">
              {options.map((o) => (
                <button key={o.value} type="button" className="hall-chip" data-testid="bot-option" onClick={() => chat.send(o.value)}>{o.label}</button>
              ))}
            </div>
          )}
          {chat.session && (human || chat.session.complaintId) && <BotHandover session={chat.session} onNumber={onHandedOver} />}
          {ended && <p className="hall-muted" data-testid="bot-ended">{m('bot.ended')}</p>}
          {chat.link === 'connecting' && <p className="hall-muted hall-small" role="status">{m('bot.connecting')}</p>}
          {chat.link === 'lost' && (
            <div className="hall-error" role="alert" data-testid="bot-lost">
              <span>{m('bot.lost')}</span>
              <button type="button" className="hall-btn hall-btn-small" onClick={chat.retry}>{m('bot.retry')}</button>
            </div>
          )}
          {chat.error && <div className="hall-error" role="alert" data-testid="bot-error">{failureText(chat.error)}</div>}
          <form className="bot-compose" onSubmit={submit}>
            <label className="bot-label" htmlFor="bot-input">{m('bot.input')}</label>
            <textarea
              id="bot-input"
              ref={inputRef}
              data-testid="bot-input"
              rows={2}
              maxLength={MAX_TEXT}
              value={text}
              disabled={ended}
              placeholder={human ? m('bot.placeholderAgent') : m('bot.placeholder')}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                // Enter sends, Shift+Enter starts a new line (IME composition is left alone).
                if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) submit(e);
              }}
            />
            <button type="submit" className="hall-btn hall-btn-primary" data-testid="bot-send" disabled={ended || !text.trim()}>{m('bot.send')}</button>
          </form>
        </>
      )}
    </section>
  );
}
