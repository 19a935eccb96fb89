import { useI18n } from '../i18n.js';
import { messages } from './chats.messages.js';
import { useChatSessions } from './useChatSessions.js';
import './chats.css';

/** The nav entry to live chats, with how many customers wait for a person (kept live). */
export function ChatsNavLink({ active }: { active: boolean }) {
  useI18n();
  const { items } = useChatSessions('waiting_for_agent');
  const count = items?.length ?? 0;
  return (
    <a href="#/chats" className={active ? 'nav-link active' : 'nav-link'} data-testid="nav-chats">
      {messages('chats.nav')}
      {count > 0 && (
        <span className="nav-badge" data-testid="chats-waiting-count" aria-label={messages('chats.navWaiting', { count })}>{count}</span>
      )}
    </a>
  );
}
