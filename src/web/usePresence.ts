import { useCallback, useEffect, useRef, useState } from 'react';
import { live } from './live.js';

export interface OtherViewer {
  userId: string;
  name: string;
  typing: boolean;
}

const KEEPALIVE_MS = 20_000;
const FORGET_MS = 50_000;
const TYPING_MS = 6_000;

/**
 * Who else has this complaint open (the collision warning), and a `typing()` to call while
 * the reply box changes. Announces this tab on open, every 20 s, and to each newcomer.
 */
export function usePresence(complaintId: string | null): { others: OtherViewer[]; typing: () => void } {
  const [others, setOthers] = useState<Map<string, { name: string; seen: number; typingUntil: number }>>(new Map());
  const lastTyping = useRef(0);

  useEffect(() => {
    if (!complaintId) return;
    const announce = () => live.send({ type: 'presence', complaintId, state: 'viewing' });
    announce();
    const keepalive = setInterval(announce, KEEPALIVE_MS);
    const unsubscribe = live.subscribe((f) => {
      if (f.type !== 'presence' || f.complaintId !== complaintId) return;
      const now = Date.now();
      setOthers((prev) => {
        const next = new Map(prev);
        if (f.state === 'left') next.delete(f.userId);
        else next.set(f.userId, { name: f.name, seen: now, typingUntil: f.state === 'typing' ? now + TYPING_MS : (prev.get(f.userId)?.typingUntil ?? 0) });
        return next;
      });
      // A newcomer learns about us right away instead of at our next keepalive.
      if (f.first) announce();
    });
    const sweep = setInterval(() => {
      const now = Date.now();
      setOthers((prev) => {
        const next = new Map([...prev].filter(([, v]) => now - v.seen < FORGET_MS));
        return next.size === prev.size && [...prev].every(([, v]) => v.typingUntil > now || v.typingUntil === 0) ? prev : next;
      });
    }, 2_000);
    return () => {
      clearInterval(keepalive);
      clearInterval(sweep);
      unsubscribe();
      live.send({ type: 'presence', complaintId, state: 'left' });
      setOthers(new Map());
    };
  }, [complaintId]);

  const typing = useCallback(() => {
    if (!complaintId) return;
    const now = Date.now();
    if (now - lastTyping.current < 3_000) return;
    lastTyping.current = now;
    live.send({ type: 'presence', complaintId, state: 'typing' });
  }, [complaintId]);

  const now = Date.now();
  return {
    others: [...others].map(([userId, v]) => ({ userId, name: v.name, typing: v.typingUntil > now })),
    typing,
  };
}
