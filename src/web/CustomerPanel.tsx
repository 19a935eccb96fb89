import { useEffect, useState } from 'react';
import { api } from './api.js';
import { ErrorBox } from './ErrorBox.js';
import { formatDateTime, formatMoney } from './format.js';
import { useI18n } from './i18n.js';
import { complaintHref } from './router.js';

interface Overview {
  customer: { id: string; name: string; email: string | null; phone: string | null; tier: 'normal' | 'vip'; locale: string };
  orders: Array<{ id: string; number: string; status: string; amount: number; currency: string; placedAt: string }>;
  complaints: Array<{ id: string; number: string; subject: string; category: string; status: string; channel: string; createdAt: string; repeat: boolean }>;
  stats: { total: number; open: number; repeats: number; inRepeatWindow: number; repeatWindowDays: number };
  repeatComplainer: boolean;
  preferredChannel: string | null;
}

/** The customer 360 beside the conversation: nobody asks the customer twice what we already know. */
export function CustomerPanel({ customerId, currentId }: { customerId: string; currentId: string }) {
  const { t, tEnum } = useI18n();
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    api.get<Overview>(`/api/v1/customers/${encodeURIComponent(customerId)}/overview`)
      .then((d) => live && setData(d))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [customerId, currentId]);

  if (error) return <ErrorBox error={error} />;
  if (!data) return <p className="empty">{t('common.loading')}</p>;
  const c = data.customer;
  const past = data.complaints.filter((x) => x.id !== currentId);
  return (
    <div className="customer-360" data-testid="customer-360">
      <p className="c360-name">
        <strong>{c.name}</strong> {c.tier === 'vip' && <span className="badge badge-vip">VIP</span>}
        {data.repeatComplainer && <span className="badge badge-repeat" data-testid="repeat-flag">{t('c360.repeat', { n: data.stats.inRepeatWindow, days: data.stats.repeatWindowDays })}</span>}
      </p>
      <dl className="c360-facts">
        <dt>{t('c360.email')}</dt><dd>{c.email ?? t('common.none')}</dd>
        <dt>{t('c360.phone')}</dt><dd>{c.phone ?? t('common.none')}</dd>
        <dt>{t('c360.preferred')}</dt><dd>{tEnum('channel', data.preferredChannel)}</dd>
        <dt>{t('c360.complaints')}</dt><dd>{t('c360.counts', { total: data.stats.total, open: data.stats.open })}</dd>
      </dl>
      <h3>{t('c360.orders')}</h3>
      {data.orders.length === 0 ? <p className="empty">{t('c360.noOrders')}</p> : (
        <ul className="c360-list">
          {data.orders.slice(0, 5).map((o) => (
            <li key={o.id}>{o.number} · {tEnum('orderStatus', o.status)} · {formatMoney(o.amount, o.currency)} · {formatDateTime(o.placedAt)}</li>
          ))}
        </ul>
      )}
      <h3>{t('c360.history')}</h3>
      {past.length === 0 ? <p className="empty">{t('c360.noHistory')}</p> : (
        <ul className="c360-list">
          {past.slice(0, 8).map((x) => (
            <li key={x.id}>
              <a href={complaintHref(x.number)}>{x.number}</a> {x.subject} · {tEnum('status', x.status)} · {tEnum('channel', x.channel)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
