import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from './api.js';
import { ErrorBox } from './ErrorBox.js';
import { useI18n } from './i18n.js';
import { complaintHref, navigate } from './router.js';
import { CATEGORIES, CHANNELS, SEVERITIES, type Complaint } from './types.js';
import { ClassifyPreview } from './new-complaint/ClassifyPreview.js';
import { CustomerPicker, type PickedCustomer } from './new-complaint/CustomerPicker.js';
import { OrderSelect } from './new-complaint/OrderSelect.js';
import './new-complaint/new-complaint.css';

interface Form {
  channel: string;
  subject: string;
  description: string;
  name: string;
  email: string;
  phone: string;
  category: string;
  severity: string;
  amount: string;
  orderId: string;
}

const EMPTY: Form = { channel: 'phone', subject: '', description: '', name: '', email: '', phone: '', category: '', severity: '', amount: '', orderId: '' };

function newKey(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Only fields with a value go out: the API rejects empty strings and unknown keys. A picked customer goes by id. */
function toBody(f: Form, picked: PickedCustomer | null): Record<string, unknown> {
  const body: Record<string, unknown> = { channel: f.channel, subject: f.subject.trim(), description: f.description };
  if (picked) {
    body.customerId = picked.id;
    if (f.orderId) body.orderId = f.orderId;
  } else {
    const customer: Record<string, string> = { name: f.name.trim() };
    if (f.email.trim()) customer.email = f.email.trim();
    if (f.phone.trim()) customer.phone = f.phone.trim();
    body.customer = customer;
  }
  if (f.category) body.category = f.category;
  if (f.severity) body.severity = f.severity;
  if (f.amount.trim()) body.amount = Number(f.amount.trim());
  return body;
}

export function NewComplaintPage() {
  const { t, tEnum } = useI18n();
  const [form, setForm] = useState<Form>(EMPTY);
  const [picked, setPicked] = useState<PickedCustomer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // One key per attempt: a double submit or a retry after a network failure creates the complaint once.
  const idemKey = useRef<string>(newKey());
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const amount = form.amount.trim();
    if (amount && !(Number.isFinite(Number(amount)) && Number(amount) >= 0)) {
      setError(new ApiError(400, 'validation_failed', t('new.invalidAmount')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<Complaint>('/api/v1/complaints', toBody(form, picked), { 'Idempotency-Key': idemKey.current });
      navigate(complaintHref(created.id));
    } catch (err) {
      // A refused request stored nothing: the corrected form is a new attempt.
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) idemKey.current = newKey();
      setError(err);
      setBusy(false);
    }
  }

  return (
    <section className="page narrow">
      <a className="back-link" href="#/complaints">{t('common.back')}</a>
      <form className="card form" noValidate onSubmit={(e) => void submit(e)}>
        <h1>{t('new.title')}</h1>
        <fieldset>
          <legend>{t('new.complaint')}</legend>
          <label className="field">
            <span>{t('new.channel')}</span>
            <select data-testid="new-channel" value={form.channel} onChange={set('channel')}>
              {CHANNELS.map((c) => <option key={c} value={c}>{tEnum('channel', c)}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{t('new.subject')}</span>
            <input data-testid="new-subject" value={form.subject} onChange={set('subject')} maxLength={200} required />
          </label>
          <label className="field">
            <span>{t('new.description')}</span>
            <textarea data-testid="new-description" rows={6} value={form.description} onChange={set('description')} maxLength={20000} required />
          </label>
          <div className="field-row">
            <label className="field">
              <span>{t('new.category')}</span>
              <select data-testid="new-category" value={form.category} onChange={set('category')}>
                <option value="">{t('new.auto')}</option>
                {CATEGORIES.map((c) => <option key={c} value={c}>{tEnum('category', c)}</option>)}
              </select>
            </label>
            <label className="field">
              <span>{t('new.severity')}</span>
              <select data-testid="new-severity" value={form.severity} onChange={set('severity')}>
                <option value="">{t('new.auto')}</option>
                {SEVERITIES.map((s) => <option key={s} value={s}>{tEnum('severity', s)}</option>)}
              </select>
            </label>
            <label className="field">
              <span>{t('new.amount')}</span>
              <input data-testid="new-amount" inputMode="decimal" value={form.amount} onChange={set('amount')} />
            </label>
          </div>
          <ClassifyPreview
            text={`${form.subject}\n${form.description}`}
            amount={form.amount.trim() && Number.isFinite(Number(form.amount)) ? Number(form.amount) : null}
            customerId={picked?.id ?? null}
            overridden={form.category !== '' && form.severity !== ''}
          />
        </fieldset>
        <fieldset>
          <legend>{t('new.customer')}</legend>
          <CustomerPicker picked={picked} onPick={(c) => { setPicked(c); setForm((f) => ({ ...f, orderId: '' })); }} />
          {picked ? (
            <OrderSelect customerId={picked.id} value={form.orderId} onChange={(orderId) => setForm((f) => ({ ...f, orderId }))} />
          ) : (
            <>
            <label className="field">
              <span>{t('new.customerName')}</span>
              <input data-testid="new-customer-name" value={form.name} onChange={set('name')} maxLength={120} required />
            </label>
            <div className="field-row">
              <label className="field">
                <span>{t('new.customerEmail')}</span>
                <input type="email" data-testid="new-customer-email" value={form.email} onChange={set('email')} maxLength={254} />
              </label>
              <label className="field">
                <span>{t('new.customerPhone')}</span>
                <input type="tel" data-testid="new-customer-phone" value={form.phone} onChange={set('phone')} maxLength={30} />
              </label>
            </div>
            </>
          )}
        </fieldset>
        <ErrorBox error={error} />
        <div className="row-actions">
          <button type="submit" className="btn btn-primary" data-testid="new-submit" disabled={busy}>
            {busy ? t('new.submitting') : t('new.submit')}
          </button>
          <a className="btn btn-ghost" href="#/complaints">{t('new.cancel')}</a>
        </div>
      </form>
    </section>
  );
}
