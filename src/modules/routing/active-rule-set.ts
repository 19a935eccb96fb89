/**
 * The compiled active rule set. Versions are immutable, so a compiled version is cached by id for
 * the life of the process; each intake only asks which id is active (one indexed row), which is
 * how an instance picks up a version another instance activated — on its very next complaint.
 */
import type { Queryable } from '../../db/database.js';
import { DEFAULT_RULES } from './default-rules.js';
import { compileRuleSet, type CompiledRuleSet } from './evaluate-rules.js';
import { parseRules } from './rule-schema.js';

const MAX_CACHED = 16;
const cache = new Map<string, CompiledRuleSet>();

/** Used only before any version is stored (e.g. a database seeded without the bootstrap). */
export const BUILTIN_RULE_SET: CompiledRuleSet = compileRuleSet(null, 0, DEFAULT_RULES);

export function compiledVersion(id: string, version: number, rules: unknown): CompiledRuleSet {
  let c = cache.get(id);
  if (!c) {
    // Stored rules passed validation when saved; parsing again fills defaults and guards old shapes.
    c = compileRuleSet(id, version, parseRules(rules));
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(id, c);
  }
  return c;
}

/** `active`: the active version's id, when the caller already read it (intake reads it with its other settings). */
export async function activeRuleSet(q: Queryable, active?: { id: string; version: number } | null): Promise<CompiledRuleSet> {
  const [row] = active !== undefined ? (active ? [active] : []) : await q.query<{ id: string; version: number }>(`select id, version from routing_rule_sets where status = 'active'`);
  if (!row) return BUILTIN_RULE_SET;
  if (cache.has(row.id)) return cache.get(row.id)!;
  const [full] = await q.query<{ rules: unknown }>('select rules from routing_rule_sets where id = $1', [row.id]);
  try {
    return compiledVersion(row.id, row.version, full!.rules);
  } catch (err) {
    // A stored version this code cannot read (e.g. written by a newer release) must not stop
    // intake: the built-in defaults route instead, and routing.applied says so.
    return { ...BUILTIN_RULE_SET, problem: `active version ${row.version} could not be read (${err instanceof Error ? err.message : String(err)}); built-in defaults applied` };
  }
}
