import type { ReactNode } from 'react';
import { Badge } from './Badge.js';
import { complaintDepartment, formatDateTime, formatMoney } from './format.js';
import { useI18n } from './i18n.js';
import type { Complaint } from './types.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kv">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Number, subject, badges and the complaint's facts. */
export function ComplaintHeader({ c }: { c: Complaint }) {
  const { t, tEnum, locale } = useI18n();
  return (
    <section className="card complaint-header">
      <div className="complaint-title">
        <span className="complaint-number" data-testid="complaint-number">{c.number}</span>
        <h1 data-testid="complaint-subject">{c.subject}</h1>
        <div className="badges">
          <Badge kind="status" value={c.status} testId="complaint-status" />
          <Badge kind="severity" value={c.severity} testId="complaint-severity" />
          <Badge kind="category" value={c.category} />
        </div>
      </div>
      <dl className="kv-grid">
        <Field label={t('detail.customer')}>
          {c.customer.name}
          {c.customer.tier === 'vip' && <span className="badge badge-vip">{t('tier.vip')}</span>}
        </Field>
        <Field label={t('detail.channel')}>{tEnum('channel', c.channel)}</Field>
        <Field label={t('col.department')}>{complaintDepartment(c, locale) ?? t('detail.noDepartment')}</Field>
        <Field label={t('col.assignee')}>{c.assignee?.name ?? t('detail.unassigned')}</Field>
        <Field label={t('detail.order')}>{c.orderNumber ?? t('common.none')}</Field>
        <Field label={t('detail.amount')}>{formatMoney(c.amountClaimed, c.currency)}</Field>
        <Field label={t('detail.created')}>{formatDateTime(c.createdAt)}</Field>
        <Field label={t('detail.updated')}>{formatDateTime(c.updatedAt)}</Field>
        <Field label={t('detail.firstResponseAt')}>{formatDateTime(c.firstResponseAt)}</Field>
        <Field label={t('detail.resolvedAt')}>{formatDateTime(c.resolvedAt)}</Field>
        {c.tags.length > 0 && (
          <Field label={t('detail.tags')}>
            {c.tags.map((tag) => (
              <span key={tag} className="tag">{tag}</span>
            ))}
          </Field>
        )}
      </dl>
      <div className="description">
        <h2>{t('detail.description')}</h2>
        <p className="prewrap" data-testid="complaint-description">{c.description}</p>
      </div>
    </section>
  );
}
