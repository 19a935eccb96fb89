import { useEffect, useState } from 'react';
import { api } from './api.js';
import { useI18n } from './i18n.js';

interface Macro { id: string; name: string; locale: string; shared: boolean }

/** Picks a reply macro and hands back its text filled in for this complaint. */
export function MacroPicker({ complaintId, onInsert }: { complaintId: string; onInsert: (text: string) => void }) {
  const { t } = useI18n();
  const [macros, setMacros] = useState<Macro[] | null>(null);

  useEffect(() => {
    let live = true;
    api.get<{ items: Macro[] }>('/api/v1/macros')
      .then((r) => live && setMacros(r.items))
      .catch(() => live && setMacros([])); // roles without macros simply get no picker
    return () => {
      live = false;
    };
  }, []);

  if (!macros?.length) return null;
  return (
    <label className="macro-picker">
      <span className="sr-only">{t('reply.macro')}</span>
      <select
        data-testid="macro-picker"
        value=""
        onChange={(e) => {
          const id = e.target.value;
          if (!id) return;
          api.post<{ text: string }>(`/api/v1/complaints/${encodeURIComponent(complaintId)}/macros/${id}/render`)
            .then((r) => onInsert(r.text))
            .catch(() => undefined);
        }}
      >
        <option value="">{t('reply.macro')}</option>
        {macros.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
      </select>
    </label>
  );
}
