import { describe, expect, it } from 'vitest';
import type { HallNotice } from './notice-list.js';
import { NoticeSocket, reconnectDelay, type SocketLike } from './notice-socket.js';

class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  sent: string[] = [];
  closed: number | null = null;
  send(data: string) { this.sent.push(data); }
  close(code = 1000) { this.closed = code; }
  push(frame: unknown) { this.onmessage?.({ data: JSON.stringify(frame) }); }
  drop(code = 1006) { this.onclose?.({ code }); }
}

const NOTICE: HallNotice = {
  id: 'n1', complaintId: 'c1', complaintNumber: 'C-2026-000001', kind: 'reply', title: 'A reply', body: 'text', createdAt: '2026-03-02T10:00:00.000Z', readAt: null,
};

function harness(token: string | null = 'ldc_token') {
  const sockets: FakeSocket[] = [];
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  const ready: boolean[] = [];
  const notices: HallNotice[] = [];
  let current = token;
  const live = new NoticeSocket({
    url: 'ws://hall/api/v1/portal/live',
    token: () => current,
    onNotice: (n) => notices.push(n),
    onReady: (again) => ready.push(again),
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    setTimer: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => { (t as { cleared: boolean }).cleared = true; },
    random: () => 0,
  });
  const fire = () => {
    const t = timers.filter((x) => !x.cleared).at(-1)!;
    t.cleared = true;
    t.fn();
  };
  return { live, sockets, timers, ready, notices, fire, signOut: () => { current = null; } };
}

describe('live notice socket', () => {
  it('signs in with the first message (no token in the URL) and hands pushed notices on', () => {
    const h = harness();
    h.live.start();
    const s = h.sockets[0]!;
    s.onopen?.({});
    expect(JSON.parse(s.sent[0]!)).toEqual({ type: 'auth', token: 'ldc_token' });
    s.push({ type: 'ready' });
    s.push({ type: 'notice', notice: NOTICE });
    s.push({ type: 'notice', notice: { id: 'bad' } });
    s.onmessage?.({ data: 'not json' });
    expect(h.ready).toEqual([false]);
    expect(h.notices).toEqual([NOTICE]);
  });

  it('reconnects after a drop with growing waits, says "again" when back, and resets the wait once ready', () => {
    const h = harness();
    h.live.start();
    h.sockets[0]!.push({ type: 'ready' });
    h.sockets[0]!.drop();
    expect(h.timers.map((t) => t.ms)).toEqual([500]);
    h.fire();
    h.sockets[1]!.drop();
    h.fire();
    h.sockets[2]!.drop();
    expect(h.timers.map((t) => t.ms)).toEqual([500, 1000, 2000]);
    h.fire();
    h.sockets[3]!.push({ type: 'ready' });
    expect(h.ready).toEqual([false, true]);
    h.sockets[3]!.drop();
    expect(h.timers.at(-1)!.ms).toBe(500);
  });

  it('does not come back when the server refused the session, or after stop', () => {
    const h = harness();
    h.live.start();
    h.sockets[0]!.drop(4401);
    expect(h.timers).toHaveLength(0);

    const g = harness();
    g.live.start();
    const s = g.sockets[0]!;
    g.live.stop();
    expect(s.closed).toBe(1000);
    s.drop(1000);
    expect(g.timers).toHaveLength(0);
    g.live.retryNow();
    expect(g.sockets).toHaveLength(1);
  });

  it('retryNow skips a pending wait, and does nothing while connected', () => {
    const h = harness();
    h.live.start();
    h.live.retryNow();
    expect(h.sockets).toHaveLength(1);
    h.sockets[0]!.drop();
    h.live.retryNow();
    expect(h.sockets).toHaveLength(2);
    expect(h.timers[0]!.cleared).toBe(true);
  });

  it('stays off without a session, and stops reconnecting once signed out', () => {
    expect(harness(null).sockets).toHaveLength(0);
    const h = harness();
    h.live.start();
    h.signOut();
    h.sockets[0]!.drop();
    h.fire();
    expect(h.sockets).toHaveLength(1);
  });

  it('backoff: 1 s doubling up to 30 s, jittered between half and full', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((a) => reconnectDelay(a, () => 1))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(reconnectDelay(0, () => 0)).toBe(500);
    expect(reconnectDelay(5, () => 0.5)).toBe(22500);
  });
});
