import type { RepeatFindings, RepeatMatch } from '../../repeats/find-repeats.js';
import type { CreateComplaintInput } from '../complaint-schema.js';
import type { CategoryCode, Severity } from '../taxonomy.js';
import { SEVERITIES } from '../taxonomy.js';
import { classify, type ClassifyResult, type Emotion } from '../../triage/classifier.js';

/** DESIGN §2: an amount at stake of at least this much (any currency) is serious. */
export const SERIOUS_AMOUNT = 1000;

/** Below this classifier confidence a complaint is tagged for the human triage view. */
export const TRIAGE_CONFIDENCE = 0.5;
export const NEEDS_TRIAGE_TAG = 'needs_triage';

export interface IntakeDecision {
  category: CategoryCode;
  severity: Severity;
  source: 'request' | 'default' | 'classifier';
  confidence?: number;
  emotion?: Emotion;
  language?: string;
  needsTriage: boolean;
  reasons: string[];
  repeat: RepeatMatch | null;
  duplicates: Array<{ id: string; number: string; similarity: number }>;
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);
const atLeast = (s: Severity, floor: Severity): Severity => (rank(s) >= rank(floor) ? s : floor);

/** What the text and the customer decide, before the customer's history is looked up. */
export type Classified = Omit<IntakeDecision, 'repeat' | 'duplicates'>;

/**
 * Category and severity from the caller, else the classifier (DESIGN §2), text plus context.
 * Pure: intake classifies a whole group of complaints before one lookup of their histories.
 */
export function classifyForIntake(input: CreateComplaintInput, customer: { tier: 'normal' | 'vip' }): Classified {
  const reasons: string[] = [];
  let classified: ClassifyResult | null = null;
  if (!input.category || !input.severity) {
    classified = classify(`${input.subject}\n${input.description}`, { amount: input.amount ?? null, customerTier: customer.tier });
    reasons.push(...classified.reasons);
  }
  const category: CategoryCode = input.category ?? classified!.category;
  const severity: Severity = input.severity ?? classified!.severity;
  if (input.category) reasons.push(`category ${category} set by the caller`);
  if (input.severity) reasons.push(`severity ${severity} set by the caller`);
  return {
    category,
    severity,
    source: classified ? 'classifier' : 'request',
    ...(classified ? { confidence: classified.confidence, emotion: classified.emotion, language: classified.language } : {}),
    needsTriage: classified !== null && classified.confidence < TRIAGE_CONFIDENCE,
    reasons,
  };
}

/**
 * The whole intake decision: the classification raised by DESIGN §2's context rules (repeat,
 * VIP, amount), with the repeat and near-duplicates found. Context rules only ever raise a
 * severity, never lower what the caller set.
 */
export function decideIntake(
  base: Classified,
  input: CreateComplaintInput,
  customer: { tier: 'normal' | 'vip' },
  found: RepeatFindings,
  windowDays: number,
): IntakeDecision {
  const reasons = [...base.reasons];
  let severity = base.severity;
  const { repeat, duplicates } = found;
  if (repeat) {
    reasons.push(`repeat of ${repeat.number} (same ${repeat.match} within ${windowDays} days) → at least serious`);
    severity = atLeast(severity, 'serious');
  }
  // The classifier already applied these when it chose the severity; a caller's choice still gets them.
  if (customer.tier === 'vip' && rank(severity) < rank('serious')) {
    reasons.push('VIP customer → at least serious');
    severity = 'serious';
  }
  if (input.amount !== undefined && input.amount >= SERIOUS_AMOUNT && rank(severity) < rank('serious')) {
    reasons.push(`amount ${input.amount} ≥ ${SERIOUS_AMOUNT} → at least serious`);
    severity = 'serious';
  }
  return { ...base, severity, reasons, repeat, duplicates };
}
