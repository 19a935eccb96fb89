import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled form control with an optional hint and its error right below it, wired for
 * screen readers (the error and hint describe the control; the control is marked invalid).
 */
export function Field({ id, label, hint, error, className, children }: {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className ?? ''}`.trim()}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && <small id={errorId!} className="field-error" data-testid={`${id}-error`}>{error}</small>}
      {hint && <small id={hintId!} className="field-hint">{hint}</small>}
    </div>
  );
}
