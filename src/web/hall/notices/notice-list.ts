/** An in-app notice as `GET /api/v1/portal/notices` and the live socket give it. */
export interface HallNotice {
  id: string;
  complaintId: string;
  complaintNumber: string | null;
  kind: string;
  title: string | null;
  body: string | null;
  createdAt: string;
  readAt: string | null;
}

/**
 * What the bell and the panel show: the newest notices first, and the unread count. The count
 * is the server's (it covers notices beyond the loaded page), kept in step with local changes.
 */
export interface NoticeList {
  items: HallNotice[];
  unread: number;
}

export const EMPTY_NOTICES: NoticeList = { items: [], unread: 0 };

const newestFirst = (a: HallNotice, b: HallNotice) =>
  a.createdAt === b.createdAt ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.createdAt < b.createdAt ? 1 : -1;

/** A pushed notice joins the list once (a repeat push or one already loaded changes nothing). */
export function addPushed(list: NoticeList, notice: HallNotice): NoticeList {
  if (list.items.some((n) => n.id === notice.id)) return list;
  return {
    items: [...list.items, notice].sort(newestFirst),
    unread: list.unread + (notice.readAt ? 0 : 1),
  };
}

/**
 * A fresh page from the server replaces the list, but keeps notices pushed while it was on its
 * way (newer than anything in it): otherwise a push that raced the request would vanish.
 */
export function withServerPage(list: NoticeList, page: HallNotice[], serverUnread: number): NoticeList {
  const known = new Set(page.map((n) => n.id));
  const newest = page.reduce((max, n) => (n.createdAt > max ? n.createdAt : max), '');
  const raced = list.items.filter((n) => !known.has(n.id) && n.createdAt > newest);
  return {
    items: [...raced, ...page].sort(newestFirst),
    unread: serverUnread + raced.filter((n) => !n.readAt).length,
  };
}

/** One notice read (idempotent: reading a read notice keeps its first time and the count). */
export function markRead(list: NoticeList, id: string, at: string): NoticeList {
  const target = list.items.find((n) => n.id === id);
  if (!target || target.readAt) return list;
  return {
    items: list.items.map((n) => (n.id === id ? { ...n, readAt: at } : n)),
    unread: Math.max(0, list.unread - 1),
  };
}

/** Everything read, also the notices not loaded. */
export function markAllRead(list: NoticeList, at: string): NoticeList {
  return { items: list.items.map((n) => (n.readAt ? n : { ...n, readAt: at })), unread: 0 };
}

/** The badge text: nothing when all is read, "99+" past 99. */
export function badgeText(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 99 ? '99+' : String(unread);
}

/** Whether a value from the socket is a notice we can show (the frame is trusted JSON, but checked). */
export function isHallNotice(v: unknown): v is HallNotice {
  if (!v || typeof v !== 'object') return false;
  const n = v as Record<string, unknown>;
  const strOrNull = (x: unknown) => x === null || typeof x === 'string';
  return typeof n.id === 'string' && typeof n.complaintId === 'string' && typeof n.kind === 'string' && typeof n.createdAt === 'string'
    && strOrNull(n.complaintNumber) && strOrNull(n.title) && strOrNull(n.body) && strOrNull(n.readAt);
}
