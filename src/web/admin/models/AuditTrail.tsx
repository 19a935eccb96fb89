import { ErrorBox } from '../../ErrorBox.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n.js';
import type { AuditEntry } from './model-types.js';
import { messages as m } from './models.messages.js';

interface Props {
  items: AuditEntry[] | null;
  error: unknown;
  reload: () => void;
  versionOf: (id: string | null) => number | null;
  userName: (id: string | null) => string;
}

function describe(e: AuditEntry, versionOf: Props['versionOf']): string {
  const version = versionOf(e.modelId) ?? (typeof e.data.version === 'number' ? e.data.version : '?');
  const from = versionOf(e.fromModelId) ?? (typeof e.data.fromVersion === 'number' ? e.data.fromVersion : '?');
  switch (e.action) {
    case 'trained':
      return m('models.audit.trained', { version });
    case 'activated':
      return e.fromModelId ? m('models.audit.activated_from', { version, from }) : m('models.audit.activated', { version });
    case 'rolled_back':
      return e.modelId ? m('models.audit.rolled_back', { version, from }) : m('models.audit.rolled_back_builtin', { from });
  }
}

/** Who trained, activated or rolled back which version, newest first. */
export function AuditTrail({ items, error, reload, versionOf, userName }: Props) {
  const { t } = useI18n();
  return (
    <section className="card models-card" aria-labelledby="models-audit-title" data-testid="audit-panel">
      <h2 id="models-audit-title">{m('models.audit.title')}</h2>
      <ErrorBox error={error} onRetry={reload} />
      {!items && !error && <p className="empty">{t('common.loading')}</p>}
      {items && items.length === 0 && <p className="empty">{m('models.audit.empty')}</p>}
      {items && items.length > 0 && (
        <div className="table-wrap">
          <table className="models-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{m('models.audit.at')}</th>
                <th scope="col">{m('models.audit.who')}</th>
                <th scope="col">{m('models.audit.what')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                  <td className="nowrap">{formatDateTime(e.at)}</td>
                  <td>{e.actor.kind === 'cli' ? m('models.audit.cli') : userName(e.actor.id)}</td>
                  <td>{describe(e, versionOf)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
