import { z } from 'zod';
import { decodeCursor, encodeCursor, timeIdCursor } from '../../../http/cursor.js';
import { defineRoute } from '../../../http/define-route.js';
import { idParams, limitParam } from '../../../http/schemas.js';
import { AppError, notFound } from '../../../errors.js';
import { requireRole } from '../../auth/require-role.js';
import { processInboundEmail } from './process-inbound-email.js';

interface InboundRow {
  id: string; transport: string; envelope_from: string | null; envelope_to: string[]; remote_address: string | null; size: number;
  status: string; attempts: number; error: string | null; message_id_header: string | null; complaint_id: string | null;
  message_id: string | null; received_at: Date; processed_at: Date | null;
}

const COLUMNS = `id, transport, envelope_from, envelope_to, remote_address, size, status, attempts, error, message_id_header,
  complaint_id, message_id, received_at, processed_at`;

function toApi(r: InboundRow) {
  return {
    id: r.id, transport: r.transport, envelopeFrom: r.envelope_from, envelopeTo: r.envelope_to, remoteAddress: r.remote_address,
    size: r.size, status: r.status, attempts: r.attempts, error: r.error, emailMessageId: r.message_id_header,
    complaintId: r.complaint_id, messageId: r.message_id, receivedAt: r.received_at.toISOString(), processedAt: r.processed_at?.toISOString() ?? null,
  };
}

/** Admins see every inbound mail and its fate; `?status=failed` is the dead-letter queue. */
export const inboundEmailRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/admin/inbound-emails', tag: 'channels', auth: 'required',
    summary: 'Inbound mail as received (?status=failed lists the dead letters)',
    query: z.object({
      status: z.enum(['received', 'processed', 'duplicate', 'failed']).optional(), limit: limitParam, cursor: z.string().max(500).optional(),
    }).strict(),
    async handler({ ctx, principal, query }) {
      requireRole(principal, ['admin'], 'read inbound mail');
      const params: unknown[] = [];
      const where: string[] = [];
      if (query.status) where.push(`status = $${params.push(query.status)}`);
      if (query.cursor) {
        const [t, id] = decodeCursor(query.cursor, timeIdCursor);
        where.push(`(received_at, id) < ($${params.push(t)}, $${params.push(id)})`);
      }
      const rows = await ctx.db.query<InboundRow>(
        `select ${COLUMNS} from inbound_emails ${where.length ? `where ${where.join(' and ')}` : ''}
          order by received_at desc, id desc limit ${query.limit + 1}`, params as never);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return { items: page.map(toApi), nextCursor: rows.length > query.limit && last ? encodeCursor([last.received_at.toISOString(), last.id]) : null };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/admin/inbound-emails/:id/raw', tag: 'channels', auth: 'required',
    summary: 'The message exactly as received (message/rfc822, as a download: never rendered)', params: idParams,
    async handler({ ctx, principal, params, reply }) {
      requireRole(principal, ['admin'], 'read inbound mail');
      const [row] = await ctx.db.query<{ raw: Uint8Array }>('select raw from inbound_emails where id = $1', [params.id]);
      if (!row) throw notFound('No such inbound email.');
      return reply
        .header('content-type', 'message/rfc822')
        .header('content-disposition', `attachment; filename="${params.id}.eml"`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(row.raw));
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/admin/inbound-emails/:id/retry', tag: 'channels', auth: 'required',
    summary: 'Process a dead letter again (after fixing what made it fail)', params: idParams,
    async handler({ ctx, principal, params }) {
      requireRole(principal, ['admin'], 'retry inbound mail');
      const [row] = await ctx.db.query<{ status: string }>(
        `update inbound_emails set status = 'received', error = null where id = $1 and status = 'failed' returning status`, [params.id]);
      if (!row) {
        const [exists] = await ctx.db.query('select 1 from inbound_emails where id = $1', [params.id]);
        if (!exists) throw notFound('No such inbound email.');
        throw new AppError('conflict', 'Only failed inbound mail can be retried.');
      }
      const outcome = await processInboundEmail(ctx, params.id);
      const [after] = await ctx.db.query<InboundRow>(`select ${COLUMNS} from inbound_emails where id = $1`, [params.id]);
      return { ...toApi(after!), outcome: outcome.status };
    },
  }),
];
