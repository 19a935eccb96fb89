import { useState, type FormEvent } from 'react';
import { ErrorBox } from '../ErrorBox.js';
import { useI18n } from '../i18n.js';
import { messages } from './queue.messages.js';
import { hasFilters, type Filters } from './view-filters.js';
import { saveView } from './views-api.js';

interface Props {
  filters: Filters;
  canShare: boolean;
  onSaved: () => void;
}

/** "Save current filters as view": a name, and for supervisors the choice to share it. */
export function SaveViewForm({ filters, canShare, onSaved }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const empty = !hasFilters(filters);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim() || empty) return;
    setBusy(true);
    setError(null);
    try {
      await saveView(name.trim(), filters, canShare && shared);
      setName('');
      setShared(false);
      setOpen(false);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className="btn btn-small btn-block" data-testid="save-view-open" onClick={() => setOpen(true)}>
        {messages('queue.saveCurrent')}
      </button>
    );
  }
  return (
    <form className="queue-save" onSubmit={(e) => void submit(e)} data-testid="save-view-form">
      <label className="field">
        <span>{messages('queue.viewName')}</span>
        <input type="text" data-testid="save-view-name" value={name} maxLength={80} required autoFocus onChange={(e) => setName(e.target.value)} />
      </label>
      {canShare && (
        <label className="check">
          <input type="checkbox" data-testid="save-view-shared" checked={shared} onChange={(e) => setShared(e.target.checked)} />
          <span>{messages('queue.shareView')}</span>
        </label>
      )}
      {empty && <p className="muted small">{messages('queue.nothingToSave')}</p>}
      <ErrorBox error={error} />
      <div className="row-actions">
        <button type="submit" className="btn btn-primary btn-small" data-testid="save-view-submit" disabled={busy || empty || !name.trim()}>
          {busy ? t('common.saving') : messages('queue.saveView')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => { setOpen(false); setError(null); }}>{messages('queue.cancel')}</button>
      </div>
    </form>
  );
}
