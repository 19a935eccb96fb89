import { useState, type FormEvent } from 'react';
import { api } from './api.js';
import { ErrorBox } from './ErrorBox.js';
import { useI18n } from './i18n.js';
import { MacroPicker } from './MacroPicker.js';
import { KbPicker } from './complaint/KbPicker.js';
import { useInsertAtCursor } from './complaint/useInsertAtCursor.js';
import type { Message } from './types.js';

/** Write a public reply or, with the toggle on, an internal note. */
export function ReplyBox({ complaintId, onSent, onTyping }: { complaintId: string; onSent: () => void; onTyping?: () => void }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const atCursor = useInsertAtCursor(setBody);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await api.post<Message>(`/api/v1/complaints/${encodeURIComponent(complaintId)}/messages`, {
        kind: internal ? 'internal_note' : 'public_reply',
        body,
      });
      setBody('');
      onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={internal ? 'reply reply-internal' : 'reply'} onSubmit={(e) => void submit(e)}>
      <label className="sr-only" htmlFor="reply-body">{t('reply.label')}</label>
      <textarea
        id="reply-body"
        ref={atCursor.ref}
        data-testid="reply-box"
        rows={4}
        value={body}
        placeholder={internal ? t('reply.notePlaceholder') : t('reply.placeholder')}
        onChange={(e) => {
          setBody(e.target.value);
          onTyping?.();
        }}
      />
      <ErrorBox error={error} />
      <div className="reply-actions">
        <MacroPicker complaintId={complaintId} onInsert={(text) => setBody((b) => (b.trim() ? `${b}\n${text}` : text))} />
        <KbPicker complaintId={complaintId} onInsert={atCursor.insert} />
        <label className="check">
          <input type="checkbox" data-testid="note-toggle" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
          <span>{t('reply.internal')}</span>
        </label>
        <button type="submit" className={internal ? 'btn btn-note' : 'btn btn-primary'} data-testid="reply-submit" disabled={busy || !body.trim()}>
          {busy ? t('reply.sending') : internal ? t('reply.addNote') : t('reply.send')}
        </button>
      </div>
    </form>
  );
}
