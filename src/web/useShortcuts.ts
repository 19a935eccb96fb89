import { useEffect, useRef } from 'react';

/** Fields that take characters. A ticked row checkbox does not: j / k / x keep working after clicking one. */
function isTypingField(el: HTMLElement): boolean {
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !['checkbox', 'radio'].includes((el as HTMLInputElement).type);
}

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
      if (el && isTypingField(el)) {
        if (e.key === 'Escape') el.blur();
        return;
      }
      // Enter or space on a focused button, link or checkbox is that control's own.
      if ((e.key === 'Enter' || e.key === ' ') && el?.closest('button, a[href], input, summary, [role="button"]')) return;
      const action = ref.current[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
