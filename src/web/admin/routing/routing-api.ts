/** Shapes of the routing admin API (src/modules/routing/routing-routes.ts) as this section reads them. */
import type { Action, Condition, Group, Node, Rule } from '../../../modules/routing/rule-schema.js';
import type { Severity } from '../../types.js';

export type { Action, Condition, Group, Node, Rule };

export const ROUTING_BASE = '/api/v1/admin/routing';

export interface RuleSetSummary {
  id: string;
  version: number;
  status: 'draft' | 'active' | 'retired';
  note: string | null;
  ruleCount: number;
  createdBy: string | null;
  createdAt: string;
  activatedAt: string | null;
  activatedBy: string | null;
}

export interface RuleSetFull extends RuleSetSummary {
  rules: Rule[];
}

export interface SavedRuleSet extends RuleSetFull {
  warnings: Array<{ ruleId: string; message: string }>;
}

type Diff<T> = { actual: T; wouldBe: T };

export interface DryRunChanges {
  department?: Diff<string | null>;
  severity?: Diff<Severity>;
  team?: Diff<string | null>;
  tags?: Diff<string[]> & { added: string[] };
  assignee?: Diff<string | null>;
}

export interface DryRunItem {
  complaintId: string;
  number: string;
  createdAt: string;
  changed: boolean;
  changes: DryRunChanges;
  fired: string[];
  stoppedBy: string | null;
  notify: string[];
  autoReplies: string[];
}

export interface DryRunResult {
  ruleSet: { id: string; version: number; status: string };
  window: { from: string | null; to: string | null; limit: number };
  totals: {
    replayed: number;
    changed: number;
    department: number;
    severity: number;
    team: number;
    tags: number;
    assignee: number;
    notifications: number;
    autoReplies: number;
    rulesFired: Record<string, number>;
    evaluationMsPerComplaint: number;
  };
  items: DryRunItem[];
}

export interface TestResult {
  ruleSet: { id: string | null; version: number };
  department: string | null;
  departmentRule: string | null;
  severity: Severity;
  team: string | null;
  tags: string[];
  tagsAdded: string[];
  assignee: { userId: string; reason: string } | null;
  notify: Array<{ ruleId: string; ruleName: string; users: string[]; roles: string[]; message: string | null }>;
  autoReplies: Array<{ ruleId: string; articleSlug: string }>;
  fired: Array<{ ruleId: string; name: string }>;
  stoppedBy: string | null;
  warnings: Array<{ ruleId: string; message: string }>;
}

export interface Department {
  id: string;
  code: string;
  name: string;
  nameZh?: string | null;
}

export interface StaffUser {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
}
