import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api.js';
import { useLive } from './live.js';

/**
 * GETs `url`, then again whenever a live change arrives (debounced) or `reload()` is called.
 * A newer answer always wins over an older one still in flight.
 */
export function useApiData<T>(url: string | null): { data: T | null; error: unknown; reload: () => void; fetchedAt: number } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fetchedAt, setFetchedAt] = useState(0);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

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
  useLive((f) => {
    if (f.type !== 'complaint.changed' || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, 500);
  });
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return { data, error, reload, fetchedAt };
}
