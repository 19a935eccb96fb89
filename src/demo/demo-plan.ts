import type { Status } from '../modules/complaints/lifecycle.js';
import { CATEGORIES, CHANNELS, DEFAULT_DEPARTMENT, type Category, type Channel, type Severity } from '../modules/complaints/taxonomy.js';
import { ACCESSORIES, productsOf, PRODUCTS, type Product } from './demo-catalogue.js';
import { FRONT_STAFF, generateCustomers, type DemoCustomer, type Lang } from './demo-people.js';
import { Random } from './random.js';
import { CITIES, COURIERS, fill, PHRASES, SCENARIOS, SCRIPTS, THREATS, type Scenario } from './demo-texts.js';

/**
 * The demo as data: customers, orders and, per complaint, the intake and every later step
 * with its time. Pure and seeded, so the same seed, size and "now" plan the same demo;
 * `seed-demo.ts` then plays the steps through the real commands.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Demo stories happen in China: daytime and dates are Beijing time (UTC+8, no DST). */
const BEIJING_OFFSET = 8 * HOUR;

export type StaffRef = 'supervisor' | 'agent1' | 'agent2' | 'agent3';
export type Doer = StaffRef | 'customer' | 'department';

export type Step =
  | { at: Date; kind: 'assign'; by: StaffRef; to: StaffRef }
  | { at: Date; kind: 'reply'; by: StaffRef; body: string }
  | { at: Date; kind: 'note'; by: StaffRef | 'department'; body: string }
  | { at: Date; kind: 'customer'; body: string }
  | { at: Date; kind: 'status'; by: Doer; to: Status; reason?: string }
  | { at: Date; kind: 'reclassify'; by: StaffRef; category?: Category; severity?: Severity; tags?: string[]; reason: string }
  // A real department task (src/modules/handoffs): requested by the owner, picked up and answered
  // by the complaint's department, so desks, deadlines and the backstage lane have history.
  | { at: Date; kind: 'handoff'; by: StaffRef; note: string }
  | { at: Date; kind: 'handoff_ack' }
  | { at: Date; kind: 'handoff_answer'; body: string }
  // A refund / compensation / voucher: within the agent's authority it is granted at once,
  // above it it waits for a supervisor's decision (src/modules/approvals).
  | { at: Date; kind: 'settle'; by: StaffRef; settlement: 'refund' | 'compensation' | 'voucher'; amount: number; reason: string }
  | { at: Date; kind: 'decide'; decision: 'approve' | 'reject'; reason: string };

export interface OrderItem {
  sku: string;
  name: string;
  quantity: number;
  price: number;
}

export interface PlannedOrder {
  customer: number;
  number: string;
  items: OrderItem[];
  amount: number;
  status: 'placed' | 'paid' | 'shipped' | 'delivered' | 'returned';
  placedAt: Date;
  deliveredAt: Date | null;
}

export interface PlannedComplaint {
  customer: number;
  scenario: string;
  lang: Lang;
  channel: Channel;
  /** Who files it: the customer (self-service channels) or an agent logging a call / visit. */
  filedBy: 'customer' | StaffRef;
  createdAt: Date;
  order: number | null;
  subject: string;
  description: string;
  /** What intake sends; undefined: left to the defaults (other / general) and fixed later. */
  category?: Category;
  severity?: Severity;
  amount?: number;
  tags: string[];
  /** Classification after every step. */
  finalCategory: Category;
  finalSeverity: Severity;
  department: string;
  finalStatus: Status;
  steps: Step[];
}

export interface DemoPlan {
  customers: DemoCustomer[];
  orders: PlannedOrder[];
  complaints: PlannedComplaint[];
}

export interface PlanOptions {
  now: Date;
  complaints: number;
  customers: number;
  seed: string;
  days: number;
  /** Minutes per tier, from the SLA policies in the database. */
  targets: Record<Severity, { firstResponse: number; resolution: number }>;
  /** Department codes with a demo staff member (hand-offs go only there). */
  departments: ReadonlySet<string>;
}

