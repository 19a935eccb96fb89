import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { CATEGORIES, DEFAULT_DEPARTMENT } from '../complaints/taxonomy.js';
import { DEFAULT_RULES } from './default-rules.js';
import { compileRuleSet, evaluateRules } from './evaluate-rules.js';
import { checkLoops } from './rule-loops.js';
import { parseRules, type Rule } from './rule-schema.js';
import type { RoutingInput } from './routing-facts.js';

const input = (o: Partial<RoutingInput> = {}): RoutingInput => ({
  category: 'logistics', severity: 'general', channel: 'web', customerTier: 'normal', merchant: null, amount: null,
  orderStatus: null, text: 'Parcel late', emotion: { anger: 0, urgency: 0, threat: 0, intensity: 0 }, tags: [],
  department: 'logistics', team: null, at: new Date('2026-03-02T01:00:00Z'), ...o,
});

/** One rule that tags `hit` when the condition holds. */
const probe = (when: unknown) => parseRules([{ id: 'p', name: 'probe', when: { all: [when] }, then: [{ type: 'add_tags', tags: ['hit'] }] }]);
const hits = (when: unknown, o: Partial<RoutingInput> = {}) => evaluateRules(compileRuleSet(null, 1, probe(when)), input(o)).tags.includes('hit');
const run = (rules: unknown[], o: Partial<RoutingInput> = {}) => evaluateRules(compileRuleSet(null, 1, parseRules(rules)), input(o));

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('condition fields', () => {
  it('category, severity (by rank), channel, customer tier', () => {
    expect(hits({ field: 'category', op: 'eq', value: 'logistics' })).toBe(true);
    expect(hits({ field: 'category', op: 'in', value: ['refund', 'billing'] })).toBe(false);
    expect(hits({ field: 'severity', op: 'gte', value: 'serious' }, { severity: 'urgent' })).toBe(true);
    expect(hits({ field: 'severity', op: 'gte', value: 'serious' }, { severity: 'general' })).toBe(false);
    expect(hits({ field: 'severity', op: 'lt', value: 'urgent' }, { severity: 'serious' })).toBe(true);
    expect(hits({ field: 'channel', op: 'not_in', value: ['email', 'phone'] }, { channel: 'chat' })).toBe(true);
    expect(hits({ field: 'customer.tier', op: 'eq', value: 'vip' }, { customerTier: 'vip' })).toBe(true);
    expect(hits({ field: 'customer.tier', op: 'eq', value: 'vip' })).toBe(false);
  });

  it('merchant, amount and order status, absent values included', () => {
    expect(hits({ field: 'merchant', op: 'eq', value: 'acme' }, { merchant: 'acme' })).toBe(true);
    expect(hits({ field: 'merchant', op: 'exists', value: false })).toBe(true);
    expect(hits({ field: 'merchant', op: 'neq', value: 'acme' })).toBe(true);
    expect(hits({ field: 'amount', op: 'gte', value: 500 }, { amount: 500 })).toBe(true);
    expect(hits({ field: 'amount', op: 'gte', value: 500 }, { amount: null })).toBe(false);
    expect(hits({ field: 'amount', op: 'between', value: [100, 200] }, { amount: 150 })).toBe(true);
    expect(hits({ field: 'amount', op: 'exists', value: true }, { amount: 0 })).toBe(true);
    expect(hits({ field: 'order.status', op: 'in', value: ['shipped', 'delivered'] }, { orderStatus: 'shipped' })).toBe(true);
    expect(hits({ field: 'order.status', op: 'in', value: ['shipped'] }, { orderStatus: null })).toBe(false);
  });

  it('keywords: Chinese as substrings, English as stemmed words and phrases', () => {
    const kw = (value: string[], text: string, op = 'contains_any') => hits({ field: 'text', op, value }, { text });
    expect(kw(['退款'], '我的退款一直没有到账')).toBe(true);
    expect(kw(['退款'], '快递到了')).toBe(false);
    expect(kw(['退款'], '我的退款一直沒有到賬')).toBe(true); // traditional characters normalised
    expect(kw(['refund'], 'I want my refunds back')).toBe(true);
    expect(kw(['refund'], 'Refunded twice?')).toBe(true);
    expect(kw(['fire'], 'The firewall blocks me')).toBe(false); // whole words, not substrings
    expect(kw(['not received'], 'The parcel was not received yet')).toBe(true);
    expect(kw(['not received'], 'Received, not happy')).toBe(false);
    expect(kw(['lawyer', '律师'], '我要找律师')).toBe(true);
    expect(kw(['refund', 'parcel'], 'refund for the parcel', 'contains_all')).toBe(true);
    expect(kw(['refund', 'parcel'], 'refund please', 'contains_all')).toBe(false);
    expect(kw(['refund'], 'parcel late', 'contains_none')).toBe(true);
  });

  it('emotion scores, given or from the classifier on first use', () => {
    expect(hits({ field: 'emotion.anger', op: 'gte', value: 0.5 }, { emotion: { anger: 0.7, urgency: 0, threat: 0, intensity: 0.7 } })).toBe(true);
    expect(hits({ field: 'emotion.threat', op: 'between', value: [0.2, 0.4] }, { emotion: { anger: 0, urgency: 0, threat: 0.3, intensity: 0 } })).toBe(true);
    expect(hits({ field: 'emotion.urgency', op: 'lt', value: 0.1 })).toBe(true);
    // No emotion passed: derived from the text (a threat of the regulator / media).
    expect(hits({ field: 'emotion.threat', op: 'gt', value: 0.3 }, { emotion: null, text: '再不处理我就去12315投诉，还要找媒体曝光！' })).toBe(true);
    expect(hits({ field: 'emotion.intensity', op: 'gt', value: 0.3 }, { emotion: null, text: 'Parcel arrived, thanks' })).toBe(false);
  });

  it('time of day and weekday in a time zone (hours wrap past midnight)', () => {
    // 2026-03-02T01:00Z is Monday 09:00 in Shanghai, Sunday 20:00 in New York.
    expect(hits({ field: 'time.hour', op: 'between', value: [9, 18] })).toBe(true);
    expect(hits({ field: 'time.weekday', op: 'in', value: ['mon', 'tue'] })).toBe(true);
    expect(hits({ field: 'time.weekday', op: 'eq', value: 'sun', timeZone: 'America/New_York' })).toBe(true);
    expect(hits({ field: 'time.hour', op: 'eq', value: 20, timeZone: 'America/New_York' })).toBe(true);
    const night = { field: 'time.hour', op: 'between', value: [22, 6] };
    expect(hits(night, { at: new Date('2026-03-02T17:30:00Z') })).toBe(true); // 01:30 Shanghai
    expect(hits(night, { at: new Date('2026-03-02T06:00:00Z') })).toBe(false); // 14:00 Shanghai
  });

  it('tags, department and team, and groups any / not', () => {
    expect(hits({ field: 'tags', op: 'contains_any', value: ['vip_watch'] }, { tags: ['vip_watch'] })).toBe(true);
    expect(hits({ field: 'tags', op: 'exists', value: false })).toBe(true);
    expect(hits({ field: 'department', op: 'eq', value: 'logistics' })).toBe(true);
    expect(hits({ field: 'team', op: 'exists', value: false })).toBe(true);
    expect(hits({ any: [{ field: 'category', op: 'eq', value: 'refund' }, { field: 'channel', op: 'eq', value: 'web' }] })).toBe(true);
    expect(hits({ not: { field: 'channel', op: 'eq', value: 'web' } })).toBe(false);
  });
});

