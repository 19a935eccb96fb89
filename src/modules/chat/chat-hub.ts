import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { AppContext } from '../../http/context.js';
import type { BusMessage } from '../../realtime/bus.js';
import type { Principal } from '../auth/principal.js';
import { chatToken } from './chat-access.js';
import { joinSession, postAgentMessage, postCustomerMessage } from './chat-service.js';
import { chatText, clientIdSchema } from './chat-schema.js';
import { getSession, listMessagesAfter, sessionToApi, type ChatMessageDto } from './chat-store.js';
import { RateWindow } from './rate-window.js';

/** Raw frame limit, checked before parsing (the socket itself refuses anything over maxPayload). */
export const MAX_FRAME_BYTES = 16 * 1024;

const customerFrame = z.object({ type: z.literal('message'), text: chatText, clientId: clientIdSchema.optional() });
const agentFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('join'), sessionId: z.uuid() }),
  z.object({ type: z.literal('message'), sessionId: z.uuid(), text: chatText, clientId: clientIdSchema.optional() }),
]);

interface Conn {
  socket: WebSocket;
  role: 'customer' | 'agent';
  principal: Principal | null;
  /** Highest message seq this connection has been sent, per session it follows. */
  lastSeq: Map<string, number>;
  limiter: RateWindow;
  /** Frames of one connection are handled one after another, in order. */
  queue: Promise<void>;
}

type Frame = Record<string, unknown> & { type: string };

function send(c: Conn, frame: Frame): void {
  if (c.socket.readyState === c.socket.OPEN) c.socket.send(JSON.stringify(frame));
}

function errorFrame(err: unknown, clientId?: unknown): Frame {
  if (err instanceof AppError) return { type: 'error', code: err.code, message: err.message, ...(clientId ? { clientId } : {}) };
  return { type: 'error', code: 'internal', message: 'Something went wrong on our side.', ...(clientId ? { clientId } : {}) };
}

/**
 * The live side of chat on one instance: which sockets follow which session, and delivery of
 * new messages to them. Messages reach a socket by seq order from the database, whether they
 * were written here (delivered at once) or on another instance (announced on the bus) — so a
 * customer on instance A and an agent on instance B see the same conversation.
 */
export class ChatHub {
  private readonly followers = new Map<string, Set<Conn>>();
  private readonly agents = new Set<Conn>();
  private readonly delivering = new Map<string, Promise<void>>();

  constructor(private readonly ctx: AppContext, private readonly log: FastifyBaseLogger) {}

  async acceptCustomer(socket: WebSocket, principal: Principal | null, sessionId: string): Promise<void> {
    const c = this.conn(socket, 'customer', principal);
    const session = (await getSession(this.ctx.db, sessionId))!;
    const history = await listMessagesAfter(this.ctx.db, sessionId, 0);
    this.follow(c, sessionId, history.at(-1)?.seq ?? 0);
    send(c, { type: 'welcome', session: sessionToApi(session), sessionToken: chatToken(this.ctx, sessionId), messages: history });
    socket.on('message', (raw, isBinary) => this.enqueue(c, raw, isBinary, (frame) => this.onCustomerFrame(c, sessionId, frame)));
  }

  acceptAgent(socket: WebSocket, principal: Principal): void {
    const c = this.conn(socket, 'agent', principal);
    this.agents.add(c);
    send(c, { type: 'welcome', role: 'agent' });
    socket.on('message', (raw, isBinary) => this.enqueue(c, raw, isBinary, (frame) => this.onAgentFrame(c, frame)));
  }

  private conn(socket: WebSocket, role: Conn['role'], principal: Principal | null): Conn {
    const c: Conn = {
      socket, role, principal, lastSeq: new Map(), queue: Promise.resolve(),
      limiter: new RateWindow(this.ctx.config.CHAT_RATE_LIMIT, this.ctx.config.CHAT_RATE_WINDOW_MS),
    };
    socket.on('close', () => this.drop(c));
    socket.on('error', (err) => this.log.warn({ err }, 'chat socket error'));
    return c;
  }

  private follow(c: Conn, sessionId: string, seq: number): void {
    c.lastSeq.set(sessionId, Math.max(seq, c.lastSeq.get(sessionId) ?? 0));
    let set = this.followers.get(sessionId);
    if (!set) this.followers.set(sessionId, (set = new Set()));
    set.add(c);
  }

  private drop(c: Conn): void {
    this.agents.delete(c);
    for (const sessionId of c.lastSeq.keys()) {
      const set = this.followers.get(sessionId);
      set?.delete(c);
      if (set && !set.size) this.followers.delete(sessionId);
    }
  }

