import { beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n.js';
import { DEFAULT_RULES } from '../../../modules/routing/default-rules.js';
import { describeAction, describeCondition, describeDraftRule, describeNode, whenParts, type SummaryContext } from './rule-summary.js';
import { changeRows } from './dry-run-rows.js';
import type { DryRunItem } from './routing-api.js';

const ctx: SummaryContext = { departmentName: (c) => ({ quality: 'Quality', management: 'Management' })[c] ?? c, userName: (id) => (id === 'u1' ? 'Ann' : id) };

beforeAll(() => setLocale('en'));

describe('rules in words', () => {
  it('describes the built-in safety rule', () => {
    const safety = DEFAULT_RULES[0]!;
    expect(whenParts(safety.when, ctx)).toEqual({ joiner: 'and', parts: ['Category is Safety'] });
    expect(safety.then.map((a) => describeAction(a, ctx))).toEqual([
      'Raise severity to Urgent',
      'Route to Management',
      'Add tags “safety”, “quality_review”',
      'Notify Supervisor: “Safety complaint: senior management takes it directly (10 min first response).”',
    ]);
  });

  it('describes conditions of every shape', () => {
    expect(describeCondition({ field: 'text', op: 'contains_any', value: ['cracked', 'broken'] }, ctx)).toBe('Text (subject + description) contains any of “cracked”, “broken”');
    expect(describeCondition({ field: 'amount', op: 'between', value: [100, 500] }, ctx)).toBe('Amount claimed is between 100 and 500');
    expect(describeCondition({ field: 'merchant', op: 'exists', value: false }, ctx)).toBe('Merchant is not set');
    expect(describeCondition({ field: 'time.weekday', op: 'in', value: ['sat', 'sun'], timeZone: 'Europe/Berlin' }, ctx)).toBe('Weekday is one of Saturday, Sunday (Europe/Berlin)');
    expect(describeNode({ any: [{ field: 'customer.tier', op: 'eq', value: 'vip' }, { not: { all: [{ field: 'channel', op: 'eq', value: 'email' }, { field: 'severity', op: 'gte', value: 'serious' }] } }] }, ctx))
      .toBe('Customer tier is VIP or not (Channel is Email and Severity is at least Serious)');
  });

  it('describes assignment and notification pools', () => {
    expect(describeAction({ type: 'assign', strategy: 'by_skill', department: 'routed', skills: ['returns', 'en'] }, ctx))
      .toBe('Assign (by skill) to Agent in the routed department with skills returns, en');
    expect(describeAction({ type: 'assign', strategy: 'least_loaded', roles: ['agent', 'supervisor'], department: 'quality', team: 'screens' }, ctx))
      .toBe('Assign (least loaded) to Agent, Supervisor in Quality of team screens');
    expect(describeAction({ type: 'notify', users: ['u1'], roles: ['supervisor'], sameDepartment: true }, ctx)).toBe('Notify Supervisor of the complaint’s department; Ann');
  });
});

describe('half-written draft rules in words', () => {
  it('describes what it can and never throws', () => {
    expect(describeDraftRule({ then: [{ type: 'set_department', department: 'quality' }] }, ctx)).toEqual({ when: { joiner: null, parts: [] }, then: ['Route to Quality'] });
    expect(describeDraftRule({ when: { all: [{ field: 'text', op: 'contains_any', value: [] }] }, then: [{ type: 'teleport' }] }, ctx))
      .toEqual({ when: { joiner: 'and', parts: ['Text (subject + description) contains any of '] }, then: ['{"type":"teleport"}'] });
    for (const bad of [null, 'x', { then: 'x' }, { when: 5, then: [] }, { when: { all: 'x' }, then: [] }]) expect(() => describeDraftRule(bad, ctx)).not.toThrow();
    expect(describeDraftRule({ when: { all: 'x' }, then: [] }, ctx)).toBeNull();
  });
});

describe('dry-run rows', () => {
  const item = (n: string, changes: DryRunItem['changes']): DryRunItem => ({ complaintId: `id-${n}`, number: n, createdAt: '', changed: true, changes, fired: ['r1'], stoppedBy: null, notify: [], autoReplies: [] });

  it('lists one row per changed field, in a fixed field order, up to the limit', () => {
    const items = [
      item('C-2', { tags: { actual: [], wouldBe: ['damage'], added: ['damage'] }, department: { actual: 'logistics', wouldBe: 'quality' } }),
      item('C-1', { assignee: { actual: null, wouldBe: 'u1' } }),
    ];
    const all = changeRows(items, 10);
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => `${r.number}:${r.field}`)).toEqual(['C-2:department', 'C-2:tags', 'C-1:assignee']);
    expect(all.rows[1]).toMatchObject({ before: [], after: ['damage'], added: ['damage'] });
    const cut = changeRows(items, 2);
    expect(cut).toMatchObject({ total: 3 });
    expect(cut.rows).toHaveLength(2);
  });
});
