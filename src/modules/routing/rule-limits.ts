/** Bounds on a rule set: keep validation, storage and evaluation cheap and predictable. */
export const RULE_LIMITS = { rules: 500, actions: 20, conditions: 50, depth: 4, listValues: 200, keyword: 60, tags: 20 } as const;
