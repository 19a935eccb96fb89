import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { idParams } from '../../http/schemas.js';
import { FRONT_LINE, requireRole } from '../auth/require-role.js';
import { chatToken, customerSession, openSession } from './chat-access.js';
import { closeSession, joinSession, listHumanSessions, postAgentMessage, postCustomerMessage } from './chat-service.js';
import { agentMessageSchema, botMessageSchema, sessionListQuery } from './chat-schema.js';
import { listMessagesAfter } from './chat-store.js';
import { getStaffSession } from './chat-staff-queries.js';
import { notFound } from '../../errors.js';

export const chatRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/bot/messages', tag: 'chat', auth: 'public',
    summary: 'Service hall / chat: send a line to the bot (new session without sessionId/sessionToken); answers with the bot replies and a session token',
    body: botMessageSchema,
    handler: async ({ ctx, principal, body }) => {
      const s = body.sessionId || body.sessionToken
        ? await customerSession(ctx, principal, { sessionId: body.sessionId, sessionToken: body.sessionToken })
        : await openSession(ctx, principal, body.locale);
      const result = await postCustomerMessage(ctx, s.id, { text: body.text, clientId: body.clientId });
      return { ...result, sessionToken: chatToken(ctx, s.id) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/chat/sessions', tag: 'chat', auth: 'required',
    summary: 'Agents: chats handed over to people (waiting or with an agent)',
    query: sessionListQuery,
    handler: ({ ctx, principal, query }) => listHumanSessions(ctx, principal, query.state),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/chat/sessions/:id/messages', tag: 'chat', auth: 'required',
    summary: 'Agents: the transcript of a chat (bot turns included), after a seq for catching up live',
    params: idParams, query: z.object({ after: z.coerce.number().int().min(0).default(0) }),
    handler: async ({ ctx, principal, params, query }) => {
      requireRole(principal, FRONT_LINE, 'read chats');
      const s = await getStaffSession(ctx.db, params.id);
      if (!s) throw notFound('No such chat session.');
      return { session: s, items: await listMessagesAfter(ctx.db, s.id, query.after), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/chat/sessions/:id/join', tag: 'chat', auth: 'required',
    summary: 'Agents: take a handed-over chat (the customer sees who joined)',
    params: idParams,
    handler: ({ ctx, principal, params }) => joinSession(ctx, principal, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/chat/sessions/:id/messages', tag: 'chat', auth: 'required',
    summary: 'Agents: say something in the chat (also a public reply on its complaint)',
    params: idParams, body: agentMessageSchema, response: { status: 201 },
    handler: ({ ctx, principal, params, body }) => postAgentMessage(ctx, principal, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/chat/sessions/:id/close', tag: 'chat', auth: 'required',
    summary: 'Agents: end the chat',
    params: idParams,
    handler: ({ ctx, principal, params }) => closeSession(ctx, principal, params.id),
  }),
];
