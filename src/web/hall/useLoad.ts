import { useCallback, useEffect, useState } from 'react';

/** Loads once per key and on demand; keeps loading / error / data apart for the page to show. */
export function useLoad<T>(load: () => Promise<T>, key: string) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  // Reload when the key (page, locale) changes, not on every new closure.
  const run = useCallback(load, [key]);
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    run()
      .then((d) => { if (live) setData(d); })
      .catch((e: unknown) => { if (live) setError(e); })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [run, tick]);
  return { data, error, loading, reload: () => setTick((n) => n + 1) };
}
