import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { useI18n } from '../../i18n.js';
import type { CreatedWebhookSource } from './channel-types.js';
import { messages as m } from './channels.messages.js';

// The server's rule (webhook-sources.ts sourceName), checked here only to explain it before sending.
const SOURCE_NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** Registers a partner or social network; the server generates its secret and answers it once. */
export function WebhookSourceForm({ existing, onCreated }: { existing: string[]; onCreated: (s: CreatedWebhookSource) => void }) {
  const { tEnum } = useI18n();
  const [source, setSource] = useState('');
  const [channel, setChannel] = useState<'webhook' | 'social'>('webhook');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = source.trim();
  // Posting an existing name would silently replace its secret: that is the "new secret" action's job.
  const problem = !name ? null : !SOURCE_NAME.test(name) ? m('wh.form.badName') : existing.includes(name) ? m('wh.form.exists') : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name || problem) return;
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<CreatedWebhookSource>('/api/v1/admin/webhook-sources', { source: name, channel });
      setSource('');
      onCreated(created);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="wh-form" onSubmit={(e) => void submit(e)} data-testid="webhook-form" aria-labelledby="wh-form-title">
      <h3 id="wh-form-title">{m('wh.form.title')}</h3>
      <div className="field-row">
        <label className="field field-grow">
          <span>{m('wh.form.name')}</span>
          <input
            type="text"
            value={source}
            onChange={(e) => setSource(e.target.value.toLowerCase())}
            placeholder="shopmall"
            maxLength={40}
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby="wh-form-name-hint"
            data-testid="webhook-form-name"
          />
          <small id="wh-form-name-hint" className={problem ? 'ch-bad' : 'muted'}>{problem ?? m('wh.form.nameHint')}</small>
        </label>
        <label className="field">
          <span>{m('wh.form.channel')}</span>
          <select value={channel} onChange={(e) => setChannel(e.target.value as 'webhook' | 'social')} data-testid="webhook-form-channel">
            <option value="webhook">{tEnum('channel', 'webhook')}</option>
            <option value="social">{tEnum('channel', 'social')}</option>
          </select>
        </label>
      </div>
      <ErrorBox error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy || !name || Boolean(problem)} data-testid="webhook-form-submit">
        {busy ? m('wh.form.creating') : m('wh.form.submit')}
      </button>
    </form>
  );
}
