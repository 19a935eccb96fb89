import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { complaintRefParams, resolveComplaintRef } from './complaint-ref.js';
import { AppError } from '../../errors.js';
import { listEvents } from '../events/append-event.js';
import { eventsFor } from '../customers/contact-visibility.js';
import { LANES } from '../events/event-types.js';
import { addMessage } from './commands/add-message.js';
import { changeStatus } from './commands/change-status.js';
import { createComplaint } from './commands/create-complaint.js';
import { updateComplaint } from './commands/update-complaint.js';
import { complaintPatchSchema, createComplaintSchema, messageInputSchema, statusChangeSchema } from './complaint-schema.js';
import { assertVisible, getComplaint } from './queries/get-complaint.js';
import { listComplaints, listComplaintsQuery } from './queries/list-complaints.js';
import { listMessages } from './queries/list-messages.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
/** Lanes a customer sees: their own actions, the visible contact and what they were sent. */
const CUSTOMER_LANES = ['customer', 'frontstage', 'evidence'] as const;

export const complaintRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/complaints', tag: 'complaints', auth: 'required',
    summary: 'Take in a complaint from any channel (honours Idempotency-Key)',
    body: createComplaintSchema,
    response: { status: 201 },
    async handler({ ctx, principal, body, req, reply }) {
      const key = req.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
        throw new AppError('validation_failed', 'Idempotency-Key must be 1–200 visible ASCII characters.', [
          { path: 'headers.idempotency-key', message: 'invalid' },
        ]);
      }
      const { complaint, replayed } = await createComplaint(ctx, principal, body, key);
      if (replayed) void reply.header('idempotent-replayed', 'true');
      return complaint;
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/complaints', tag: 'complaints', auth: 'required',
    summary: 'List complaints with filters, text search, cursor pages; sort=urgency orders by the nearest SLA due time',
    query: listComplaintsQuery,
    handler: ({ ctx, principal, query }) => listComplaints(ctx, principal, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/complaints/:id', tag: 'complaints', auth: 'required',
    summary: 'One complaint with its SLA clocks; include=events adds the event timeline (one round trip for the complaint view)',
    params: complaintRefParams,
    query: z.object({ include: z.enum(['events']).optional() }).strict(),
    async handler({ ctx, principal, params, query }) {
      const id = await resolveComplaintRef(ctx.db, params.id);
      if (query.include !== 'events') return getComplaint(ctx, principal, id);
      // Both reads at once; the events are only returned if the complaint itself is visible.
      const [complaint, events] = await Promise.all([
        getComplaint(ctx, principal, id),
        listEvents(ctx.db, id, principal.kind === 'customer' ? CUSTOMER_LANES : undefined),
      ]);
      return { ...complaint, events: eventsFor(principal, events) };
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/complaints/:id', tag: 'complaints', auth: 'required',
    summary: 'Change assignee, severity, category, department or tags (each an event)',
    params: complaintRefParams, body: complaintPatchSchema,
    handler: async ({ ctx, principal, params, body }) => updateComplaint(ctx, principal, await resolveComplaintRef(ctx.db, params.id), body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/complaints/:id/status', tag: 'complaints', auth: 'required',
    summary: 'Move the complaint through its lifecycle (409 invalid_transition when not allowed)',
    params: complaintRefParams, body: statusChangeSchema,
    handler: async ({ ctx, principal, params, body }) => changeStatus(ctx, principal, await resolveComplaintRef(ctx.db, params.id), body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/complaints/:id/messages', tag: 'complaints', auth: 'required',
    summary: 'The conversation (customers do not see internal notes)',
    params: complaintRefParams,
    async handler({ ctx, principal, params }) {
      const id = await resolveComplaintRef(ctx.db, params.id);
      await assertVisible(ctx.db, principal, id);
      return { items: await listMessages(ctx.db, principal, id), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/complaints/:id/messages', tag: 'complaints', auth: 'required',
    summary: 'Post a public reply, an internal note, or a customer message',
    params: complaintRefParams, body: messageInputSchema,
    response: { status: 201 },
    handler: async ({ ctx, principal, params, body }) => addMessage(ctx, principal, await resolveComplaintRef(ctx.db, params.id), body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/complaints/:id/events', tag: 'complaints', auth: 'required',
    summary: 'The event timeline in time order (customers see their own, frontstage and evidence lanes)',
    params: complaintRefParams,
    query: z.object({ lane: z.enum(LANES).optional() }).strict(),
    async handler({ ctx, principal, params, query }) {
      const id = await resolveComplaintRef(ctx.db, params.id);
      await assertVisible(ctx.db, principal, id);
      let lanes: readonly (typeof LANES)[number][] | undefined = principal.kind === 'customer' ? CUSTOMER_LANES : undefined;
      if (query.lane) lanes = (lanes ?? LANES).filter((l) => l === query.lane);
      return { items: eventsFor(principal, await listEvents(ctx.db, id, lanes)), nextCursor: null };
    },
  }),
];
