import type { Queryable } from '../../db/database.js';
import type { Actor } from '../auth/principal.js';
import { EVENT_PAYLOADS, laneFor, type EventPayload, type EventType, type Lane } from './event-types.js';
import { allListeners } from './event-listeners.js';
import { publish } from '../../realtime/bus.js';

export interface ComplaintEvent {
  id: string;
  complaintId: string;
  type: EventType;
  lane: Lane;
  actor: Actor & { name?: string | null };
  at: string;
  data: Record<string, unknown>;
}

/**
 * Appends one event. Callers pass the transaction that makes the change, so the change
 * and its event commit together (DESIGN §4).
 */
export async function appendEvent<T extends EventType>(
  tx: Queryable,
  e: { complaintId: string; type: T; actor: Actor; at: Date; data: EventPayload<T>; lane?: Lane },
): Promise<void> {
  await appendEvents(tx, [e as NewEvent]);
}

/**
 * Runs the in-transaction listeners (event-listeners.ts) for freshly written events, listener
 * by listener: all of a listener's events in one call when it can take them together (fewer
 * round trips for an intake group), else one by one in order.
 */
async function notifyListeners(tx: Queryable, events: readonly ComplaintEvent[]): Promise<void> {
  for (const listener of allListeners()) {
    const mine = events.filter((e) => listener.types.includes(e.type));
    if (!mine.length) continue;
    if (listener.handleMany) await listener.handleMany(tx, mine);
    else for (const e of mine) await listener.handle(tx, e);
  }
}

export type NewEvent = { [T in EventType]: { complaintId: string; type: T; actor: Actor; at: Date; data: EventPayload<T>; lane?: Lane } }[EventType];

/** Appends several events in one statement (same transaction rules as appendEvent), in the given order. */
export async function appendEvents(tx: Queryable, events: readonly NewEvent[]): Promise<void> {
  if (!events.length) return;
  const written: Array<Omit<ComplaintEvent, 'id'>> = events.map((e) => {
    const data = EVENT_PAYLOADS[e.type].parse(e.data) as Record<string, unknown>;
    const lane = e.lane ?? laneFor(e.type, e.actor);
    return { complaintId: e.complaintId, type: e.type, lane, actor: e.actor, at: e.at.toISOString(), data };
  });
  // Identity ids follow the input order (ORDER BY ord), which keeps the timeline order of
  // same-instant events. One statement text for any number of events (arrays, not a VALUES
  // row each): a prepared statement per row count would pile up plans in every connection.
  // The complaint's department and assignee come back with them for the live announcement.
  const ids = await tx.query<{ id: string; complaint_id: string; department_id: string | null; assignee_id: string | null }>(
    `with ins as (
       insert into complaint_events (complaint_id, type, lane, actor_kind, actor_id, actor_role, at, data)
       select t.complaint_id, t.type, t.lane, t.actor_kind, t.actor_id, t.actor_role, t.at, t.data::jsonb
         from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[])
              with ordinality as t(complaint_id, type, lane, actor_kind, actor_id, actor_role, at, data, ord)
        order by t.ord
       returning id, complaint_id)
     select ins.id::text as id, ins.complaint_id, c.department_id, c.assignee_id
       from ins left join complaints c on c.id = ins.complaint_id`,
    [
      written.map((e) => e.complaintId), written.map((e) => e.type), written.map((e) => e.lane), written.map((e) => e.actor.kind),
      written.map((e) => e.actor.id), written.map((e) => e.actor.role), events.map((e) => e.at), written.map((e) => JSON.stringify(e.data)),
    ],
  );
  // RETURNING gives no order guarantee; the ids do (see above), so pair them by sorting.
  const sorted = ids.map((r) => BigInt(r.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  announce(tx, written, ids);
  await notifyListeners(tx, written.map((e, i) => ({ ...e, id: String(sorted[i]) })));
}

/**
 * Tells every instance (after commit) which complaints changed and how: one message per
 * complaint per call, with the ids the live hub filters visibility on.
 */
function announce(
  tx: Queryable,
  written: ReadonlyArray<Pick<ComplaintEvent, 'complaintId' | 'type'>>,
  rows: ReadonlyArray<{ complaint_id: string; department_id: string | null; assignee_id: string | null }>,
): void {
  const types = new Map<string, Set<string>>();
  for (const e of written) types.set(e.complaintId, (types.get(e.complaintId) ?? new Set()).add(e.type));
  const owners = new Map(rows.map((r) => [r.complaint_id, r]));
  for (const [complaintId, set] of types) {
    const o = owners.get(complaintId);
    publish(tx, {
      topic: 'complaint.changed', complaintId,
      departmentId: o?.department_id ?? null, assigneeId: o?.assignee_id ?? null,
      types: [...set].sort().join(','),
    });
  }
}

interface EventRow {
  id: string;
  complaint_id: string;
  type: EventType;
  lane: Lane;
  actor_kind: Actor['kind'];
  actor_id: string | null;
  actor_role: string | null;
  at: Date;
  data: Record<string, unknown>;
  actor_name?: string | null;
}

export function eventFromRow(r: EventRow): ComplaintEvent {
  return {
    id: String(r.id),
    complaintId: r.complaint_id,
    type: r.type,
    lane: r.lane,
    actor: { kind: r.actor_kind, id: r.actor_id, role: r.actor_role, ...(r.actor_name !== undefined ? { name: r.actor_name } : {}) },
    at: r.at.toISOString(),
    data: r.data,
  };
}

export async function listEvents(db: Queryable, complaintId: string, lanes?: readonly Lane[]): Promise<ComplaintEvent[]> {
  // Order by the bigint column itself (the text alias would sort "10" before "9").
  const rows = await db.query<EventRow>(
    `select e.id::text as id, e.complaint_id, e.type, e.lane, e.actor_kind, e.actor_id, e.actor_role, e.at, e.data,
            coalesce(u.name, c.name) as actor_name
       from complaint_events e
       left join users u on u.id = (case when e.actor_kind = 'user' then e.actor_id::uuid end)
       left join customers c on c.id = (case when e.actor_kind = 'customer' then e.actor_id::uuid end)
      where e.complaint_id = $1 ${lanes ? 'and e.lane = any($2)' : ''}
      order by e.at, e.id`,
    lanes ? [complaintId, [...lanes]] : [complaintId],
  );
  return withAssigneeNames(db, rows.map(eventFromRow));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An assignment names users by id; the timeline shows people. Their names are added beside the ids
 * (`fromName`, `toName`; null for someone since deleted), in one query for the whole timeline. The
 * assignment is a backstage event, so only staff ever see these names.
 */
async function withAssigneeNames(db: Queryable, events: ComplaintEvent[]): Promise<ComplaintEvent[]> {
  const assigned = events.filter((e) => e.type === 'complaint.assigned');
  const ids = [...new Set(assigned.flatMap((e) => [e.data.from, e.data.to]).filter((v): v is string => typeof v === 'string' && UUID.test(v)))];
  if (!ids.length) return events;
  const rows = await db.query<{ id: string; name: string }>('select id::text as id, name from users where id = any($1::uuid[])', [ids]);
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const nameOf = (v: unknown) => (typeof v === 'string' ? names.get(v) ?? null : null);
  for (const e of assigned) e.data = { ...e.data, fromName: nameOf(e.data.from), toName: nameOf(e.data.to) };
  return events;
}
