import { useI18n } from '../i18n.js';
import type { BulkSummary } from './bulk-logic.js';
import { messages } from './queue.messages.js';

type KnownCode = 'invalid_transition' | 'not_found' | 'forbidden' | 'validation_failed' | 'conflict';
const KNOWN = new Set<string>(['invalid_transition', 'not_found', 'forbidden', 'validation_failed', 'conflict']);

const reasonOf = (code: string) => (KNOWN.has(code) ? messages(`queue.bulk.code.${code as KnownCode}`) : messages('queue.bulk.code.other', { code }));

/** "7 updated, 1 failed: C-2026-000123 invalid transition", each failure by number with the server's reason. */
export function BulkResult({ summary, onDismiss, onSelectFailed }: { summary: BulkSummary; onDismiss: () => void; onSelectFailed: () => void }) {
  useI18n();
  const failed = summary.failures.length;
  return (
    <div className={failed ? 'bulk-result bulk-result-failed' : 'bulk-result'} role="status" data-testid="bulk-result">
      <strong>
        {failed
          ? messages('queue.bulk.result', { updated: summary.updated, failed })
          : messages('queue.bulk.resultAll', { updated: summary.updated })}
      </strong>
      {failed > 0 && (
        <ul className="bulk-failures">
          {summary.failures.map((f) => (
            <li key={f.id} data-testid="bulk-failure" data-number={f.number}>
              <span className="cell-number">{f.number}</span> {reasonOf(f.code)}
              {f.message && <span className="muted small"> — {f.message}</span>}
            </li>
          ))}
        </ul>
      )}
      {failed > 0 && (
        <button type="button" className="btn btn-small" data-testid="bulk-select-failed" onClick={onSelectFailed}>{messages('queue.bulk.selectFailed')}</button>
      )}
      <button type="button" className="btn btn-small btn-ghost" data-testid="bulk-result-dismiss" onClick={onDismiss}>{messages('queue.bulk.dismiss')}</button>
    </div>
  );
}
