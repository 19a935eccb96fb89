import type { ReactNode } from 'react';

export type Health = 'ok' | 'warn' | 'bad' | 'off';

/** One channel: a title, a coloured state and its settings as a definition list. */
export function StatusCard({ id, title, health, state, children }: { id: string; title: string; health: Health; state: string; children: ReactNode }) {
  return (
    <article className="card ch-card" data-testid={`channel-${id}`} aria-labelledby={`channel-${id}-title`}>
      <header className="ch-card-head">
        <h3 id={`channel-${id}-title`}>{title}</h3>
        <span className={`ch-state ch-state-${health}`} data-testid={`channel-${id}-state`} data-health={health}>{state}</span>
      </header>
      <dl className="ch-kv">{children}</dl>
    </article>
  );
}

/** A setting or reading; `mono` for addresses and paths, `testId` for what tests read. */
export function Row({ label, children, mono, testId }: { label: string; children: ReactNode; mono?: boolean; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className={mono ? 'ch-mono' : undefined} data-testid={testId}>{children}</dd>
    </>
  );
}
