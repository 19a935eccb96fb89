import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { useI18n } from '../../i18n.js';
import { CATEGORIES, CHANNELS, SEVERITIES, type Category, type Channel, type Severity } from '../../types.js';
import { splitList } from './rule-form.js';
import type { SummaryContext } from './rule-summary.js';
import { ROUTING_BASE, type RuleSetSummary, type TestResult } from './routing-api.js';
import { messages as m } from './routing.messages.js';

type Target = 'active' | 'selected' | 'draft';

interface Sample {
  category: Category;
  severity: Severity;
  channel: Channel;
  customerTier: 'normal' | 'vip';
  amount: string;
  tags: string;
  subject: string;
  description: string;
}

const EMPTY: Sample = { category: 'other', severity: 'general', channel: 'web', customerTier: 'normal', amount: '', tags: '', subject: '', description: '' };

/**
 * Runs the rules on an ad-hoc complaint (POST /test): the active version, the version shown,
 * or the unsaved draft (sent inline, so the server validates it as it would on save).
 */
export function TestComplaintBox({ selected, draftRules, ctx }: {
  selected: RuleSetSummary | null;
  /** Returns the draft's rules, or null when there is no draft (or its JSON does not parse). */
  draftRules: (() => unknown[] | null) | null;
  ctx: SummaryContext;
}) {
  const { tEnum } = useI18n();
  const [target, setTarget] = useState<Target>('active');
  const [sample, setSample] = useState<Sample>(EMPTY);
  const [result, setResult] = useState<{ out: TestResult; target: Target } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (patch: Partial<Sample>) => setSample((s) => ({ ...s, ...patch }));
  const effective: Target = target === 'draft' && !draftRules ? 'active' : target === 'selected' && (!selected || selected.status === 'active') ? 'active' : target;

  async function run(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const amount = sample.amount.trim() === '' ? undefined : Number(sample.amount);
      const complaint = {
        category: sample.category, severity: sample.severity, channel: sample.channel, customerTier: sample.customerTier,
        subject: sample.subject, description: sample.description, tags: splitList(sample.tags), ...(amount === undefined ? {} : { amount }),
      };
      let rules: { rules?: unknown[]; ruleSetId?: string } = {};
      if (effective === 'draft') {
        const list = draftRules?.();
        if (!list) throw new Error(m('routing.test.draftBadJson'));
        rules = { rules: list };
      } else if (effective === 'selected' && selected) {
        rules = { ruleSetId: selected.id };
      }
      const out = await api.post<TestResult>(`${ROUTING_BASE}/test`, { ...rules, complaint });
      setResult({ out, target: effective });
    } catch (err) {
      setError(err);
      setResult(null);
    } finally {
      setBusy(false);
    }
  }

  const out = result?.out;
  return (
    <section className="card rt-test" aria-label={m('routing.test.title')} data-testid="routing-test">
      <h2>{m('routing.test.title')}</h2>
      <p className="muted small">{m('routing.test.intro')}</p>
      <form onSubmit={(e) => void run(e)}>
        <div className="rt-targets" role="radiogroup" aria-label={m('routing.test.against')}>
          <label className="check"><input type="radio" name="rt-test-target" checked={effective === 'active'} onChange={() => setTarget('active')} />{m('routing.test.active')}</label>
          {selected && selected.status !== 'active' && (
            <label className="check"><input type="radio" name="rt-test-target" checked={effective === 'selected'} data-testid="routing-test-selected" onChange={() => setTarget('selected')} />{m('routing.test.selected', { n: selected.version })}</label>
          )}
          {draftRules && (
            <label className="check"><input type="radio" name="rt-test-target" checked={effective === 'draft'} data-testid="routing-test-draft" onChange={() => setTarget('draft')} />{m('routing.test.draft')}</label>
          )}
        </div>
        <div className="field-row">
          <label className="field"><span>{m('routing.test.category')}</span>
            <select value={sample.category} data-testid="routing-test-category" onChange={(e) => set({ category: e.target.value as Category })}>
              {CATEGORIES.map((c) => <option key={c} value={c}>{tEnum('category', c)}</option>)}
            </select>
          </label>
          <label className="field"><span>{m('routing.test.severity')}</span>
            <select value={sample.severity} onChange={(e) => set({ severity: e.target.value as Severity })}>
              {SEVERITIES.map((s) => <option key={s} value={s}>{tEnum('severity', s)}</option>)}
            </select>
          </label>
          <label className="field"><span>{m('routing.test.channel')}</span>
            <select value={sample.channel} onChange={(e) => set({ channel: e.target.value as Channel })}>
              {CHANNELS.map((c) => <option key={c} value={c}>{tEnum('channel', c)}</option>)}
            </select>
          </label>
          <label className="field"><span>{m('routing.test.tier')}</span>
            <select value={sample.customerTier} onChange={(e) => set({ customerTier: e.target.value as Sample['customerTier'] })}>
              <option value="normal">{m('routing.tier.normal')}</option>
              <option value="vip">{m('routing.tier.vip')}</option>
            </select>
          </label>
          <label className="field"><span>{m('routing.test.amount')}</span>
            <input type="number" min={0} step="any" value={sample.amount} onChange={(e) => set({ amount: e.target.value })} />
          </label>
          <label className="field"><span>{m('routing.test.tags')}</span>
            <input type="text" value={sample.tags} onChange={(e) => set({ tags: e.target.value })} />
          </label>
        </div>
        <label className="field"><span>{m('routing.test.subject')}</span>
          <input type="text" maxLength={200} value={sample.subject} data-testid="routing-test-subject" onChange={(e) => set({ subject: e.target.value })} />
        </label>
        <label className="field"><span>{m('routing.test.description')}</span>
          <textarea rows={3} value={sample.description} data-testid="routing-test-description" onChange={(e) => set({ description: e.target.value })} />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="routing-test-run">{m('routing.test.run')}</button>
      </form>
      <ErrorBox error={error} />
      {out && result && (
        <div className="rt-test-result" data-testid="routing-test-result" aria-live="polite">
          <h3>{result.target === 'draft' ? m('routing.test.resultDraft') : m('routing.test.result', { n: out.ruleSet.version })}</h3>
          <dl className="kv-grid">
            <div className="kv"><dt>{m('routing.test.department')}</dt>
              <dd data-testid="routing-test-department" data-code={out.department ?? ''}>
                {out.department ? ctx.departmentName(out.department) : m('routing.test.none')}{' '}
                <span className="muted small">({out.departmentRule ? m('routing.test.departmentBy', { rule: out.departmentRule }) : m('routing.test.departmentDefault')})</span>
              </dd>
            </div>
            <div className="kv"><dt>{m('routing.test.severity.out')}</dt><dd>{tEnum('severity', out.severity)}</dd></div>
            <div className="kv"><dt>{m('routing.test.team')}</dt><dd>{out.team ?? m('routing.test.none')}</dd></div>
            <div className="kv"><dt>{m('routing.test.tagsOut')}</dt>
              <dd>{out.tags.length ? out.tags.map((t) => <span key={t} className={out.tagsAdded.includes(t) ? 'tag rt-tag-added' : 'tag'}>{t}</span>) : m('routing.test.none')}</dd>
            </div>
            <div className="kv"><dt>{m('routing.test.assignee')}</dt>
              <dd>{out.assignee ? `${ctx.userName ? ctx.userName(out.assignee.userId) : out.assignee.userId} (${out.assignee.reason})` : m('routing.test.noAssignee')}</dd>
            </div>
            <div className="kv"><dt>{m('routing.test.notify')}</dt>
              <dd>{out.notify.length ? out.notify.map((n) => [...n.roles.map((r) => tEnum('role', r)), ...n.users.map((u) => ctx.userName?.(u) ?? u)].join(', ')).join('; ') : m('routing.test.none')}</dd>
            </div>
            <div className="kv"><dt>{m('routing.test.autoReply')}</dt><dd>{out.autoReplies.length ? out.autoReplies.map((a) => a.articleSlug).join(', ') : m('routing.test.none')}</dd></div>
          </dl>
          <h3>{m('routing.test.fired')}</h3>
          {out.fired.length === 0 ? <p className="muted">{m('routing.test.noneFired')}</p> : (
            <ol className="rt-fired" data-testid="routing-test-fired">{out.fired.map((f) => <li key={f.ruleId}>{f.name} <code className="muted small">{f.ruleId}</code></li>)}</ol>
          )}
          {out.stoppedBy && <p className="small">{m('routing.test.stoppedBy', { rule: out.stoppedBy })}</p>}
          {out.warnings.length > 0 && <ul className="muted small">{out.warnings.map((w, i) => <li key={i}>{w.ruleId}: {w.message}</li>)}</ul>}
        </div>
      )}
    </section>
  );
}
