/**
 * Dry run: replays a rule set over past complaints as if each were coming in now, using what
 * is stored (category, severity, channel, amount, customer tier, order status and merchant,
 * subject + description, tags, created_at; emotion from the classifier when a rule asks), and
 * reports per complaint what would differ from what happened. Reads only: no event, no
 * round-robin counter, nothing is written (assignments are simulated in memory).
 */
import type { AppContext } from '../../../http/context.js';
import type { Principal } from '../../auth/principal.js';
import { requireRole } from '../../auth/require-role.js';
import { DEFAULT_DEPARTMENT, type Category, type Channel, type Severity } from '../../complaints/taxonomy.js';
import { compiledVersion } from '../active-rule-set.js';
import { evaluateRules } from '../evaluate-rules.js';
import { pickAssignee, Simulation } from '../pick-assignee.js';
import { getRuleSet } from '../rule-set-repo.js';

export interface DryRunQuery {
  from?: string;
  to?: string;
  limit: number;
  onlyChanged: boolean;
}

interface ReplayRow {
  id: string;
  number: string;
  created_at: Date;
  category: Category;
  severity: Severity;
  channel: Channel;
  subject: string;
  description: string;
  amount_claimed: number | null;
  tags: string[];
  team: string | null;
  assignee_id: string | null;
  department_code: string | null;
  tier: 'normal' | 'vip';
  order_status: string | null;
  merchant: string | null;
}

type Diff<T> = { actual: T; wouldBe: T };

export async function dryRun(ctx: AppContext, p: Principal, ruleSetId: string, q: DryRunQuery) {
  requireRole(p, ['admin', 'supervisor'], 'dry-run routing rules');
  const row = await getRuleSet(ctx.db, ruleSetId);
  const set = compiledVersion(row.id, row.version, row.rules);
  const rows = await ctx.db.query<ReplayRow>(
    `select c.id, c.number, c.created_at, c.category, c.severity, c.channel, c.subject, c.description, c.amount_claimed,
            c.tags, c.team, c.assignee_id, d.code as department_code, cu.tier, o.status as order_status, o.merchant
       from complaints c
       join customers cu on cu.id = c.customer_id
       left join departments d on d.id = c.department_id
       left join orders o on o.id = c.order_id
      where ($1::timestamptz is null or c.created_at >= $1) and ($2::timestamptz is null or c.created_at < $2)
      order by c.created_at desc, c.id desc
      limit $3`,
    [q.from ?? null, q.to ?? null, q.limit],
  );
  const sim = new Simulation();
  const totals = { replayed: rows.length, changed: 0, department: 0, severity: 0, tags: 0, team: 0, assignee: 0, notifications: 0, autoReplies: 0, rulesFired: {} as Record<string, number> };
  const items = [];
  let evaluationMs = 0;
  // Oldest first, as they came in, so simulated round-robin and loads advance in intake order.
  for (const c of rows.reverse()) {
    const t0 = performance.now();
    const out = evaluateRules(set, {
      category: c.category, severity: c.severity, channel: c.channel, customerTier: c.tier, merchant: c.merchant,
      amount: c.amount_claimed === null ? null : Number(c.amount_claimed), orderStatus: c.order_status,
      text: `${c.subject}\n${c.description}`, tags: c.tags, department: DEFAULT_DEPARTMENT[c.category], team: null, at: c.created_at,
    });
    evaluationMs += performance.now() - t0;
    const picked = out.assign ? await pickAssignee(ctx.db, out.assign, c.created_at, sim) : null;
    const changes: Partial<{ department: Diff<string | null>; severity: Diff<Severity>; team: Diff<string | null>; tags: Diff<string[]> & { added: string[] }; assignee: Diff<string | null> }> = {};
    if (out.department !== c.department_code) changes.department = { actual: c.department_code, wouldBe: out.department };
    if (out.severity !== c.severity) changes.severity = { actual: c.severity, wouldBe: out.severity };
    if (out.team !== c.team && out.team !== null) changes.team = { actual: c.team, wouldBe: out.team };
    if (out.tagsAdded.length) changes.tags = { actual: c.tags, wouldBe: out.tags, added: out.tagsAdded };
    if (picked && picked.userId !== c.assignee_id) changes.assignee = { actual: c.assignee_id, wouldBe: picked.userId };
    const changed = Object.keys(changes).length > 0;
    if (changed) totals.changed++;
    for (const k of ['department', 'severity', 'team', 'tags', 'assignee'] as const) if (changes[k]) totals[k]++;
    totals.notifications += out.notify.length;
    totals.autoReplies += out.autoReplies.length;
    for (const f of out.fired) totals.rulesFired[f.ruleId] = (totals.rulesFired[f.ruleId] ?? 0) + 1;
    if (changed || !q.onlyChanged) {
      items.push({
        complaintId: c.id, number: c.number, createdAt: c.created_at.toISOString(), changed, changes,
        fired: out.fired.map((f) => f.ruleId), stoppedBy: out.stoppedBy,
        notify: out.notify.map((n) => n.ruleId), autoReplies: out.autoReplies.map((a) => a.articleSlug),
      });
    }
  }
  items.reverse();
  return {
    ruleSet: { id: row.id, version: row.version, status: row.status },
    window: { from: q.from ?? null, to: q.to ?? null, limit: q.limit },
    totals: { ...totals, evaluationMsPerComplaint: rows.length ? Math.round((evaluationMs / rows.length) * 1000) / 1000 : 0 },
    items,
  };
}
