import { describe, expect, it } from 'vitest';
import { createDepartmentBody, departmentPatchBody, draftFromDepartment, minutesLabel, parseMinutes, validateDepartmentDraft } from './department-model.js';
import type { Department } from './people-types.js';

const dep: Department = {
  id: 'd1', code: 'logistics', name: 'Logistics', nameZh: '物流部', handoffForwardMinutes: 10, handoffAnswerMinutes: 120,
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('parseMinutes', () => {
  it('takes whole minutes within 1..max only', () => {
    expect(parseMinutes(' 45 ', 100)).toBe(45);
    expect(parseMinutes('100', 100)).toBe(100);
    for (const bad of ['', '0', '101', '1.5', '-3', '1e2', 'ten']) expect(parseMinutes(bad, 100), bad).toBeNull();
  });
});

describe('validateDepartmentDraft', () => {
  it('checks the code only when creating', () => {
    const bad = { ...draftFromDepartment(null), code: 'Bad Code', name: 'X' };
    expect(validateDepartmentDraft(bad, 'create').code?.key).toBe('people.error.code');
    expect(validateDepartmentDraft(bad, 'edit').code).toBeUndefined();
    expect(validateDepartmentDraft({ ...bad, code: 'legal_2' }, 'create')).toEqual({});
  });

  it('names each deadline out of range with its bound', () => {
    const p = validateDepartmentDraft({ ...draftFromDepartment(dep), handoffForwardMinutes: '10081', handoffAnswerMinutes: '0' }, 'edit');
    expect(p.handoffForwardMinutes).toEqual({ key: 'people.error.minutes', vars: { max: 10_080 } });
    expect(p.handoffAnswerMinutes).toEqual({ key: 'people.error.minutes', vars: { max: 43_200 } });
    expect(validateDepartmentDraft({ ...draftFromDepartment(dep), name: '' }, 'edit').name?.key).toBe('people.error.required');
  });
});

describe('bodies', () => {
  it('create: numbers for the deadlines, no nameZh when empty', () => {
    expect(createDepartmentBody({ code: ' legal ', name: ' Legal ', nameZh: ' ', handoffForwardMinutes: '30', handoffAnswerMinutes: '480' }))
      .toEqual({ code: 'legal', name: 'Legal', handoffForwardMinutes: 30, handoffAnswerMinutes: 480 });
  });

  it('patch: only what changed; an emptied Chinese name is cleared with null', () => {
    expect(departmentPatchBody(dep, draftFromDepartment(dep))).toEqual({});
    expect(departmentPatchBody(dep, { ...draftFromDepartment(dep), handoffAnswerMinutes: '45' })).toEqual({ handoffAnswerMinutes: 45 });
    expect(departmentPatchBody(dep, { ...draftFromDepartment(dep), nameZh: '', name: 'Logistics & Depot' })).toEqual({ nameZh: null, name: 'Logistics & Depot' });
  });
});

describe('minutesLabel', () => {
  it('reads as days, hours and minutes, leaving out zero parts', () => {
    expect([45, 60, 90, 1440, 1505, 43_200].map(minutesLabel)).toEqual(['45m', '1h', '1h 30m', '1d', '1d 1h 5m', '30d']);
  });
});
