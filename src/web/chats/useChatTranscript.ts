import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api.js';
import { live, useLive } from '../live.js';
import { lastSeq, mergeLines } from './chat-lines.js';
import type { ChatLine, StaffChat } from './chat-types.js';

interface Transcript {
  session: StaffChat;
  items: ChatLine[];
}

/**
 * One chat, live: the whole transcript first, then — told by the live channel that a line was
 * written or the chat changed hands — only what came after the last line we have. The tab
 * follows the chat while it is open (and again after a reconnect, catching up on the way).
 */
export function useChatTranscript(sessionId: string) {
  const [session, setSession] = useState<StaffChat | null>(null);
  const [lines, setLines] = useState<ChatLine[]>([]);
  const [error, setError] = useState<unknown>(null);
  const linesRef = useRef<ChatLine[]>([]);
  const inFlight = useRef(false);
  const again = useRef(false);

  const apply = useCallback((incoming: ChatLine[]) => {
    linesRef.current = mergeLines(linesRef.current, incoming);
    setLines(linesRef.current);
  }, []);

  /** Fetches what is new; a hint arriving meanwhile triggers one more round, never two at once. */
  const catchUp = useCallback(async () => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      do {
        again.current = false;
        const t = await api.get<Transcript>(`/api/v1/chat/sessions/${sessionId}/messages?after=${lastSeq(linesRef.current)}`);
        setSession(t.session);
        apply(t.items);
        setError(null);
      } while (again.current);
    } catch (err) {
      setError(err);
    } finally {
      inFlight.current = false;
    }
  }, [sessionId, apply]);

  useEffect(() => {
    linesRef.current = [];
    setLines([]);
    setSession(null);
    setError(null);
    void catchUp();
    live.send({ type: 'chat.watch', sessionId, watching: true });
    return () => live.send({ type: 'chat.watch', sessionId, watching: false });
  }, [sessionId, catchUp]);

  useLive((f) => {
    if (f.type === 'ready') {
      live.send({ type: 'chat.watch', sessionId, watching: true });
      void catchUp();
    } else if ((f.type === 'chat.message' && f.sessionId === sessionId && f.seq > lastSeq(linesRef.current))
      || (f.type === 'chat.session' && f.sessionId === sessionId)) {
      void catchUp();
    }
  });

  return { session, lines, error, reload: catchUp, apply };
}
