import { useEffect, useRef, type RefObject } from 'react';
import { useHallI18n } from '../hall-i18n.js';
import { HallErrorBox } from '../HallError.js';
import { NoticeItem } from './NoticeItem.js';
import { NOTICE_PAGE, type NoticesState } from './useNotices.js';

interface Props {
  id: string;
  notices: NoticesState;
  onClose: () => void;
  panelRef: RefObject<HTMLDivElement | null>;
}

/** The list under the bell: newest first, unread marked, "mark all as read", and its loading / empty / error states. */
export function NoticesPanel({ id, notices, onClose, panelRef }: Props) {
  const { ht } = useHallI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const { list, loading, loadError, actionError } = notices;

  // Opening moves the focus into the panel, so keyboard and screen-reader users land on it.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <div ref={panelRef} id={id} className="hall-notices-panel" role="dialog" aria-labelledby={`${id}-title`} data-testid="hall-notices-panel">
      <div className="hall-notices-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>{ht('notices.title')}</h2>
        <button
          type="button"
          className="hall-link hall-small"
          data-testid="hall-notices-read-all"
          disabled={list.unread === 0}
          onClick={notices.readAll}
        >
          {ht('notices.readAll')}
        </button>
        <button type="button" className="hall-notices-close" aria-label={ht('notices.close')} data-testid="hall-notices-close" onClick={onClose}>×</button>
      </div>
      <HallErrorBox error={actionError ? new Error(ht('notices.actionFailed')) : null} />
      {loading && list.items.length === 0 ? (
        <p className="hall-empty" data-testid="hall-notices-loading">{ht('hall.loading')}</p>
      ) : loadError && list.items.length === 0 ? (
        <div data-testid="hall-notices-error">
          <HallErrorBox error={new Error(ht('notices.loadFailed'))} onRetry={notices.reload} />
        </div>
      ) : list.items.length === 0 ? (
        <p className="hall-empty" data-testid="hall-notices-empty">{ht('notices.empty')}</p>
      ) : (
        <>
          <ul className="hall-notices-list">
            {list.items.map((n) => (
              <NoticeItem key={n.id} notice={n} onOpen={notices.read} onNavigate={onClose} />
            ))}
          </ul>
          {list.items.length >= NOTICE_PAGE && <p className="hall-muted hall-small hall-notices-more">{ht('notices.latest', { count: NOTICE_PAGE })}</p>}
        </>
      )}
    </div>
  );
}
