import { useEffect, useRef } from 'react';
import { getToken } from './api.js';

/** A frame pushed by /api/v1/live. */
export type LiveFrame =
  | { type: 'complaint.changed'; complaintId: string; types: string[]; assigneeId: string | null; departmentId: string | null }
  | { type: 'presence'; complaintId: string; userId: string; name: string; state: 'viewing' | 'typing' | 'left'; first: boolean }
  | { type: 'chat.session'; sessionId: string; state: string | null }
  | { type: 'chat.message'; sessionId: string; seq: number }
  | { type: 'ready' | 'pong' | 'error' | 'chat.watching'; [key: string]: unknown };

type Listener = (f: LiveFrame) => void;

/**
 * One WebSocket per tab to the staff live channel, shared by every component, reconnecting
 * with backoff (a restart or another instance taking over is invisible to the pages). Pages
 * refetch what changed through the normal API; the socket only says *that* something did.
 */
class LiveConnection {
  private ws: WebSocket | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly pending: string[] = [];
  private attempt = 0;
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    this.ensure();
    return () => this.listeners.delete(l);
  }

  /** Sent once signed in; queued (latest few) while reconnecting. */
  send(frame: Record<string, unknown>): void {
    const text = JSON.stringify(frame);
    if (this.ws && this.ready) this.ws.send(text);
    else {
      this.pending.push(text);
      if (this.pending.length > 20) this.pending.shift();
      this.ensure();
    }
  }

  private ensure(): void {
    if (this.ws || this.timer || typeof WebSocket === 'undefined') return;
    const token = getToken();
    if (!token) return;
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/live`;
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', token }));
    ws.onmessage = (ev: MessageEvent<string>) => {
      let f: LiveFrame;
      try {
        f = JSON.parse(ev.data) as LiveFrame;
      } catch {
        return;
      }
      if (f.type === 'ready') {
        this.ready = true;
        this.attempt = 0;
        for (const p of this.pending.splice(0)) ws.send(p);
      }
      for (const l of this.listeners) l(f);
    };
    ws.onclose = (ev) => {
      this.ws = null;
      this.ready = false;
      // 4401/4403: signed out or not staff — reconnecting would not help.
      if (ev.code === 4401 || ev.code === 4403) return;
      const delay = Math.min(30_000, 500 * 2 ** this.attempt++);
      this.timer = setTimeout(() => {
        this.timer = null;
        if (this.listeners.size) this.ensure();
      }, delay);
    };
  }
}

export const live = new LiveConnection();

/** Calls `onFrame` for every live frame while the component is mounted. */
export function useLive(onFrame: Listener): void {
  const ref = useRef(onFrame);
  ref.current = onFrame;
  useEffect(() => live.subscribe((f) => ref.current(f)), []);
}
