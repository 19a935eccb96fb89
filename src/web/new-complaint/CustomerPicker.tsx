import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { ErrorBox } from '../ErrorBox.js';
import { useI18n } from '../i18n.js';
import { messages as m } from './new-complaint.messages.js';
import { useDebounced } from './useDebounced.js';

export interface PickedCustomer {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  tier: 'normal' | 'vip';
}

const describe = (c: PickedCustomer) => [c.name, c.email, c.phone].filter(Boolean).join(' · ');

/**
 * Search for a customer already on record and pick them, so the complaint joins their
 * history (repeats, orders) instead of relying on a typed email or phone to match.
 */
export function CustomerPicker({ picked, onPick }: { picked: PickedCustomer | null; onPick: (c: PickedCustomer | null) => void }) {
  useI18n();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const [found, setFound] = useState<{ q: string; items: PickedCustomer[] } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (picked || query.length < 2) return;
    let live = true;
    api.get<{ items: PickedCustomer[] }>(`/api/v1/customers?q=${encodeURIComponent(query)}&limit=6`)
      .then((r) => {
        if (!live) return;
        setFound({ q: query, items: r.items });
        setError(null);
      })
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [query, picked]);

  if (picked) {
    return (
      <div className="nc-picked" data-testid="nc-picked">
        <span className="muted small">{m('nc.chosen')}</span>
        <strong>{describe(picked)}</strong>
        {picked.tier === 'vip' && <span className="badge">VIP</span>}
        <button type="button" className="btn btn-small" data-testid="nc-change" onClick={() => onPick(null)}>{m('nc.change')}</button>
      </div>
    );
  }
  const shown = found && found.q === query && query.length >= 2 ? found.items : null;
  return (
    <div className="nc-find">
      <label className="field">
        <span>{m('nc.find')}</span>
        <input type="search" data-testid="nc-find" value={q} placeholder={m('nc.findPlaceholder')} onChange={(e) => setQ(e.target.value)} maxLength={200} />
      </label>
      <ErrorBox error={error} />
      {query.length >= 2 && !shown && !error && <p className="muted small">{m('nc.searching')}</p>}
      {shown && shown.length === 0 && <p className="muted small" data-testid="nc-no-match">{m('nc.noMatch', { q: query })}</p>}
      {shown && shown.length > 0 && (
        <ul className="nc-matches" data-testid="nc-matches">
          {shown.map((c) => (
            <li key={c.id}>
              <button type="button" className="nc-match" data-testid="nc-match" aria-label={m('nc.pick', { name: c.name })} onClick={() => onPick(c)}>
                {describe(c)}{c.tier === 'vip' && <span className="badge">VIP</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{m('nc.orOther')}</p>
    </div>
  );
}
