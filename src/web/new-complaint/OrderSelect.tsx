import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { formatDateTime, formatMoney } from '../format.js';
import { useI18n } from '../i18n.js';
import { messages as m } from './new-complaint.messages.js';

interface Order { id: string; number: string; amount: number | null; currency: string | null; status: string; placedAt: string | null }

/** The chosen customer's orders (newest first), so the complaint can name the one it is about. */
export function OrderSelect({ customerId, value, onChange }: { customerId: string; value: string; onChange: (orderId: string) => void }) {
  const { tEnum } = useI18n();
  const [orders, setOrders] = useState<Order[] | null>(null);
  useEffect(() => {
    let live = true;
    setOrders(null);
    api.get<{ items: Order[] }>(`/api/v1/orders?customerId=${encodeURIComponent(customerId)}&limit=50`)
      .then((r) => live && setOrders(r.items))
      .catch(() => live && setOrders([])); // without the list the complaint is still filed, just without an order
    return () => {
      live = false;
    };
  }, [customerId]);
  if (orders && orders.length === 0) return <p className="muted small" data-testid="nc-no-orders">{m('nc.noOrders')}</p>;
  return (
    <label className="field">
      <span>{m('nc.order')}</span>
      <select data-testid="nc-order" value={value} disabled={!orders} onChange={(e) => onChange(e.target.value)}>
        <option value="">{m('nc.noOrder')}</option>
        {orders?.map((o) => (
          <option key={o.id} value={o.id}>
            {[o.number, tEnum('orderStatus', o.status), formatMoney(o.amount, o.currency), o.placedAt ? formatDateTime(o.placedAt) : null].filter(Boolean).join(' · ')}
          </option>
        ))}
      </select>
    </label>
  );
}
