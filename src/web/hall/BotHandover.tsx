import { useEffect, useRef, useState } from 'react';
import { messages as m } from './bot.messages.js';
import type { ChatSession } from './bot-types.js';
import { hallApi } from './hall-api.js';
import { go, progressPath } from './hall-router.js';
import { HallErrorBox } from './HallError.js';
import type { HallProgress } from './types.js';

/**
 * After the bot hands over: the complaint the conversation became (its reference and a link to
 * its progress page) and whether an agent has joined. The session names the complaint by id;
 * the progress API gives its customer-facing number (and tells the page, which may list it).
 */
export function BotHandover({ session, onNumber }: { session: ChatSession; onNumber?: (number: string) => void }) {
  const complaintId = session.complaintId;
  // Kept in a ref: a new callback from the parent must not fetch the complaint again.
  const notify = useRef(onNumber);
  useEffect(() => {
    notify.current = onNumber;
  }, [onNumber]);
  const [number, setNumber] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!complaintId) return;
    let live = true;
    setError(null);
    hallApi.get<HallProgress>(`/api/v1/portal/complaints/${encodeURIComponent(complaintId)}`)
      .then((p) => {
        if (!live) return;
        setNumber(p.number);
        notify.current?.(p.number); // e.g. the first screen lists the new complaint
      })
      .catch((err: unknown) => { if (live) setError(err); });
    return () => { live = false; };
  }, [complaintId, tick]);

  if (error) return <HallErrorBox error={error} onRetry={() => setTick((n) => n + 1)} />;
  if (!complaintId || !number) {
    return <p className="hall-note" role="status" data-testid="bot-handover-pending">{m('bot.handover.creating')}</p>;
  }
  const href = progressPath(number);
  return (
    <div className="hall-note bot-handover" role="status" data-testid="bot-handover" data-number={number}>
      <p>{m('bot.handover.ref', { number })}</p>
      <p>{m(session.state === 'with_agent' ? 'bot.handover.withAgent' : 'bot.handover.waiting')}</p>
      <a href={href} data-testid="bot-progress-link" onClick={(e) => { e.preventDefault(); go(href); }}>
        {m('bot.handover.progress', { number })}
      </a>
    </div>
  );
}
