import { useState } from 'react';
import { formatWhen, useHallI18n } from '../hall-i18n.js';
import { go, progressPath } from '../hall-router.js';
import type { HallNotice } from './notice-list.js';
import { NoticeText } from './NoticeText.js';

/** One notice: its title and time (tap to read it all, which marks it read) and its complaint's progress link. */
export function NoticeItem({ notice, onOpen, onNavigate }: { notice: HallNotice; onOpen: (id: string) => void; onNavigate: () => void }) {
  const { ht } = useHallI18n();
  const [expanded, setExpanded] = useState(false);
  const unread = !notice.readAt;
  const number = notice.complaintNumber;
  const bodyId = `hall-notice-body-${notice.id}`;

  return (
    <li className={`hall-notice${unread ? ' is-unread' : ''}`} data-testid="hall-notice" data-id={notice.id} data-unread={unread ? 'true' : 'false'}>
      <button
        type="button"
        className="hall-notice-head"
        data-testid="hall-notice-open"
        aria-expanded={expanded}
        aria-controls={bodyId}
        onClick={() => {
          setExpanded((e) => !e);
          onOpen(notice.id);
        }}
      >
        {unread && <span className="hall-notice-dot" aria-hidden="true" />}
        {unread && <span className="hall-sr">{ht('notices.unread')}: </span>}
        <span className="hall-notice-title" data-testid="hall-notice-title">{notice.title ?? ht('notices.untitled')}</span>
        <time className="hall-muted hall-small hall-notice-time" dateTime={notice.createdAt} data-testid="hall-notice-time">{formatWhen(notice.createdAt)}</time>
      </button>
      <div id={bodyId} hidden={!expanded}>
        {expanded && notice.body && <NoticeText text={notice.body} onNavigate={onNavigate} />}
      </div>
      {number && (
        <a
          className="hall-notice-complaint hall-small"
          data-testid="hall-notice-complaint"
          href={progressPath(number)}
          onClick={(e) => {
            e.preventDefault();
            onOpen(notice.id);
            onNavigate();
            go(progressPath(number));
          }}
        >
          {ht('notices.complaint', { number })}
        </a>
      )}
    </li>
  );
}
