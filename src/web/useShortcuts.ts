import { useEffect, useRef } from 'react';

/**
 * Single-key shortcuts (j, k, r, n, …) for people who live in the queue. Ignored while typing
 * in a field or with a modifier held, so they never eat a character of a reply.
 */
export function useShortcuts(map: Record<string, () => void>): void {
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))) {
        if (e.key === 'Escape') el.blur();
        return;
      }
      const action = ref.current[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
