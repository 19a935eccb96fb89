import { useCallback, useEffect, useRef, useState } from 'react';
import { getLocale } from '../i18n.js';
import { forgetChat, storeChat, storedChat } from './bot-session.js';
import { LOCAL_SEQ, mergeLine, withHistory, type Line } from './bot-lines.js';
import type { ChatSession, ServerFrame } from './bot-types.js';
import { hallToken } from './hall-api.js';

/** idle: no socket (nothing said yet, or a new conversation); lost: dropped, reconnecting. */
export type Link = 'idle' | 'connecting' | 'open' | 'lost';

const PING_MS = 25_000;
const RETRY_MS = [1000, 2000, 4000, 8000, 15000];

function socketUrl(params: Record<string, string>): string {
  const u = new URL('/api/v1/chat/ws', window.location.href);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

function newClientId(): string {
  return `h${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The customer's side of the chat WebSocket (/api/v1/chat/ws) as the signed-in hall customer:
 * the bot answers on it, and after a hand-over the agent's lines and the session's state
 * (waiting → with agent, the complaint it became) arrive live. The socket opens on the first
 * line (no empty sessions for people who only look), or at once to resume this tab's chat.
 * Lines not yet acknowledged are resent with their client id after a reconnect; the server
 * stores and answers each client id once.
 */
export function useBotChat(customerId: string) {
  const [session, setSession] = useState<ChatSession | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [link, setLink] = useState<Link>('idle');
  const [error, setError] = useState<string | null>(null);

  const socket = useRef<WebSocket | null>(null);
  const welcomed = useRef(false);
  const resuming = useRef(false);
  const outbox = useRef(new Map<string, string>());
  const attempts = useRef(0);
  const timers = useRef<{ retry?: ReturnType<typeof setTimeout>; ping?: ReturnType<typeof setInterval> }>({});
  const connectRef = useRef<() => void>(() => undefined);

  const stopTimers = () => {
    clearTimeout(timers.current.retry);
    clearInterval(timers.current.ping);
    timers.current = {};
  };

  const hangUp = useCallback(() => {
    stopTimers();
    const s = socket.current;
    socket.current = null;
    if (s && s.readyState <= WebSocket.OPEN) s.close(1000, 'done');
  }, []);

  const onFrame = useCallback((ws: WebSocket, frame: ServerFrame) => {
    switch (frame.type) {
      case 'welcome': {
        welcomed.current = true;
        attempts.current = 0;
        storeChat(customerId, frame.sessionToken);
        setSession(frame.session);
        setLines((prev) => withHistory(prev, frame.messages));
        setLink('open');
        setError(null);
        for (const [clientId, text] of outbox.current) ws.send(JSON.stringify({ type: 'message', text, clientId }));
        timers.current.ping = setInterval(() => {
          if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'ping' }));
        }, PING_MS);
        return;
      }
      case 'message':
        setLines((prev) => mergeLine(prev, frame.message));
        return;
      case 'session':
        setSession(frame.session);
        return;
      case 'ack':
        if (frame.clientId) outbox.current.delete(frame.clientId);
        return;
      case 'error': {
        const clientId = frame.clientId;
        if (clientId) {
          outbox.current.delete(clientId);
          setLines((prev) => prev.map((l) => (l.clientId === clientId && l.delivery !== 'sent' ? { ...l, delivery: 'failed', failure: frame.code } : l)));
          return;
        }
        if (!welcomed.current && resuming.current && frame.code === 'not_found') {
          // The stored chat expired or is gone: what the customer types now starts a new one.
          forgetChat();
          resuming.current = false;
          return;
        }
        setError(frame.code);
        return;
      }
      case 'pong':
        return;
    }
  }, [customerId]);

  const connect = useCallback(() => {
    if (socket.current) return;
    stopTimers();
    const resume = storedChat(customerId);
    const token = hallToken();
    resuming.current = Boolean(resume);
    welcomed.current = false;
    const ws = new WebSocket(socketUrl({ ...(token ? { token } : {}), ...(resume ? { session: resume } : {}), locale: getLocale() }));
    socket.current = ws;
    setLink('connecting');
    ws.onmessage = (ev) => {
      if (socket.current !== ws || typeof ev.data !== 'string') return;
      let frame: ServerFrame;
      try {
        frame = JSON.parse(ev.data) as ServerFrame;
      } catch {
        return;
      }
      onFrame(ws, frame);
    };
    ws.onclose = (ev) => {
      if (socket.current !== ws) return; // closed on purpose (hang-up, new conversation)
      socket.current = null;
      stopTimers();
      const wasResuming = resuming.current;
      if (!welcomed.current && ev.code >= 4000) {
        // Refused (4404: that chat is gone). A gone chat with lines waiting starts afresh at once.
        if (ev.code === 4404 && wasResuming && outbox.current.size) {
          connectRef.current();
          return;
        }
        setLink('idle');
        if (ev.code !== 4404) setError((e) => e ?? 'refused');
        return;
      }
      const wait = RETRY_MS[attempts.current];
      setLink('lost');
      if (wait === undefined) return; // gave up: the customer can retry by hand
      attempts.current += 1;
      timers.current.retry = setTimeout(() => connectRef.current(), wait);
    };
  }, [customerId, onFrame]);

  useEffect(() => {
    connectRef.current = connect;
  }, [connect]);

  useEffect(() => hangUp, [hangUp]);

  /** Resumes this tab's chat, if there is one. */
  const resume = useCallback(() => {
    if (storedChat(customerId)) connect();
  }, [connect, customerId]);

  const send = useCallback((text: string) => {
    const clean = text.trim();
    if (!clean) return;
    const clientId = newClientId();
    outbox.current.set(clientId, clean);
    setError(null);
    setLines((prev) => [...prev, {
      id: `local-${clientId}`, seq: LOCAL_SEQ, sender: 'customer', body: clean, clientId, createdAt: new Date().toISOString(), delivery: 'sending',
    }]);
    const ws = socket.current;
    if (ws && ws.readyState === WebSocket.OPEN && welcomed.current) ws.send(JSON.stringify({ type: 'message', text: clean, clientId }));
    else if (!ws) connect();
  }, [connect]);

  /** Reconnect now (after the automatic retries gave up, or to skip the wait). */
  const retry = useCallback(() => {
    attempts.current = 0;
    hangUp();
    connect();
  }, [connect, hangUp]);

  /** Leaves this conversation (it stays with us, and with the complaint if it became one) and starts over. */
  const restart = useCallback(() => {
    hangUp();
    forgetChat();
    outbox.current.clear();
    attempts.current = 0;
    setSession(null);
    setLines([]);
    setError(null);
    setLink('idle');
  }, [hangUp]);

  return { session, lines, link, error, send, resume, retry, restart };
}
