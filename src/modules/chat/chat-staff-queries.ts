import type { Queryable } from '../../db/database.js';
import { sessionToApi, type ChatSessionRow } from './chat-store.js';

interface StaffRow extends ChatSessionRow {
  customer_name: string | null;
  complaint_number: string | null;
  agent_name: string | null;
  waiting_since: Date | null;
}

/**
 * What an agent needs to pick a chat: who the customer is, how long they have waited (since the
 * bot's hand-over line, not the last update — a customer typing while waiting keeps their place),
 * why the bot handed over, which complaint it became and who has it.
 */
function toStaffApi(r: StaffRow) {
  return {
    ...sessionToApi(r),
    customerName: r.customer_name,
    complaintNumber: r.complaint_number,
    agentName: r.agent_name,
    waitingSince: (r.waiting_since ?? r.updated_at).toISOString(),
  };
}
export type StaffChatDto = ReturnType<typeof toStaffApi>;

const SELECT = `
  select s.*, cu.name as customer_name, c.number as complaint_number, u.name as agent_name, h.created_at as waiting_since
    from chat_sessions s
    left join customers cu on cu.id = s.customer_id
    left join complaints c on c.id = s.complaint_id
    left join users u on u.id = s.agent_id
    left join lateral (select m.created_at from chat_messages m where m.session_id = s.id and m.seq = s.handover_upto_seq) h on true`;

/** Chats handed to people, the longest wait first. */
export async function listStaffSessions(db: Queryable, state?: 'waiting_for_agent' | 'with_agent'): Promise<StaffChatDto[]> {
  const rows = await db.query<StaffRow>(
    `${SELECT}
      where s.state in ('waiting_for_agent', 'with_agent') and ($1::text is null or s.state = $1)
      order by coalesce(h.created_at, s.updated_at), s.id limit 200`,
    [state ?? null],
  );
  return rows.map(toStaffApi);
}

export async function getStaffSession(db: Queryable, id: string): Promise<StaffChatDto | null> {
  const [row] = await db.query<StaffRow>(`${SELECT} where s.id = $1`, [id]);
  return row ? toStaffApi(row) : null;
}
