import { useState } from 'react';
import './confirm-action.css';

/**
 * A button that asks before it acts: the question and Confirm / Cancel appear in place (no
 * window.confirm, which blocks the page and cannot be styled or read by screen readers in context).
 */
export function ConfirmAction(props: {
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => Promise<void> | void;
  disabled?: boolean;
  danger?: boolean;
  testId: string;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    try {
      await props.onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  }

  if (!asking) {
    return (
      <button type="button" className={props.danger ? 'btn' : 'btn btn-primary'} disabled={props.disabled} onClick={() => setAsking(true)} data-testid={props.testId}>
        {props.label}
      </button>
    );
  }
  return (
    <span className="confirm-action" role="group" aria-label={props.label} data-testid={`${props.testId}-ask`}>
      <span className="confirm-question">{props.question}</span>
      <button type="button" className={props.danger ? 'btn btn-small btn-danger' : 'btn btn-small btn-primary'} disabled={busy} onClick={() => void confirm()} data-testid={`${props.testId}-confirm`}>
        {props.confirmLabel}
      </button>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => setAsking(false)} data-testid={`${props.testId}-cancel`} autoFocus>
        {props.cancelLabel}
      </button>
    </span>
  );
}
