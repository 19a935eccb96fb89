import type { Queryable } from '../../db/database.js';
import { notifyStaff } from '../escalation/notify-staff.js';

/** "@wang.fang", "@wang.fang@corp.cn" or "@WangFang" (the name without spaces) after a space or at the start. */
const MENTION = /(?:^|[\s(（,，、])@([\p{L}\p{N}._+-]+(?:@[\p{L}\p{N}.-]+\.[\p{L}]{2,})?)/gu;

export function mentionTokens(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[1]!.toLowerCase()))].slice(0, 20);
}

/**
 * Resolves the @mentions of an internal note to active staff who may see the complaint and
 * notifies them, in the note's transaction. Returns who was notified (stored on the message).
 */
export async function notifyMentions(
  tx: Queryable,
  m: { complaintId: string; messageId: string; body: string; authorId: string; authorName: string; at: Date },
): Promise<string[]> {
  const tokens = mentionTokens(m.body);
  if (!tokens.length) return [];
  const rows = await tx.query<{ id: string }>(
    `select u.id from users u, complaints c
      where c.id = $2 and u.active and u.id <> $3
        and (lower(u.email) = any($1) or lower(split_part(u.email, '@', 1)) = any($1) or lower(replace(u.name, ' ', '')) = any($1))
        -- back-office staff only hear about complaints they can open
        and (u.role <> 'department_staff' or u.department_id = c.department_id
             or exists (select 1 from handoffs h where h.complaint_id = c.id and h.department_id = u.department_id
                          and h.status in ('open', 'acknowledged', 'answered')))`,
    [tokens, m.complaintId, m.authorId],
  );
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  await tx.query('update messages set mentions = $2 where id = $1', [m.messageId, ids]);
  await notifyStaff(tx, ids, {
    complaintId: m.complaintId, kind: 'mention', title: `${m.authorName} mentioned you`, body: m.body.slice(0, 280), at: m.at,
  });
  return ids;
}
