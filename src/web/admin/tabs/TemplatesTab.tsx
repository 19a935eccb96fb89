import { useCallback, useMemo, useState } from 'react';
import { ErrorBox } from '../../ErrorBox.js';
import { useI18n } from '../../i18n.js';
import { useApiData } from '../../useApiData.js';
import { SurveySettingsForm } from '../templates/SurveySettingsForm.js';
import { TemplateEditor } from '../templates/TemplateEditor.js';
import { TemplateMatrix } from '../templates/TemplateMatrix.js';
import { TemplatePreview } from '../templates/TemplatePreview.js';
import { templateKey, type NoticeKind, type NoticeLocale, type NoticeTemplate, type TemplateItem } from '../templates/template-types.js';
import { messages as m } from '../templates/templates.messages.js';
import { usePreview } from '../templates/usePreview.js';
import '../templates/templates.css';

/** Notice wording per kind and language (built-in vs custom, edit with a live preview) and the survey settings. */
export function TemplatesTab() {
  const { t, locale: uiLocale } = useI18n();
  const { data, error, reload } = useApiData<{ items: TemplateItem[] }>('/api/v1/admin/notice-templates');
  const [selected, setSelected] = useState<{ kind: NoticeKind; locale: NoticeLocale }>({ kind: 'received', locale: uiLocale });
  // Edits per notice survive picking another one, until saved or discarded.
  const [drafts, setDrafts] = useState<Record<string, NoticeTemplate>>({});

  const items = useMemo(() => new Map((data?.items ?? []).map((i) => [templateKey(i.kind, i.locale), i])), [data]);
  const key = templateKey(selected.kind, selected.locale);
  const item = items.get(key) ?? null;
  const draft: NoticeTemplate = drafts[key] ?? (item ? { subject: item.subject, body: item.body, sms: item.sms } : { subject: '', body: '', sms: '' });
  const preview = usePreview(selected.kind, selected.locale, draft);
  const unsaved = useMemo(() => new Set(Object.keys(drafts)), [drafts]);

  const setDraft = useCallback((next: NoticeTemplate | null) => {
    setDrafts((all) => {
      const { [key]: _, ...rest } = all;
      return next ? { ...rest, [key]: next } : rest;
    });
  }, [key]);

  return (
    <div className="templates-tab" data-testid="templates-tab">
      <section className="card" aria-labelledby="tpl-title">
        <h2 id="tpl-title">{m('tpl.title')}</h2>
        <p className="muted small">{m('tpl.intro')}</p>
        <ErrorBox error={error} onRetry={reload} />
        {!data && !error && <p className="empty">{t('common.loading')}</p>}
        {data && (
          <div className="tpl-layout">
            <TemplateMatrix items={items} unsaved={unsaved} selected={selected} onSelect={(kind, locale) => setSelected({ kind, locale })} />
            {item && (
              <div className="tpl-work">
                <TemplateEditor key={key} item={item} draft={draft} preview={preview.preview} onDraft={setDraft} onStored={reload} />
                <TemplatePreview preview={preview.preview} error={preview.error} pending={preview.pending} />
              </div>
            )}
          </div>
        )}
      </section>
      <SurveySettingsForm />
    </div>
  );
}
