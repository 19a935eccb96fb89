import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { insertAtCursor } from './reply-insert.js';

/**
 * Puts text into a controlled textarea where its caret (or selection) was, then gives the
 * textarea the focus back with the caret behind what was inserted.
 */
export function useInsertAtCursor(setText: Dispatch<SetStateAction<string>>) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  const [inserted, setInserted] = useState(0);

  const insert = useCallback((snippet: string) => {
    const el = ref.current;
    setText((text) => {
      const r = insertAtCursor(text, el?.selectionStart ?? text.length, el?.selectionEnd ?? text.length, snippet);
      caret.current = r.cursor;
      return r.text;
    });
    setInserted((n) => n + 1);
  }, [setText]);

  useEffect(() => {
    const el = ref.current;
    if (caret.current === null || !el) return;
    el.focus();
    el.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [inserted]);

  return { ref, insert };
}
