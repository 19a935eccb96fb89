import { describe, expect, it } from 'vitest';
import type { Queryable, SqlParam } from '../../db/database.js';
import { loadBuiltinModels } from '../triage/train-model.js';
import { loadedModelId, syncActiveModel } from './active-model.js';

/**
 * A database whose "which version is active" answers are held back until released, each
 * answering with the state at the moment it was asked.
 */
function slowDatabase() {
  let active: string | null = null;
  const held: Array<() => void> = [];
  const modelJson = JSON.stringify(loadBuiltinModels().models.category.toJSON());
  const q = {
    query<T>(sql: string, _params?: readonly SqlParam[]): Promise<T[]> {
      if (sql.includes("where status = 'active'")) {
        const answer = active ? [{ id: active }] : [];
        return new Promise((resolve) => held.push(() => resolve(answer as T[])));
      }
      if (sql.includes('model_json')) return Promise.resolve([{ model_json: modelJson, severity_model_json: null }] as T[]);
      return Promise.resolve([] as T[]);
    },
    exec: () => Promise.resolve(),
    notify: () => undefined,
  } as Queryable;
  return {
    q,
    activate: (id: string) => {
      active = id;
    },
    /** Answers the most recent question first: the order that lost the activation. */
    releaseNewest: () => held.pop()?.(),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('syncActiveModel', () => {
  it('a sync that read the state before an activation cannot undo the activation’s sync', async () => {
    const db = slowDatabase();
    const background = syncActiveModel(db.q); // reads "none active"…
    await tick();
    db.activate('v2'); // …then an admin activates v2 and that instance syncs at once
    const afterActivation = syncActiveModel(db.q);
    let settled = false;
    void Promise.all([background, afterActivation]).then(() => (settled = true));
    while (!settled) {
      await tick();
      db.releaseNewest();
    }
    expect(await afterActivation).toBe(1);
    expect(loadedModelId()).toBe('v2');
  });
});
