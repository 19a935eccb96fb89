/**
 * Routing rule evaluation, in process: ms per complaint with 200 rules (issue 3 target ≤ 1 ms).
 * Timed per complaint: building the routing state and one pass over all rules, including the
 * lazy text normalisation and jieba segmentation the keyword rules need. Not timed: the
 * classifier (intake has already run it and passes its emotion scores along).
 */
import { CHANNELS, DEFAULT_DEPARTMENT } from '../src/modules/complaints/taxonomy.js';
import { DEFAULT_RULES } from '../src/modules/routing/default-rules.js';
import { compileRuleSet, evaluateRules } from '../src/modules/routing/evaluate-rules.js';
import { checkLoops } from '../src/modules/routing/rule-loops.js';
import { parseRules } from '../src/modules/routing/rule-schema.js';
import type { RoutingInput } from '../src/modules/routing/routing-facts.js';
import { classify, loadClassifier } from '../src/modules/triage/classifier.js';
import { percentile, progress, round, withTarget, type Figure } from './report.js';
import { benchRules, benchTexts } from './routing-rules.js';

function inputs(n: number): RoutingInput[] {
  return benchTexts(n).map(({ category, text }, i) => ({
    category, severity: i % 7 === 0 ? 'serious' : 'general', channel: CHANNELS[i % CHANNELS.length]!, customerTier: i % 9 === 0 ? 'vip' : 'normal',
    merchant: i % 3 === 0 ? `m${i % 7}` : null, amount: i % 4 === 0 ? (i * 37) % 3000 : null, orderStatus: i % 3 === 0 ? 'shipped' : null,
    text, emotion: classify(text).emotion, tags: [], department: DEFAULT_DEPARTMENT[category], team: null,
    at: new Date(Date.UTC(2026, 2, 2 + (i % 7), i % 24, 0, 0)),
  }));
}

function measure(label: string, rules: unknown[], data: RoutingInput[]): Figure[] {
  const t0 = performance.now();
  const parsed = parseRules(rules);
  checkLoops(parsed);
  const set = compileRuleSet(null, 1, parsed);
  const compileMs = performance.now() - t0;
  // Warm-up on copies: each timed evaluation below starts from a fresh state (no cached segmentation).
  for (const x of data.slice(0, 200)) evaluateRules(set, { ...x });
  const times: number[] = [];
  let fired = 0;
  const start = performance.now();
  for (const x of data) {
    const s = performance.now();
    fired += evaluateRules(set, x).fired.length;
    times.push(performance.now() - s);
  }
  const mean = (performance.now() - start) / data.length;
  times.sort((a, b) => a - b);
  const common = { rules: parsed.length, complaints: data.length, firedPerComplaint: round(fired / data.length, 2) };
  progress(`routing ${label}: ${round(mean, 4)} ms per complaint`);
  return [
    withTarget({ name: `routing.${label}.ms_per_complaint`, value: round(mean, 4), unit: 'ms', ...common, includes: 'state, keyword segmentation, all rules' }, '<=', 1),
    { name: `routing.${label}.p99`, value: round(percentile(times, 99), 4), unit: 'ms', ...common },
    { name: `routing.${label}.compile_ms`, value: round(compileMs, 2), unit: 'ms', ...common, includes: 'validation, loop check, compilation' },
  ];
}

export function runRouting(): Figure[] {
  loadClassifier();
  const data = inputs(5000);
  return [...measure('rules_200', benchRules(200), data), ...measure('default_rules', DEFAULT_RULES, data)];
}