describe('actions, order and stop', () => {
  it('each action: department, team, severity (never lowered), tags, assign, notify, auto-reply', () => {
    const out = run([
      {
        id: 'all', name: 'everything', then: [
          { type: 'set_department', department: 'finance' },
          { type: 'set_team', team: 'refunds-a' },
          { type: 'raise_severity', to: 'serious' },
          { type: 'add_tags', tags: ['money', 'money'] },
          { type: 'assign', strategy: 'round_robin', department: 'routed' },
          { type: 'notify', roles: ['supervisor'], sameDepartment: true },
          { type: 'auto_reply_article', articleSlug: 'refund-timeline' },
        ],
      },
      { id: 'lower', name: 'tries to lower', then: [{ type: 'raise_severity', to: 'general' }] },
    ]);
    expect(out).toMatchObject({ department: 'finance', team: 'refunds-a', severity: 'serious', tags: ['money'], tagsAdded: ['money'] });
    expect(out.assign).toMatchObject({ ruleId: 'all', strategy: 'round_robin', department: 'finance', roles: ['agent'] });
    expect(out.notify).toMatchObject([{ ruleId: 'all', roles: ['supervisor'], department: 'finance' }]);
    expect(out.autoReplies).toEqual([{ ruleId: 'all', articleSlug: 'refund-timeline' }]);
    expect(out.fired.map((f) => f.ruleId)).toEqual(['all', 'lower']);
    expect(out.fired[1]!.actions[0]).toMatchObject({ type: 'raise_severity', changed: false });
  });

  it('later rules see earlier rules\' effects; a stop rule ends the pass; disabled rules are skipped', () => {
    const rules = [
      { id: 'vip', name: 'vip serious', when: { all: [{ field: 'customer.tier', op: 'eq', value: 'vip' }] }, then: [{ type: 'raise_severity', to: 'serious' }] },
      { id: 'off', name: 'disabled', enabled: false, then: [{ type: 'add_tags', tags: ['never'] }] },
      { id: 'serious-dept', name: 'serious to mgmt', when: { all: [{ field: 'severity', op: 'gte', value: 'serious' }] }, then: [{ type: 'set_department', department: 'management' }], stop: true },
      { id: 'after', name: 'after stop', then: [{ type: 'add_tags', tags: ['after'] }] },
    ];
    const vip = run(rules, { customerTier: 'vip' });
    expect(vip).toMatchObject({ severity: 'serious', department: 'management', tags: [], stoppedBy: 'serious-dept' });
    expect(vip.fired.map((f) => f.ruleId)).toEqual(['vip', 'serious-dept']);
    const normal = run(rules);
    expect(normal).toMatchObject({ severity: 'general', department: 'logistics', tags: ['after'], stoppedBy: null });
  });

  it('the last department rule wins and is named', () => {
    const out = run([
      { id: 'a', name: 'a', then: [{ type: 'set_department', department: 'finance' }] },
      { id: 'b', name: 'b', when: { all: [{ field: 'department', op: 'eq', value: 'finance' }] }, then: [{ type: 'set_department', department: 'quality' }] },
    ]);
    expect(out.department).toBe('quality');
    expect(out.departmentRule).toEqual({ id: 'b', name: 'b' });
  });
});

