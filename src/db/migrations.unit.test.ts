import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPEN_STATUSES } from '../modules/complaints/lifecycle.js';

const dir = path.join(import.meta.dirname, 'migrations');

describe('migrations', () => {
  it('are numbered without gaps or duplicates', () => {
    const numbers = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((f) => Number(f.slice(0, 3)));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('open-queue partial indexes list exactly the open statuses', () => {
    const sql = fs.readFileSync(path.join(dir, '006_open_queue_indexes.sql'), 'utf8');
    const lists = [...sql.matchAll(/where status in \(([^)]*)\)/g)].map((m) => m[1]!.split(',').map((s) => s.trim().replace(/'/g, '')).sort());
    expect(lists.length).toBe(2);
    for (const list of lists) expect(list).toEqual([...OPEN_STATUSES].sort());
  });
});
