/**
 * The default rule set (version 1 on a new database): the seeds' routing. Category → owning
 * department per DESIGN §2; safety is urgent and goes to management (seed 001: "紧急投诉 … 由高层
 * 领导直接负责", senior leadership takes it directly), tagged for a quality review (DESIGN:
 * "management (and quality)") with management's staff and supervisors notified.
 */
import { CATEGORIES, DEFAULT_DEPARTMENT } from '../complaints/taxonomy.js';
import type { Rule } from './rule-schema.js';

const categoryRules: Rule[] = CATEGORIES.filter((c) => c !== 'safety').map((c) => ({
  id: `category-${c.replace(/_/g, '-')}`,
  name: `${c} → ${DEFAULT_DEPARTMENT[c]}`,
  enabled: true,
  when: { all: [{ field: 'category', op: 'eq', value: c }] },
  then: [{ type: 'set_department', department: DEFAULT_DEPARTMENT[c] }],
  stop: false,
}));

export const DEFAULT_RULES: Rule[] = [
  {
    id: 'safety-urgent-management',
    name: 'Safety: urgent, management, quality review',
    description: 'Any risk to health or life (DESIGN §2 safety) is urgent and handled by senior management directly (seed 001).',
    enabled: true,
    when: { all: [{ field: 'category', op: 'eq', value: 'safety' }] },
    then: [
      { type: 'raise_severity', to: 'urgent' },
      { type: 'set_department', department: 'management' },
      { type: 'add_tags', tags: ['safety', 'quality_review'] },
      { type: 'notify', roles: ['supervisor'], message: 'Safety complaint: senior management takes it directly (10 min first response).' },
    ],
    // Nothing may route a safety complaint elsewhere.
    stop: true,
  },
  ...categoryRules,
];

export const DEFAULT_RULES_NOTE = 'Built-in defaults: category → department (DESIGN §2); safety → urgent + management.';
