// PLACEHOLDER: replaced by the helper building this section; must not land as is.
export function SlaTab() {
  return <p className="empty">…</p>;
}