describe('default rules (the seeds)', () => {
  const set = compileRuleSet(null, 1, parseRules(DEFAULT_RULES));
  it('route every category to its DESIGN §2 department', () => {
    for (const category of CATEGORIES) {
      const out = evaluateRules(set, input({ category, department: null }));
      expect(out.department, category).toBe(DEFAULT_DEPARTMENT[category]);
    }
  });
  it('make safety urgent, management, tagged for quality review, supervisors notified, and stop', () => {
    const out = evaluateRules(set, input({ category: 'safety', severity: 'general', department: null }));
    expect(out).toMatchObject({ severity: 'urgent', department: 'management', stoppedBy: 'safety-urgent-management' });
    expect(out.tags).toEqual(['safety', 'quality_review']);
    expect(out.notify).toMatchObject([{ roles: ['supervisor'] }]);
  });
  it('pass their own validation and loop check', () => {
    expect(() => checkLoops(parseRules(DEFAULT_RULES))).not.toThrow();
  });
});

describe('validation', () => {
  const rule = (over: Record<string, unknown>) => ({ id: 'r1', name: 'rule one', then: [{ type: 'add_tags', tags: ['x'] }], ...over });

  it('an unknown field names the rule and the path', () => {
    const e = appError(() => parseRules([rule({}), rule({ id: 'r2', when: { all: [{ field: 'category', op: 'eq', value: 'refund' }, { field: 'colour', op: 'eq', value: 'red' }] } })]));
    expect(e.code).toBe('rule_invalid');
    expect(e.status).toBe(422);
    expect(e.details).toEqual([expect.objectContaining({ ruleId: 'r2', ruleIndex: 1, path: 'rules[1].when.all[1].field', reason: 'unknown_field' })]);
    expect(e.message).toContain('r2');
  });

  it('unknown or misapplied operators, bad values, unknown actions and keys, duplicate ids, bad time zones', () => {
    const reasons = (r: unknown[]) => appError(() => parseRules(r)).details.map((d) => [d.path, d.reason]);
    expect(reasons([rule({ when: { all: [{ field: 'category', op: 'like', value: 'x' }] } })])).toEqual([['rules[0].when.all[0].op', 'unknown_op']]);
    expect(reasons([rule({ when: { all: [{ field: 'text', op: 'eq', value: 'x' }] } })])).toEqual([['rules[0].when.all[0].op', 'unknown_op']]);
    expect(reasons([rule({ when: { all: [{ field: 'category', op: 'eq', value: 'nonsense' }] } })])).toEqual([['rules[0].when.all[0].value', 'invalid_value']]);
    expect(reasons([rule({ when: { all: [{ field: 'emotion.anger', op: 'gte', value: 3 }] } })])).toEqual([['rules[0].when.all[0].value', 'invalid_value']]);
    expect(reasons([rule({ when: { all: [{ field: 'time.hour', op: 'eq', value: 9, timeZone: 'Mars/Olympus' }] } })])).toEqual([['rules[0].when.all[0].timeZone', 'invalid_value']]);
    expect(reasons([rule({ then: [{ type: 'teleport' }] })])).toEqual([['rules[0].then[0].type', 'unknown_action']]);
    expect(reasons([rule({ then: [{ type: 'raise_severity', to: 'catastrophic' }] })])).toEqual([['rules[0].then[0].to', 'invalid_value']]);
    expect(reasons([rule({ colour: 'red' })])).toEqual([['rules[0].colour', 'unknown_key']]);
    expect(reasons([rule({}), rule({})])).toEqual([['rules[1].id', 'duplicate_rule_id']]);
    expect(reasons([rule({ when: { all: [] } })])).toEqual([['rules[0].when.all', 'invalid_condition']]);
    expect(reasons([rule({ when: { field: 'category', op: 'eq', value: 'refund' } })])).toEqual([['rules[0].when', 'invalid_condition']]);
    expect(reasons([rule({ then: [{ type: 'assign', strategy: 'by_skill' }] })])).toEqual([['rules[0].then[0].skills', 'invalid_value']]);
  });
});

