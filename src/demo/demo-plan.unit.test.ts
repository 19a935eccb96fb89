import { describe, expect, it } from 'vitest';
import { planDemo, type PlannedComplaint } from './demo-plan.js';

const TARGETS = {
  urgent: { firstResponse: 10, resolution: 120 },
  serious: { firstResponse: 60, resolution: 2880 },
  general: { firstResponse: 30, resolution: 1440 },
};
const DEPARTMENTS = new Set(['customer_service', 'finance', 'logistics', 'management', 'quality', 'technology']);

/** A settlement above the agent's 200 with no decision after it: a supervisor's approval still waiting. */
function awaitsApproval(c: PlannedComplaint): boolean {
  const last = c.steps.findLastIndex((s) => s.kind === 'settle');
  const settle = c.steps[last];
  return settle?.kind === 'settle' && settle.amount > 200 && !c.steps.slice(last).some((s) => s.kind === 'decide');
}

describe('the demo plan', () => {
  it('leaves a few approvals waiting for a supervisor, only on open complaints, whatever the seed', () => {
    for (const seed of ['loopdesk-demo', 'a', 'b', 'c']) {
      const plan = planDemo({ now: new Date('2026-12-06T10:00:00Z'), complaints: 500, customers: 60, days: 90, seed, targets: TARGETS, departments: DEPARTMENTS });
      const waiting = plan.complaints.filter(awaitsApproval);
      expect(waiting.length, seed).toBeGreaterThanOrEqual(1);
      expect(waiting.length, seed).toBeLessThan(25);
      expect(waiting.every((c) => c.finalStatus === 'in_progress'), seed).toBe(true);
    }
  });
});
