import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.js';
import { DEFAULT_RULES } from '../../../modules/routing/default-rules.js';
import { parseRules } from '../../../modules/routing/rule-schema.js';
import {
  actionToForm, conditionToRule, draftFromRules, draftToRules, formToRule, moveItem, newAction, newCondition, newRule, renameRule,
  ruleIdFor, ruleToForm, splitList, type RuleForm,
} from './rule-form.js';

describe('rule form ↔ rule', () => {
  it('shows every built-in rule in the form and gives back the same rule', () => {
    for (const rule of DEFAULT_RULES) {
      const form = ruleToForm(rule);
      expect(form, rule.id).not.toBeNull();
      expect(formToRule(form!), rule.id).toEqual(rule);
    }
  });

  it('builds a keyword rule the server accepts', () => {
    const form: RuleForm = {
      ...newRule(new Set()), name: 'Broken screen → quality', autoId: true,
      conditions: [{ field: 'text', op: 'contains_any', value: 'cracked screen， broken ,,', value2: '' }, { field: 'amount', op: 'between', value: '10', value2: '500.5' }],
      actions: [{ ...newAction('set_department'), department: 'quality' }, { ...newAction('add_tags'), tags: 'damage, screen' }],
      match: 'any',
    };
    const rule = formToRule(form);
    expect(rule).toMatchObject({
      when: { any: [{ field: 'text', op: 'contains_any', value: ['cracked screen', 'broken'] }, { field: 'amount', op: 'between', value: [10, 500.5] }] },
      then: [{ type: 'set_department', department: 'quality' }, { type: 'add_tags', tags: ['damage', 'screen'] }],
    });
    expect(parseRules([rule])).toHaveLength(1);
  });

  it('leaves a bad number as text so the server names the value', () => {
    expect(conditionToRule({ field: 'amount', op: 'gt', value: 'lots', value2: '' }).value).toBe('lots');
    expect(conditionToRule({ field: 'time.hour', op: 'in', value: '9, 10', value2: '' }).value).toEqual([9, 10]);
    expect(conditionToRule({ field: 'merchant', op: 'exists', value: 'false', value2: '' }).value).toBe(false);
    expect(conditionToRule({ field: 'merchant', op: 'eq', value: '007', value2: '' }).value).toBe('007'); // codes stay strings
  });

  it('a rule without conditions always matches (no `when`)', () => {
    const rule = formToRule({ ...newRule(new Set()), name: 'All', conditions: [], actions: [{ ...newAction('set_team'), team: 'all' }] });
    expect(rule).not.toHaveProperty('when');
    expect(parseRules([rule])[0]!.when).toBeUndefined();
  });

  it('keeps rules the form cannot show faithfully as JSON', () => {
    const nested = { id: 'n', name: 'n', when: { all: [{ any: [{ field: 'channel', op: 'eq', value: 'email' }] }] }, then: [{ type: 'set_team', team: 'mail' }] };
    const negated = { id: 'x', name: 'x', when: { not: { field: 'channel', op: 'eq', value: 'email' } }, then: [{ type: 'set_team', team: 'a' }] };
    const zoned = { id: 'z', name: 'z', when: { all: [{ field: 'time.hour', op: 'gte', value: 22, timeZone: 'Europe/Berlin' }] }, then: [{ type: 'set_team', team: 'night' }] };
    const byUser = { id: 'u', name: 'u', then: [{ type: 'notify', users: ['00000000-0000-4000-8000-000000000000'] }] };
    const comma = { id: 'c', name: 'c', when: { all: [{ field: 'text', op: 'contains_any', value: ['a, b'] }] }, then: [{ type: 'set_team', team: 'a' }] };
    for (const r of [nested, negated, zoned, byUser, comma]) expect(ruleToForm(r), r.id).toBeNull();
    const draft = draftFromRules([DEFAULT_RULES[0], nested]);
    expect(draft.map((d) => d.kind)).toEqual(['form', 'json']);
    // The JSON one goes back unchanged.
    expect(draftToRules(draft).rules[1]).toEqual(nested);
  });

  it('reports a JSON rule that does not parse instead of sending it', () => {
    const draft = draftFromRules([DEFAULT_RULES[1]]);
    const broken = [{ key: 'k1', kind: 'json' as const, text: '{"id": ' }, ...draft];
    const out = draftToRules(broken);
    expect(Object.keys(out.badJson)).toEqual(['k1']);
  });

  it('reads only what each action type offers', () => {
    expect(actionToForm({ type: 'assign', strategy: 'by_skill', skills: ['returns'], department: 'routed' })).toMatchObject({ strategy: 'by_skill', skills: 'returns', department: 'routed', roles: [] });
    expect(actionToForm({ type: 'assign', strategy: 'fastest' })).toBeNull();
    expect(actionToForm({ type: 'raise_severity', to: 'urgent', extra: 1 })).toBeNull();
    expect(actionToForm({ type: 'teleport' })).toBeNull();
  });

  it('new conditions fit their field', () => {
    expect(newCondition('category')).toEqual({ field: 'category', op: 'eq', value: 'logistics', value2: '' });
    expect(newCondition('text')).toEqual({ field: 'text', op: 'contains_any', value: '', value2: '' });
  });
});

describe('ids, lists, order', () => {
  it('derives a unique id from the name while the id was not edited', () => {
    expect(ruleIdFor('Broken screen → Quality!', new Set())).toBe('broken-screen-quality');
    expect(ruleIdFor('屏幕破损', new Set(['rule']))).toBe('rule-2');
    expect(ruleIdFor('VIP', new Set(['vip', 'vip-2']))).toBe('vip-3');
    const taken = new Set(['a', 'rule']);
    const r = newRule(taken);
    expect(r.id).toBe('rule-2');
    expect(renameRule(r, 'VIP first', taken).id).toBe('vip-first');
    expect(renameRule({ ...r, autoId: false, id: 'mine' }, 'VIP first', taken).id).toBe('mine');
  });

  it('splits comma lists, ASCII or full-width', () => {
    expect(splitList(' a, b，c\n d ,, ')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('moves an item, ignoring moves off the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});

describe('server errors from a form-built draft', () => {
  it('are the ones the form can place', () => {
    const bad = formToRule({ ...newRule(new Set()), name: 'x', conditions: [newCondition('amount')], actions: [newAction('set_department')] });
    const err = (() => {
      try {
        parseRules([bad]);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect([...new Set((err as AppError).details.map((d) => d.path))]).toEqual(['rules[0].when.all[0].value', 'rules[0].then[0].department']);
  });
});
