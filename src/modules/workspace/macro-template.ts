/**
 * Macro bodies are plain text with {{variables}}. The set is closed: a macro naming anything
 * else is refused when it is saved, not discovered when an agent uses it on a customer.
 */
export const MACRO_VARIABLES = [
  'customer.name',
  'complaint.number',
  'complaint.subject',
  'order.number',
  'agent.name',
  'department.name',
  'sla.firstResponseDueAt',
  'sla.resolutionDueAt',
] as const;
export type MacroVariable = (typeof MACRO_VARIABLES)[number];

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function unknownVariables(body: string): string[] {
  const known = new Set<string>(MACRO_VARIABLES);
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((v) => !known.has(v)))];
}

/** Fills the variables; one with no value (no order on the complaint) becomes an empty string. */
export function renderMacro(body: string, values: Partial<Record<MacroVariable, string | null>>): string {
  return body.replace(PLACEHOLDER, (_, name: string) => values[name as MacroVariable] ?? '');
}
