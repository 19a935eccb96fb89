import { useState } from 'react';
import { api } from '../api.js';
import { ErrorBox } from '../ErrorBox.js';
import { tEnum, useI18n } from '../i18n.js';
import type { Complaint, TimelineEvent } from '../types.js';
import { messages as m } from './classification.messages.js';
import { latestClassification, type Classification } from './classification.js';
import './complaint-extras.css';

const TRIAGE_TAG = 'needs_triage';
const EMOTIONS = ['anger', 'urgency', 'threat', 'intensity'] as const;

const percent = (v: number) => `${Math.round(v * 100)} %`;
/** A CSS length: no space before the sign ("0 %" is not a width, and the bar would fill). */
const cssPercent = (v: number) => `${Math.round(Math.min(1, Math.max(0, v)) * 100)}%`;

function Emotion({ emotion }: { emotion: NonNullable<Classification['emotion']> }) {
  return (
    <dl className="why-emotion" data-testid="why-emotion">
      {EMOTIONS.map((k) => (
        <div key={k} className="why-emotion-row">
          <dt>{m(`why.emotion.${k}`)}</dt>
          <dd>
            <span className="why-bar" aria-hidden="true"><span style={{ width: cssPercent(emotion[k]) }} /></span>
            <span className="muted small">{percent(emotion[k])}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

interface Props {
  complaint: Complaint;
  events: TimelineEvent[];
  /** Front-line staff may confirm a classification the classifier was unsure of. */
  canTriage: boolean;
  onChanged: (c: Complaint) => void;
}

/**
 * Why the complaint has its category and severity: the intake classification's source,
 * confidence, deciding cues and tone (DESIGN §2; issue 3: "so an agent sees why"), what a
 * person changed since, and — for the triage view — a way to confirm it as it is.
 */
export function ClassificationPanel({ complaint, events, canTriage, onChanged }: Props) {
  useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const cls = latestClassification(events);
  const needsTriage = complaint.tags.includes(TRIAGE_TAG);
  if (!cls && !needsTriage) return null;

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      // Setting the values it already has is a person's decision: the server takes it out of the triage view.
      onChanged(await api.patch<Complaint>(`/api/v1/complaints/${encodeURIComponent(complaint.id)}`, { category: complaint.category, severity: complaint.severity }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card why" data-testid="classification-why">
      <h2>{m('why.title')}</h2>
      {needsTriage && (
        <div className="why-triage" data-testid="why-triage">
          <p>{m('why.triage')}</p>
          {canTriage && (
            <button type="button" className="btn" data-testid="why-confirm" disabled={busy} onClick={() => void confirm()}>
              {busy ? m('why.confirming') : m('why.confirm')}
            </button>
          )}
          <ErrorBox error={error} />
        </div>
      )}
      {cls && (
        <>
          <p className="why-source">
            <span>{m(`why.source.${cls.source}`)}</span>
            {cls.confidence !== null && <span className="badge" data-testid="why-confidence">{m('why.confidence', { percent: percent(cls.confidence) })}</span>}
          </p>
          <p className="why-result">{tEnum('category', cls.category)} · {tEnum('severity', cls.severity)}</p>
          {cls.source === 'classifier' && (
            <>
              <h3>{m('why.cues')}</h3>
              {cls.reasons.length ? (
                <ul className="why-cues" data-testid="why-cues">{cls.reasons.map((r, i) => <li key={i}>{r}</li>)}</ul>
              ) : (
                <p className="muted small">{m('why.noCues')}</p>
              )}
            </>
          )}
          {cls.emotion && (
            <>
              <h3>{m('why.emotion')}</h3>
              <Emotion emotion={cls.emotion} />
            </>
          )}
          {cls.correction && (
            <p className="muted small" data-testid="why-corrected">
              {m('why.corrected', {
                who: cls.correction.by,
                from: `${tEnum('category', cls.category)} · ${tEnum('severity', cls.severity)}`,
                to: `${tEnum('category', cls.correction.category)} · ${tEnum('severity', cls.correction.severity)}`,
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