/** Share of complaints ending in each status; every status gets at least one. */
const STATUS_SHARE: Record<Status, number> = {
  closed: 0.62,
  resolved: 0.07,
  cancelled: 0.04,
  reopened: 0.03,
  in_progress: 0.08,
  awaiting_department: 0.06,
  awaiting_customer: 0.05,
  new: 0.05,
};

const CHANNEL_WEIGHTS: Record<Lang, Record<Channel, number>> = {
  zh: { web: 22, chat: 22, phone: 20, email: 6, social: 10, hall: 8, api: 6, webhook: 6 },
  en: { web: 30, chat: 20, email: 25, phone: 10, social: 7, hall: 2, api: 3, webhook: 3 },
};

const THREAT_TAGS: Record<Lang, string[]> = {
  zh: ['12315', 'legal', 'media', 'consumer-association'],
  en: ['regulator', 'legal', 'media', 'bbb'],
};

function money(amount: number, lang: Lang): string {
  const s = amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return lang === 'zh' ? `¥${s}` : `CNY ${s}`;
}

function localDate(d: Date, lang: Lang): string {
  const b = new Date(d.getTime() + BEIJING_OFFSET);
  const m = b.getUTCMonth();
  const day = b.getUTCDate();
  return lang === 'zh' ? `${m + 1}月${day}日` : `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m]} ${day}`;
}

function ymd(d: Date): string {
  const b = new Date(d.getTime() + BEIJING_OFFSET);
  return `${b.getUTCFullYear()}${String(b.getUTCMonth() + 1).padStart(2, '0')}${String(b.getUTCDate()).padStart(2, '0')}`;
}

/** Complaint age in ms by the status it ends in: open work is recent, closed work spreads over the period. */
function ageFor(status: Status, rng: Random, days: number): number {
  const span = (lo: number, hi: number) => Math.min(days * DAY, (lo + (hi - lo) * rng.next()) * DAY);
  const recent = (hi: number) => Math.min(days * DAY, hi * DAY * rng.next() ** 2);
  switch (status) {
    case 'closed': return span(Math.min(3, days / 2), days);
    case 'cancelled': return span(0.2, days);
    case 'resolved': return span(0.1, 3.5);
    case 'reopened': return span(0.8, 3.5);
    case 'awaiting_customer': return span(0.05, 5);
    case 'awaiting_department': return rng.chance(0.1) ? span(2, 10) : 20 * MINUTE + recent(1.5);
    case 'in_progress': return rng.chance(0.1) ? span(1.5, 7) : 10 * MINUTE + recent(1.2);
    case 'new': return rng.chance(0.1) ? span(0.2, 2) : MINUTE + 40 * MINUTE * rng.next() ** 1.5;
  }
}

/** Moves a night-time (Beijing) creation back into the previous evening; never later than it was. */
function daytime(at: number, rng: Random): number {
  const hour = new Date(at + BEIJING_OFFSET).getUTCHours();
  if (hour >= 8) return at;
  return at - (hour + 1 + rng.next() * 3) * HOUR;
}

