import { describe, expect, it } from 'vitest';
import type { StaffUser } from './people-types.js';
import { filterUsers } from './user-filter.js';
import { createUserBody, draftFromUser, parseSkills, userPatchBody, validateUserDraft, type UserDraft } from './user-form-model.js';

const stored: StaffUser = {
  id: 'u1', email: 'dora@example.com', name: 'Dora', role: 'department_staff', departmentId: 'd1',
  locale: 'zh-CN', active: true, skills: ['returns', 'cold-chain'], team: 'north',
};
const blank = (over: Partial<UserDraft> = {}): UserDraft => ({ ...draftFromUser(null), ...over });

describe('parseSkills', () => {
  it('splits on commas (also Chinese), semicolons and spaces, drops blanks and repeats, keeps order', () => {
    expect(parseSkills(' returns, cold-chain，refunds、returns ;; vip ')).toEqual(['returns', 'cold-chain', 'refunds', 'vip']);
    expect(parseSkills('   ')).toEqual([]);
  });
});

describe('validateUserDraft', () => {
  it('a complete new agent passes', () => {
    expect(validateUserDraft(blank({ name: 'Ann', email: 'ann@example.com' }))).toEqual({});
  });

  it('flags each missing or malformed field with its own message', () => {
    const p = validateUserDraft(blank({ name: ' ', email: 'not-an-email', role: 'department_staff', password: 'short', skills: 'ok, bad skill!', team: 'two words' }));
    expect(p.name?.key).toBe('people.error.required');
    expect(p.email?.key).toBe('people.error.email');
    expect(p.departmentId?.key).toBe('people.error.departmentRequired');
    expect(p.password).toEqual({ key: 'people.error.passwordShort', vars: { min: 10 } });
    expect(p.skills).toEqual({ key: 'people.error.skill', vars: { value: 'skill!' } });
    expect(p.team?.key).toBe('people.error.slug');
  });

  it('a department is required only for department staff; an empty password is allowed', () => {
    expect(validateUserDraft(blank({ name: 'A', email: 'a@b.co', role: 'analyst' })).departmentId).toBeUndefined();
    expect(validateUserDraft(blank({ name: 'A', email: 'a@b.co', role: 'department_staff', departmentId: 'd1' }))).toEqual({});
  });

  it('limits the name to 100 characters and skills to 50', () => {
    expect(validateUserDraft(blank({ name: 'x'.repeat(101), email: 'a@b.co' })).name).toEqual({ key: 'people.error.tooLong', vars: { max: 100 } });
    const many = Array.from({ length: 51 }, (_, i) => `s${i}`).join(',');
    expect(validateUserDraft(blank({ name: 'A', email: 'a@b.co', skills: many })).skills?.key).toBe('people.error.tooMany');
  });
});

describe('createUserBody', () => {
  it('trims, and sends optional fields only when given', () => {
    expect(createUserBody(blank({ name: ' Ann ', email: ' ann@example.com ' }))).toEqual({ email: 'ann@example.com', name: 'Ann', role: 'agent', locale: 'zh-CN' });
    expect(createUserBody(blank({ name: 'Dan', email: 'd@e.co', role: 'department_staff', departmentId: 'd1', password: 'long-enough-1', skills: 'a, b', team: ' t1 ' })))
      .toEqual({ email: 'd@e.co', name: 'Dan', role: 'department_staff', locale: 'zh-CN', departmentId: 'd1', password: 'long-enough-1', skills: ['a', 'b'], team: 't1' });
  });
});

describe('userPatchBody', () => {
  it('an untouched draft changes nothing', () => {
    expect(userPatchBody(stored, draftFromUser(stored))).toEqual({});
  });

  it('sends exactly the changed fields; emptied department and team become null', () => {
    const d = { ...draftFromUser(stored), role: 'agent' as const, departmentId: '', team: '', active: false, skills: 'returns', password: 'new-password-1', name: 'Dora L.' };
    expect(userPatchBody(stored, d)).toEqual({ role: 'agent', departmentId: null, team: null, active: false, skills: ['returns'], password: 'new-password-1', name: 'Dora L.' });
  });

  it('reordering skills is a change; re-typing them the same way is not', () => {
    expect(userPatchBody(stored, { ...draftFromUser(stored), skills: 'returns,cold-chain' })).toEqual({});
    expect(userPatchBody(stored, { ...draftFromUser(stored), skills: 'cold-chain returns' })).toEqual({ skills: ['cold-chain', 'returns'] });
  });
});

describe('filterUsers', () => {
  const users: StaffUser[] = [
    stored,
    { ...stored, id: 'u2', name: 'Ann Agent', email: 'ann@example.com', role: 'agent', departmentId: null },
    { ...stored, id: 'u3', name: 'Old Timer', email: 'OLD@example.com', role: 'agent', active: false },
  ];
  it('hides deactivated users unless asked, and matches name or email in any case', () => {
    expect(filterUsers(users, { text: '', role: '', showInactive: false }).map((u) => u.id)).toEqual(['u1', 'u2']);
    expect(filterUsers(users, { text: 'old@', role: '', showInactive: true }).map((u) => u.id)).toEqual(['u3']);
    expect(filterUsers(users, { text: 'ANN', role: '', showInactive: false }).map((u) => u.id)).toEqual(['u2']);
    expect(filterUsers(users, { text: '', role: 'agent', showInactive: true }).map((u) => u.id)).toEqual(['u2', 'u3']);
  });
});
