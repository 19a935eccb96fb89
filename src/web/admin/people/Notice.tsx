import { messages as m } from './people.messages.js';

/** A confirmation after a save, announced politely to screen readers. */
export function Notice({ text, onDismiss, testId }: { text: string | null; onDismiss: () => void; testId: string }) {
  if (!text) return null;
  return (
    <div className="people-notice" role="status" data-testid={testId}>
      <span>{text}</span>
      <button type="button" className="btn btn-small btn-ghost" onClick={onDismiss}>{m('people.dismiss')}</button>
    </div>
  );
}