function statusList(n: number, rng: Random): Status[] {
  const keys = Object.keys(STATUS_SHARE) as Status[];
  const counts = new Map<Status, number>(keys.map((k) => [k, Math.max(1, Math.round(n * STATUS_SHARE[k]))]));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  // Closed takes up (or gives back) the rounding, never below one.
  counts.set('closed', Math.max(1, counts.get('closed')! + n - total));
  const list = keys.flatMap((k) => Array<Status>(counts.get(k)!).fill(k)).slice(0, Math.max(n, 0));
  while (list.length < n) list.push('closed');
  // Fisher–Yates with the seeded generator.
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

function pickScenario(rng: Random, lang: Lang, category?: Category, tier?: 'serious'): Scenario {
  const pool = SCENARIOS.filter((s) => s.lang === lang && (!category || s.category === category) && (!tier || s.tier === tier));
  const weights: Record<string, number> = {};
  for (const s of pool) weights[s.key] = s.weight ?? 1;
  const key = rng.weighted(weights);
  return pool.find((s) => s.key === key)!;
}

interface Draft {
  customer: number;
  scenario: Scenario;
  channel: Channel;
  status: Status;
  createdAt: number;
}

/**
 * Plans the whole demo. Every status, channel and category appears once there are at least
 * eight complaints (spread positions are forced), and at least one story of each tier.
 */
export function planDemo(o: PlanOptions): DemoPlan {
  const rng = new Random(o.seed);
  const now = o.now.getTime();
  const customers = generateCustomers(rng, o.customers);
  const custWeights: Record<string, number> = {};
  customers.forEach((c, i) => (custWeights[String(i)] = c.weight));

  // 1. Who complains about what, through which channel, ending where.
  const statuses = statusList(o.complaints, rng);
  const told = new Set<string>();
  const drafts: Draft[] = statuses.map((status) => {
    const customer = Number(rng.weighted(custWeights));
    const lang = customers[customer]!.lang;
    let scenario = pickScenario(rng, lang);
    // Regulars mostly complain about something new; some do come back with the same issue.
    if (told.has(`${customer}:${scenario.key}`) && rng.chance(0.75)) scenario = pickScenario(rng, lang);
    told.add(`${customer}:${scenario.key}`);
    return { customer, scenario, channel: rng.weighted(CHANNEL_WEIGHTS[lang]), status, createdAt: 0 };
  });
  const n = drafts.length;
  if (n >= CHANNELS.length) {
    const step = Math.floor(n / CHANNELS.length);
    CHANNELS.forEach((ch, i) => (drafts[i * step]!.channel = ch));
    CATEGORIES.forEach((cat, i) => {
      const d = drafts[(i * step + Math.floor(step / 2)) % n]!;
      d.scenario = pickScenario(rng, customers[d.customer]!.lang, cat);
    });
    const d = drafts[(Math.floor(step / 3) + 1) % n]!;
    d.scenario = pickScenario(rng, customers[d.customer]!.lang, 'service_attitude', 'serious');
  }
  for (const d of drafts) {
    const age = ageFor(d.status, rng, o.days);
    // older complaints follow the daily rhythm; the live queue keeps its exact recent times
    d.createdAt = age > DAY ? daytime(now - age, rng) : now - age;
  }
  drafts.sort((a, b) => a.createdAt - b.createdAt);

  // 2. Orders: one behind each complaint that names a product, plus a history per customer.
  const orders: PlannedOrder[] = [];
  let orderSeq = 0;
  const addOrder = (customer: number, product: Product, placedAt: number, status: PlannedOrder['status'], deliveredAfter: number | null): PlannedOrder => {
    const lang = customers[customer]!.lang;
    const qty = product.price < 200 && rng.chance(0.4) ? rng.int(2, 3) : 1;
    const items: OrderItem[] = [{ sku: product.sku, name: lang === 'zh' ? product.zh : product.en, quantity: qty, price: product.price }];
    if (product.kind !== 'membership' && rng.chance(0.3)) {
      const acc = rng.pick(ACCESSORIES);
      items.push({ sku: acc.sku, name: lang === 'zh' ? acc.zh : acc.en, quantity: 1, price: acc.price });
    }
    const amount = Math.round(items.reduce((s, it) => s + it.price * it.quantity, 0) * 100) / 100;
    const order: PlannedOrder = {
      customer,
      number: `LD${ymd(new Date(placedAt))}${rng.digits(3)}${String(++orderSeq).padStart(4, '0')}`,
      items, amount, status,
      placedAt: new Date(placedAt),
      deliveredAt: deliveredAfter === null ? null : new Date(placedAt + deliveredAfter),
    };
    orders.push(order);
    return order;
  };
  customers.forEach((c, i) => {
    const count = rng.int(1, 2);
    for (let k = 0; k < count; k++) {
      const placed = now - rng.between(5, Math.min(c.sinceDays, o.days + 30)) * DAY;
      addOrder(i, rng.pick(PRODUCTS.filter((p) => p.kind !== 'membership')), placed, 'delivered', rng.between(1, 4) * DAY);
    }
  });

  // 3. Each complaint's story: texts, classification, and its steps.
  const seen = new Map<string, number>(); // customer:story → when they last complained about it
  const complaints: PlannedComplaint[] = drafts.map((d) => {
    const cust = customers[d.customer]!;
    const lang = cust.lang;
    const sc = d.scenario;
    const product = sc.products ? rng.pick(productsOf(sc.products)) : null;
    let order: PlannedOrder | null = null;
    let days = rng.int(3, 9);
    if (product) {
      const before = {
        logistics: rng.between(3, 10), product_quality: rng.between(5, 30), refund: rng.between(10, 25), billing: rng.between(0.05, 3),
        service_attitude: rng.between(2, 15), technical: rng.between(0.01, 0.2), safety: rng.between(7, 40), other: rng.between(3, 20),
      }[sc.category] * DAY;
      const placedAt = d.createdAt - before;
      const delivered = Math.min(before * 0.6, rng.between(1, 4) * DAY);
      const status: PlannedOrder['status'] = sc.category === 'logistics'
        ? (sc.key.includes('stuck') || sc.key.includes('late') || sc.key.includes('appointment') || sc.key.includes('address') ? 'shipped' : 'delivered')
        : sc.category === 'refund' ? 'returned'
          : sc.category === 'billing' ? (sc.key.includes('failed') ? 'placed' : 'paid')
            : 'delivered';
      order = addOrder(d.customer, product, placedAt, status, status === 'shipped' || status === 'placed' || status === 'paid' ? null : delivered);
      if (sc.category === 'logistics') days = Math.max(2, Math.floor(before / DAY) - 1);
    }
    const claim = sc.claim === undefined ? undefined
      : sc.claim === 'order' ? order?.amount
        : sc.claim === 'item' ? order?.items[0]?.price
          : Math.round(rng.between(sc.claim[0], sc.claim[1]));
    const agent: StaffRef = lang === 'en' ? (rng.chance(0.7) ? 'agent3' : rng.pick(['agent1', 'agent2'] as const)) : (rng.chance(0.1) ? 'agent3' : rng.pick(['agent1', 'agent2'] as const));
    const agentName = FRONT_STAFF.find((s) => s.key === agent)!.name;
    const vars: Record<string, string> = {
      customer: cust.name, agent: agentName,
      product: product ? (lang === 'zh' ? product.zh : product.en) : '',
      order: order?.number ?? '', amount: money(claim ?? order?.amount ?? 0, lang), days: String(days),
      courier: rng.pick(COURIERS[lang]), city: rng.pick(CITIES[lang]),
      date: localDate(order?.placedAt ?? new Date(d.createdAt - rng.int(1, 5) * DAY), lang),
      last4: rng.digits(4), n: String(rng.int(1001, 1399)), hours: String(rng.int(2, 48)),
    };

    // Classification by DESIGN §2: text rules first, then context (amount, VIP, repeat).
    // a repeat: the same customer with the same issue within the last 60 days
    const repeatKey = `${d.customer}:${sc.key}`;
    const previous = seen.get(repeatKey);
    const repeat = previous !== undefined && d.createdAt - previous < 60 * DAY;
    seen.set(repeatKey, d.createdAt);
    const threatAtIntake = !sc.tier && rng.chance(0.08);
    const threatIdx = rng.int(0, THREATS[lang].length - 1);
    const tags: string[] = [];
    if (cust.tier === 'vip') tags.push('vip');
    if (repeat) tags.push('repeat');
    if (threatAtIntake) tags.push(THREAT_TAGS[lang][threatIdx]!);
    if (sc.tier === 'urgent') tags.push(sc.category === 'safety' ? 'safety-incident' : 'security-incident');
    if (sc.key.includes('counterfeit')) tags.push('counterfeit');
    if ((claim ?? 0) >= 1000) tags.push('high-value');
    const severity: Severity = sc.tier === 'urgent' ? 'urgent'
      : sc.tier === 'serious' || threatAtIntake || (claim ?? 0) >= 1000 || cust.tier === 'vip' || repeat ? 'serious' : 'general';
    let description = fill(sc.description, vars);
    if (threatAtIntake) description += lang === 'zh' ? THREATS.zh[threatIdx] : ` ${THREATS.en[threatIdx]}`;
    if (repeat) description += lang === 'zh' ? '这已经是我第二次因为同样的问题投诉了。' : ' This is the second time I have had to complain about this.';
    // Some intake arrives unclassified and an agent fixes it (never for stories that are urgent or serious by their text).
    const misfiled = !sc.tier && sc.category !== 'other' && rng.chance(0.1);
    // A general complaint can escalate later: the customer threatens and the tier is raised.
    const escalates = severity === 'general' && rng.chance(0.07);

    const filedBy: PlannedComplaint['filedBy'] = d.channel === 'phone' || d.channel === 'hall' ? agent : 'customer';
    const department = DEFAULT_DEPARTMENT[sc.category];
    const canHandoff = o.departments.has(department);
    const life = planSteps({
      rng, lang, sc, vars, agent, filedBy, severity, escalates, misfiled, canHandoff,
      escalationTag: THREAT_TAGS[lang][(threatIdx + 1) % 4]!, escalationText: THREATS[lang][(threatIdx + 1) % 4]!,
      tags, status: d.status, createdAt: d.createdAt, now, targets: o.targets,
    });
    return {
      customer: d.customer, scenario: sc.key, lang, channel: d.channel, filedBy,
      createdAt: new Date(d.createdAt), order: order ? orders.indexOf(order) : null,
      subject: fill(sc.subject, vars), description,
      category: misfiled ? undefined : sc.category,
      severity: misfiled ? undefined : severity,
      amount: claim,
      tags: misfiled ? [] : tags,
      finalCategory: sc.category,
      finalSeverity: escalates ? 'serious' : severity,
      department,
      finalStatus: life.status,
      steps: life.steps,
    };
  });
  return { customers, orders, complaints };
}

/** The default agent limit (src/modules/approvals): above it a settlement waits for a supervisor. */
const AGENT_AUTHORITY = 200;
/** Categories whose complaints are often settled with money or a voucher. */
const SETTLES: ReadonlySet<string> = new Set(['refund', 'billing', 'product_quality', 'logistics']);
const SETTLE_REASON: Record<Lang, Record<'refund' | 'compensation' | 'voucher', string>> = {
  zh: { refund: '核实后按规定退款', compensation: '给客户带来不便，按标准补偿', voucher: '致歉优惠券' },
  en: { refund: 'Refund after checking the order', compensation: 'Goodwill compensation for the trouble', voucher: 'Apology voucher' },
};
const DECIDE_REASON: Record<Lang, Record<'approve' | 'reject', string>> = {
  zh: { approve: '情况属实，同意', reject: '超出补偿标准，请按标准重新提交' },
  en: { approve: 'Checked: approved', reject: 'Above our compensation policy; resubmit within the standard' },
};

interface StepInput {
  rng: Random;
  lang: Lang;
  sc: Scenario;
  vars: Record<string, string>;
  agent: StaffRef;
  filedBy: PlannedComplaint['filedBy'];
  severity: Severity;
  escalates: boolean;
  misfiled: boolean;
  canHandoff: boolean;
  escalationTag: string;
  escalationText: string;
  tags: string[];
  status: Status;
  createdAt: number;
  now: number;
  targets: PlanOptions['targets'];
}

type WithOffset<S> = S extends Step ? Omit<S, 'at'> & { t: number } : never;
/** A step with its offset from creation instead of its time. */
type Timed = WithOffset<Step>;

/**
 * The full life of one complaint as offsets from its creation, then cut where its planned
 * status is reached (at a point that fits before now) and squeezed if it still runs past now.
 */
function planSteps(x: StepInput): { steps: Step[]; status: Status } {
  const { rng, lang, sc, vars, agent } = x;
  const P = PHRASES[lang];
  const S = SCRIPTS[lang][sc.category];
  const say = (list: readonly string[]) => fill(rng.pick(list), vars);
  // One outcome per complaint: the department's finding and the final answer tell the same story.
  const findings = sc.finding ?? S.finding;
  const answers = sc.resolution ?? S.resolution;
  const outcome = rng.int(0, Math.max(findings.length, answers.length) - 1);
  const finding = fill(findings[outcome % findings.length]!, vars);
  const resolution = fill(answers[outcome % answers.length]!, vars);
  const asks = sc.ask ?? S.ask;
  const replies = sc.answer ?? S.answer;
  // the initial SLA follows what intake sent (defaults for a misfiled one)
  const tier = x.misfiled ? 'general' : x.severity;
  const fr = x.targets[tier].firstResponse * MINUTE;
  const res = x.targets[tier].resolution * MINUTE;
  const out: Array<{ step: Timed; status: Status }> = [];
  let status: Status = 'new';
  let t = 0;
  const push = (step: Timed) => {
    if (step.kind === 'status') status = step.to;
    else if (step.kind === 'handoff') status = 'awaiting_department';
    else if (step.kind === 'handoff_answer') status = 'in_progress';
    else if (step.kind === 'reply' && status === 'new') status = 'in_progress';
    else if (step.kind === 'customer' && status === 'awaiting_customer') status = 'in_progress';
    out.push({ step, status });
  };
  const forceHandoff = x.status === 'awaiting_department';
  const forceAsk = x.status === 'awaiting_customer';
  const handoff = x.canHandoff && (forceHandoff || rng.chance(x.sc.handoff));
  const ask = forceAsk || rng.chance(x.sc.askInfo);
  const lateFirst = rng.chance(0.06);
  const lateResolution = rng.chance(0.05);

  // Intake → first response.
  const assigned = rng.chance(0.6);
  if (assigned) {
    t += rng.between(0.5 * MINUTE, Math.max(MINUTE, 0.3 * fr));
    push({ kind: 'assign', by: 'supervisor', to: agent, t });
  }
  if (x.status === 'cancelled') {
    if (rng.chance(0.5)) {
      t = Math.max(t, rng.between(0.2, 0.8) * fr);
      push({ kind: 'reply', by: agent, body: say(P.ack), t });
      t += rng.between(5 * MINUTE, 6 * HOUR);
    } else {
      // spam and duplicates are weeded out before anyone replies
      t = Math.max(t, rng.between(0.1, 0.7) * fr);
    }
    push({ kind: 'status', by: agent, to: 'cancelled', reason: rng.pick(P.cancel), t });
    return finish(out, x);
  }
  const firstAt = x.filedBy !== 'customer' ? rng.between(0.5, 3) * MINUTE : lateFirst ? rng.between(1.1, 4) * fr : rng.between(0.1, 0.75) * fr;
  t = Math.max(t + MINUTE / 2, firstAt);
  if (!assigned) push({ kind: 'assign', by: agent, to: agent, t });
  const ackList = x.severity === 'urgent' ? P.ackUrgent : x.filedBy !== 'customer' ? P.ackPhone : P.ack;
  push({ kind: 'reply', by: agent, body: say(ackList), t });
  if (x.misfiled) {
    t += rng.between(1, 8) * MINUTE;
    push({
      kind: 'reclassify', by: agent, category: sc.category,
      ...(x.severity !== 'general' ? { severity: x.severity } : {}),
      ...(x.tags.length ? { tags: x.tags } : {}),
      reason: P.reclassify, t,
    });
  }

  // The work, with the resolution time measured as running (unpaused) time.
  const start = t;
  const resolveAt = lateResolution ? rng.between(1.05, 2.5) * res : rng.between(0.15, 0.85) * res;
  const span = Math.max(resolveAt - start, 20 * MINUTE);
  let paused = 0;
  const at = (fraction: number) => start + span * fraction + paused;
  if (ask) {
    t = Math.max(t + MINUTE, at(rng.between(0.03, 0.1)));
    const i = rng.int(0, asks.length - 1);
    push({ kind: 'reply', by: agent, body: fill(asks[i]!, vars), t });
    push({ kind: 'status', by: agent, to: 'awaiting_customer', reason: lang === 'zh' ? '等待客户补充材料' : 'waiting for details from the customer', t: t + 1000 });
    const wait = rng.between(20 * MINUTE, 30 * HOUR);
    paused += wait;
    t += wait;
    push({ kind: 'customer', body: fill(replies[i] ?? replies[0]!, vars), t });
  }
  if (x.escalates) {
    t = Math.max(t + MINUTE, at(rng.between(0.1, 0.2)));
    push({ kind: 'customer', body: x.escalationText, t });
    t += rng.between(3, 20) * MINUTE;
    push({ kind: 'reclassify', by: 'supervisor', severity: 'serious', tags: [...x.tags, x.escalationTag], reason: P.escalate, t });
    push({ kind: 'reply', by: 'supervisor', body: say(P.escalationAck), t: t + MINUTE });
    t += MINUTE;
  }
  if (handoff) {
    t = Math.max(t + MINUTE, at(rng.between(0.08, 0.2)));
    push({ kind: 'handoff', by: agent, note: say(S.handoff), t });
    const told = rng.chance(0.5);
    if (told) push({ kind: 'reply', by: agent, body: say(P.handoffNotice), t: t + 2 * MINUTE });
    // Most departments pick a task up within their 10 minutes; some do not (forward overdue).
    // Steps play in the order pushed, so the pick-up never comes before the reply above.
    const ackAt = Math.max(t + (rng.chance(0.85) ? rng.between(1, 9) : rng.between(12, 40)) * MINUTE, told ? t + 2 * MINUTE + 1000 : 0);
    if (rng.chance(0.8)) push({ kind: 'handoff_ack', t: ackAt });
    t = Math.max(ackAt + 5 * MINUTE, at(rng.between(0.35, 0.75)));
    push({ kind: 'handoff_answer', body: finding, t });
  }
  if (SETTLES.has(sc.category) && rng.chance(x.status === 'in_progress' ? 0.7 : 0.45)) {
    t = Math.max(t + MINUTE, at(rng.between(0.5, 0.7)));
    const settlement = sc.category === 'refund' ? 'refund' : rng.chance(0.7) ? 'compensation' : 'voucher';
    // Most settle within the agent's authority (≤ 200); some need a supervisor. Open work has more of
    // those: finish() often ends its life at the request, so a supervisor finds approvals waiting.
    const aboveLimit = rng.chance(x.status === 'in_progress' ? 0.6 : 0.25);
    const amount = aboveLimit ? rng.int(3, 15) * 100 : rng.int(2, 20) * 10;
    push({ kind: 'settle', by: agent, settlement, amount, reason: SETTLE_REASON[lang][settlement], t });
    if (amount > AGENT_AUTHORITY) {
      t += rng.between(10, 90) * MINUTE;
      const approve = rng.chance(0.85);
      push({ kind: 'decide', decision: approve ? 'approve' : 'reject', reason: DECIDE_REASON[lang][approve ? 'approve' : 'reject'], t });
    }
  }
  if (rng.chance(0.3)) {
    t = Math.max(t + MINUTE, at(rng.between(0.75, 0.9)));
    push({ kind: 'note', by: agent, body: say(P.notes), t });
  }
  t = Math.max(t + 5 * MINUTE, at(1));
  push({ kind: 'reply', by: agent, body: resolution, t });
  push({ kind: 'status', by: agent, to: 'resolved', t: t + 30_000 });

  // After the answer: the customer confirms, stays silent, or is not satisfied.
  const reopen = x.status === 'reopened' || (x.status === 'closed' && rng.chance(0.08));
  if (reopen) {
    t += rng.between(2 * HOUR, 36 * HOUR);
    push({ kind: 'customer', body: say(S.reopen), t });
    push({ kind: 'status', by: 'customer', to: 'reopened', t: t + 20_000 });
    t += rng.between(5, 40) * MINUTE;
    push({ kind: 'reply', by: agent, body: say(P.reopenReply), t });
    push({ kind: 'status', by: agent, to: 'in_progress', t: t + 1000 });
    if (handoff && rng.chance(0.5)) {
      t += rng.between(0.5, 6) * HOUR;
      push({ kind: 'note', by: 'department', body: lang === 'zh' ? `复核：${finding}` : `Re-checked: ${finding}`, t });
    }
    t += rng.between(0.1, 0.6) * res;
    push({ kind: 'reply', by: agent, body: P.followUp.replace('{customer}', vars.customer ?? ''), t });
    push({ kind: 'status', by: agent, to: 'resolved', t: t + 30_000 });
  }
  if (rng.chance(0.55)) {
    t += rng.between(0.5 * HOUR, 48 * HOUR);
    push({ kind: 'customer', body: say(P.confirm), t });
    push({ kind: 'status', by: 'customer', to: 'closed', t: t + 20_000 });
  } else {
    t += rng.between(72, 80) * HOUR;
    push({ kind: 'status', by: rng.chance(0.3) ? 'supervisor' : agent, to: 'closed', reason: P.noReplyClose, t });
  }
  return finish(out, x);
}

/**
 * Cuts the life at the planned status (at a point that fits before now, if there is one)
 * and squeezes it proportionally if it still runs past now.
 */
function finish(all: Array<{ step: Timed; status: Status }>, x: StepInput): { steps: Step[]; status: Status } {
  const room = x.now - x.createdAt - MINUTE;
  let cut: number;
  if (x.status === 'new') {
    cut = all.findIndex((s) => s.status !== 'new');
    if (cut < 0) cut = all.length;
  } else {
    const candidates = all.map((s, i) => ({ i, s })).filter(({ s }) => s.status === x.status);
    const fitting = candidates.filter(({ s }) => s.step.t <= room);
    // Open work stops at a settlement waiting for its approval more often than chance would have it.
    const awaitingApproval = fitting.filter(({ s }) => s.step.kind === 'settle' && s.step.amount > AGENT_AUTHORITY);
    if (awaitingApproval.length && x.rng.chance(0.8)) fitting.splice(0, fitting.length, ...awaitingApproval);
    // No candidate only if a hand-off was needed but no department can take it: keep the whole life.
    const chosen = fitting.length ? x.rng.pick(fitting) : candidates[0];
    cut = chosen ? chosen.i + 1 : all.length;
  }
  const kept = all.slice(0, cut);
  const last = kept.length ? kept[kept.length - 1]!.step.t : 0;
  const squeeze = last > room ? Math.max(room, 0) / last : 1;
  return {
    steps: kept.map(({ step }) => toStep(step, new Date(x.createdAt + Math.floor(step.t * squeeze)))),
    status: kept.length ? kept[kept.length - 1]!.status : 'new',
  };
}

function toStep(timed: Timed, at: Date): Step {
  const { t, ...rest } = timed;
  void t;
  return { ...rest, at };
}
