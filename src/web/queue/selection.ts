/** Which queue rows are ticked for a bulk action. Pure state transitions for useReducer. */
export type Selection = ReadonlySet<string>;

export type SelectionAction =
  | { type: 'toggle'; id: string }
  /** Tick (on) or untick every id given, e.g. all rows on the page. */
  | { type: 'set'; ids: readonly string[]; on: boolean }
  /** Keep only these ids: rows that left the page (reloaded, moved out of the view) drop out, so a bulk action never touches a row nobody sees. */
  | { type: 'keep'; ids: readonly string[] }
  /** Replace the selection, e.g. with the ones a bulk action refused. */
  | { type: 'replace'; ids: readonly string[] }
  | { type: 'clear' };

export const NO_SELECTION: Selection = new Set();

export function selectionReducer(s: Selection, a: SelectionAction): Selection {
  switch (a.type) {
    case 'toggle': {
      const next = new Set(s);
      if (!next.delete(a.id)) next.add(a.id);
      return next;
    }
    case 'set': {
      const next = new Set(s);
      for (const id of a.ids) {
        if (a.on) next.add(id);
        else next.delete(id);
      }
      return next;
    }
    case 'keep': {
      const keep = new Set(a.ids);
      const next = [...s].filter((id) => keep.has(id));
      // Same content: return the same object so React skips the re-render.
      return next.length === s.size ? s : new Set(next);
    }
    case 'replace':
      return new Set(a.ids);
    case 'clear':
      return s.size ? NO_SELECTION : s;
  }
}

/** The "select all on page" box: all, some (indeterminate) or none of `ids` ticked. */
export function pageSelectionState(s: Selection, ids: readonly string[]): 'all' | 'some' | 'none' {
  const n = ids.filter((id) => s.has(id)).length;
  if (n === 0) return 'none';
  return n === ids.length ? 'all' : 'some';
}
