/**
 * Rules in words: "Text contains any of “cracked”, “broken” → Route to Quality". Used by the
 * version view and the dry run. Pure apart from the current locale of the catalogues.
 */
import { tEnum } from '../../i18n.js';
import type { Action, Condition, Node } from './routing-api.js';
import { messages as m } from './routing.messages.js';

type Key = Parameters<typeof m>[0];

export interface SummaryContext {
  departmentName: (code: string) => string;
  userName?: (id: string) => string;
}

/** A message of this catalogue by computed key, or the fallback when there is none (a value added later). */
function label(key: string, fallback: string, vars?: Record<string, string | number>): string {
  return Object.hasOwn(m.catalogue.en, key) ? m(key as Key, vars) : fallback;
}

export const fieldLabel = (field: string) => label(`routing.field.${field}`, field);
export const opLabel = (op: string) => label(`routing.op.${op}`, op);

const quote = (v: unknown) => `“${String(v)}”`;

export function valueLabel(field: string, v: unknown, ctx: SummaryContext): string {
  const s = String(v);
  switch (field) {
    case 'category': return tEnum('category', s);
    case 'severity': return tEnum('severity', s);
    case 'channel': return tEnum('channel', s);
    case 'customer.tier': return label(`routing.tier.${s}`, s);
    case 'order.status': return label(`routing.order.${s}`, s);
    case 'time.weekday': return label(`routing.weekday.${s}`, s);
    case 'department': return ctx.departmentName(s);
    case 'text':
    case 'tags':
    case 'merchant':
    case 'team':
      return quote(s);
    default: return s;
  }
}

export function describeCondition(c: Condition, ctx: SummaryContext): string {
  const f = fieldLabel(c.field);
  if (c.op === 'exists') return `${f} ${m(c.value === false ? 'routing.exists.false' : 'routing.exists.true')}`;
  let value: string;
  if (c.op === 'between' && Array.isArray(c.value)) {
    value = m('routing.betweenValues', { from: valueLabel(c.field, c.value[0], ctx), to: valueLabel(c.field, c.value[1], ctx) });
  } else if (Array.isArray(c.value)) {
    value = c.value.map((v) => valueLabel(c.field, v, ctx)).join(', ');
  } else {
    value = valueLabel(c.field, c.value, ctx);
  }
  const zone = c.timeZone ? ` (${c.timeZone})` : '';
  return `${f} ${opLabel(c.op)} ${value}${zone}`;
}

const isGroup = (n: Node): n is Exclude<Node, Condition> => 'all' in n || 'any' in n || 'not' in n;

export function describeNode(n: Node, ctx: SummaryContext, nested = false): string {
  if (!isGroup(n)) return describeCondition(n, ctx);
  if ('not' in n) return m('routing.not', { inner: describeNode(n.not, ctx) });
  const [list, joiner] = 'all' in n ? [n.all, m('routing.and')] : [n.any, m('routing.or')];
  const text = list.map((c) => describeNode(c, ctx, true)).join(` ${joiner} `);
  return nested && list.length > 1 ? `(${text})` : text;
}

/** A rule's top-level conditions one per line, with the word that joins them ("and" / "or"). */
export function whenParts(when: Node | undefined, ctx: SummaryContext): { joiner: string | null; parts: string[] } {
  if (!when) return { joiner: null, parts: [] };
  if (isGroup(when) && 'all' in when) return { joiner: m('routing.and'), parts: when.all.map((c) => describeNode(c, ctx, true)) };
  if (isGroup(when) && 'any' in when) return { joiner: m('routing.or'), parts: when.any.map((c) => describeNode(c, ctx, true)) };
  return { joiner: null, parts: [describeNode(when, ctx)] };
}

const list = (items: readonly string[]) => items.join(', ');

export function describeAction(a: Action, ctx: SummaryContext): string {
  switch (a.type) {
    case 'set_department': return m('routing.act.set_department', { department: ctx.departmentName(a.department) });
    case 'set_team': return m('routing.act.set_team', { team: a.team });
    case 'raise_severity': return m('routing.act.raise_severity', { severity: tEnum('severity', a.to) });
    case 'add_tags': return m('routing.act.add_tags', { tags: list(a.tags.map(quote)) });
    case 'auto_reply_article': return m('routing.act.auto_reply_article', { slug: a.articleSlug });
    case 'assign': {
      const roles = list((a.roles ?? ['agent']).map((r) => tEnum('role', r)));
      const parts = [m('routing.act.assign', { strategy: label(`routing.strategy.${a.strategy}`, a.strategy), roles })];
      if (a.department === 'routed') parts.push(m('routing.act.assignRouted'));
      else if (a.department) parts.push(m('routing.act.assignIn', { department: ctx.departmentName(a.department) }));
      if (a.team) parts.push(m('routing.act.assignTeam', { team: a.team }));
      if (a.skills?.length) parts.push(m('routing.act.assignSkills', { skills: list(a.skills) }));
      return parts.join(' ');
    }
    case 'notify': {
      const who: string[] = [];
      if (a.roles?.length) who.push(list(a.roles.map((r) => tEnum('role', r))) + (a.sameDepartment ? ` ${m('routing.act.notifySameDept')}` : ''));
      if (a.users?.length) who.push(ctx.userName ? list(a.users.map(ctx.userName)) : m('routing.act.notifyUsers', { n: a.users.length }));
      const text = m('routing.act.notify', { who: who.join('; ') });
      return a.message ? `${text}: ${quote(a.message)}` : text;
    }
  }
}

/**
 * A draft rule (possibly half-filled or invalid) in words, for collapsed cards; null when it
 * does not have a rule's shape at all. Never throws: the draft may hold anything.
 */
export function describeDraftRule(raw: unknown, ctx: SummaryContext): { when: { joiner: string | null; parts: string[] }; then: string[] } | null {
  try {
    if (!raw || typeof raw !== 'object' || !Array.isArray((raw as { then?: unknown }).then)) return null;
    const r = raw as { when?: Node; then: Action[] };
    return { when: whenParts(r.when, ctx), then: r.then.map((a) => describeAction(a, ctx) ?? JSON.stringify(a)) };
  } catch {
    return null;
  }
}
