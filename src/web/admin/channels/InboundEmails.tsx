import { useEffect, useState } from 'react';
import { api } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n.js';
import { complaintHref } from '../../router.js';
import { useApiData } from '../../useApiData.js';
import { INBOUND_STATES, type InboundEmail, type InboundState } from './channel-types.js';
import { messages as m } from './channels.messages.js';
import { formatBytes } from './units.js';

const PAGE = 20;
type Page = { items: InboundEmail[]; nextCursor: string | null };

/** Recent inbound mail with what became of it; failed mail (the dead letters) can be processed again. */
export function InboundEmails({ counts, onChange }: { counts: Record<InboundState, number> | null; onChange: () => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<InboundState | null>(null);
  const url = `/api/v1/admin/inbound-emails?limit=${PAGE}${status ? `&status=${status}` : ''}`;
  const first = useApiData<Page>(url);
  // Further pages, appended below the first; dropped whenever the first page is fetched again.
  const [more, setMore] = useState<Page[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [retrying, setRetrying] = useState<string | null>(null);
  // The outcome of the last retry, above the list: with a state filter on, the row itself may leave the list.
  // Kept as data, worded at render time, so it follows a language switch.
  const [notice, setNotice] = useState<{ from: string; status: InboundState; error: string | null } | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  useEffect(() => setMore([]), [first.fetchedAt, url]);

  const items = [...(first.data?.items ?? []), ...more.flatMap((p) => p.items)];
  const nextCursor = more.length ? more.at(-1)!.nextCursor : first.data?.nextCursor ?? null;

  async function loadMore() {
    if (!nextCursor) return;
    setLoadingMore(true);
    setActionError(null);
    try {
      const page = await api.get<Page>(`${url}&cursor=${encodeURIComponent(nextCursor)}`);
      setMore((p) => [...p, page]);
    } catch (err) {
      setActionError(err);
    } finally {
      setLoadingMore(false);
    }
  }

  async function retry(mail: InboundEmail) {
    setRetrying(mail.id);
    setActionError(null);
    setNotice(null);
    try {
      const after = await api.post<InboundEmail & { outcome: string }>(`/api/v1/admin/inbound-emails/${mail.id}/retry`);
      setNotice({ from: mail.envelopeFrom ?? mail.id, status: after.status, error: after.error });
      first.reload();
      onChange();
    } catch (err) {
      setActionError(err);
    } finally {
      setRetrying(null);
    }
  }

  const filterButton = (value: InboundState | null) => {
    const label = value ? m(`in.state.${value}`) : m('in.all');
    const n = counts ? (value ? counts[value] : INBOUND_STATES.reduce((s, k) => s + counts[k], 0)) : null;
    return (
      <button
        key={value ?? 'all'}
        type="button"
        className={`btn btn-small in-filter${status === value ? ' in-filter-on' : ''}${value === 'failed' && n ? ' in-filter-failed' : ''}`}
        aria-pressed={status === value}
        onClick={() => setStatus(value)}
        data-testid={`inbound-filter-${value ?? 'all'}`}
      >
        {label}{n !== null ? ` (${n})` : ''}
      </button>
    );
  };

  return (
    <section className="ch-section" aria-labelledby="in-title" data-testid="inbound-emails">
      <div className="ch-section-head">
        <h2 id="in-title">{m('in.title')}</h2>
        <div className="row-actions" role="group" aria-label={m('in.filter')}>
          {filterButton(null)}
          {INBOUND_STATES.map(filterButton)}
        </div>
      </div>
      <p className="hint">{m('in.intro')}</p>
      <ErrorBox error={first.error} onRetry={first.reload} />
      <ErrorBox error={actionError} />
      {notice && (
        <p className={notice.status === 'failed' ? 'ch-bad in-notice' : 'ok in-notice'} role="status" data-testid="inbound-retry-result">
          {notice.status === 'failed'
            ? m('in.retry.stillFailing', { from: notice.from, error: notice.error ?? '' })
            : m('in.retry.done', { from: notice.from, state: m(`in.state.${notice.status}`) })}
        </p>
      )}
      {!first.data && !first.error && <p className="empty">{t('common.loading')}</p>}
      {first.data && items.length === 0 && (
        <p className="empty card" data-testid="inbound-empty">{status ? m('in.emptyState', { state: m(`in.state.${status}`) }) : m('in.empty')}</p>
      )}
      {items.length > 0 && (
        <div className="card table-wrap">
          <table className="complaint-table ch-table" data-testid="inbound-table">
            <thead>
              <tr>
                <th scope="col">{m('in.col.received')}</th>
                <th scope="col">{m('in.col.via')}</th>
                <th scope="col">{m('in.col.from')}</th>
                <th scope="col">{m('in.col.size')}</th>
                <th scope="col">{m('in.col.state')}</th>
                <th scope="col">{m('in.col.attempts')}</th>
                <th scope="col">{m('in.col.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((mail) => (
                <tr key={mail.id} data-testid={`inbound-row-${mail.id}`} data-status={mail.status}>
                  <td className="ch-nowrap">{formatDateTime(mail.receivedAt)}</td>
                  <td>{mail.transport.toUpperCase()}</td>
                  <td className="ch-mono ch-url" title={mail.emailMessageId ?? undefined}>{mail.envelopeFrom ?? t('common.none')}</td>
                  <td className="ch-nowrap">{formatBytes(mail.size)}</td>
                  <td><span className={`ch-state in-state-${mail.status}`}>{m(`in.state.${mail.status}`)}</span></td>
                  <td>{mail.attempts}</td>
                  <td>
                    <div className="in-outcome">
                      {mail.complaintId && <a href={complaintHref(mail.complaintId)}>{m('in.openComplaint')}</a>}
                      {mail.status === 'failed' && (
                        <>
                          <span className="ch-error">{mail.error ?? ''}</span>
                          <button
                            type="button"
                            className="btn btn-small"
                            onClick={() => void retry(mail)}
                            disabled={retrying === mail.id}
                            aria-label={m('in.retry.label', { from: mail.envelopeFrom ?? mail.id })}
                            data-testid={`inbound-retry-${mail.id}`}
                          >
                            {retrying === mail.id ? m('in.retry.busy') : m('in.retry')}
                          </button>
                        </>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor && (
        <button type="button" className="btn" onClick={() => void loadMore()} disabled={loadingMore} data-testid="inbound-more">
          {loadingMore ? t('common.loading') : m('in.more')}
        </button>
      )}
    </section>
  );
}
