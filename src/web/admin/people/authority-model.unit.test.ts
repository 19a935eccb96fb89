import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api.js';
import {
  cellKey, currenciesOf, diffLimits, draftFromLimits, effectiveLimit, limitErrorsFrom, normaliseCurrency, parseAmount, readLimitDraft,
} from './authority-model.js';
import { splitFieldErrors } from './field-errors.js';
import type { AuthorityLimit } from './people-types.js';

const seeded: AuthorityLimit[] = [
  { role: 'admin', currency: '*', maxAmount: null },
  { role: 'supervisor', currency: '*', maxAmount: 5000 },
  { role: 'agent', currency: '*', maxAmount: 200 },
  { role: 'agent', currency: 'USD', maxAmount: 30 },
  { role: 'department_staff', currency: '*', maxAmount: 0 },
];

describe('the table', () => {
  it('columns: any currency first, then the currencies in use A–Z', () => {
    expect(currenciesOf([...seeded, { role: 'supervisor', currency: 'CNY', maxAmount: 1 }])).toEqual(['*', 'CNY', 'USD']);
    expect(currenciesOf([])).toEqual(['*']);
  });

  it('an untouched draft reads back as the same limits, in table order', () => {
    const read = readLimitDraft(draftFromLimits(seeded), currenciesOf(seeded));
    expect(read.problems).toEqual({});
    expect(read.limits).toEqual(seeded);
  });

  it('empty cells are no rows, unlimited cells are null, bad amounts are problems of their cell', () => {
    const draft = draftFromLimits(seeded);
    draft[cellKey('agent', 'USD')] = { text: ' ', unlimited: false };
    draft[cellKey('analyst', 'CNY')] = { text: '1,000.50', unlimited: false };
    draft[cellKey('supervisor', 'CNY')] = { text: '12', unlimited: true };
    draft[cellKey('agent', 'CNY')] = { text: '1.234', unlimited: false };
    const read = readLimitDraft(draft, ['*', 'CNY', 'USD']);
    expect(read.problems).toEqual({ [cellKey('agent', 'CNY')]: { key: 'people.error.amount' } });
    expect(read.limits).toContainEqual({ role: 'analyst', currency: 'CNY', maxAmount: 1000.5 });
    expect(read.limits).toContainEqual({ role: 'supervisor', currency: 'CNY', maxAmount: null });
    expect(read.limits.some((l) => l.role === 'agent' && l.currency === 'USD')).toBe(false);
  });

  it('a removed column drops its rows', () => {
    expect(readLimitDraft(draftFromLimits(seeded), ['*']).limits).toHaveLength(4);
  });
});

describe('parseAmount and normaliseCurrency', () => {
  it('accepts non-negative amounts with at most two decimals, within the bound', () => {
    expect(['0', '200', ' 1 000 ', '99.99', '100000000000'].map(parseAmount)).toEqual([0, 200, 1000, 99.99, 100_000_000_000]);
    for (const bad of ['', '-1', '1.001', 'abc', '1e3', '100000000000.01']) expect(parseAmount(bad), bad).toBeNull();
  });

  it('upper-cases ISO codes and refuses anything else', () => {
    expect(normaliseCurrency(' cny ')).toBe('CNY');
    expect(normaliseCurrency('ABC')).toBeNull();
    expect(normaliseCurrency('CN')).toBeNull();
    expect(normaliseCurrency('*')).toBeNull();
  });
});

describe('effectiveLimit', () => {
  it('own row, else the any-currency row, else nothing', () => {
    expect(effectiveLimit(seeded, 'agent', 'USD')).toBe(30);
    expect(effectiveLimit(seeded, 'agent', 'CNY')).toBe(200);
    expect(effectiveLimit(seeded, 'admin', 'EUR')).toBeNull();
    expect(effectiveLimit(seeded, 'analyst', 'CNY')).toBe(0);
  });
});

describe('diffLimits', () => {
  it('lists added, changed and removed cells in table order; equal cents are no change', () => {
    const after: AuthorityLimit[] = [
      { role: 'admin', currency: '*', maxAmount: null },
      { role: 'supervisor', currency: '*', maxAmount: 5000.0000001 },
      { role: 'agent', currency: '*', maxAmount: 200 },
      { role: 'agent', currency: 'CNY', maxAmount: 1000 },
      { role: 'department_staff', currency: '*', maxAmount: null },
    ];
    expect(diffLimits(seeded, after)).toEqual([
      { role: 'agent', currency: 'CNY', before: undefined, after: 1000 },
      { role: 'agent', currency: 'USD', before: 30, after: undefined },
      { role: 'department_staff', currency: '*', before: 0, after: null },
    ]);
    expect(diffLimits(seeded, seeded)).toEqual([]);
  });
});

describe('server errors back on their fields', () => {
  const err = new ApiError(422, 'validation_failed', 'The request did not pass validation.', [
    { path: 'body.limits.1.maxAmount', message: 'at most two decimals' },
    { path: 'body.limits.1.currency', message: 'second problem, same cell' },
    { path: 'body.approvalDeadlineMinutes', message: 'too big' },
    { path: 'body', message: 'something general' },
  ]);

  it('limit details land on the cell of the limit sent at that index; the rest stays', () => {
    const sent = seeded.slice(0, 3);
    const out = limitErrorsFrom(err, sent);
    expect(out.cells).toEqual({ [cellKey('supervisor', '*')]: 'at most two decimals' });
    expect(out.deadline).toBe('too big');
    expect(out.rest).toBeInstanceOf(ApiError);
    expect((out.rest as ApiError).details).toEqual([{ path: 'body', message: 'something general' }]);
    expect((out.rest as ApiError).status).toBe(422);
  });

  it('form fields: body.<field>(.n) goes to the field, first message wins; unknown paths stay in the box', () => {
    const e = new ApiError(409, 'conflict', 'A user with this email exists.', [
      { path: 'body.email', message: 'already in use' },
      { path: 'body.skills.3', message: 'bad skill' },
      { path: 'body.skills.4', message: 'another' },
      { path: 'query.x', message: 'elsewhere' },
    ]);
    const out = splitFieldErrors(e, ['email', 'skills'] as const);
    expect(out.fields).toEqual({ email: 'already in use', skills: 'bad skill' });
    expect((out.rest as ApiError).details).toEqual([{ path: 'query.x', message: 'elsewhere' }]);
  });

  it('an error without field details is passed on as it is', () => {
    const network = new ApiError(0, 'network', 'offline');
    expect(splitFieldErrors(network, ['email'] as const)).toEqual({ fields: {}, rest: network });
    expect(limitErrorsFrom(network, seeded).rest).toBe(network);
  });
});
