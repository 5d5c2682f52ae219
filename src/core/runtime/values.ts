/**
 * Runtime values. Field values come straight from JSON: string, number, boolean, null, or an
 * array of those (arrays of objects are flattened by the field accessor). Numbers are plain JS
 * numbers; whether a number is integral (int/long) or floating (double) is tracked statically
 * by the compiler (`ValueType`), because JSON.parse cannot tell `4` from `4.0`.
 */

import type { Message } from '../diagnostics/table';

export type Scalar = string | number | boolean | null;

/** The static type of an expression, in Elasticsearch's data type vocabulary. */
export type ValueType =
  | 'keyword'
  | 'text'
  | 'integer'
  | 'long'
  | 'double'
  | 'boolean'
  | 'null'
  | 'date'
  | 'ip'
  | 'version'
  | 'object'
  | 'unsupported'
  | 'unknown';

/** A JSON object: not null, not an array. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isStringType(t: ValueType): boolean {
  return t === 'keyword' || t === 'text' || t === 'unknown';
}

export function isNumericType(t: ValueType): boolean {
  return t === 'integer' || t === 'long' || t === 'double' || t === 'unknown';
}

export function isIntegralType(t: ValueType): boolean {
  return t === 'integer' || t === 'long';
}

/** The upper-case name Elasticsearch prints in messages such as `found [LONG]`. */
export function typeDisplayName(t: ValueType): string {
  switch (t) {
    case 'keyword':
      return 'KEYWORD';
    case 'text':
      return 'TEXT';
    case 'integer':
      return 'INTEGER';
    case 'long':
      return 'LONG';
    case 'double':
      return 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    case 'null':
      return 'NULL';
    case 'date':
      return 'DATETIME';
    case 'ip':
      return 'IP';
    case 'version':
      return 'VERSION';
    case 'object':
      return 'OBJECT';
    case 'unsupported':
      return 'UNSUPPORTED';
    case 'unknown':
      return 'KEYWORD';
  }
}

/**
 * A runtime error raised while evaluating one event (overflow, number() failure, bad CIDR...).
 * Evaluation catches it and turns it into an `error` verdict; it never escapes the public API.
 */
export class EqlRuntimeError extends Error {
  readonly code: string;
  /** The table message it was raised with. */
  readonly problem: Message;
  constructor(problem: Message) {
    super(problem.message);
    this.name = 'EqlRuntimeError';
    this.code = problem.code;
    this.problem = problem;
  }
}

/**
 * An event value as text for people to read: strings as they are, everything else as JSON, except
 * that numbers JSON cannot hold (`1e400` read as Infinity, NaN) keep their name instead of `null`.
 */
export function displayValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (typeof v !== 'object' || v === null) return JSON.stringify(v) ?? String(v);
  const plain = JSON.stringify(v);
  // Mark non-finite numbers with a tag the plain text does not contain, then unquote the tags.
  let tag = 0;
  while (plain.includes(`"\\u0000${tag}:`)) tag++;
  let special = false;
  const text = JSON.stringify(v, (_k, x: unknown) => {
    if (typeof x !== 'number' || Number.isFinite(x)) return x;
    special = true;
    return `\u0000${tag}:${String(x)}`;
  });
  if (!special) return plain;
  // Each piece after a tag starts with the number's name and the tag's closing quote.
  const pieces = text.split(`"\\u0000${tag}:`);
  return pieces.map((p, i) => (i === 0 ? p : p.replace('"', ''))).join('');
}
