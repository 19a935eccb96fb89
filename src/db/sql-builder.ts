import type { SqlParam } from './database.js';

/** Collects WHERE fragments and their parameters so filters stay parameterised. */
export class SqlWhere {
  readonly params: SqlParam[] = [];
  private readonly parts: string[] = [];

  /** Adds a fragment; each `?` becomes the next $n placeholder. */
  add(fragment: string, ...values: SqlParam[]): this {
    let i = 0;
    this.parts.push(fragment.replace(/\?/g, () => this.param(values[i++] ?? null)));
    return this;
  }

  param(value: SqlParam): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  toSql(): string {
    return this.parts.length ? `where ${this.parts.join(' and ')}` : '';
  }
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
