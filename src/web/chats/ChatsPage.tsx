import type { Me } from '../App.js';
import { ErrorBox } from '../ErrorBox.js';
import { useI18n } from '../i18n.js';
import { ChatList } from './ChatList.js';
import { ChatWindow } from './ChatWindow.js';
import { messages } from './chats.messages.js';
import { useChatSessions } from './useChatSessions.js';
import './chats.css';

/**
 * Live chats (#/chats, #/chats/<session>): customers the bot handed over, longest wait first,
 * and the chats this agent has; the chosen one opens beside the lists and updates live.
 */
export function ChatsPage({ me, id }: { me: Me | null; id: string | null }) {
  const { t } = useI18n();
  const { items, error, reload } = useChatSessions();
  const waiting = items?.filter((c) => c.state === 'waiting_for_agent') ?? [];
  const mine = items?.filter((c) => c.state === 'with_agent' && c.agentId === me?.id) ?? [];
  const others = items?.filter((c) => c.state === 'with_agent' && c.agentId !== me?.id) ?? [];

  return (
    <div className="page chats-page" data-testid="chats-page">
      <div className="page-head">
        <div>
          <h1>{messages('chats.title')}</h1>
          <p className="muted">{messages('chats.intro')}</p>
        </div>
      </div>
      <div className="chats-layout">
        <aside className="card chats-side">
          <ErrorBox error={error} onRetry={reload} />
          {!items ? (error ? null : <p className="empty">{t('common.loading')}</p>) : (
            <>
              <ChatList title={messages('chats.waiting')} empty={messages('chats.noneWaiting')} testId="chats-waiting" chats={waiting} selectedId={id} onJoined={reload} />
              <ChatList title={messages('chats.mine')} empty={messages('chats.noneMine')} testId="chats-mine" chats={mine} selectedId={id} />
              {others.length > 0 && (
                <ChatList title={messages('chats.others')} empty="" testId="chats-others" chats={others} selectedId={id} />
              )}
            </>
          )}
        </aside>
        {id ? (
          <ChatWindow key={id} sessionId={id} me={me} onChanged={reload} />
        ) : (
          <section className="card chat-window chat-window-empty"><p className="empty">{messages('chats.pick')}</p></section>
        )}
      </div>
    </div>
  );
}
