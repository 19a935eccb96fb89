import WebSocket from 'ws';
import { rawText } from './raw-text.js';

/**
 * A real WebSocket client for tests and benchmarks of the live channel: connects, signs in
 * with the first frame, keeps every frame it receives and waits for the one you expect.
 */
export interface LiveSocket {
  frames: Array<Record<string, unknown>>;
  send(frame: Record<string, unknown>): void;
  next(match: (f: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  closed: Promise<{ code: number }>;
  close(): void;
}

export async function openLiveSocket(baseUrl: string, token: string | null, path = '/api/v1/live'): Promise<LiveSocket> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${path}`);
  const frames: Array<Record<string, unknown>> = [];
  const waiters = new Set<() => void>();
  ws.on('message', (raw) => {
    frames.push(JSON.parse(rawText(raw)) as Record<string, unknown>);
    for (const w of waiters) w();
  });
  const closed = new Promise<{ code: number }>((resolve) => ws.on('close', (code) => resolve({ code })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const socket: LiveSocket = {
    frames,
    closed,
    send: (frame) => ws.send(JSON.stringify(frame)),
    close: () => ws.close(),
    next(match, timeoutMs = 5000) {
      let seen = 0;
      return new Promise((resolve, reject) => {
        const check = () => {
          for (; seen < frames.length; seen++) {
            if (match(frames[seen]!)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(frames[seen]!);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
  if (token) {
    socket.send({ type: 'auth', token });
    await socket.next((f) => f.type === 'ready' || f.type === 'error');
  }
  return socket;
}
