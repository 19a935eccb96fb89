import { useRef, useState } from 'react';
import { request } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n.js';
import { ConfirmAction } from '../models/ConfirmAction.js';
import { emptyFields, insertVariable, sameTemplate } from './template-text.js';
import { TEMPLATE_FIELDS, type NoticeTemplate, type PreviewAnswer, type TemplateField, type TemplateItem } from './template-types.js';
import { messages as m } from './templates.messages.js';
import { VariableList } from './VariableList.js';

interface Props {
  item: TemplateItem;
  draft: NoticeTemplate;
  preview: PreviewAnswer | null;
  /** A new draft, or null to drop it (back to the saved wording). */
  onDraft: (next: NoticeTemplate | null) => void;
  onStored: () => void;
}

type Field = HTMLInputElement | HTMLTextAreaElement;
const FIELD_LABEL = { subject: 'tpl.field.subject', body: 'tpl.field.body', sms: 'tpl.field.sms' } as const;

/** The wording of one notice in one language: edit with the variables at hand, save, or go back to the built-in text. */
export function TemplateEditor({ item, draft, preview, onDraft, onStored }: Props) {
  useI18n();
  const fields = useRef<Partial<Record<TemplateField, Field | null>>>({});
  const [lastField, setLastField] = useState<TemplateField>('body');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);

  const saved: NoticeTemplate = { subject: item.subject, body: item.body, sms: item.sms };
  const dirty = !sameTemplate(draft, saved);
  const empty = emptyFields(draft);
  const base = `/api/v1/admin/notice-templates/${item.kind}/${encodeURIComponent(item.locale)}`;

  function edit(field: TemplateField, value: string) {
    setNote(null);
    const next = { ...draft, [field]: value };
    onDraft(sameTemplate(next, saved) ? null : next);
  }

  function insert(name: string) {
    const el = fields.current[lastField];
    const text = draft[lastField];
    const { text: next, caret } = insertVariable(text, el?.selectionStart ?? text.length, el?.selectionEnd ?? text.length, name);
    edit(lastField, next);
    // After React has put the new text in, put the caret back where the admin was typing.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(caret, caret);
    });
  }

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await request('PUT', base, draft);
      onDraft(null);
      onStored();
      setNote(m('tpl.saved'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function reset() {
    setError(null);
    try {
      await request('DELETE', base);
      onDraft(null);
      onStored();
      setNote(m('tpl.reset_done'));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form className="tpl-editor" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-labelledby="tpl-editor-title" data-testid="tpl-editor">
      <div className="tpl-editor-head">
        <h2 id="tpl-editor-title">
          {m('tpl.editor.title', { kind: m(`tpl.kind.${item.kind}`), locale: m(`tpl.locale.${item.locale}`) })}{' '}
          <span className={item.custom ? 'badge tpl-state-custom' : 'badge'} data-testid="tpl-editor-state">{m(item.custom ? 'tpl.state.custom' : 'tpl.state.builtin')}</span>
        </h2>
        <p className="muted small">{m(`tpl.when.${item.kind}`)}</p>
        <p className="muted small" data-testid="tpl-origin">
          {item.custom && item.updatedAt ? m('tpl.custom.since', { at: formatDateTime(item.updatedAt) }) : m('tpl.default.uses')}
        </p>
      </div>

      {TEMPLATE_FIELDS.map((f) => (
        <label key={f} className="field">
          <span>{m(FIELD_LABEL[f])}</span>
          {f === 'subject' ? (
            <input
              ref={(el) => { fields.current[f] = el; }}
              value={draft[f]}
              maxLength={300}
              onFocus={() => setLastField(f)}
              onChange={(e) => edit(f, e.target.value)}
              aria-invalid={empty.includes(f)}
              data-testid={`tpl-${f}`}
            />
          ) : (
            <textarea
              ref={(el) => { fields.current[f] = el; }}
              value={draft[f]}
              rows={f === 'body' ? 8 : 3}
              maxLength={f === 'body' ? 5000 : 500}
              onFocus={() => setLastField(f)}
              onChange={(e) => edit(f, e.target.value)}
              aria-invalid={empty.includes(f)}
              data-testid={`tpl-${f}`}
            />
          )}
        </label>
      ))}

      <VariableList names={item.variables} sample={preview?.sample ?? null} onInsert={insert} />

      {preview && preview.problems.length > 0 && (
        <div className="tpl-problems" role="alert" data-testid="tpl-problems">
          <strong>{m('tpl.problems')}</strong>
          <ul>{preview.problems.map((p, i) => <li key={i}>{m(FIELD_LABEL[p.path.replace('body.', '') as TemplateField])}: {p.message}</li>)}</ul>
        </div>
      )}
      {empty.length > 0 && <p className="tpl-warn" role="alert">{m('tpl.empty_fields')}</p>}
      <ErrorBox error={error} />
      {note && <p className="tpl-note" role="status" data-testid="tpl-note">{note}</p>}

      <div className="row-actions tpl-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !dirty || empty.length > 0} data-testid="tpl-save">{m('tpl.save')}</button>
        {dirty && <button type="button" className="btn" onClick={() => { setNote(null); onDraft(null); }} disabled={busy} data-testid="tpl-discard">{m('tpl.discard')}</button>}
        {item.custom && (
          <ConfirmAction
            label={m('tpl.reset')}
            question={m('tpl.reset_confirm')}
            confirmLabel={m('tpl.confirm.yes')}
            cancelLabel={m('tpl.confirm.no')}
            onConfirm={reset}
            disabled={busy}
            danger
            testId="tpl-reset"
          />
        )}
      </div>

      <details className="tpl-default" open={item.custom} data-testid="tpl-default">
        <summary>{m('tpl.default.title')}</summary>
        <dl>
          {TEMPLATE_FIELDS.map((f) => (
            <div key={f}>
              <dt>{m(FIELD_LABEL[f])}</dt>
              <dd className="prewrap" data-testid={`tpl-default-${f}`}>{item.default[f]}</dd>
            </div>
          ))}
        </dl>
        {!sameTemplate(draft, item.default) && (
          <button type="button" className="btn btn-small" onClick={() => { setNote(null); onDraft(sameTemplate(item.default, saved) ? null : { ...item.default }); }} data-testid="tpl-copy-default">
            {m('tpl.default.copy')}
          </button>
        )}
      </details>
    </form>
  );
}