describe('loops', () => {
  const loop = (rules: unknown[]) => appError(() => checkLoops(parseRules(rules)));

  it('a rule raising severity that re-triggers itself is refused with rule_loop', () => {
    const e = loop([{ id: 'self', name: 'serious → urgent', when: { all: [{ field: 'severity', op: 'gte', value: 'serious' }] }, then: [{ type: 'raise_severity', to: 'urgent' }] }]);
    expect(e.code).toBe('rule_loop');
    expect(e.status).toBe(422);
    expect(e.details[0]).toMatchObject({ ruleId: 'self', path: 'rules[0].then[0]', reason: 'self_trigger', condition: 'rules[0].when.all[0]' });
  });

  it('tags that keep their own condition true loop; a rule that switches itself off does not', () => {
    expect(loop([{ id: 't', name: 't', when: { any: [{ field: 'tags', op: 'contains_any', value: ['hot'] }, { field: 'channel', op: 'eq', value: 'web' }] }, then: [{ type: 'add_tags', tags: ['hot'] }] }]).code).toBe('rule_loop');
    expect(() => checkLoops(parseRules([
      { id: 'once', name: 'general → serious', when: { all: [{ field: 'severity', op: 'eq', value: 'general' }] }, then: [{ type: 'raise_severity', to: 'serious' }] },
      { id: 'tag-once', name: 'tag once', when: { all: [{ field: 'tags', op: 'contains_none', value: ['seen'] }] }, then: [{ type: 'add_tags', tags: ['seen'] }] },
      { id: 'not-yet', name: 'not yet urgent', when: { not: { field: 'severity', op: 'eq', value: 'general' } }, then: [{ type: 'raise_severity', to: 'general' }] },
      // adding one tag does not bear on a condition about another tag
      { id: 'other-tag', name: 'other tag', when: { not: { field: 'tags', op: 'contains_any', value: ['a'] } }, then: [{ type: 'add_tags', tags: ['b'] }] },
    ]))).not.toThrow();
  });

  it('a later rule changing what an earlier rule read is allowed, with a warning; evaluation always terminates', () => {
    const rules = parseRules([
      { id: 'read', name: 'reads severity', when: { all: [{ field: 'severity', op: 'eq', value: 'urgent' }] }, then: [{ type: 'add_tags', tags: ['urgent'] }] },
      { id: 'write', name: 'writes severity', when: { all: [{ field: 'category', op: 'eq', value: 'safety' }] }, then: [{ type: 'raise_severity', to: 'urgent' }] },
    ]);
    expect(checkLoops(rules)).toEqual([expect.objectContaining({ ruleId: 'write' })]);
    const out = evaluateRules(compileRuleSet(null, 1, rules), input({ category: 'safety' }));
    expect(out).toMatchObject({ severity: 'urgent', tags: [] });
  });
});

describe('speed', () => {
  it('evaluates 200 rules well under 1 ms per complaint', () => {
    const rules: Rule[] = parseRules(Array.from({ length: 200 }, (_, i) => ({
      id: `r${i}`, name: `rule ${i}`,
      when: { all: [{ field: 'channel', op: 'in', value: ['web', 'email'] }, { field: 'amount', op: 'gte', value: i * 10 }, { field: 'text', op: 'contains_any', value: [`word${i}`, '退款'] }] },
      then: [{ type: 'add_tags', tags: [`t${i % 10}`] }],
    })));
    const set = compileRuleSet(null, 1, rules);
    const inputs = Array.from({ length: 200 }, (_, i) => input({ amount: i * 7, text: `complaint ${i} 我的退款还没到 word${i}` }));
    for (const x of inputs) evaluateRules(set, x); // warm-up (jieba's dictionary, JIT)
    // Best of 5 rounds: the machine running the suite is shared, the bench (bench/routing.ts) measures properly.
    let perComplaint = Infinity;
    for (let round = 0; round < 5; round++) {
      const t0 = performance.now();
      for (const x of inputs) evaluateRules(set, x);
      perComplaint = Math.min(perComplaint, (performance.now() - t0) / inputs.length);
    }
    expect(perComplaint).toBeLessThan(1);
  });
});
