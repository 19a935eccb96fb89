import { useEffect, useRef, useState } from 'react';
import { useHallI18n } from '../hall-i18n.js';
import { badgeText } from './notice-list.js';
import { NoticesPanel } from './NoticesPanel.js';
import type { NoticesState } from './useNotices.js';
import './notices.css';

const PANEL_ID = 'hall-notices-panel';

function BellIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
    </svg>
  );
}

/** The bell in the top bar: unread count, opens the notices panel; Escape or a tap outside closes it. */
export function NoticesBell({ notices }: { notices: NoticesState }) {
  const { ht } = useHallI18n();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const unread = notices.list.unread;
  const badge = badgeText(unread);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      const t = e.target as Node | null;
      if (t && !panel.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="hall-notices">
      <button
        ref={button}
        type="button"
        className="hall-bell"
        data-testid="hall-notices-bell"
        data-unread={unread}
        aria-label={unread ? ht('notices.openUnread', { count: unread }) : ht('notices.open')}
        aria-expanded={open}
        aria-controls={open ? PANEL_ID : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {badge && <span className="hall-bell-badge" aria-hidden="true" data-testid="hall-notices-count">{badge}</span>}
      </button>
      <p className="hall-sr" role="status">{notices.arrived ? ht('notices.arrived', { title: notices.arrived.title ?? ht('notices.untitled') }) : ''}</p>
      {open && <NoticesPanel panelRef={panel} id={PANEL_ID} notices={notices} onClose={() => setOpen(false)} />}
    </div>
  );
}
