/** Small helpers that write SQL text for the set-based data generator. */

/** A SQL string literal. */
export function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A text[] literal. */
export function textArray(list: readonly string[]): string {
  return `array[${list.map(lit).join(',')}]::text[]`;
}

/** One element of `list`, chosen by `r` (an expression in [0, 1)). */
export function pick(list: readonly string[], r: string): string {
  return `(${textArray(list)})[1 + floor((${r}) * ${list.length})::int]`;
}

/**
 * A deterministic, well-formed v4-style uuid from a text key: md5 with the version and
 * variant nibbles fixed, so the API's uuid validation accepts it and related rows can name
 * each other without a lookup table.
 */
export function uid(key: string): string {
  return `(overlay(overlay(md5(${key}) placing '4' from 13) placing '8' from 17))::uuid`;
}

/** An interval of `ms` milliseconds, rounded to whole milliseconds (cursors use JS Dates). */
export function ms(expr: string): string {
  return `(round(${expr}) * interval '1 millisecond')`;
}

/** A timestamp as JS Date.toISOString() writes it. */
export function iso(t: string): string {
  return `to_char((${t}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
