import { useState } from 'react';
import { api, request } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n.js';
import { useApiData } from '../../useApiData.js';
import type { CreatedWebhookSource, WebhookSource } from './channel-types.js';
import { messages as m } from './channels.messages.js';
import { ConfirmButton } from './ConfirmButton.js';
import { SecretReveal } from './SecretReveal.js';
import { WebhookSourceForm } from './WebhookSourceForm.js';

/** Partners and social networks that post complaints, each with its own signing secret. */
export function WebhookSources({ onChange }: { onChange: () => void }) {
  const { tEnum, t } = useI18n();
  const { data, error, reload } = useApiData<{ items: WebhookSource[] }>('/api/v1/admin/webhook-sources');
  const [created, setCreated] = useState<CreatedWebhookSource | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  const changed = () => {
    reload();
    onChange();
  };

  async function act(source: string, run: () => Promise<void>) {
    setBusy(source);
    setActionError(null);
    try {
      await run();
      changed();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(null);
    }
  }

  // Re-posting a source answers a fresh secret (and switches a deleted one back on); the old one stops working.
  const rekey = (s: WebhookSource) => act(s.source, async () => {
    setCreated(await api.post<CreatedWebhookSource>('/api/v1/admin/webhook-sources', { source: s.source, channel: s.channel }));
  });
  const remove = (s: WebhookSource) => act(s.source, async () => {
    await request('DELETE', `/api/v1/admin/webhook-sources/${encodeURIComponent(s.source)}`);
    if (created?.source === s.source) setCreated(null);
  });

  const items = data?.items ?? [];
  return (
    <section className="ch-section" aria-labelledby="wh-title" data-testid="webhook-sources">
      <div className="ch-section-head">
        <h2 id="wh-title">{m('wh.title')}</h2>
      </div>
      <p className="hint">{m('wh.intro')}</p>
      {created && <SecretReveal created={created} onDismiss={() => setCreated(null)} />}
      <div className="card">
        <WebhookSourceForm
          existing={items.map((s) => s.source)}
          onCreated={(s) => {
            setCreated(s);
            changed();
          }}
        />
      </div>
      <ErrorBox error={error} onRetry={reload} />
      <ErrorBox error={actionError} />
      {!data && !error && <p className="empty">{t('common.loading')}</p>}
      {data && items.length === 0 && <p className="empty card" data-testid="webhook-empty">{m('wh.empty')}</p>}
      {items.length > 0 && (
        <div className="card table-wrap">
          <table className="complaint-table ch-table" data-testid="webhook-table">
            <thead>
              <tr>
                <th scope="col">{m('wh.col.source')}</th>
                <th scope="col">{m('wh.col.channel')}</th>
                <th scope="col">{m('wh.col.state')}</th>
                <th scope="col">{m('wh.col.url')}</th>
                <th scope="col">{m('wh.col.updated')}</th>
                <th scope="col"><span className="sr-only">{m('wh.col.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.source} data-testid={`webhook-row-${s.source}`} className={s.active ? undefined : 'ch-row-off'}>
                  <td className="ch-mono">{s.source}</td>
                  <td>{tEnum('channel', s.channel)}</td>
                  <td>
                    <span className={`ch-state ch-state-${s.active ? 'ok' : 'off'}`} data-testid={`webhook-state-${s.source}`}>
                      {s.active ? m('wh.active') : m('wh.deleted')}
                    </span>
                  </td>
                  <td className="ch-mono ch-url">{s.intakeUrl}</td>
                  <td className="ch-nowrap">{formatDateTime(s.updatedAt)}</td>
                  <td>
                    <div className="row-actions">
                      <ConfirmButton
                        label={s.active ? m('wh.rekey') : m('wh.reactivate')}
                        question={s.active ? m('wh.rekey.ask', { source: s.source }) : m('wh.reactivate.ask', { source: s.source })}
                        confirmLabel={s.active ? m('wh.rekey.confirm') : m('wh.reactivate')}
                        cancelLabel={m('ch.cancel')}
                        onConfirm={() => void rekey(s)}
                        busy={busy === s.source}
                        danger={s.active}
                        testId={`webhook-rekey-${s.source}`}
                      />
                      {s.active && (
                        <ConfirmButton
                          label={m('wh.delete')}
                          question={m('wh.delete.ask', { source: s.source })}
                          confirmLabel={m('wh.delete.confirm')}
                          cancelLabel={m('ch.cancel')}
                          onConfirm={() => void remove(s)}
                          busy={busy === s.source}
                          testId={`webhook-delete-${s.source}`}
                        />
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
