import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { AppError } from '../../errors.js';
import type { AppContext } from '../../http/context.js';
import { subscribe } from '../../realtime/bus.js';
import type { Principal } from '../auth/principal.js';
import { FRONT_LINE } from '../auth/require-role.js';
import { principalFromToken } from '../auth/sessions.js';
import { customerSession, openSession } from './chat-access.js';
import { ChatHub, MAX_FRAME_BYTES } from './chat-hub.js';
import { CHAT_LOCALES, type ChatLocale } from './chat-store.js';
import { WIDGET_JS } from './widget-script.js';

function refuse(socket: WebSocket, code: number, err: AppError): void {
  socket.send(JSON.stringify({ type: 'error', code: err.code, message: err.message }));
  socket.close(code, err.code);
}

/**
 * `GET /api/v1/chat/ws` — the chat WebSocket — and `GET /widget.js`, the embeddable widget.
 * Customers: `?session=<chat token>` to resume, or `?token=<customer session>` / nothing to
 * start (`&locale=en`). Agents: `?role=agent&token=<staff session>`. Browsers cannot set
 * headers on a WebSocket, hence tokens in the query.
 */
export async function registerChat(app: FastifyInstance, ctx: AppContext): Promise<ChatHub> {
  if (!app.hasDecorator('websocketServer')) {
    await app.register(fastifyWebsocket, { options: { maxPayload: MAX_FRAME_BYTES * 4 } });
  }
  const hub = new ChatHub(ctx, app.log);
  const unsubscribe = await subscribe(ctx.db, (m) => hub.onBus(m));
  app.addHook('preClose', async () => {
    hub.closeAll();
    await unsubscribe();
  });

  await app.register(async (scope) => {
    scope.get('/api/v1/chat/ws', { websocket: true }, (socket, req) => {
      // Frames sent before the session is settled are held, not lost.
      const early: Array<[RawData, boolean]> = [];
      const hold = (raw: RawData, isBinary: boolean) => early.push([raw, isBinary]);
      socket.on('message', hold);
      const q = req.query as Record<string, unknown>;
      const str = (k: string) => (typeof q[k] === 'string' ? (q[k]) : undefined);
      void (async () => {
        let principal: Principal | null = null;
        const token = str('token');
        if (token) {
          principal = await principalFromToken(ctx.db, token, ctx.clock.now());
          if (!principal) return refuse(socket, 4401, new AppError('unauthenticated', 'The token is unknown, expired or revoked.'));
        }
        if (str('role') === 'agent') {
          if (!principal) return refuse(socket, 4401, new AppError('unauthenticated'));
          if (principal.kind !== 'user' || !FRONT_LINE.includes(principal.role)) return refuse(socket, 4403, new AppError('forbidden', 'Your role may not take chats.'));
          socket.off('message', hold);
          hub.acceptAgent(socket, principal);
        } else {
          const locale: ChatLocale = (CHAT_LOCALES as readonly string[]).includes(str('locale') ?? '') ? (str('locale') as ChatLocale) : 'zh-CN';
          const resume = str('session');
          const sessionId = str('sessionId');
          const s = resume || sessionId
            ? await customerSession(ctx, principal, { sessionToken: resume, sessionId })
            : await openSession(ctx, principal, locale);
          socket.off('message', hold);
          await hub.acceptCustomer(socket, principal, s.id);
        }
        for (const [raw, isBinary] of early) socket.emit('message', raw, isBinary);
      })().catch((err: unknown) => {
        if (err instanceof AppError) return refuse(socket, err.status === 404 ? 4404 : 4400, err);
        app.log.error({ err }, 'chat connection failed');
        socket.close(1011, 'internal');
      });
    });
  });

  app.get('/widget.js', async (_req, reply) =>
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(WIDGET_JS));
  return hub;
}
