import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.js';
import { parseRules } from '../../../modules/routing/rule-schema.js';
import { checkLoops } from '../../../modules/routing/rule-loops.js';
import { placeRuleErrors } from './rule-errors.js';

function detailsOf(fn: () => unknown): Array<Record<string, unknown>> {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.details;
    throw e;
  }
  throw new Error('expected an error');
}

describe('placing rule errors', () => {
  it('puts condition, action and rule problems where the form shows them', () => {
    const details = detailsOf(() => parseRules([
      { id: 'ok', name: 'ok', then: [{ type: 'set_team', team: 'a' }] },
      {
        id: 'bad', name: 'bad',
        when: { all: [{ field: 'category', op: 'eq', value: 'logistics' }, { field: 'colour', op: 'eq', value: 'red' }] },
        then: [{ type: 'set_team', team: 'a' }, { type: 'raise_severity', to: 'apocalyptic' }],
        extra: true,
      },
    ]));
    const placed = placeRuleErrors(details);
    expect(Object.keys(placed.byRule)).toEqual(['1']);
    const bad = placed.byRule[1]!;
    expect(bad.rule.join()).toMatch(/extra/);
    expect(details.some((d) => String(d.path).startsWith('rules[1].when'))).toBe(false); // the shape error stops the deeper checks
    // With the unknown key gone, the condition and action problems come back and are placed.
    const deeper = placeRuleErrors(detailsOf(() => parseRules([
      { id: 'bad', name: 'bad', when: { all: [{ field: 'category', op: 'eq', value: 'logistics' }, { field: 'colour', op: 'eq', value: 'red' }] }, then: [{ type: 'set_team', team: 'a' }, { type: 'raise_severity', to: 'apocalyptic' }] },
    ])));
    expect(Object.keys(deeper.byRule[0]!.conditions)).toEqual(['1']);
    expect(deeper.byRule[0]!.conditions[1]!.join()).toMatch(/colour/);
    expect(Object.keys(deeper.byRule[0]!.actions)).toEqual(['1']);
    expect(deeper.byRule[0]!.actions[1]!.join()).toMatch(/^to: /);
    expect(deeper.byRule[0]!.all.some((s) => s.startsWith('when.all[1].field: '))).toBe(true);
  });

  it('places a self-triggering rule at its action', () => {
    const rules = parseRules([{ id: 'loop', name: 'loop', when: { all: [{ field: 'severity', op: 'gte', value: 'serious' }] }, then: [{ type: 'raise_severity', to: 'urgent' }] }]);
    const placed = placeRuleErrors(detailsOf(() => checkLoops(rules)));
    expect(placed.byRule[0]!.actions[0]!.join()).toMatch(/re-trigger/);
  });

  it('keeps details that name no rule apart', () => {
    expect(placeRuleErrors([{ path: 'rules', message: 'must be a list of rules' }, { path: 'body.note', message: 'too long' }]).general)
      .toEqual(['rules: must be a list of rules', 'body.note: too long']);
  });
});
