/**
 * Runs `fn` at once on the first call, then at most once per `windowMs`: calls inside the
 * window are folded into one trailing run at its end. A live change is shown without waiting
 * (a fixed debounce delayed every update by the whole window), while a burst of changes still
 * costs one reload per window.
 */
export function createThrottle(
  fn: () => void,
  windowMs: number,
  clock: { now: () => number; setTimeout: (cb: () => void, ms: number) => unknown; clearTimeout: (t: unknown) => void } = {
    now: () => Date.now(),
    setTimeout: (cb, ms) => setTimeout(cb, ms),
    clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  },
): { call: () => void; cancel: () => void } {
  let last = -Infinity;
  let pending: unknown = null;
  const run = () => {
    pending = null;
    last = clock.now();
    fn();
  };
  return {
    call() {
      if (pending !== null) return; // a trailing run is already planned
      const since = clock.now() - last;
      if (since >= windowMs) run();
      else pending = clock.setTimeout(run, windowMs - since);
    },
    cancel() {
      if (pending !== null) clock.clearTimeout(pending);
      pending = null;
    },
  };
}
