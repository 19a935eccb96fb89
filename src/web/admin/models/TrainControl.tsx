import { useState } from 'react';
import { ErrorBox } from '../../ErrorBox.js';
import { formatDuration } from '../../format.js';
import { useI18n } from '../../i18n.js';
import { useNow } from '../../useNow.js';
import type { TrainingState } from './useTraining.js';
import { messages as m } from './models.messages.js';

/** "Train new version", its options, and what the training is doing right now. */
export function TrainControl({ state, onStart }: { state: TrainingState; onStart: (opts: { epochs: number; folds: number }) => void }) {
  useI18n();
  const [epochs, setEpochs] = useState(12);
  const [folds, setFolds] = useState(5);
  const busy = state.phase === 'training' || state.phase === 'waiting';
  const foldsValid = folds === 0 || (folds >= 2 && folds <= 10);
  const epochsValid = epochs >= 1 && epochs <= 50;

  return (
    <div className="models-train" data-testid="train-control">
      <div className="row-actions">
        <button type="button" className="btn btn-primary" disabled={busy || !foldsValid || !epochsValid} onClick={() => onStart({ epochs, folds })} data-testid="train-start">
          {m('models.train.button')}
        </button>
        <details className="models-train-options">
          <summary>{m('models.train.options')}</summary>
          <div className="field-row">
            <label className="field field-inline">
              <span>{m('models.train.epochs')}</span>
              <input type="number" min={1} max={50} value={epochs} onChange={(e) => setEpochs(Math.trunc(Number(e.target.value)))} disabled={busy} aria-invalid={!epochsValid} />
            </label>
            <label className="field field-inline">
              <span>{m('models.train.folds')}</span>
              <input type="number" min={0} max={10} value={folds} onChange={(e) => setFolds(Math.trunc(Number(e.target.value)))} disabled={busy} aria-invalid={!foldsValid} />
            </label>
          </div>
        </details>
      </div>
      {busy && <TrainingProgress state={state} />}
      {state.phase === 'failed' && <ErrorBox error={state.error} />}
      {state.phase === 'lost' && <p className="models-warn" role="alert">{m('models.train.lost')}</p>}
    </div>
  );
}

function TrainingProgress({ state }: { state: Extract<TrainingState, { startedAt: number }> }) {
  const now = useNow();
  const elapsed = formatDuration(Math.max(0, now - state.startedAt));
  return (
    <div className="models-training" data-testid="train-running">
      <span className="models-spinner" aria-hidden="true" />
      <div>
        <strong role="status">{m(state.phase === 'waiting' ? 'models.train.waiting' : 'models.train.running')}</strong>
        {/* outside the live region: a screen reader should not read out every second */}
        <span className="mono models-elapsed" aria-hidden="true">{elapsed}</span>
        <p className="muted small">{m('models.train.running_note')}</p>
      </div>
    </div>
  );
}
