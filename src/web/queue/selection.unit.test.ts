import { describe, expect, it } from 'vitest';
import { NO_SELECTION, pageSelectionState, selectionReducer, type Selection } from './selection.js';

const ids = (s: Selection) => [...s].sort();

describe('queue row selection', () => {
  it('toggles, selects and unselects a page, replaces and clears', () => {
    let s = selectionReducer(NO_SELECTION, { type: 'toggle', id: 'a' });
    expect(ids(s)).toEqual(['a']);
    s = selectionReducer(s, { type: 'set', ids: ['a', 'b', 'c'], on: true });
    expect(ids(s)).toEqual(['a', 'b', 'c']);
    s = selectionReducer(s, { type: 'toggle', id: 'b' });
    expect(ids(s)).toEqual(['a', 'c']);
    s = selectionReducer(s, { type: 'set', ids: ['a', 'b'], on: false });
    expect(ids(s)).toEqual(['c']);
    s = selectionReducer(s, { type: 'replace', ids: ['x', 'y'] });
    expect(ids(s)).toEqual(['x', 'y']);
    expect(selectionReducer(s, { type: 'clear' }).size).toBe(0);
  });

  it('drops rows that left the page, and keeps the same object when nothing did', () => {
    const s = selectionReducer(NO_SELECTION, { type: 'set', ids: ['a', 'b'], on: true });
    expect(ids(selectionReducer(s, { type: 'keep', ids: ['b', 'c'] }))).toEqual(['b']);
    expect(selectionReducer(s, { type: 'keep', ids: ['a', 'b', 'c'] })).toBe(s);
    expect(selectionReducer(NO_SELECTION, { type: 'clear' })).toBe(NO_SELECTION);
  });

  it('tells the select-all box whether all, some or none of the page is ticked', () => {
    const s = selectionReducer(NO_SELECTION, { type: 'set', ids: ['a', 'b'], on: true });
    expect(pageSelectionState(s, ['a', 'b'])).toBe('all');
    expect(pageSelectionState(s, ['a', 'b', 'c'])).toBe('some');
    expect(pageSelectionState(s, ['c'])).toBe('none');
    expect(pageSelectionState(NO_SELECTION, [])).toBe('none');
  });
});
