import { Countdown } from './Countdown.js';
import { formatDateTime } from './format.js';
import { useI18n } from './i18n.js';
import { SlaMark } from './SlaMark.js';
import type { Sla, SlaClock } from './types.js';

function ClockCard({ name, label, clock, fetchedAt }: { name: string; label: string; clock: SlaClock; fetchedAt: number }) {
  const { t, tEnum } = useI18n();
  const live = clock.state === 'running' || clock.state === 'at_risk' || clock.state === 'breached' || clock.state === 'paused';
  return (
    <div className={`clock clock-${clock.state}`} data-testid="sla-clock" data-clock={name} data-state={clock.state}>
      <div className="clock-label">{label}</div>
      <div className="clock-countdown">
        {live ? (
          <Countdown remainingMs={clock.remainingMs} fetchedAt={fetchedAt} paused={clock.state === 'paused'} clock={name} />
        ) : (
          <span className="countdown countdown-none">{t('common.none')}</span>
        )}
      </div>
      <div className="clock-meta">
        <span className={`clock-state clock-state-${clock.state}`}>{tEnum('clockState', clock.state)}</span>
        <span className="muted small">
          {t('sla.due')}: {formatDateTime(clock.dueAt)}
        </span>
      </div>
    </div>
  );
}

/** Both SLA clocks with due time, state and live countdown. */
export function SlaPanel({ sla, fetchedAt }: { sla: Sla | null; fetchedAt: number }) {
  const { t, tEnum } = useI18n();
  if (!sla) return null;
  return (
    <section className="card sla-panel" aria-label={t('sla.title')}>
      <div className="sla-panel-head">
        <h2>{t('sla.title')}</h2>
        <SlaMark sla={sla} fetchedAt={fetchedAt} />
        {sla.policy && (
          <span className="muted small">
            {t('sla.policy')}: {tEnum('severity', sla.policy)}
          </span>
        )}
        <span className="muted small">{t('sla.cycle', { n: sla.cycle })}</span>
      </div>
      <div className="clocks">
        <ClockCard name="first_response" label={t('sla.firstResponse')} clock={sla.firstResponse} fetchedAt={fetchedAt} />
        <ClockCard name="resolution" label={t('sla.resolution')} clock={sla.resolution} fetchedAt={fetchedAt} />
      </div>
    </section>
  );
}
