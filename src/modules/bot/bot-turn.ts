import type { Queryable } from '../../db/database.js';
import { classify } from '../triage/classifier.js';
import { searchArticles } from '../kb/search-articles.js';
import type { ChatLocale, ChatSessionRow, MessageData } from '../chat/chat-store.js';
import { orderStatusText, say } from './bot-texts.js';
import {
  asksForHuman, asksOrderStatus, emailIn, isGreeting, isNo, isSkip, isYes, orderNumberIn, phoneIn, vagueTopic, VAGUE_TOPICS,
} from './intents.js';

export type HandoverReason = 'requested' | 'emotion' | 'unanswered';

export interface BotReply {
  body: string;
  data: MessageData;
}

export interface TurnResult {
  replies: BotReply[];
  /** Hand the session to a person now (the customer is known or declined to leave contact details). */
  handover?: HandoverReason;
  /** Contact details the customer left for the hand-over. */
  contact?: { email?: string; phone?: string };
  answered?: { articleId: string; slug: string; coverage: number };
  deflected?: { articleId: string | null };
}

export interface BotSettings {
  /** Emotion (max of anger and intensity, 0–1) at or above which the bot hands over at once. */
  emotionThreshold: number;
  /** A knowledge-base hit must contain at least this share of the question's words. */
  minCoverage: number;
  /** Unanswered questions (or "no, that didn't help") before the bot hands over by itself. */
  maxFailures: number;
}

export const DEFAULT_BOT_SETTINGS: BotSettings = { emotionThreshold: 0.6, minCoverage: 0.5, maxFailures: 2 };

const ORDER_FIELDS = 'o.number, o.status, o.placed_at, o.delivered_at';
interface OrderRow { number: string; status: string; placed_at: Date; delivered_at: Date | null }

function options(locale: ChatLocale, labels: { zh: string; en: string }[]): MessageData['options'] {
  return labels.map((l) => {
    const label = locale === 'en' ? l.en : l.zh;
    return { label, value: label };
  });
}

function humanOptions(locale: ChatLocale) {
  return options(locale, [
    { zh: say('optionHuman', 'zh-CN'), en: say('optionHuman', 'en') },
    { zh: say('optionRephrase', 'zh-CN'), en: say('optionRephrase', 'en') },
  ]);
}

function orderReply(o: OrderRow, locale: ChatLocale): BotReply {
  const date = o.delivered_at ?? (o.status === 'delivered' ? o.placed_at : null);
  const when = date ? (locale === 'en' ? ` on ${date.toISOString().slice(0, 10)}` : `（${date.toISOString().slice(0, 10)}）`) : '';
  return {
    body: say('orderStatus', locale, { number: o.number, status: orderStatusText(o.status, locale), when }),
    data: { intent: 'order_status', order: { number: o.number, status: o.status } },
  };
}

/**
 * One turn of the bot's conversation: reads the customer's line in the light of the session's
 * state, answers, and changes the state (the caller persists it). Runs in the caller's
 * transaction with the session locked, so turns of one session never interleave.
 */
export async function botTurn(tx: Queryable, s: ChatSessionRow, text: string, settings: BotSettings = DEFAULT_BOT_SETTINGS): Promise<TurnResult> {
  const locale = s.locale;

  const handover = (reason: HandoverReason): TurnResult => {
    if (!s.customer_id) {
      s.state = 'awaiting_contact';
      s.pending = { reason };
      return { replies: [{ body: say('askContact', locale), data: { intent: 'ask_contact', options: options(locale, [{ zh: '跳过', en: 'Skip' }]) } }] };
    }
    return { replies: [], handover: reason };
  };
  const failed = (): TurnResult => {
    s.failed_answers += 1;
    if (s.failed_answers >= settings.maxFailures) return handover('unanswered');
    s.state = 'bot';
    s.pending = {};
    return { replies: [{ body: say('notFound', locale), data: { intent: 'not_found', options: humanOptions(locale) } }] };
  };

  if (asksForHuman(text)) return handover('requested');

  const { emotion } = classify(text);
  if (Math.max(emotion.anger, emotion.intensity) >= settings.emotionThreshold) {
    const r = handover('emotion');
    return s.customer_id ? r : { ...r, replies: [{ body: say('handingOverEmotion', locale), data: {} }, ...r.replies] };
  }

  switch (s.state) {
    case 'awaiting_contact': {
      const email = emailIn(text) ?? undefined;
      const phone = phoneIn(text) ?? undefined;
      if (email || phone || isSkip(text)) return { replies: [], handover: s.pending.reason ?? 'requested', contact: { email, phone } };
      return { replies: [{ body: say('askContact', locale), data: { intent: 'ask_contact', options: options(locale, [{ zh: '跳过', en: 'Skip' }]) } }] };
    }
    case 'awaiting_feedback': {
      if (isYes(text)) {
        s.state = 'bot';
        s.failed_answers = 0;
        s.outcome ??= 'deflected';
        const articleId = s.pending.articleId ?? null;
        s.pending = {};
        return { replies: [{ body: say('glad', locale), data: { intent: 'deflected' } }], deflected: { articleId } };
      }
      if (isNo(text)) {
        s.failed_answers += 1;
        s.pending = {};
        if (s.failed_answers >= settings.maxFailures) return handover('unanswered');
        s.state = 'bot';
        return { replies: [{ body: say('sorryOfferHuman', locale), data: { intent: 'not_helpful', options: humanOptions(locale) } }] };
      }
      break;
    }
    case 'awaiting_order': {
      const r = await orderLookup(tx, s, text);
      if (r) return r;
      break;
    }
    case 'awaiting_clarification': {
      const topic = VAGUE_TOPICS.find((t) => t.key === s.pending.topic);
      s.state = 'bot';
      s.pending = {};
      if (topic) return answerFromKb(tx, s, text, settings, failed);
      break;
    }
    case 'bot':
    case 'waiting_for_agent':
    case 'with_agent':
    case 'closed':
      break;
  }
  s.state = 'bot';
  s.pending = {};

  if (isGreeting(text)) return { replies: [{ body: say('greeting', locale), data: { intent: 'greeting' } }] };

  if (asksOrderStatus(text) || (s.customer_id && orderNumberIn(text))) {
    const r = await orderLookup(tx, s, text);
    if (r) return r;
    s.state = 'awaiting_order';
    return { replies: [{ body: say('askOrder', locale), data: { intent: 'order_status' } }] };
  }

  const topic = vagueTopic(text);
  if (topic) {
    s.state = 'awaiting_clarification';
    s.pending = { topic: topic.key };
    return { replies: [{ body: say('clarify', locale), data: { intent: 'clarify', options: options(locale, topic.options) } }] };
  }

  return answerFromKb(tx, s, text, settings, failed);
}

