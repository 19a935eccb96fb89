import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { AppContext } from '../../http/context.js';
import { subscribe } from '../../realtime/bus.js';
import { principalFromToken } from '../auth/sessions.js';
import { noticeToCustomerApi, type NoticeRow } from './notice-row.js';

/** How long a socket may stay silent before it proves who it is. */
const AUTH_TIMEOUT_MS = 10_000;

/**
 * `GET /api/v1/portal/live` (WebSocket): in-app notices pushed to the customer's open service
 * hall. The customer session token comes as `?token=` or as the first message
 * `{"type":"auth","token":"…"}`. Notices are announced on the realtime bus when they are
 * delivered on any instance; each instance forwards them to its own sockets of that
 * customer, re-reading the notice under the customer's id (never another's).
 */
export async function registerPortalLive(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const sockets = new Map<string, Set<WebSocket>>();

  const unsubscribe = await subscribe(ctx.db, (m) => {
    if (m.topic !== 'notice.created' || typeof m.customerId !== 'string' || typeof m.noticeId !== 'string') return;
    const mine = sockets.get(m.customerId);
    if (!mine?.size) return;
    void ctx.db
      .query<NoticeRow>(
        `select n.*, c.number from notices n join complaints c on c.id = n.complaint_id
          where n.id = $1 and n.customer_id = $2 and n.channel = 'in_app' and n.status = 'sent'`,
        [m.noticeId, m.customerId],
      )
      .then(([row]) => {
        if (!row) return;
        const frame = JSON.stringify({ type: 'notice', notice: noticeToCustomerApi(row) });
        for (const s of mine) if (s.readyState === s.OPEN) s.send(frame);
      }, (err: unknown) => app.log.error({ err }, 'portal live: could not load a notice'));
  });
  app.addHook('onClose', async () => {
    await unsubscribe();
    for (const set of sockets.values()) for (const s of set) s.close(1001, 'server stopping');
  });

  app.get('/api/v1/portal/live', { websocket: true }, (socket, req) => {
    let customerId: string | null = null;
    const refuse = (reason: string) => {
      socket.send(JSON.stringify({ type: 'error', code: 'unauthenticated', message: reason }));
      socket.close(4401, 'unauthenticated');
    };
    const authenticate = async (token: string) => {
      const p = await principalFromToken(ctx.db, token, ctx.clock.now());
      if (!p || p.kind !== 'customer') return refuse('A customer session token is required.');
      customerId = p.customerId;
      clearTimeout(timer);
      const set = sockets.get(customerId) ?? new Set<WebSocket>();
      set.add(socket);
      sockets.set(customerId, set);
      socket.send(JSON.stringify({ type: 'ready' }));
    };
    const timer = setTimeout(() => refuse('Send {"type":"auth","token":"…"} first.'), AUTH_TIMEOUT_MS);
    socket.on('close', () => {
      clearTimeout(timer);
      if (customerId) sockets.get(customerId)?.delete(socket);
    });
    socket.on('message', (raw, isBinary) => {
      if (customerId) return; // nothing else to say to us; pushes go one way
      if (isBinary) return refuse('Messages are JSON text.');
      let msg: unknown;
      try {
        msg = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.concat(Array.isArray(raw) ? raw : [Buffer.from(raw)]).toString('utf8'));
      } catch {
        return refuse('Messages are JSON.');
      }
      const token = (msg as { type?: unknown; token?: unknown }).token;
      if ((msg as { type?: unknown }).type !== 'auth' || typeof token !== 'string') return refuse('Send {"type":"auth","token":"…"} first.');
      authenticate(token).catch((err: unknown) => {
        app.log.error({ err }, 'portal live: sign-in failed');
        refuse('Sign-in failed.');
      });
    });
    const query = req.query as { token?: unknown };
    if (typeof query.token === 'string') {
      authenticate(query.token).catch((err: unknown) => {
        app.log.error({ err }, 'portal live: sign-in failed');
        refuse('Sign-in failed.');
      });
    }
  });
}
