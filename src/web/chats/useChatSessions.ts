import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api.js';
import { useLive } from '../live.js';
import type { Page } from '../types.js';
import type { StaffChat } from './chat-types.js';

/**
 * Chats handed to people (`state` narrows it), fetched again whenever the live channel says a
 * chat was handed over, joined or closed — and after a reconnect, when such news may have
 * been missed. A newer answer always wins over an older one still in flight.
 */
export function useChatSessions(state?: 'waiting_for_agent'): { items: StaffChat[] | null; error: unknown; reload: () => void } {
  const [items, setItems] = useState<StaffChat[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const url = `/api/v1/chat/sessions${state ? `?state=${state}` : ''}`;

  const reload = useCallback(() => {
    const mine = ++seq.current;
    api.get<Page<StaffChat>>(url)
      .then((page) => {
        if (mine !== seq.current) return;
        setItems(page.items);
        setError(null);
      })
      .catch((err: unknown) => {
        if (mine === seq.current) setError(err);
      });
  }, [url]);

  useEffect(() => reload(), [reload]);
  useLive((f) => {
    if ((f.type !== 'chat.session' && f.type !== 'ready') || timer.current) return;
    // Several chats changing at once cost one request.
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, 150);
  });
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return { items, error, reload };
}
