import { useEffect, useState, type FormEvent } from 'react';
import { request } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n.js';
import { useApiData } from '../../useApiData.js';
import type { SurveySettings } from './template-types.js';
import { messages as m } from './templates.messages.js';

type Form = Omit<SurveySettings, 'updatedAt'>;
type NumberField = 'delayHours' | 'reminderAfterHours' | 'windowDays' | 'csatReopenThreshold';

const NUMBERS: Array<{ key: NumberField; label: 'survey.delay' | 'survey.reminder' | 'survey.window' | 'survey.threshold'; min: number; max: number }> = [
  { key: 'delayHours', label: 'survey.delay', min: 0, max: 720 },
  { key: 'reminderAfterHours', label: 'survey.reminder', min: 1, max: 720 },
  { key: 'windowDays', label: 'survey.window', min: 1, max: 90 },
  { key: 'csatReopenThreshold', label: 'survey.threshold', min: 0, max: 5 },
];

const toForm = ({ updatedAt: _, ...rest }: SurveySettings): Form => rest;

/** When surveys go out, the reminder, the answer window, the reopen threshold, auto-close. */
export function SurveySettingsForm() {
  const { t } = useI18n();
  const { data, error: loadError, reload } = useApiData<SurveySettings>('/api/v1/admin/survey-settings');
  const [form, setForm] = useState<Form | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  // Take the server's values once; later reloads (live updates) must not wipe what is being typed.
  useEffect(() => {
    if (data && !form) setForm(toForm(data));
  }, [data, form]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const next = await request<SurveySettings>('PUT', '/api/v1/admin/survey-settings', form);
      setForm(toForm(next));
      setSaved(true);
      reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setSaved(false);
    setForm((f) => (f ? { ...f, [key]: value } : f));
  };

  return (
    <section className="card tpl-survey" aria-labelledby="tpl-survey-title" data-testid="survey-settings">
      <h2 id="tpl-survey-title">{m('survey.title')}</h2>
      <p className="muted small">{m('survey.intro')}</p>
      <ErrorBox error={loadError} onRetry={reload} />
      {!form && !loadError && <p className="empty">{t('common.loading')}</p>}
      {form && (
        <form onSubmit={(e) => void submit(e)}>
          <label className="check">
            <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} data-testid="survey-enabled" />
            {m('survey.enabled')}
          </label>
          <div className="field-row tpl-survey-numbers">
            {NUMBERS.map((n) => (
              <label key={n.key} className="field">
                <span>{m(n.label)}</span>
                <input
                  type="number"
                  min={n.min}
                  max={n.max}
                  step={1}
                  required
                  value={form[n.key]}
                  onChange={(e) => set(n.key, Math.trunc(Number(e.target.value)))}
                  disabled={!form.enabled && n.key !== 'windowDays'}
                  data-testid={`survey-${n.key}`}
                />
              </label>
            ))}
          </div>
          <label className="check">
            <input type="checkbox" checked={form.autoClose} onChange={(e) => set('autoClose', e.target.checked)} data-testid="survey-autoClose" />
            {m('survey.auto_close')}
          </label>
          <ErrorBox error={error} />
          <div className="row-actions tpl-actions">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="survey-save">{m('survey.save')}</button>
            {saved && <span className="tpl-note" role="status" data-testid="survey-saved">{m('survey.saved')}</span>}
            {data && <span className="muted small">{m('survey.updated', { at: formatDateTime(data.updatedAt) })}</span>}
          </div>
        </form>
      )}
    </section>
  );
}
