/**
 * Chat: many concurrent WebSocket sessions on one instance, and the message round trip —
 * a customer line sent until the bot's answer arrives (stored, answered from the knowledge
 * base, stored, delivered) — while all sessions stay connected. Also the ack time (line stored
 * and acknowledged). Load: a steady total message rate spread over the sessions, one message
 * in flight per session.
 */
import WebSocket from 'ws';
import { percentile, progress, round, withTarget, type Figure } from './report.js';
import type { ServerProcess } from './server-process.js';

export interface ChatOptions {
  database: 'postgres' | 'pglite';
  sessions: number;
  messages: number;
  ratePerSecond: number;
}

const TEXTS = ['退款多久到账', 'I was charged twice for one order', '你好', '商品运输中损坏', 'How long does a refund take?', '被重复扣款了怎么办'];

interface Client {
  ws: WebSocket;
  busy: boolean;
  sentAt: number;
  acked: boolean;
  n: number;
}

function connect(url: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const c: Client = { ws, busy: false, sentAt: 0, acked: false, n: 0 };
    const onMessage = (data: WebSocket.RawData) => {
      const f = JSON.parse((Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)).toString('utf8')) as { type: string };
      if (f.type === 'welcome') {
        ws.off('message', onMessage);
        resolve(c);
      } else if (f.type === 'error') reject(new Error(JSON.stringify(f)));
    };
    ws.on('message', onMessage);
    ws.once('error', reject);
  });
}

export async function runChat(server: ServerProcess, o: ChatOptions): Promise<Figure[]> {
  const url = `${server.baseUrl.replace(/^http/, 'ws')}/api/v1/chat/ws`;
  progress(`chat on ${o.database}: opening ${o.sessions} WebSocket sessions`);
  const t0 = performance.now();
  const clients: Client[] = [];
  // Open in batches so the server sees a burst, not a stampede of 1,000 handshakes at once.
  for (let i = 0; i < o.sessions; i += 50) {
    clients.push(...(await Promise.all(Array.from({ length: Math.min(50, o.sessions - i) }, () => connect(url)))));
  }
  const connectSeconds = (performance.now() - t0) / 1000;
  const rssConnected = server.rssMb();

  const rtts: number[] = [];
  const acks: number[] = [];
  let errors = 0;
  let sent = 0;
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  for (const c of clients) {
    c.ws.on('message', (data) => {
      const f = JSON.parse((Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)).toString('utf8')) as { type: string; message?: { sender: string } };
      if (!c.busy) return;
      if (f.type === 'ack' && !c.acked) {
        c.acked = true;
        acks.push(performance.now() - c.sentAt);
      } else if (f.type === 'message' && f.message?.sender === 'bot') {
        rtts.push(performance.now() - c.sentAt);
        c.busy = false;
        if (rtts.length + errors >= o.messages) done();
      } else if (f.type === 'error') {
        errors++;
        c.busy = false;
        if (rtts.length + errors >= o.messages) done();
      }
    });
    c.ws.on('close', () => {
      if (c.busy) errors++;
    });
  }

  progress(`chat on ${o.database}: ${o.messages} messages at ${o.ratePerSecond}/s over ${o.sessions} sessions`);
  const interval = 1000 / o.ratePerSecond;
  let next = 0;
  const startedAt = performance.now();
  const timer = setInterval(() => {
    const due = Math.floor((performance.now() - startedAt) / interval);
    while (sent < due && sent < o.messages) {
      // Round-robin over idle sessions: every session takes part.
      let c: Client | undefined;
      for (let k = 0; k < clients.length && !c; k++) {
        const cand = clients[(next + k) % clients.length]!;
        if (!cand.busy && cand.ws.readyState === WebSocket.OPEN) c = cand;
      }
      next = (next + 1) % clients.length;
      if (!c) break;
      c.busy = true;
      c.acked = false;
      c.sentAt = performance.now();
      c.ws.send(JSON.stringify({ type: 'message', text: TEXTS[(c.n++ + sent) % TEXTS.length], clientId: `b${sent}` }));
      sent++;
    }
    if (sent >= o.messages) clearInterval(timer);
  }, 5);
  const timeout = new Promise<void>((r) => setTimeout(r, Math.max(60_000, (o.messages / o.ratePerSecond) * 3000)));
  await Promise.race([finished, timeout]);
  clearInterval(timer);
  const seconds = (performance.now() - startedAt) / 1000;
  const open = clients.filter((c) => c.ws.readyState === WebSocket.OPEN).length;
  const rssLoaded = server.rssMb();
  for (const c of clients) c.ws.close();

  rtts.sort((a, b) => a - b);
  acks.sort((a, b) => a - b);
  const common = { database: o.database, sessions: o.sessions, messages: o.messages, ratePerSecond: o.ratePerSecond };
  const p = (v: number) => round(v, 2);
  return [
    withTarget({ name: `chat.${o.database}.concurrent_sessions`, value: open, unit: 'sessions', ...common, connectSeconds: round(connectSeconds, 2) }, '>=', 1000),
    withTarget({ name: `chat.${o.database}.round_trip_p95_ms`, value: p(percentile(rtts, 95)), unit: 'ms', ...common, p50: p(percentile(rtts, 50)), p99: p(percentile(rtts, 99)), max: p(rtts.at(-1) ?? NaN), answered: rtts.length }, '<=', 50),
    { name: `chat.${o.database}.ack_p95_ms`, value: p(percentile(acks, 95)), unit: 'ms', ...common, p50: p(percentile(acks, 50)), p99: p(percentile(acks, 99)) },
    { name: `chat.${o.database}.messages_per_second`, value: round(rtts.length / seconds, 1), unit: 'msg/s', ...common, errors, unanswered: o.messages - rtts.length - errors },
    { name: `chat.${o.database}.server_rss_mb`, value: round(rssLoaded ?? NaN, 1), unit: 'MB', ...common, rssConnectedMb: round(rssConnected ?? NaN, 1) },
  ];
}
