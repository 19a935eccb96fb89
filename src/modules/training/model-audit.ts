/**
 * Audit trail of the classifier's versions (model_audit): who trained, activated or rolled
 * back what, when. Not complaint events: complaint_events rows belong to a complaint.
 */
import type { Queryable } from '../../db/database.js';

/** A signed-in admin (API) or whoever ran `loopdesk` on the server (CLI: no user). */
export type ModelActor = { kind: 'user'; id: string } | { kind: 'cli' };

export type ModelAction = 'trained' | 'activated' | 'rolled_back';

export async function writeModelAudit(
  tx: Queryable,
  e: { action: ModelAction; modelId: string | null; fromModelId: string | null; actor: ModelActor; at: Date; data?: Record<string, unknown> },
): Promise<void> {
  await tx.query(
    `insert into model_audit (action, model_id, from_model_id, actor_kind, actor_id, at, data) values ($1, $2, $3, $4, $5, $6, $7)`,
    [e.action, e.modelId, e.fromModelId, e.actor.kind, e.actor.kind === 'user' ? e.actor.id : null, e.at, e.data ?? {}],
  );
}

export interface ModelAuditEntry {
  id: string;
  action: ModelAction;
  modelId: string | null;
  fromModelId: string | null;
  actor: ModelActor;
  at: string;
  data: Record<string, unknown>;
}

export async function listModelAudit(q: Queryable, limit = 100): Promise<ModelAuditEntry[]> {
  const rows = await q.query<{ id: string; action: ModelAction; model_id: string | null; from_model_id: string | null; actor_kind: 'user' | 'cli'; actor_id: string | null; at: Date; data: Record<string, unknown> }>(
    'select id, action, model_id, from_model_id, actor_kind, actor_id, at, data from model_audit order by at desc, id desc limit $1',
    [limit],
  );
  return rows.map((r) => ({
    id: String(r.id),
    action: r.action,
    modelId: r.model_id,
    fromModelId: r.from_model_id,
    actor: r.actor_kind === 'user' && r.actor_id ? { kind: 'user', id: r.actor_id } : { kind: 'cli' },
    at: r.at.toISOString(),
    data: r.data,
  }));
}
