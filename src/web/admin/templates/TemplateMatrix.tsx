import { useI18n } from '../../i18n.js';
import { NOTICE_KINDS, NOTICE_LOCALES, templateKey, type NoticeKind, type NoticeLocale, type TemplateItem } from './template-types.js';
import { messages as m } from './templates.messages.js';

interface Props {
  items: Map<string, TemplateItem>;
  unsaved: ReadonlySet<string>;
  selected: { kind: NoticeKind; locale: NoticeLocale };
  onSelect: (kind: NoticeKind, locale: NoticeLocale) => void;
}

/** Every notice kind × language: built-in or custom wording, and which have unsaved edits. */
export function TemplateMatrix({ items, unsaved, selected, onSelect }: Props) {
  useI18n();
  return (
    <div className="table-wrap tpl-matrix">
      <table aria-label={m('tpl.matrix')} data-testid="tpl-matrix">
        <thead>
          <tr>
            <th scope="col">{m('tpl.col.notice')}</th>
            {NOTICE_LOCALES.map((l) => <th key={l} scope="col"><abbr title={m(`tpl.locale.${l}`)}>{l}</abbr></th>)}
          </tr>
        </thead>
        <tbody>
          {NOTICE_KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row">{m(`tpl.kind.${kind}`)}</th>
              {NOTICE_LOCALES.map((locale) => {
                const key = templateKey(kind, locale);
                const item = items.get(key);
                const isSelected = selected.kind === kind && selected.locale === locale;
                return (
                  <td key={locale}>
                    <button
                      type="button"
                      className={isSelected ? 'tpl-cell tpl-cell-selected' : 'tpl-cell'}
                      aria-pressed={isSelected}
                      aria-label={`${m(`tpl.kind.${kind}`)} · ${m(`tpl.locale.${locale}`)}: ${m(item?.custom ? 'tpl.state.custom' : 'tpl.state.builtin')}${unsaved.has(key) ? `, ${m('tpl.state.unsaved')}` : ''}`}
                      onClick={() => onSelect(kind, locale)}
                      data-testid={`tpl-cell-${kind}-${locale}`}
                      data-custom={item?.custom ? 'true' : 'false'}
                    >
                      <span className={item?.custom ? 'tpl-state tpl-state-custom' : 'tpl-state'}>
                        {m(item?.custom ? 'tpl.state.custom' : 'tpl.state.builtin')}
                      </span>
                      {unsaved.has(key) && <span className="tpl-unsaved" title={m('tpl.state.unsaved')} aria-hidden="true">●</span>}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
