import { isHallNotice, type HallNotice } from './notice-list.js';

/** The part of the browser's WebSocket this uses (a fake stands in for it in unit tests). */
export interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface NoticeSocketOptions {
  url: string;
  /** Read at every (re)connect: the session may have ended meanwhile. */
  token: () => string | null;
  onNotice: (notice: HallNotice) => void;
  /** Signed in on the socket; `again` after a drop (notices may have been missed meanwhile). */
  onReady: (again: boolean) => void;
  createSocket?: (url: string) => SocketLike;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  random?: () => number;
}

/** The server refused the session (signed out, expired): reconnecting cannot help. */
const REFUSED = 4401;
const MAX_DELAY_MS = 30_000;

/** Exponential backoff from 1 s up to 30 s, with jitter (half to full) so many phones do not return at once. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** attempt);
  return Math.round(base / 2 + (base / 2) * random());
}

/**
 * The customer's live notice channel (`/api/v1/portal/live`): signs in with the first message
 * (the token stays out of URLs and logs), hands each pushed notice on, and comes back after a
 * drop with backoff — at once when the browser says it is online again.
 */
export class NoticeSocket {
  private socket: SocketLike | null = null;
  private timer: unknown = null;
  private attempt = 0;
  private readyBefore = false;
  private stopped = true;
  private readonly create: (url: string) => SocketLike;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly opts: NoticeSocketOptions) {
    this.create = opts.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.cancelRetry();
    const s = this.socket;
    this.socket = null;
    if (s) {
      s.onclose = null;
      s.onmessage = null;
      s.close(1000, 'leaving');
    }
  }

  /** Skip the wait (the browser is back online, the page is visible again). */
  retryNow(): void {
    if (this.stopped || this.socket) return;
    this.cancelRetry();
    this.connect();
  }

  private cancelRetry(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private connect(): void {
    const token = this.opts.token();
    if (this.stopped || this.socket || !token) return;
    const s = this.create(this.opts.url);
    this.socket = s;
    s.onopen = () => s.send(JSON.stringify({ type: 'auth', token }));
    s.onmessage = (ev) => this.frame(ev.data);
    s.onclose = (ev) => {
      if (this.socket !== s) return;
      this.socket = null;
      if (this.stopped || ev.code === REFUSED) return;
      this.timer = this.setTimer(() => {
        this.timer = null;
        this.connect();
      }, reconnectDelay(this.attempt++, this.opts.random));
    };
  }

  private frame(data: unknown): void {
    if (typeof data !== 'string') return;
    let f: { type?: unknown; notice?: unknown };
    try {
      f = JSON.parse(data) as typeof f;
    } catch {
      return;
    }
    if (f.type === 'ready') {
      this.attempt = 0;
      this.opts.onReady(this.readyBefore);
      this.readyBefore = true;
    } else if (f.type === 'notice' && isHallNotice(f.notice)) {
      this.opts.onNotice(f.notice);
    }
  }
}
