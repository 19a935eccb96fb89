import { z } from 'zod';
import { defineRoute } from '../../../http/define-route.js';
import { text } from '../../../http/schemas.js';
import { actorOf } from '../../auth/principal.js';
import { FRONT_LINE, requireRole } from '../../auth/require-role.js';
import { addMessage } from '../../complaints/commands/add-message.js';
import { LIMITS } from '../../complaints/complaint-schema.js';
import { complaintRefParams, resolveComplaintRef } from '../../complaints/complaint-ref.js';
import { appendEvent } from '../../events/append-event.js';

export const CALL_OUTCOMES = ['resolved', 'information_given', 'callback_promised', 'escalated', 'voicemail', 'no_answer', 'other'] as const;
/** An outbound call that reached nobody is not a response to the customer. */
const UNREACHED = new Set<string>(['voicemail', 'no_answer']);

export const callLogSchema = z.object({
  direction: z.enum(['inbound', 'outbound']),
  notes: text(LIMITS.message),
  durationSeconds: z.number().int().min(0).max(24 * 3600),
  outcome: z.enum(CALL_OUTCOMES),
}).strict();

/**
 * An agent logs a phone call as a message of the complaint (channel phone, call details in its
 * metadata) plus a `call.logged` event. What the customer said on an inbound call is their
 * message (it resumes a complaint waiting for them); an outbound call that reached them is a
 * reply (it counts as the first response); one that did not is an internal note.
 * A complaint opened by phone is created with POST /api/v1/complaints {channel: "phone", …}.
 */
export const callRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/complaints/:id/calls', tag: 'complaints', auth: 'required',
    summary: 'Log a phone call (notes, duration, outcome) as a message of the complaint',
    params: complaintRefParams, body: callLogSchema, response: { status: 201 },
    async handler({ ctx, principal, params, body }) {
      const user = requireRole(principal, FRONT_LINE, 'log calls');
      const id = await resolveComplaintRef(ctx.db, params.id);
      const kind = body.direction === 'inbound' ? 'customer' : UNREACHED.has(body.outcome) ? 'internal_note' : 'public_reply';
      const call = { direction: body.direction, durationSeconds: body.durationSeconds, outcome: body.outcome, loggedBy: user.userId };
      const msg = await addMessage(ctx, principal, id, { kind, body: body.notes, channel: 'phone' }, {
        async inTransaction(tx, ids) {
          await tx.query('update messages set metadata = $2 where id = $1', [ids.messageId, { call }]);
          await appendEvent(tx, {
            complaintId: ids.complaintId, type: 'call.logged', actor: actorOf(principal), at: ctx.clock.now(),
            data: { messageId: ids.messageId, direction: body.direction, durationSeconds: body.durationSeconds, outcome: body.outcome },
          });
        },
      });
      return { ...msg, metadata: { call } };
    },
  }),
];
