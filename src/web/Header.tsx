import { useI18n } from './i18n.js';
import { LocaleSwitch } from './LocaleSwitch.js';
import { ChatsNavLink } from './chats/ChatsNavLink.js';
import type { Me } from './App.js';
import type { Route } from './router.js';

const BOARD_ROLES = new Set(['admin', 'supervisor']);
const DESK_ROLES = new Set(['admin', 'supervisor', 'department_staff']);
const CHAT_ROLES = new Set(['admin', 'supervisor', 'agent']);

interface Props {
  me: Me | null;
  active: Route['name'];
  onLogout: () => void;
}

export function Header({ me, active, onLogout }: Props) {
  const { t, tEnum } = useI18n();
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <a className="brand" href="#/complaints">
          <span className="brand-mark" aria-hidden="true">◎</span>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </a>
        <nav className="nav" aria-label={t('nav.main')}>
          <a href="#/complaints" className={active === 'list' || active === 'detail' ? 'nav-link active' : 'nav-link'}>
            {t('nav.complaints')}
          </a>
          <a
            href="#/complaints/new"
            className={active === 'new' ? 'nav-link active' : 'nav-link'}
            data-testid="new-complaint-link"
          >
            {t('nav.new')}
          </a>
          {me?.role && CHAT_ROLES.has(me.role) && <ChatsNavLink active={active === 'chats'} />}
          {me?.role && BOARD_ROLES.has(me.role) && (
            <a href="#/board" className={active === 'board' ? 'nav-link active' : 'nav-link'} data-testid="nav-board">{t('nav.board')}</a>
          )}
          {me?.role && DESK_ROLES.has(me.role) && (
            <a href="#/desk" className={active === 'desk' ? 'nav-link active' : 'nav-link'} data-testid="nav-desk">{t('nav.desk')}</a>
          )}
          {me?.role === 'admin' && (
            <a href="#/admin" className={active === 'admin' ? 'nav-link active' : 'nav-link'} data-testid="nav-admin">{t('nav.admin')}</a>
          )}
        </nav>
        <div className="topbar-right">
          {me && (
            <span className="whoami" title={me.role ? tEnum('role', me.role) : undefined}>
              {me.name}
            </span>
          )}
          <LocaleSwitch />
          <button type="button" className="btn btn-ghost" data-testid="logout" onClick={onLogout}>
            {t('nav.logout')}
          </button>
        </div>
      </div>
    </header>
  );
}
