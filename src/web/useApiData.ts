import { useCallback, useEffect, useMemo, useState, useRef } from 'react';
import { api } from './api.js';
import { useLive } from './live.js';
import { createThrottle } from './live-throttle.js';

/** At most one live-triggered reload per this many ms (the first at once). */
const LIVE_RELOAD_WINDOW_MS = 500;

/**
 * GETs `url`, then again whenever a live change arrives (throttled) or `reload()` is called.
 * A newer answer always wins over an older one still in flight.
 */
export function useApiData<T>(url: string | null): { data: T | null; error: unknown; reload: () => void; fetchedAt: number } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fetchedAt, setFetchedAt] = useState(0);
  const seq = useRef(0);

  const reload = useCallback(() => {
    if (!url) return;
    const mine = ++seq.current;
    api.get<T>(url)
      .then((d) => {
        if (mine !== seq.current) return;
        setData(d);
        setFetchedAt(Date.now());
        setError(null);
      })
      .catch((err: unknown) => {
        if (mine === seq.current) setError(err);
      });
  }, [url]);

  useEffect(() => {
    reload();
  }, [reload]);
  const throttle = useMemo(() => createThrottle(reload, LIVE_RELOAD_WINDOW_MS), [reload]);
  useLive((f) => {
    if (f.type === 'complaint.changed') throttle.call();
  });
  useEffect(() => () => throttle.cancel(), [throttle]);
  return { data, error, reload, fetchedAt };
}
