import { useI18n } from './i18n.js';
import { formatDuration } from './format.js';
import { liveRemaining, useNow } from './useNow.js';

interface Props {
  /** Server-computed time left when the data was fetched; null when no clock runs. */
  remainingMs: number | null;
  /** Browser time (Date.now()) at which the data arrived. */
  fetchedAt: number;
  paused: boolean;
  clock?: string;
}

/** A live countdown that ticks every second; negative (overdue) values show in red. */
export function Countdown({ remainingMs, fetchedAt, paused, clock }: Props) {
  const { t } = useI18n();
  const now = useNow();

  if (paused) {
    return (
      <span className="countdown countdown-paused" data-testid="countdown" data-state="paused" data-clock={clock}>
        {t('sla.paused')}
        {remainingMs !== null && <span className="countdown-frozen"> · {formatDuration(remainingMs)}</span>}
      </span>
    );
  }
  if (remainingMs === null) {
    return (
      <span className="countdown countdown-none" data-testid="countdown" data-state="none" data-clock={clock}>
        {t('common.none')}
      </span>
    );
  }
  const left = liveRemaining(remainingMs, fetchedAt, now);
  const overdue = left < 0;
  return (
    <span
      className={overdue ? 'countdown countdown-overdue' : 'countdown'}
      data-testid="countdown"
      data-state={overdue ? 'overdue' : 'running'}
      data-clock={clock}
      title={overdue ? t('sla.overdue') : undefined}
    >
      {formatDuration(left)}
    </span>
  );
}
