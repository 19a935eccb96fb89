import { useI18n } from './i18n.js';
import type { Sla, SlaClock } from './types.js';
import { liveRemaining, useNow } from './useNow.js';

export type MarkState = 'breached' | 'at_risk' | 'ok' | 'paused' | 'none';

const LIVE = new Set(['running', 'at_risk', 'breached']);

/** A running clock's live state, from server remaining time so a skewed browser clock does not matter. */
function clockMark(c: SlaClock, fetchedAt: number, now: number): MarkState {
  if (!LIVE.has(c.state) || c.remainingMs === null) return c.state === 'breached' ? 'breached' : 'none';
  const left = liveRemaining(c.remainingMs, fetchedAt, now);
  if (left <= 0 || c.state === 'breached') return 'breached';
  if (c.state === 'at_risk') return 'at_risk';
  if (c.dueAt && c.atRiskAt) {
    const riskWindow = Date.parse(c.dueAt) - Date.parse(c.atRiskAt);
    if (Number.isFinite(riskWindow) && left <= riskWindow) return 'at_risk';
  }
  return 'ok';
}

export function markState(sla: Sla | null, fetchedAt: number, now: number): MarkState {
  if (!sla) return 'none';
  const clocks = [clockMark(sla.firstResponse, fetchedAt, now), clockMark(sla.resolution, fetchedAt, now)];
  if (sla.breached || clocks.includes('breached')) return 'breached';
  if (sla.paused) return 'paused';
  if (sla.atRisk || clocks.includes('at_risk')) return 'at_risk';
  return clocks.includes('ok') ? 'ok' : 'none';
}

/** Amber "at risk" / red "breached" badge; quieter labels otherwise. */
export function SlaMark({ sla, fetchedAt }: { sla: Sla | null; fetchedAt: number }) {
  const { t } = useI18n();
  const now = useNow();
  const state = markState(sla, fetchedAt, now);
  return (
    <span className={`sla-mark sla-mark-${state}`} data-testid="sla-mark" data-state={state}>
      {t(`mark.${state}`)}
    </span>
  );
}
