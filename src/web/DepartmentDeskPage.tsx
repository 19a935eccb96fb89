import { DeskTaskCard } from './desk/DeskTaskCard.js';
import type { DeskTask } from './desk/desk-types.js';
import { useDepartments } from './desk/useDepartments.js';
import { ErrorBox } from './ErrorBox.js';
import { useI18n } from './i18n.js';
import type { Page } from './types.js';
import { useApiData } from './useApiData.js';

/**
 * The back office's desk: its department's open hand-off tasks, nearest deadline first, with
 * what the front line asked. A task is picked up and answered, passed on to the department it
 * really belongs to, or returned to the agent unanswered; either way it leaves this desk.
 */
export function DepartmentDeskPage() {
  const { t } = useI18n();
  const tasks = useApiData<Page<DeskTask>>('/api/v1/handoffs?status=open,acknowledged');
  const { departments, error: departmentsError } = useDepartments();

  return (
    <section className="page desk" data-testid="department-desk">
      <h1>{t('desk.title')}</h1>
      <ErrorBox error={tasks.error} onRetry={tasks.reload} />
      <ErrorBox error={departmentsError} />
      {!tasks.data ? <p className="empty">{t('common.loading')}</p> : tasks.data.items.length === 0 ? <p className="empty" data-testid="desk-empty">{t('desk.empty')}</p> : (
        <ul className="desk-list">
          {tasks.data.items.map((h) => <DeskTaskCard key={h.id} task={h} departments={departments} onChanged={tasks.reload} />)}
        </ul>
      )}
    </section>
  );
}
