import { useHallI18n } from './hall-i18n.js';

/** An error as plain text, with a retry when one makes sense. */
export function HallErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { ht } = useHallI18n();
  if (!error) return null;
  const message = error instanceof Error && error.message ? error.message : ht('hall.error.network');
  return (
    <div className="hall-error" role="alert" data-testid="hall-error">
      <span>{message}</span>
      {onRetry && <button type="button" className="hall-btn hall-btn-small" onClick={onRetry}>{ht('hall.retry')}</button>}
    </div>
  );
}
