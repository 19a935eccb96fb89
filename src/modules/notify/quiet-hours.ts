import { DateTime } from 'luxon';

/** Quiet hours as minutes after local midnight, [start, end), possibly across midnight (22:00–08:00). */
export interface QuietHours {
  start: number;
  end: number;
  timeZone: string;
}

/** "22:00-08:00" → {start: 1320, end: 480}; "" or "off" → null. Throws on anything else. */
export function parseQuietHours(spec: string): { start: number; end: number } | null {
  const s = spec.trim();
  if (s === '' || s === 'off') return null;
  const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(s);
  if (!m) throw new Error(`quiet hours must look like 22:00-08:00, not "${spec}"`);
  const [h1, m1, h2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59) throw new Error(`quiet hours out of range: "${spec}"`);
  return { start: h1 * 60 + m1, end: h2 * 60 + m2 };
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/**
 * When a non-urgent notice created at `now` may go out: null if now is outside the quiet
 * hours, else the instant they end in the customer's time zone.
 */
export function quietHoursEnd(now: Date, q: QuietHours): Date | null {
  if (q.start === q.end) return null;
  const local = DateTime.fromJSDate(now, { zone: q.timeZone });
  if (!local.isValid) return null;
  const minute = local.hour * 60 + local.minute;
  const inside = q.start < q.end ? minute >= q.start && minute < q.end : minute >= q.start || minute < q.end;
  if (!inside) return null;
  // Wall-clock time (set, not plus): on a DST day midnight + 14 h is not 14:00.
  const at = (d: DateTime) => d.set({ hour: Math.floor(q.end / 60), minute: q.end % 60, second: 0, millisecond: 0 });
  let end = at(local);
  if (end <= local) end = at(local.plus({ days: 1 }));
  return end.toJSDate();
}
