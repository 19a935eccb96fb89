import { ApiError } from './api.js';
import { useI18n } from './i18n.js';

/** Shows an API error's message (and field details, if any) as plain text. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  const message = error instanceof Error && error.message ? error.message : t('error.network');
  const details = error instanceof ApiError ? error.details.filter((d) => typeof d.message === 'string') : [];
  return (
    <div className="error-box" role="alert" data-testid="error">
      <span className="error-message">{message}</span>
      {details.length > 0 && (
        <ul className="error-details">
          {details.map((d, i) => (
            <li key={i}>
              {typeof d.path === 'string' && d.path ? `${d.path}: ` : ''}
              {String(d.message)}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
