import { useSyncExternalStore } from 'react';

/** One shared one-second ticker for every countdown on the page. */
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

function tick() {
  now = Date.now();
  for (const l of listeners) l();
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  if (!timer) {
    now = Date.now();
    timer = setInterval(tick, 1000);
  }
  return () => {
    listeners.delete(cb);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const snapshot = () => now;

export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** Milliseconds left now, given a value measured by the server at `fetchedAt` (browser time). */
export function liveRemaining(remainingMs: number, fetchedAt: number, at: number): number {
  return remainingMs - Math.max(0, at - fetchedAt);
}
