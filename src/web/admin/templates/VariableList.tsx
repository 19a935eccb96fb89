import { useI18n } from '../../i18n.js';
import { messages as m } from './templates.messages.js';

const KNOWN = new Set(['customerName', 'complaintNumber', 'complaintSubject', 'progressUrl', 'promise', 'department', 'surveyUrl', 'replyText']);
type Known = 'customerName' | 'complaintNumber' | 'complaintSubject' | 'progressUrl' | 'promise' | 'department' | 'surveyUrl' | 'replyText';

/** The {{variables}} this notice may use: what each means, its value in the preview, a click to insert it. */
export function VariableList({ names, sample, onInsert }: { names: string[]; sample: Record<string, string> | null; onInsert: (name: string) => void }) {
  useI18n();
  return (
    <div className="tpl-vars" data-testid="tpl-vars">
      <h3>{m('tpl.vars.title')}</h3>
      <p className="muted small">{m('tpl.vars.hint')}</p>
      <ul>
        {names.map((name) => (
          <li key={name}>
            <button type="button" className="tpl-var" onClick={() => onInsert(name)} aria-label={m('tpl.vars.insert', { name })} data-testid={`tpl-var-${name}`}>
              {`{{${name}}}`}
            </button>
            <span className="tpl-var-about">
              {KNOWN.has(name) ? m(`tpl.var.${name as Known}`) : ''}
              {sample?.[name] ? <span className="muted"> — {sample[name]}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
