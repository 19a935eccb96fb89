import { useCallback, useEffect, useRef, useState } from 'react';
import { hallApi } from '../hall-api.js';
import { announceNotice } from './notice-events.js';
import { addPushed, EMPTY_NOTICES, markAllRead, markRead, withServerPage, type HallNotice, type NoticeList } from './notice-list.js';
import { NoticeSocket } from './notice-socket.js';

/** How many of the newest notices the panel loads. */
export const NOTICE_PAGE = 50;

const liveUrl = () => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/api/v1/portal/live`;

export interface NoticesState {
  list: NoticeList;
  /** The first load is still on its way. */
  loading: boolean;
  /** Loading the list failed (the panel offers a retry). */
  loadError: unknown;
  /** Marking read failed (the list is reloaded from the server). */
  actionError: unknown;
  /** The notice that arrived last while the page was open (announced to screen readers). */
  arrived: HallNotice | null;
  reload: () => void;
  read: (id: string) => void;
  readAll: () => void;
}

/**
 * The signed-in customer's in-app notices: the newest page from the API, live pushes from the
 * portal socket merged in (and the list reloaded after a reconnect, for what the drop missed),
 * marking read optimistically with the server confirming.
 */
export function useNotices(token: string | null): NoticesState {
  const [list, setList] = useState<NoticeList>(EMPTY_NOTICES);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [arrived, setArrived] = useState<HallNotice | null>(null);
  // Answers for an earlier session (signed out meanwhile) are dropped.
  const session = useRef(0);

  const load = useCallback(async () => {
    const mine = session.current;
    setLoading(true);
    setLoadError(null);
    try {
      const page = await hallApi.getAsIs<{ items: HallNotice[]; unread: number }>(`/api/v1/portal/notices?limit=${NOTICE_PAGE}`);
      if (session.current === mine) setList((l) => withServerPage(l, page.items, page.unread));
    } catch (err) {
      if (session.current === mine) setLoadError(err);
    } finally {
      if (session.current === mine) setLoading(false);
    }
  }, []);

  useEffect(() => {
    session.current += 1;
    setList(EMPTY_NOTICES);
    setArrived(null);
    setActionError(null);
    if (!token) return;
    void load();
    const socket = new NoticeSocket({
      url: liveUrl(),
      token: () => token,
      onNotice: (n) => {
        setList((l) => addPushed(l, n));
        setArrived(n);
        announceNotice(n);
      },
      onReady: (again) => {
        if (again) void load();
      },
    });
    socket.start();
    const wake = () => {
      if (document.visibilityState !== 'hidden') socket.retryNow();
    };
    window.addEventListener('online', wake);
    document.addEventListener('visibilitychange', wake);
    return () => {
      socket.stop();
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', wake);
    };
  }, [token, load]);

  const failed = useCallback((err: unknown) => {
    setActionError(err);
    void load();
  }, [load]);

  const read = useCallback((id: string) => {
    const notice = list.items.find((n) => n.id === id);
    if (!notice || notice.readAt) return;
    setActionError(null);
    setList((l) => markRead(l, id, new Date().toISOString()));
    hallApi.post(`/api/v1/portal/notices/${encodeURIComponent(id)}/read`).catch(failed);
  }, [failed, list]);

  const readAll = useCallback(() => {
    setActionError(null);
    setList((l) => markAllRead(l, new Date().toISOString()));
    hallApi.post('/api/v1/portal/notices/read-all').catch(failed);
  }, [failed]);

  return { list, loading, loadError, actionError, arrived, reload: () => void load(), read, readAll };
}
