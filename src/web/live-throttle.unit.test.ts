import { describe, expect, it } from 'vitest';
import { createThrottle } from './live-throttle.js';

function fakeClock() {
  let t = 1_000;
  const timers: Array<{ at: number; cb: () => void; id: number }> = [];
  let ids = 0;
  return {
    now: () => t,
    setTimeout: (cb: () => void, ms: number) => {
      const id = ++ids;
      timers.push({ at: t + ms, cb, id });
      return id;
    },
    clearTimeout: (id: unknown) => {
      const i = timers.findIndex((x) => x.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    advance(ms: number) {
      t += ms;
      for (const x of [...timers].sort((a, b) => a.at - b.at)) {
        if (x.at <= t) {
          timers.splice(timers.indexOf(x), 1);
          x.cb();
        }
      }
    },
  };
}

describe('live reload throttle', () => {
  it('runs the first change at once, not after the window', () => {
    const clock = fakeClock();
    let runs = 0;
    const th = createThrottle(() => runs++, 500, clock);
    th.call();
    expect(runs).toBe(1);
  });

  it('folds a burst inside the window into one trailing run at its end', () => {
    const clock = fakeClock();
    let runs = 0;
    const th = createThrottle(() => runs++, 500, clock);
    th.call();
    clock.advance(100);
    th.call();
    th.call();
    th.call();
    expect(runs).toBe(1);
    clock.advance(399);
    expect(runs).toBe(1);
    clock.advance(1);
    expect(runs).toBe(2);
    // Quiet for a whole window: the next change runs at once again.
    clock.advance(500);
    th.call();
    expect(runs).toBe(3);
  });

  it('cancel drops a planned trailing run', () => {
    const clock = fakeClock();
    let runs = 0;
    const th = createThrottle(() => runs++, 500, clock);
    th.call();
    th.call();
    th.cancel();
    clock.advance(1000);
    expect(runs).toBe(1);
  });
});
