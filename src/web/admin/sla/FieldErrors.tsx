/** Server (or local) messages shown right under the field they are about. */
export function FieldErrors({ messages, id }: { messages: readonly string[] | undefined; id?: string }) {
  if (!messages?.length) return null;
  return (
    <ul className="sla-field-errors" id={id} role="alert" data-testid="field-error">
      {messages.map((msg, i) => <li key={i}>{msg}</li>)}
    </ul>
  );
}
