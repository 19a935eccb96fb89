import { describe, expect, it } from 'vitest';
import { addPushed, badgeText, EMPTY_NOTICES, isHallNotice, markAllRead, markRead, withServerPage, type HallNotice } from './notice-list.js';

const notice = (id: string, minute: number, over: Partial<HallNotice> = {}): HallNotice => ({
  id, complaintId: 'c1', complaintNumber: 'C-2026-000001', kind: 'reply', title: `notice ${id}`, body: 'text',
  createdAt: `2026-03-02T10:${String(minute).padStart(2, '0')}:00.000Z`, readAt: null, ...over,
});
const READ = '2026-03-02T11:00:00.000Z';

describe('hall notices list', () => {
  it('a pushed notice goes on top and raises the unread count', () => {
    const list = withServerPage(EMPTY_NOTICES, [notice('a', 1, { readAt: READ })], 0);
    const after = addPushed(list, notice('b', 5));
    expect(after.items.map((n) => n.id)).toEqual(['b', 'a']);
    expect(after.unread).toBe(1);
  });

  it('the same notice pushed twice, or pushed after it was loaded, counts once', () => {
    const list = withServerPage(EMPTY_NOTICES, [notice('a', 1)], 1);
    expect(addPushed(list, notice('a', 1))).toBe(list);
    const twice = addPushed(addPushed(list, notice('b', 2)), notice('b', 2));
    expect(twice.items).toHaveLength(2);
    expect(twice.unread).toBe(2);
  });

  it('an already read push does not raise the count; an older push is sorted into place', () => {
    const list = withServerPage(EMPTY_NOTICES, [notice('c', 9), notice('a', 1)], 2);
    const after = addPushed(addPushed(list, notice('b', 5)), notice('d', 10, { readAt: READ }));
    expect(after.items.map((n) => n.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(after.unread).toBe(3);
  });

  it('a server page keeps the server\'s count (notices beyond the page) and a push that raced the request', () => {
    const local = addPushed(withServerPage(EMPTY_NOTICES, [notice('a', 1)], 1), notice('new', 30));
    const page = [notice('b', 20), notice('a', 1, { readAt: READ })];
    const after = withServerPage(local, page, 7);
    expect(after.items.map((n) => n.id)).toEqual(['new', 'b', 'a']);
    expect(after.unread).toBe(8);
  });

  it('a server page drops local notices it no longer lists that are not newer (the server is right)', () => {
    const local = withServerPage(EMPTY_NOTICES, [notice('gone', 3), notice('a', 1)], 2);
    const after = withServerPage(local, [notice('b', 5), notice('a', 1)], 2);
    expect(after.items.map((n) => n.id)).toEqual(['b', 'a']);
  });

  it('notices at the same instant keep a stable order', () => {
    const after = withServerPage(EMPTY_NOTICES, [notice('x', 1), notice('z', 1), notice('y', 1)], 0);
    expect(after.items.map((n) => n.id)).toEqual(['z', 'y', 'x']);
  });

  it('marking one read lowers the count once; unknown or already read ids change nothing', () => {
    const list = withServerPage(EMPTY_NOTICES, [notice('b', 2), notice('a', 1)], 2);
    const once = markRead(list, 'a', READ);
    expect(once.unread).toBe(1);
    expect(once.items.find((n) => n.id === 'a')?.readAt).toBe(READ);
    expect(markRead(once, 'a', '2026-03-02T12:00:00.000Z')).toBe(once);
    expect(markRead(once, 'nope', READ)).toBe(once);
  });

  it('the count never goes below zero', () => {
    const list = withServerPage(EMPTY_NOTICES, [notice('a', 1)], 0);
    expect(markRead(list, 'a', READ).unread).toBe(0);
  });

  it('mark all read: every loaded notice read (first read time kept), count zero', () => {
    const list = withServerPage(EMPTY_NOTICES, [notice('b', 2), notice('a', 1, { readAt: '2026-03-02T10:30:00.000Z' })], 12);
    const after = markAllRead(list, READ);
    expect(after.unread).toBe(0);
    expect(after.items.map((n) => n.readAt)).toEqual([READ, '2026-03-02T10:30:00.000Z']);
  });

  it('badge: hidden at zero, the number, then 99+', () => {
    expect(badgeText(0)).toBeNull();
    expect(badgeText(3)).toBe('3');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });

  it('recognises a notice frame and refuses malformed ones', () => {
    expect(isHallNotice(notice('a', 1))).toBe(true);
    expect(isHallNotice({ ...notice('a', 1), complaintNumber: null, title: null, body: null })).toBe(true);
    expect(isHallNotice({ ...notice('a', 1), id: 5 })).toBe(false);
    expect(isHallNotice({ ...notice('a', 1), readAt: undefined })).toBe(false);
    expect(isHallNotice(null)).toBe(false);
    expect(isHallNotice('notice')).toBe(false);
  });
});
