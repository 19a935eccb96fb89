import { describe, expect, it } from 'vitest';
import { GroupRunner, type ItemOutcome } from './group-runner.js';

const nextTurn = (): Promise<void> => new Promise<void>((resolve) => { setImmediate(resolve); });

/** A run that records its groups and can be held open until released. */
function recorder() {
  const groups: number[][] = [];
  const gates: Array<() => void> = [];
  const run = async (items: readonly number[]): Promise<Array<ItemOutcome<number>>> => {
    groups.push([...items]);
    await new Promise<void>((resolve) => gates.push(resolve));
    return items.map((i) => (i < 0 ? { ok: false, error: new Error(`bad ${i}`) } : { ok: true, value: i * 10 }));
  };
  const releaseAll = async () => {
    for (let n = 0; n < 20; n++) {
      while (gates.length) gates.shift()!();
      await new Promise((r) => setTimeout(r, 1));
    }
  };
  return { groups, run, releaseAll };
}

describe('GroupRunner (intake group commit)', () => {
  it('runs on the next turn of the event loop, and groups the items that arrive while a run is in flight', async () => {
    const r = recorder();
    const runner = new GroupRunner(r.run, 10);
    const first = runner.submit(1);
    expect(r.groups).toEqual([]); // not started within the submitting turn
    await nextTurn();
    expect(r.groups).toEqual([[1]]);
    const rest = [2, 3, 4].map((i) => runner.submit(i));
    expect(runner.backlog).toBe(3);
    await r.releaseAll();
    expect(await first).toBe(10);
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
    expect(r.groups).toEqual([[1], [2, 3, 4]]);
  });

  it('puts items submitted in one turn together, never more than maxBatch, in arrival order', async () => {
    const r = recorder();
    const runner = new GroupRunner(r.run, 2);
    const all = [1, 2, 3, 4, 5].map((i) => runner.submit(i));
    await r.releaseAll();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
    expect(r.groups).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('runs up to `concurrency` groups side by side', async () => {
    const r = recorder();
    const runner = new GroupRunner(r.run, 10, 2);
    const runner1 = runner;
    const a = runner1.submit(1);
    await nextTurn();
    const b = runner1.submit(2);
    await nextTurn();
    const c = runner1.submit(3);
    await nextTurn();
    expect(r.groups).toEqual([[1], [2]]); // two in flight; the third waits for a free slot
    await r.releaseAll();
    expect(await Promise.all([a, b, c])).toEqual([10, 20, 30]);
    expect(r.groups).toEqual([[1], [2], [3]]);
  });

  it('answers each item with its own outcome, and every item with the error of a run that throws', async () => {
    const r = recorder();
    const runner = new GroupRunner(r.run, 10);
    const settled = Promise.allSettled([runner.submit(1), runner.submit(-1), runner.submit(2)]);
    await r.releaseAll();
    const [ok, bad, fine] = await settled;
    expect(ok).toEqual({ status: 'fulfilled', value: 10 });
    expect(bad.status === 'rejected' && String(bad.reason)).toContain('bad -1');
    expect(fine).toEqual({ status: 'fulfilled', value: 20 });

    const failing = new GroupRunner<number, number>(() => Promise.reject(new Error('transaction failed')), 10);
    const results = await Promise.allSettled([failing.submit(1), failing.submit(2)]);
    expect(results.map((x) => x.status)).toEqual(['rejected', 'rejected']);
    // and it keeps serving after a failed run
    const again = new GroupRunner<number, number>(async (items) => items.map((i) => ({ ok: true, value: i })), 1);
    expect(await again.submit(7)).toBe(7);
  });

  it('refuses a size or concurrency below one', () => {
    expect(() => new GroupRunner(async () => [], 0)).toThrow();
    expect(() => new GroupRunner(async () => [], 1, 0)).toThrow();
  });
});
