import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { z } from 'zod';
import type { AppContext } from '../http/context.js';
import { principalFromToken } from '../modules/auth/sessions.js';
import { assertVisible } from '../modules/complaints/queries/get-complaint.js';
import { MAX_WATCHED_CHATS, mayFollowChats } from './chat-relay.js';
import { LiveHub, type LiveClient } from './live-hub.js';
import { rawText } from './raw-text.js';

const AUTH_TIMEOUT_MS = 10_000;
const RATE = { messages: 30, perMs: 10_000 };

const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auth'), token: z.string().min(1).max(200) }),
  z.object({ type: z.literal('presence'), complaintId: z.uuid(), state: z.enum(['viewing', 'typing', 'left']) }),
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('chat.watch'), sessionId: z.uuid(), watching: z.boolean() }),
]);

/** Follow (or stop following) a chat's messages: only for staff who answer chats, a bounded number at a time. */
function watchChat(client: LiveClient, sessionId: string, watching: boolean): void {
  if (!watching) {
    client.chats.delete(sessionId);
    return;
  }
  if (!mayFollowChats(client.principal.role)) {
    return sendFrame(client.socket, { type: 'error', code: 'forbidden', message: 'Your role may not follow chats.', sessionId });
  }
  if (!client.chats.has(sessionId) && client.chats.size >= MAX_WATCHED_CHATS) {
    return sendFrame(client.socket, { type: 'error', code: 'too_many', message: `Follow at most ${MAX_WATCHED_CHATS} chats at once.`, sessionId });
  }
  client.chats.add(sessionId);
  sendFrame(client.socket, { type: 'chat.watching', sessionId });
}

function sendFrame(socket: WebSocket, frame: Record<string, unknown>): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}

/**
 * GET /api/v1/live — the staff UI's live channel (WebSocket). The first frame must be
 * {"type":"auth","token":…} (tokens stay out of URLs and access logs). Then the server pushes
 * {"type":"complaint.changed",complaintId,types} for every committed change the user may see
 * (from any instance), and relays presence ({"type":"presence",complaintId,state}) between
 * people who have the same complaint open — the collision warning. Staff who answer chats
 * hear when chats are handed over, joined or closed, and ({"type":"chat.watch",sessionId,
 * watching}) of new messages in the chats they have open (chat-relay.ts).
 */
export function registerLiveRoute(app: FastifyInstance, ctx: AppContext, hub: LiveHub): void {
  app.get('/api/v1/live', { websocket: true }, (socket) => {
    let client: LiveClient | null = null;
    let windowStart = Date.now();
    let inWindow = 0;
    const authTimer = setTimeout(() => {
      sendFrame(socket, { type: 'error', code: 'unauthenticated', message: 'Send {"type":"auth","token":…} first.' });
      socket.close(4401, 'unauthenticated');
    }, AUTH_TIMEOUT_MS);

    const handle = async (raw: RawData) => {
      const now = Date.now();
      if (now - windowStart > RATE.perMs) {
        windowStart = now;
        inWindow = 0;
      }
      if (++inWindow > RATE.messages) return sendFrame(socket, { type: 'error', code: 'rate_limited' });
      let parsed: z.infer<typeof clientMessage>;
      try {
        parsed = clientMessage.parse(JSON.parse(rawText(raw)));
      } catch {
        return sendFrame(socket, { type: 'error', code: 'bad_message' });
      }
      if (parsed.type === 'ping') return sendFrame(socket, { type: 'pong' });
      if (parsed.type === 'auth') {
        if (client) return sendFrame(socket, { type: 'error', code: 'already_authenticated' });
        const principal = await principalFromToken(ctx.db, parsed.token, ctx.clock.now());
        clearTimeout(authTimer);
        if (!principal) {
          sendFrame(socket, { type: 'error', code: 'unauthenticated' });
          return socket.close(4401, 'unauthenticated');
        }
        if (principal.kind !== 'user') {
          sendFrame(socket, { type: 'error', code: 'forbidden', message: 'The live channel is for staff.' });
          return socket.close(4403, 'forbidden');
        }
        client = { id: randomUUID(), socket, principal, viewing: new Set(), chats: new Set() };
        hub.add(client);
        return sendFrame(socket, { type: 'ready', userId: principal.userId });
      }
      if (!client) return sendFrame(socket, { type: 'error', code: 'unauthenticated' });
      if (parsed.type === 'chat.watch') return watchChat(client, parsed.sessionId, parsed.watching);
      // Presence names a complaint: only for complaints this person may see (no probing).
      try {
        await assertVisible(ctx.db, client.principal, parsed.complaintId);
      } catch {
        return sendFrame(socket, { type: 'error', code: 'not_found', complaintId: parsed.complaintId });
      }
      const first = parsed.state === 'viewing' && !client.viewing.has(parsed.complaintId);
      await hub.announce(client, parsed.complaintId, parsed.state, first);
    };

    socket.on('message', (raw) => {
      handle(raw).catch((err: unknown) => {
        app.log.error({ err }, 'live channel message failed');
        sendFrame(socket, { type: 'error', code: 'internal' });
      });
    });
    socket.on('close', () => {
      clearTimeout(authTimer);
      if (client) hub.remove(client);
    });
  });
}
