/**
 * What rules look at: the complaint as intake (or a dry run, or the test endpoint) sees it,
 * plus the mutable routing state that earlier rules change and later rules read. Costly
 * derivations (segmentation, emotion, local time) are computed once, only when a rule asks.
 */
import type { CategoryCode, Channel, Severity } from '../complaints/taxonomy.js';
import { classify, type Emotion } from '../triage/classifier.js';
import { normalise, segmentNormalised } from '../triage/segment.js';
import { WEEKDAYS } from './rule-fields.js';

export interface RoutingInput {
  /** Built-in (DESIGN §2) or admin-added. */
  category: CategoryCode;
  severity: Severity;
  channel: Channel;
  customerTier: 'normal' | 'vip';
  merchant: string | null;
  amount: number | null;
  orderStatus: string | null;
  /** Subject and description. */
  text: string;
  /** From the classifier when intake ran it; otherwise derived from the text on first use. */
  emotion?: Emotion | null;
  tags: readonly string[];
  /** Department code before any rule ran: the taxonomy default for the category. */
  department: string | null;
  team: string | null;
  /** When the complaint came in (time-of-day conditions). */
  at: Date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: 'numeric', hourCycle: 'h23', weekday: 'short' });
    formatters.set(tz, f);
  }
  return f;
}

export class RoutingState {
  severity: Severity;
  department: string | null;
  team: string | null;
  tags: Set<string>;
  private norm: string | null = null;
  private tokenList: string[] | null = null;
  private tokenSet: Set<string> | null = null;
  private emo: Emotion | null;
  private local = new Map<string, { hour: number; weekday: string }>();

  constructor(readonly input: RoutingInput) {
    this.severity = input.severity;
    this.department = input.department;
    this.team = input.team;
    this.tags = new Set(input.tags);
    this.emo = input.emotion ?? null;
  }

  /** The text normalised like the classifier's (simplified, lower-case, NFKC). */
  normText(): string {
    return (this.norm ??= normalise(this.input.text));
  }

  /** Word tokens (jieba words for Chinese, stems for English), in order. */
  tokens(): string[] {
    return (this.tokenList ??= segmentNormalised(this.normText()).tokens);
  }

  tokenLookup(): Set<string> {
    return (this.tokenSet ??= new Set(this.tokens()));
  }

  emotion(): Emotion {
    return (this.emo ??= classify(this.input.text).emotion);
  }

  localTime(tz: string): { hour: number; weekday: string } {
    let t = this.local.get(tz);
    if (!t) {
      let hour = 0;
      let weekday = 'mon';
      for (const p of formatter(tz).formatToParts(this.input.at)) {
        if (p.type === 'hour') hour = Number(p.value) % 24;
        else if (p.type === 'weekday') weekday = p.value.toLowerCase().slice(0, 3);
      }
      t = { hour, weekday: (WEEKDAYS as readonly string[]).includes(weekday) ? weekday : 'mon' };
      this.local.set(tz, t);
    }
    return t;
  }
}
