import { useEffect, useRef } from 'react';
import type { HallNotice } from './notice-list.js';

type Listener = (notice: HallNotice) => void;
const listeners = new Set<Listener>();

/** Tells the open pages that a notice just arrived (a page about its complaint reloads). */
export function announceNotice(notice: HallNotice): void {
  for (const l of listeners) l(notice);
}

/** Calls `onNotice` for every notice pushed while the component is mounted. */
export function useNoticeArrived(onNotice: Listener): void {
  const ref = useRef(onNotice);
  useEffect(() => {
    ref.current = onNotice;
  });
  useEffect(() => {
    const l: Listener = (n) => ref.current(n);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
}
