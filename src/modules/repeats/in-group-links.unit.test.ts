import { describe, expect, it } from 'vitest';
import { withGroupLinks, type GroupEntry } from './in-group-links.js';

const entry = (id: string, o: Partial<GroupEntry> = {}): GroupEntry => ({
  id, number: `C-2026-${id}`, customer: 'cu1', category: 'logistics', orderId: null, subject: 'parcel late', description: `entry ${id}`, ...o,
});
const none = { repeat: null, duplicates: [] };

describe('repeats and near-duplicates within one intake group', () => {
  it('links each complaint to the latest earlier one of the same customer and category, as if written one by one', () => {
    const entries = [entry('1'), entry('2', { customer: 'cu2' }), entry('3'), entry('4')];
    const found = withGroupLinks(entries, entries.map(() => none));
    expect(found.map((f) => f.repeat?.id ?? null)).toEqual([null, null, '1', '3']);
    expect(found[2]!.repeat!.match).toBe('category');
  });

  it('a same order in another category is a repeat by order; another category without the order is none', () => {
    const entries = [entry('1', { orderId: 'o1' }), entry('2', { category: 'billing', orderId: 'o1' }), entry('3', { category: 'quality' })];
    const found = withGroupLinks(entries, entries.map(() => none));
    expect(found[1]!.repeat).toEqual({ id: '1', number: 'C-2026-1', match: 'order' });
    expect(found[2]!.repeat).toBeNull();
  });

  it('keeps the database finding when no earlier group member matches, and prefers the group member when one does', () => {
    const db = { repeat: { id: 'old', number: 'C-2025-9', match: 'category' as const }, duplicates: [] };
    const entries = [entry('1'), entry('2')];
    const found = withGroupLinks(entries, [db, db]);
    expect(found[0]!.repeat!.id).toBe('old');
    expect(found[1]!.repeat!.id).toBe('1');
  });

  it('suggests an earlier near-identical text of the same customer as a duplicate, merged with the database ones by similarity', () => {
    const text = { subject: '快递三天没有更新物流信息', description: '订单 12345 的快递三天没有任何物流更新，请尽快处理' };
    const entries = [entry('1', text), entry('2', { ...text, category: 'billing' }), entry('3', { ...text, customer: 'cu2' })];
    const dbDup = { id: 'old', number: 'C-2025-1', similarity: 0.55 };
    const found = withGroupLinks(entries, [none, { repeat: null, duplicates: [dbDup] }, none]);
    expect(found[1]!.duplicates.map((d) => d.id)).toEqual(['1', 'old']);
    expect(found[1]!.duplicates[0]!.similarity).toBeGreaterThan(0.9);
    expect(found[2]!.duplicates).toEqual([]); // another customer's text is never a duplicate
  });
});
