import { messages } from './desk.messages.js';

interface Props {
  /** Prefix of the test ids: `<id>-confirm`, `<id>-do`, `<id>-next`. */
  id: string;
  confirming: boolean;
  busy: boolean;
  ready: boolean;
  question: string;
  doLabel: string;
  nextLabel: string;
  onDo: () => void;
  onBack: () => void;
  onCancel: () => void;
}

/** The two-step ending of a desk action form: "Next" (submit) → the question with "Do it" / "Back". */
export function ConfirmStep({ id, confirming, busy, ready, question, doLabel, nextLabel, onDo, onBack, onCancel }: Props) {
  return confirming ? (
    <div className="desk-confirm" data-testid={`${id}-confirm`}>
      <p role="status">{question}</p>
      <button type="button" className="btn btn-primary" data-testid={`${id}-do`} disabled={busy} onClick={onDo}>
        {busy ? messages('deskTask.working') : doLabel}
      </button>
      <button type="button" className="btn" disabled={busy} onClick={onBack}>{messages('deskTask.back')}</button>
    </div>
  ) : (
    <div className="desk-form-buttons">
      <button type="submit" className="btn btn-primary" data-testid={`${id}-next`} disabled={!ready}>{nextLabel}</button>
      <button type="button" className="btn" onClick={onCancel}>{messages('deskTask.cancel')}</button>
    </div>
  );
}