  /**
   * Flood control and framing happen before anything is stored: a refused frame gets an error
   * frame naming its clientId (the sender knows it was not taken); an accepted one is stored
   * before it is acknowledged.
   */
  private enqueue(c: Conn, raw: unknown, isBinary: boolean, handle: (frame: Frame) => Promise<void>): void {
    const buf = Buffer.isBuffer(raw) ? raw : Array.isArray(raw) ? Buffer.concat(raw as Buffer[]) : Buffer.from(raw as ArrayBuffer);
    if (isBinary) return send(c, { type: 'error', code: 'bad_request', message: 'Send JSON text frames.' });
    if (buf.length > MAX_FRAME_BYTES) return send(c, { type: 'error', code: 'payload_too_large', message: `Frames are limited to ${MAX_FRAME_BYTES} bytes.` });
    let frame: unknown;
    try {
      frame = JSON.parse(buf.toString('utf8'));
    } catch {
      return send(c, { type: 'error', code: 'invalid_json', message: 'The frame is not valid JSON.' });
    }
    if (!frame || typeof frame !== 'object' || typeof (frame as Frame).type !== 'string') {
      return send(c, { type: 'error', code: 'bad_request', message: 'A frame is a JSON object with a type.' });
    }
    const f = frame as Frame;
    if (f.type === 'ping') return send(c, { type: 'pong' });
    if (!c.limiter.tryTake()) {
      return send(c, { type: 'error', code: 'rate_limited', message: 'Too many messages; wait a few seconds.', ...(f.clientId ? { clientId: f.clientId } : {}) });
    }
    c.queue = c.queue.then(() => handle(f)).catch((err: unknown) => {
      if (!(err instanceof AppError)) this.log.error({ err }, 'chat frame failed');
      send(c, errorFrame(err, f.clientId));
    });
  }

  private async onCustomerFrame(c: Conn, sessionId: string, frame: Frame): Promise<void> {
    const parsed = customerFrame.safeParse(frame);
    if (!parsed.success) throw new AppError('validation_failed', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const result = await postCustomerMessage(this.ctx, sessionId, { text: parsed.data.text, clientId: parsed.data.clientId });
    const own = result.messages[0]!;
    send(c, { type: 'ack', clientId: parsed.data.clientId ?? null, id: own.id, seq: own.seq, duplicate: result.duplicate });
    await this.deliver(sessionId);
  }

  private async onAgentFrame(c: Conn, frame: Frame): Promise<void> {
    const parsed = agentFrame.safeParse(frame);
    if (!parsed.success) throw new AppError('validation_failed', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const f = parsed.data;
    if (f.type === 'join') {
      const { session } = await joinSession(this.ctx, c.principal!, f.sessionId);
      const history = await listMessagesAfter(this.ctx.db, f.sessionId, 0);
      this.follow(c, f.sessionId, history.at(-1)?.seq ?? 0);
      send(c, { type: 'joined', session, messages: history });
      await this.deliver(f.sessionId);
      return;
    }
    const message = await postAgentMessage(this.ctx, c.principal!, f.sessionId, { text: f.text, clientId: f.clientId });
    if (!c.lastSeq.has(f.sessionId)) this.follow(c, f.sessionId, message.seq - 1);
    send(c, { type: 'ack', clientId: f.clientId ?? null, id: message.id, seq: message.seq, duplicate: false });
    await this.deliver(f.sessionId);
  }

  /** A bus message from any instance (this one included). */
  onBus(m: BusMessage): void {
    const sessionId = typeof m.sessionId === 'string' ? m.sessionId : null;
    if (!sessionId) return;
    if (m.topic === 'chat.message') {
      const set = this.followers.get(sessionId);
      if (!set) return;
      const seq = Number(m.seq);
      // Delivered already (written on this instance): nothing to fetch.
      if ([...set].every((c) => (c.lastSeq.get(sessionId) ?? 0) >= seq)) return;
      this.deliver(sessionId).catch((err: unknown) => this.log.error({ err }, 'chat delivery failed'));
    } else if (m.topic === 'chat.session') {
      void this.announceSession(sessionId).catch((err: unknown) => this.log.error({ err }, 'chat state delivery failed'));
    }
  }

  private async announceSession(sessionId: string): Promise<void> {
    const s = await getSession(this.ctx.db, sessionId);
    if (!s) return;
    const frame = { type: 'session', session: sessionToApi(s) };
    for (const c of this.followers.get(sessionId) ?? []) send(c, frame);
    // Agents not yet in the chat learn that one is waiting.
    for (const c of this.agents) if (!c.lastSeq.has(sessionId)) send(c, frame);
  }

  /** Sends every follower of a session the messages it has not had yet; one delivery per session at a time. */
  deliver(sessionId: string): Promise<void> {
    const prior = this.delivering.get(sessionId) ?? Promise.resolve();
    const next = prior.then(async () => {
      const set = this.followers.get(sessionId);
      if (!set?.size) return;
      const from = Math.min(...[...set].map((c) => c.lastSeq.get(sessionId) ?? 0));
      const messages: ChatMessageDto[] = await listMessagesAfter(this.ctx.db, sessionId, from);
      for (const c of set) {
        const seen = c.lastSeq.get(sessionId) ?? 0;
        for (const message of messages) if (message.seq > seen) send(c, { type: 'message', message });
        if (messages.length) c.lastSeq.set(sessionId, Math.max(seen, messages.at(-1)!.seq));
      }
    });
    const settled = next.catch(() => undefined);
    this.delivering.set(sessionId, settled);
    void settled.then(() => {
      if (this.delivering.get(sessionId) === settled) this.delivering.delete(sessionId);
    });
    return next;
  }

  closeAll(): void {
    for (const set of this.followers.values()) for (const c of set) c.socket.close(1001, 'server shutting down');
    for (const c of this.agents) c.socket.close(1001, 'server shutting down');
  }
}
