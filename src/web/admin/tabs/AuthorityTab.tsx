// PLACEHOLDER: replaced by the helper building this section; must not land as is.
export function AuthorityTab() {
  return <p className="empty">…</p>;
}
