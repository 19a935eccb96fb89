import { useEffect, useRef, useState } from 'react';
import './confirm-button.css';

/**
 * A destructive action asked twice, inline (no browser dialog): the first click shows the
 * question with "confirm" and "cancel"; focus moves to cancel so Enter does not confirm by accident.
 */
export function ConfirmButton({ label, question, confirmLabel, cancelLabel, onConfirm, busy, testId, danger = true }: {
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  testId: string;
  danger?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancelRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className={danger ? 'btn btn-small confirm-danger' : 'btn btn-small'} disabled={busy} onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm-ask" role="group" aria-label={question} data-testid={`${testId}-ask`}>
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className={danger ? 'btn btn-small confirm-danger-solid' : 'btn btn-small btn-primary'}
        disabled={busy}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        data-testid={`${testId}-confirm`}
      >
        {confirmLabel}
      </button>
      <button type="button" className="btn btn-small" ref={cancelRef} onClick={() => setAsking(false)} data-testid={`${testId}-cancel`}>
        {cancelLabel}
      </button>
    </span>
  );
}
