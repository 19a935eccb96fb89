import { useI18n } from './i18n.js';
import type { OtherViewer } from './usePresence.js';

/** "Wang is also viewing / typing a reply": two people should not answer one customer twice. */
export function CollisionWarning({ others }: { others: OtherViewer[] }) {
  const { t } = useI18n();
  if (!others.length) return null;
  return (
    <div className="collision" role="status" aria-live="polite" data-testid="collision-warning">
      {others.map((o) => (
        <span key={o.userId}>{o.typing ? t('live.typing', { name: o.name }) : t('live.viewing', { name: o.name })}</span>
      ))}
    </div>
  );
}
