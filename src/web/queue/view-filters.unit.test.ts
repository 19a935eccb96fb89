import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, filtersKey, filtersToParams, hasFilters, listUrl, MY_DEPARTMENT, paramsToFilters, type Filters } from './view-filters.js';

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });

describe('queue filters ↔ list query parameters', () => {
  it('sends only what is set, with relative filters as the API names them', () => {
    expect(filtersToParams(EMPTY_FILTERS)).toEqual({});
    expect(filtersToParams(f({ q: '  parcel ', severity: 'urgent', category: 'logistics', assignee: 'me', department: MY_DEPARTMENT, myTeam: true, repeat: true })))
      .toEqual({ q: 'parcel', severity: 'urgent', category: 'logistics', assigneeId: 'me', myDepartment: 'true', myTeam: 'true', repeat: 'true' });
    expect(filtersToParams(f({ department: 'finance', breached: true, recovery: true, atRisk: true, channel: 'email', tag: 'vip' })))
      .toEqual({ department: 'finance', breached: 'true', recovery: 'true', atRisk: 'true', channel: 'email', tag: 'vip' });
  });

  it('reads a saved view (lists, query-string and JSON booleans) back into the same filters', () => {
    const saved = { severity: ['urgent'], category: ['logistics', 'refund'], status: ['open'], breached: 'true', repeat: true, myDepartment: 'true', assigneeId: 'none' };
    const got = paramsToFilters(saved);
    expect(got).toEqual(f({ severity: 'urgent', category: 'logistics,refund', status: 'open', breached: true, repeat: true, department: MY_DEPARTMENT, assignee: 'none' }));
    // Round trip: what the form sends is what the view holds.
    expect(paramsToFilters(filtersToParams(got))).toEqual(got);
  });

  it('keeps what the form cannot show, and a false flag, instead of dropping them', () => {
    const got = paramsToFilters({ customerId: 'c1', createdFrom: '2026-01-01T00:00:00Z', atRisk: 'false', department: 'finance', myDepartment: 'true' });
    expect(got.department).toBe('finance');
    expect(got.atRisk).toBe(false);
    expect(got.extra).toEqual({ customerId: 'c1', createdFrom: '2026-01-01T00:00:00Z', atRisk: 'false', myDepartment: 'true' });
    expect(filtersToParams(got)).toEqual({ customerId: 'c1', createdFrom: '2026-01-01T00:00:00Z', atRisk: 'false', myDepartment: 'true', department: 'finance' });
  });

  it('compares filters by what they select, not by list order', () => {
    expect(filtersKey(f({ category: 'refund,logistics', severity: 'urgent' }))).toBe(filtersKey(paramsToFilters({ severity: ['urgent'], category: ['logistics', 'refund'] })));
    expect(filtersKey(f({ severity: 'urgent' }))).not.toBe(filtersKey(f({ severity: 'serious' })));
    expect(filtersKey(f({ q: ' ' }))).toBe('');
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasFilters(f({ myTeam: true }))).toBe(true);
  });

  it('builds the urgency-ordered list URL', () => {
    const url = new URL(listUrl(f({ status: 'open', assignee: 'me' }), 50, 'abc'), 'http://x');
    expect(url.pathname).toBe('/api/v1/complaints');
    expect(Object.fromEntries(url.searchParams)).toEqual({ sort: 'urgency', limit: '50', status: 'open', assigneeId: 'me', cursor: 'abc' });
  });
});
