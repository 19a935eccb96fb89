import { useEffect, useRef, useState } from 'react';
import { api } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n.js';
import { ClassTable } from './ClassTable.js';
import { CompareTable } from './CompareTable.js';
import { ConfirmAction } from './ConfirmAction.js';
import { defaultSource, formatPct, perClass, type EvalSource } from './model-metrics.js';
import type { ModelVersion } from './model-types.js';
import { messages as m } from './models.messages.js';
import { StatusBadge } from './StatusBadge.js';

interface Props {
  version: ModelVersion;
  active: ModelVersion | null;
  labelName: (code: string) => string;
  userName: (id: string | null) => string;
  onClose: () => void;
  onChanged: (note: string) => void;
}

const num = (x: unknown) => (typeof x === 'number' ? x : 0);
const str = (x: unknown) => (typeof x === 'string' ? x : '');
const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** One version's evaluation: accuracies, per-category figures, the comparison with the active version, and activation. */
export function VersionDetail({ version: v, active, labelName, userName, onClose, onChanged }: Props) {
  useI18n();
  const [source, setSource] = useState<EvalSource>(defaultSource(v.metrics));
  const [error, setError] = useState<unknown>(null);
  const { heldout, crossValidation: cv } = v.metrics;
  const d = v.sourceDetail;
  const title = useRef<HTMLHeadingElement>(null);

  // The details open below the list (after a click, or when a training ends): bring them into view.
  useEffect(() => {
    title.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, []);

  async function activate() {
    setError(null);
    try {
      const r = await api.post<ModelVersion>(`/api/v1/admin/classifier/models/${v.id}/activate`);
      onChanged(m('models.detail.activated', { version: r.version }));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="card models-card" aria-labelledby="models-detail-title" data-testid="version-detail" data-version={v.version}>
      <div className="models-card-head">
        <div>
          <h2 id="models-detail-title" ref={title}>
            {m('models.detail.title', { version: v.version })} <StatusBadge status={v.status} testId="version-detail-status" />
          </h2>
          <p className="muted small">
            {m('models.detail.created', { at: formatDateTime(v.createdAt), who: userName(v.createdBy) })}
            {v.activatedAt && <> · {m('models.detail.activated_at', { at: formatDateTime(v.activatedAt) })}</>}
          </p>
        </div>
        <div className="row-actions">
          {v.status !== 'active' && (
            <ConfirmAction
              label={m('models.detail.activate')}
              question={m('models.detail.activate_confirm', {
                version: v.version,
                current: active ? m('models.detail.current_version', { version: active.version }) : m('models.detail.current_builtin'),
              })}
              confirmLabel={m('models.confirm.yes')}
              cancelLabel={m('models.confirm.no')}
              onConfirm={activate}
              testId="activate"
            />
          )}
          <button type="button" className="btn" onClick={onClose}>{m('models.detail.close')}</button>
        </div>
      </div>
      <ErrorBox error={error} />
      {v.status === 'active' && <p className="models-note">{m('models.detail.is_active')}</p>}

      <dl className="models-kv">
        <div className="models-metric" data-testid="metric-heldout">
          <dt>{m('models.detail.heldout')}</dt>
          <dd>
            <span className="models-big">{formatPct(heldout?.accuracy)}</span>
            <span className="muted small">
              {heldout ? m('models.detail.heldout_n', { n: heldout.n }) : m('models.detail.heldout_none')}
            </span>
            {heldout && Object.keys(heldout.byLanguage).length > 0 && (
              <span className="muted small">
                {m('models.detail.by_language')}: {Object.entries(heldout.byLanguage).map(([lang, x]) => `${lang} ${formatPct(x.accuracy)}`).join(' · ')}
              </span>
            )}
          </dd>
        </div>
        <div className="models-metric" data-testid="metric-cv">
          <dt>{m('models.detail.cv')}</dt>
          <dd>
            <span className="models-big">{cv ? formatPct(cv.accuracy) : m('models.detail.cv_none')}</span>
            {cv && <span className="muted small">{m('models.detail.cv_folds', { folds: cv.folds, perFold: cv.perFold.map(formatPct).join(', ') })}</span>}
          </dd>
        </div>
        <div>
          <dt>{m('models.detail.data')}</dt>
          <dd>
            {v.source === 'builtin'
              ? m('models.detail.data_builtin', { rows: v.trainingSize, corpus: num(d.corpus), corrections: num(d.corrections), examples: num(d.categoryExamples) })
              : m('models.detail.data_csv', { rows: v.trainingSize, text: str(d.textColumn), label: str(d.labelColumn), skipped: num(d.skipped) })}
          </dd>
        </div>
        <div>
          <dt>{m('models.detail.model')}</dt>
          <dd>
            {m('models.detail.model_text', {
              labels: v.labels.length, features: v.metrics.features, epochs: v.metrics.epochs,
              train: seconds(v.metrics.trainMs), evaluate: seconds(v.metrics.evaluateMs),
            })}
          </dd>
        </div>
      </dl>

      {v.status !== 'active' && <CompareTable version={v} active={active} labelName={labelName} />}

      <div className="models-perclass">
        <div className="models-card-head">
          <h3>{m('models.detail.per_class')}</h3>
          <fieldset className="models-switch">
            <legend className="sr-only">{m('models.detail.eval_source')}</legend>
            {(['heldout', 'cv'] as const).map((s) => (
              <label key={s} className={source === s ? 'models-switch-on' : undefined}>
                <input
                  type="radio"
                  name={`eval-source-${v.id}`}
                  value={s}
                  checked={source === s}
                  disabled={s === 'heldout' ? !heldout : !cv}
                  onChange={() => setSource(s)}
                  data-testid={`eval-source-${s}`}
                />
                {m(s === 'heldout' ? 'models.detail.source_heldout' : 'models.detail.source_cv')}
              </label>
            ))}
          </fieldset>
        </div>
        <ClassTable rows={perClass(v.metrics, source)} labelName={labelName} />
      </div>
    </section>
  );
}
