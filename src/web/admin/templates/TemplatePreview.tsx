import { ErrorBox } from '../../ErrorBox.js';
import { useI18n } from '../../i18n.js';
import { smsParts } from './template-text.js';
import type { PreviewAnswer } from './template-types.js';
import { messages as m } from './templates.messages.js';

/** The notice as a customer would get it, rendered by the server with sample values. */
export function TemplatePreview({ preview, error, pending }: { preview: PreviewAnswer | null; error: unknown; pending: boolean }) {
  const { t } = useI18n();
  const sms = preview ? smsParts(preview.sms) : null;
  return (
    <section className="tpl-preview" aria-labelledby="tpl-preview-title" aria-busy={pending} data-testid="tpl-preview">
      <div className="tpl-preview-head">
        <h2 id="tpl-preview-title">{m('tpl.preview.title')}</h2>
        <span className="muted small">{pending ? m('tpl.preview.updating') : m('tpl.preview.note')}</span>
      </div>
      <ErrorBox error={error} />
      {!preview && !error && <p className="empty">{t('common.loading')}</p>}
      {preview && (
        <>
          <h3>{m('tpl.preview.email')}</h3>
          <div className="tpl-mail">
            <div className="tpl-mail-subject">
              <span className="muted">{m('tpl.preview.subject')}: </span>
              <strong data-testid="tpl-preview-subject">{preview.subject}</strong>
            </div>
            <div className="tpl-mail-body prewrap" data-testid="tpl-preview-body">{preview.body}</div>
          </div>
          <h3>{m('tpl.preview.sms')}</h3>
          <div className="tpl-sms prewrap" data-testid="tpl-preview-sms">{preview.sms}</div>
          {sms && (
            <p className="muted small" data-testid="tpl-sms-count">
              {m('tpl.sms.count', { length: sms.length, parts: sms.parts })}
              {sms.unicode ? ` · ${m('tpl.sms.unicode')}` : ''}
            </p>
          )}
        </>
      )}
    </section>
  );
}
