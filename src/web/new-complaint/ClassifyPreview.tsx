import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { departmentLabel, useDepartments } from '../desk/useDepartments.js';
import { useI18n } from '../i18n.js';
import { messages as m } from './new-complaint.messages.js';
import { useDebounced } from './useDebounced.js';

interface Result { category: string; severity: string; department: string | null; confidence: number; reasons: string[]; needsTriage: boolean }

interface Props {
  text: string;
  amount: number | null;
  customerId: string | null;
  /** Both category and severity chosen by hand: the classifier will not decide. */
  overridden: boolean;
}

/** What intake's classifier would decide for the text typed so far, and why — before the complaint is filed. */
export function ClassifyPreview({ text, amount, customerId, overridden }: Props) {
  const { tEnum, locale } = useI18n();
  const { departments } = useDepartments();
  const settled = useDebounced(JSON.stringify({ text: text.trim(), amount, customerId }), 400);
  const [result, setResult] = useState<Result | null>(null);

  useEffect(() => {
    const body = JSON.parse(settled) as { text: string; amount: number | null; customerId: string | null };
    if (body.text.length < 4) return;
    let live = true;
    api.post<Result>('/api/v1/classify', { text: body.text, ...(body.amount !== null ? { amount: body.amount } : {}), ...(body.customerId ? { customerId: body.customerId } : {}) })
      .then((r) => live && setResult(r))
      .catch(() => live && setResult(null)); // a preview is a hint: without it the form works the same
    return () => {
      live = false;
    };
  }, [settled]);

  if (!result || text.trim().length < 4) return null;
  const r = result;
  return (
    <div className="nc-preview" data-testid="nc-preview" aria-live="polite">
      <span className="muted small">{m('nc.preview')}</span>{' '}
      <strong data-testid="nc-preview-result">{tEnum('category', r.category)} · {tEnum('severity', r.severity)}</strong>
      <span className="muted small">
        {r.department ? ` · ${m('nc.previewDepartment', { department: departmentLabel(r.department, departments, locale) })}` : ''} · {m('nc.previewConfidence', { percent: `${Math.round(r.confidence * 100)} %` })}
      </span>
      {r.reasons.length > 0 && <ul className="nc-preview-cues">{r.reasons.slice(0, 3).map((x, i) => <li key={i}>{x}</li>)}</ul>}
      {overridden ? <p className="muted small">{m('nc.previewOverridden')}</p> : r.needsTriage && <p className="small" data-testid="nc-preview-unsure">{m('nc.previewUnsure')}</p>}
    </div>
  );
}
