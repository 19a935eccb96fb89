import type { PeopleKey } from './people.messages.js';

/** A client-side validation problem: a message key of this feature and its placeholders. */
export interface Problem {
  key: PeopleKey;
  vars?: Record<string, string | number>;
}

export type Problems<F extends string> = Partial<Record<F, Problem>>;

export const hasProblems = (p: Problems<string>): boolean => Object.keys(p).length > 0;

/** Routing's pattern for skills and teams (src/modules/routing/routing-schema.ts). */
export const SLUG = /^[a-z0-9][a-z0-9_.:-]*$/i;
