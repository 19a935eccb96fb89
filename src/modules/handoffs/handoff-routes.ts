import { defineRoute } from '../../http/define-route.js';
import { complaintRefParams, resolveComplaintRef } from '../complaints/complaint-ref.js';
import { acknowledgeHandoff } from './commands/acknowledge-handoff.js';
import { answerHandoff } from './commands/answer-handoff.js';
import { cancelHandoff } from './commands/cancel-handoff.js';
import { passHandoff } from './commands/pass-handoff.js';
import { requestHandoff } from './commands/request-handoff.js';
import { returnHandoff } from './commands/return-handoff.js';
import {
  answerHandoffSchema, cancelHandoffSchema, handoffIdParams, listHandoffsQuery, passHandoffSchema, requestHandoffSchema, returnHandoffSchema,
} from './handoff-schema.js';
import { getHandoff } from './queries/get-handoff.js';
import { listHandoffs } from './queries/list-handoffs.js';

export const handoffRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/complaints/:id/handoffs', tag: 'handoffs', auth: 'required',
    summary: 'Hand the complaint to a department as a task with its forward and answer deadlines (422 unknown department)',
    params: complaintRefParams, body: requestHandoffSchema,
    response: { status: 201 },
    handler: async ({ ctx, principal, params, body }) => requestHandoff(ctx, principal, await resolveComplaintRef(ctx.db, params.id), body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/handoffs', tag: 'handoffs', auth: 'required',
    summary: 'The department queue: hand-off tasks by nearest deadline (department staff see their own department)',
    query: listHandoffsQuery,
    handler: ({ ctx, principal, query }) => listHandoffs(ctx, principal, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/handoffs/:id', tag: 'handoffs', auth: 'required',
    summary: 'One hand-off task',
    params: handoffIdParams,
    handler: ({ ctx, principal, params }) => getHandoff(ctx, principal, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/handoffs/:id/acknowledge', tag: 'handoffs', auth: 'required',
    summary: 'The department picks the task up (meets the forward deadline)',
    params: handoffIdParams,
    handler: ({ ctx, principal, params }) => acknowledgeHandoff(ctx, principal, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/handoffs/:id/answer', tag: 'handoffs', auth: 'required',
    summary: 'The department answers; the case returns to the front-line owner (409 when already answered or cancelled)',
    params: handoffIdParams, body: answerHandoffSchema,
    handler: ({ ctx, principal, params, body }) => answerHandoff(ctx, principal, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/handoffs/:id/cancel', tag: 'handoffs', auth: 'required',
    summary: 'The front line takes the task back',
    params: handoffIdParams, body: cancelHandoffSchema,
    handler: ({ ctx, principal, params, body }) => cancelHandoff(ctx, principal, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/handoffs/:id/pass', tag: 'handoffs', auth: 'required',
    summary: 'The department passes its task to another department: this task ends as passed, a new one opens there with that department\'s deadlines (422 unknown or same department, 409 when no longer open)',
    params: handoffIdParams, body: passHandoffSchema,
    handler: ({ ctx, principal, params, body }) => passHandoff(ctx, principal, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/handoffs/:id/return', tag: 'handoffs', auth: 'required',
    summary: 'The department gives the task back to the front line unanswered (note required); the owner is notified (409 when no longer open)',
    params: handoffIdParams, body: returnHandoffSchema,
    handler: ({ ctx, principal, params, body }) => returnHandoff(ctx, principal, params.id, body),
  }),
];
