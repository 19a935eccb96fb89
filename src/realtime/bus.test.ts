import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { createTestDatabase, testDbKind } from '../test/test-database.js';
import { startTwoInstances } from '../test/two-instances.js';
import type { Database } from '../db/database.js';
import { publish, subscribe, type BusMessage } from './bus.js';

const waitFor = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for a bus message');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('realtime bus', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let url: string | null;
  beforeAll(async () => {
    ({ db, drop, url } = await createTestDatabase());
  });
  afterAll(async () => drop());

  it('delivers a committed message and never a rolled-back one', async () => {
    const got: BusMessage[] = [];
    const stop = await subscribe(db, (m) => got.push(m));
    await db.transaction(async (tx) => {
      publish(tx, { topic: 'test.rolled_back' });
      throw new Error('abort');
    }).catch(() => undefined);
    await db.transaction(async (tx) => publish(tx, { topic: 'test.committed', complaintId: 'c1' }));
    await waitFor(() => got.length > 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual([{ topic: 'test.committed', complaintId: 'c1' }]);
    await stop();
    await db.transaction(async (tx) => publish(tx, { topic: 'test.after_stop' }));
    await new Promise((r) => setTimeout(r, 100));
    expect(got.map((m) => m.topic)).toEqual(['test.committed']);
  });

  it.runIf(testDbKind === 'postgres')('fans out to another instance on the same PostgreSQL', async () => {
    const two = await startTwoInstances(url!, new ManualClock(), { scheduler: false });
    try {
      const got: BusMessage[] = [];
      const stop = await subscribe(two.b.ctx.db, (m) => got.push(m));
      await two.a.ctx.db.transaction(async (tx) => publish(tx, { topic: 'test.cross_instance' }));
      await waitFor(() => got.length > 0);
      expect(got[0]!.topic).toBe('test.cross_instance');
      await stop();
    } finally {
      await two.stop();
    }
  });
});
