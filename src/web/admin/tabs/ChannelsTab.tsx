// PLACEHOLDER: replaced by the helper building this section; must not land as is.
export function ChannelsTab() {
  return <p className="empty">…</p>;
}
