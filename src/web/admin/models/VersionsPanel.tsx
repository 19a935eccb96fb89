import { useState } from 'react';
import { api } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n.js';
import { ConfirmAction } from './ConfirmAction.js';
import { formatPct } from './model-metrics.js';
import type { ModelVersion, VersionList } from './model-types.js';
import { messages as m } from './models.messages.js';
import { StatusBadge } from './StatusBadge.js';
import { TrainControl } from './TrainControl.js';
import type { TrainingState } from './useTraining.js';

interface Props {
  list: VersionList | null;
  error: unknown;
  reload: () => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  training: TrainingState;
  onTrain: (opts: { epochs: number; folds: number }) => void;
  /** A sentence about the last thing done here (trained, activated, rolled back). */
  note: string | null;
  onChanged: (note: string) => void;
}

/** Every trained version with its state and headline accuracy; train, roll back, pick one to inspect. */
export function VersionsPanel({ list, error, reload, selectedId, onSelect, training, onTrain, note, onChanged }: Props) {
  const { t } = useI18n();
  const [rollbackError, setRollbackError] = useState<unknown>(null);
  const active = list?.items.find((v) => v.status === 'active') ?? null;

  async function rollback() {
    setRollbackError(null);
    try {
      const r = await api.post<{ active: ModelVersion | null; rolledBack: ModelVersion }>('/api/v1/admin/classifier/rollback');
      onChanged(r.active ? m('models.rollback.done_to', { version: r.active.version }) : m('models.rollback.done_builtin'));
    } catch (err) {
      setRollbackError(err);
    }
  }

  return (
    <section className="card models-card" aria-labelledby="models-versions-title" data-testid="versions-panel">
      <div className="models-card-head">
        <div>
          <h2 id="models-versions-title">{m('models.versions.title')}</h2>
          <p className="muted small" data-testid="versions-active">
            {active ? m('models.versions.active', { version: active.version }) : m('models.versions.builtin')}
          </p>
        </div>
        {active && (
          <ConfirmAction
            label={m('models.rollback.button')}
            question={m('models.rollback.confirm', { version: active.version })}
            confirmLabel={m('models.confirm.yes')}
            cancelLabel={m('models.confirm.no')}
            onConfirm={rollback}
            danger
            testId="rollback"
          />
        )}
      </div>
      <TrainControl state={training} onStart={onTrain} />
      {note && <p className="models-note" role="status" data-testid="versions-note">{note}</p>}
      <ErrorBox error={rollbackError} />
      <ErrorBox error={error} onRetry={reload} />
      {!list && !error && <p className="empty">{t('common.loading')}</p>}
      {list && list.items.length === 0 && training.phase === 'idle' && <p className="empty" data-testid="versions-empty">{m('models.versions.empty')}</p>}
      {list && (list.items.length > 0 || training.phase === 'training' || training.phase === 'waiting') && (
        <div className="table-wrap">
          <table className="models-table" data-testid="versions-table">
            <thead>
              <tr>
                <th scope="col">{m('models.col.version')}</th>
                <th scope="col">{m('models.col.status')}</th>
                <th scope="col">{m('models.col.source')}</th>
                <th scope="col" className="num">{m('models.col.rows')}</th>
                <th scope="col" className="num">{m('models.col.labels')}</th>
                <th scope="col" className="num">{m('models.col.heldout')}</th>
                <th scope="col" className="num">{m('models.col.cv')}</th>
                <th scope="col">{m('models.col.created')}</th>
                <th scope="col"><span className="sr-only">{m('models.view')}</span></th>
              </tr>
            </thead>
            <tbody>
              {(training.phase === 'training' || training.phase === 'waiting') && (
                <tr className="models-row-training" data-testid="version-training">
                  <td>{(list.items[0]?.version ?? 0) + 1}</td>
                  <td><StatusBadge status="training" /></td>
                  <td colSpan={7} className="muted">{m('models.source.builtin')}</td>
                </tr>
              )}
              {list.items.map((v) => (
                <tr key={v.id} className={v.id === selectedId ? 'models-row-selected' : undefined} data-testid={`version-${v.version}`}>
                  <td><strong>{v.version}</strong></td>
                  <td><StatusBadge status={v.status} testId={`version-${v.version}-status`} /></td>
                  <td>{m(`models.source.${v.source}`)}</td>
                  <td className="num">{v.trainingSize}</td>
                  <td className="num">{v.labels.length}</td>
                  <td className="num">{formatPct(v.metrics.heldout?.accuracy)}</td>
                  <td className="num">{formatPct(v.metrics.crossValidation?.accuracy)}</td>
                  <td className="nowrap">{formatDateTime(v.createdAt)}</td>
                  <td>
                    {v.id === selectedId ? (
                      <span className="muted small">{m('models.viewing')}</span>
                    ) : (
                      <button type="button" className="btn btn-small" onClick={() => onSelect(v.id)} aria-label={`${m('models.view')}: ${m('models.detail.title', { version: v.version })}`} data-testid={`version-${v.version}-view`}>
                        {m('models.view')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
