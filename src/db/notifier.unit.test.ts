import { describe, expect, it, vi } from 'vitest';
import { createNotifier } from './notifier.js';

describe('notifier', () => {
  it('sends what was queued in one tick as one batch per channel, in order', async () => {
    const sent: Array<[string, string[]]> = [];
    const n = createNotifier(async (channel, payloads) => void sent.push([channel, payloads]));
    n.notify('a', '1');
    n.notify('b', 'x');
    n.notify('a', '2');
    expect(sent).toEqual([]); // nothing goes out synchronously (callers may still be committing others)
    await n.flush();
    expect(sent).toEqual([['a', ['1', '2']], ['b', ['x']]]);
  });

  it('messages queued while a batch is being sent go out in the next batch', async () => {
    const sent: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const n = createNotifier(async (_c, payloads) => {
      sent.push(payloads);
      if (sent.length === 1) await gate;
    });
    n.notify('a', '1');
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    n.notify('a', '2');
    n.notify('a', '3');
    release();
    await n.flush();
    expect(sent).toEqual([['1'], ['2', '3']]);
  });

  it('a failed send is logged and does not stop later batches', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const sent: string[] = [];
    let calls = 0;
    const n = createNotifier(async (_c, payloads) => {
      if (++calls === 1) throw new Error('connection reset');
      sent.push(...payloads);
    });
    n.notify('a', 'lost');
    await n.flush();
    n.notify('a', 'kept');
    await n.flush();
    expect(sent).toEqual(['kept']);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('notify on a failed'), 'connection reset');
    error.mockRestore();
  });
});
