import { BotPanel } from './BotPanel.js';
import { hallApi } from './hall-api.js';
import { formatWhen, useHallI18n } from './hall-i18n.js';
import { go, progressPath } from './hall-router.js';
import { HallErrorBox } from './HallError.js';
import type { HallHome } from './types.js';
import { useLoad } from './useLoad.js';
import { useNoticeArrived } from './notices/notice-events.js';

function money(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** First screen: "is this about order X?" and the complaints still in play. */
export function HomePage() {
  const { ht, locale } = useHallI18n();
  const { data, error, loading, reload } = useLoad(() => hallApi.get<HallHome>('/api/v1/portal/home'), `home:${locale}`);
  // A notice means one of the complaints moved on: refresh their steps.
  useNoticeArrived(() => reload());

  if (loading && !data) return <p className="hall-empty" data-testid="hall-loading">{ht('hall.loading')}</p>;
  if (error && !data) return <HallErrorBox error={error} onRetry={reload} />;
  if (!data) return null;

  return (
    <div className="hall-stack" data-testid="hall-home">
      <h1 className="hall-hello">{ht('home.hello', { name: data.customer.name })}</h1>
      <button type="button" className="hall-btn hall-btn-primary hall-btn-block" data-testid="hall-new" onClick={() => go('/hall/new')}>
        {ht('home.newComplaint')}
      </button>
      <BotPanel customerId={data.customer.id} onHandedOver={reload} />

      <section className="hall-card" aria-labelledby="orders-title">
        <h2 id="orders-title">{ht('home.orders')}</h2>
        {data.recentOrders.length === 0 ? (
          <p className="hall-muted" data-testid="hall-orders-empty">{ht('home.ordersEmpty')}</p>
        ) : (
          <ul className="hall-list">
            {data.recentOrders.map((o) => (
              <li key={o.id} className="hall-order" data-testid="hall-order" data-order={o.number}>
                <div className="hall-order-head">
                  <strong>{o.items.map((i) => i.name).filter(Boolean).join(', ') || o.number}</strong>
                  <span className="hall-muted">{money(o.amount, o.currency, locale)}</span>
                </div>
                <div className="hall-muted hall-small">{o.number} · {ht('home.orderPlaced', { time: formatWhen(o.placedAt) })}</div>
                {o.hasOpenComplaint && o.openComplaintNumber ? (
                  <a className="hall-note" href={progressPath(o.openComplaintNumber)} onClick={(e) => { e.preventDefault(); go(progressPath(o.openComplaintNumber!)); }}>
                    {ht('home.orderHasOpen', { number: o.openComplaintNumber })}
                  </a>
                ) : (
                  <div className="hall-ask">
                    <span>{ht('home.aboutOrder', { number: o.number })}</span>
                    <button type="button" className="hall-btn hall-btn-small" data-testid="hall-order-report" onClick={() => go(`/hall/new?order=${encodeURIComponent(o.number)}`)}>
                      {ht('home.aboutOrderAction')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="hall-card" aria-labelledby="complaints-title">
        <h2 id="complaints-title">{ht('home.complaints')}</h2>
        {data.openComplaints.length === 0 ? (
          <p className="hall-muted" data-testid="hall-complaints-empty">{ht('home.complaintsEmpty')}</p>
        ) : (
          <ul className="hall-list">
            {data.openComplaints.map((c) => (
              <li key={c.id}>
                <a className="hall-complaint" data-testid="hall-complaint" href={progressPath(c.number)} onClick={(e) => { e.preventDefault(); go(progressPath(c.number)); }}>
                  <span className="hall-complaint-subject">{c.subject}</span>
                  <span className={`hall-step-badge step-${c.step.kind}`}>{c.step.label}</span>
                  <span className="hall-muted hall-small">{c.number} · {ht('home.updated', { time: formatWhen(c.updatedAt) })}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
