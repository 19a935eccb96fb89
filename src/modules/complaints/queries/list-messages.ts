import type { Queryable } from '../../../db/database.js';
import type { Principal } from '../../auth/principal.js';
import { messageMetadataFor } from '../../customers/contact-visibility.js';

interface MessageRow {
  id: string;
  complaint_id: string;
  kind: 'customer' | 'public_reply' | 'internal_note';
  channel: string;
  author_kind: 'customer' | 'user' | 'system' | 'bot';
  author_id: string | null;
  author_name: string | null;
  body: string;
  attachments: unknown[];
  mentions: string[];
  /** Channel details: email headers, call direction/duration/outcome, webhook source. */
  metadata: Record<string, unknown> | null;
  created_at: Date;
}

const SELECT = `
  select m.*, coalesce(u.name, cu.name) as author_name
    from messages m
    left join users u on m.author_kind = 'user' and u.id = m.author_id
    left join customers cu on m.author_kind = 'customer' and cu.id = m.author_id`;

function toApi(r: MessageRow) {
  return {
    id: r.id,
    complaintId: r.complaint_id,
    kind: r.kind,
    channel: r.channel,
    author: { kind: r.author_kind, id: r.author_id, name: r.author_name },
    body: r.body,
    attachments: r.attachments,
    // staff asked in an internal note (@name); empty on customer-visible messages
    mentions: r.mentions ?? [],
    metadata: r.metadata ?? {},
    createdAt: r.created_at.toISOString(),
  };
}
export type MessageDto = ReturnType<typeof toApi>;

/** Internal notes stay behind the line of visibility: customers never get them. */
export async function listMessages(db: Queryable, p: Principal, complaintId: string): Promise<MessageDto[]> {
  const rows = await db.query<MessageRow>(
    // Messages of complaints merged into this one are part of its conversation.
    `${SELECT} where (m.complaint_id = $1 or m.complaint_id in (select id from complaints where merged_into_id = $1))
        ${p.kind === 'customer' ? "and m.kind <> 'internal_note'" : ''}
      order by m.created_at, m.seq`,
    [complaintId],
  );
  // Back-office staff do not get the customer's address from email headers.
  return rows.map((r) => ({ ...toApi(r), metadata: messageMetadataFor(p, r.metadata ?? {}) }));
}

export async function getMessage(db: Queryable, _p: Principal, id: string): Promise<MessageDto> {
  const [row] = await db.query<MessageRow>(`${SELECT} where m.id = $1`, [id]);
  return toApi(row!);
}