async function answerFromKb(tx: Queryable, s: ChatSessionRow, text: string, settings: BotSettings, failed: () => TurnResult): Promise<TurnResult> {
  const locale = s.locale;
  // The customer's language first; the other language's articles when nothing matches.
  let hits = await searchArticles(tx, { q: text, locale, limit: 1 });
  if (!hits.length || hits[0]!.coverage < settings.minCoverage) {
    const any = await searchArticles(tx, { q: text, limit: 1 });
    if (any.length && (!hits.length || any[0]!.coverage > hits[0]!.coverage)) hits = any;
  }
  const top = hits[0];
  if (!top || top.coverage < settings.minCoverage) return failed();
  s.state = 'awaiting_feedback';
  s.pending = { articleId: top.id, slug: top.slug };
  const url = `/kb/${top.slug}?locale=${top.locale}`;
  return {
    replies: [
      {
        body: `${say('answerIntro', locale)}\n${top.title}\n${top.excerpt}`,
        data: { intent: 'kb_answer', article: { id: top.id, slug: top.slug, title: top.title, url } },
      },
      {
        body: say('didItHelp', locale),
        data: { intent: 'ask_feedback', options: options(locale, [{ zh: '是', en: 'Yes' }, { zh: '否', en: 'No' }]) },
      },
    ],
    answered: { articleId: top.id, slug: top.slug, coverage: top.coverage },
  };
}

/**
 * Order status from the orders table. A known customer sees only their own orders; an
 * anonymous visitor must name the order and the phone or email it was placed with. Any
 * mismatch reads the same as a missing order, so nothing about other customers leaks.
 * Returns null when the line holds nothing to look up.
 */
async function orderLookup(tx: Queryable, s: ChatSessionRow, text: string): Promise<TurnResult | null> {
  const locale = s.locale;
  const email = emailIn(text);
  const phone = phoneIn(text);
  const number = orderNumberIn(phone ? text.replace(phone, ' ').replace(/(?:\+\d{1,3}[\s-]?)?1[3-9]\d{9}/, ' ') : text);
  if (s.customer_id) {
    if (number) {
      const [o] = await tx.query<OrderRow>(`select ${ORDER_FIELDS} from orders o where o.number = $1 and o.customer_id = $2`, [number, s.customer_id]);
      s.state = 'bot';
      return { replies: [o ? orderReply(o, locale) : { body: say('orderNotFound', locale), data: { intent: 'order_status' } }] };
    }
    const recent = await tx.query<OrderRow>(
      `select ${ORDER_FIELDS} from orders o where o.customer_id = $1 order by o.placed_at desc limit 3`, [s.customer_id],
    );
    s.state = 'bot';
    if (!recent.length) return { replies: [{ body: say('noOrders', locale), data: { intent: 'order_status' } }] };
    if (recent.length === 1) return { replies: [orderReply(recent[0]!, locale)] };
    s.state = 'awaiting_order';
    return {
      replies: [{
        body: say('whichOrder', locale),
        data: { intent: 'order_status', options: recent.map((o) => ({ label: o.number, value: o.number })) },
      }],
    };
  }
  if (!number && !email && !phone) return null;
  if (!number || (!email && !phone)) {
    s.state = 'awaiting_order';
    return { replies: [{ body: say('askOrder', locale), data: { intent: 'order_status' } }] };
  }
  const [o] = await tx.query<OrderRow & { customer_id: string }>(
    `select ${ORDER_FIELDS}, o.customer_id from orders o join customers c on c.id = o.customer_id
      where o.number = $1 and (lower(c.email) = $2 or c.phone = $3)`,
    [number, email ?? '', phone ?? ''],
  );
  if (!o) {
    s.failed_answers += 1;
    s.state = 'awaiting_order';
    return { replies: [{ body: say('orderNotFound', locale), data: { intent: 'order_status' } }] };
  }
  // Order number plus its contact details identify the customer for the rest of the chat.
  s.customer_id = o.customer_id;
  s.state = 'bot';
  return { replies: [orderReply(o, locale)] };
}
