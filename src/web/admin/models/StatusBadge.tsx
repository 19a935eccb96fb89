import { useI18n } from '../../i18n.js';
import type { ModelStatus } from './model-types.js';
import { messages as m } from './models.messages.js';

export function StatusBadge({ status, testId }: { status: ModelStatus | 'training'; testId?: string }) {
  useI18n();
  return <span className={`badge model-status-${status}`} data-value={status} data-testid={testId}>{m(`models.status.${status}`)}</span>;
}
