/**
 * Equality and ordering of two scalars as Elasticsearch evaluates them on the script path
 * (QL `Comparisons`): numbers by value (with Java `Double.compare` rules: NaN equals NaN and
 * sorts last, -0.0 sorts before 0.0), strings by UTF-16 code units, booleans false < true.
 * Operands of incompatible kinds (string vs number, ...) do not compare: the result is null,
 * and so is any comparison with a null operand.
 *
 * The case-insensitive variants compare the `toLowerCase()` forms of both strings.
 */

import type { Scalar } from './values';

/** Java `Double.compare`: total order with -0.0 < 0.0 and NaN greater than everything. */
export function compareNumbers(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) {
    if (a !== 0) return 0;
    const an = Object.is(a, -0);
    const bn = Object.is(b, -0);
    return an === bn ? 0 : an ? -1 : 1;
  }
  const aNaN = Number.isNaN(a);
  const bNaN = Number.isNaN(b);
  return aNaN === bNaN ? 0 : aNaN ? 1 : -1;
}

/** Java `String.compareTo`: lexicographic by UTF-16 code unit, returns -1, 0 or 1. */
export function compareStrings(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * Three-way comparison, or null when either side is null or the kinds are incompatible.
 * `ci` lower-cases both strings first; it has no effect on other kinds.
 */
export function compareScalar(a: Scalar, b: Scalar, ci = false): number | null {
  if (a === null || b === null) return null;
  const ta = typeof a;
  if (ta !== typeof b) return null;
  if (ta === 'number') return compareNumbers(a as number, b as number);
  if (ta === 'string') {
    return ci
      ? compareStrings((a as string).toLowerCase(), (b as string).toLowerCase())
      : compareStrings(a as string, b as string);
  }
  // booleans
  return a === b ? 0 : a ? 1 : -1;
}

/** `==`: true/false, or null when either side is null or the kinds are incompatible. */
export function eqScalar(a: Scalar, b: Scalar, ci = false): boolean | null {
  if (a === null || b === null) return null;
  if (typeof a === 'string') {
    if (typeof b !== 'string') return null;
    return ci ? a === b || a.toLowerCase() === b.toLowerCase() : a === b;
  }
  if (typeof a === 'number') {
    if (typeof b !== 'number') return null;
    if (a === b) return a !== 0 || Object.is(a, -0) === Object.is(b, -0);
    return Number.isNaN(a) && Number.isNaN(b); // NaN equals NaN under Double.compare
  }
  if (typeof b !== 'boolean') return null;
  return a === b;
}

/** `!=`: the negation of `eqScalar`, null stays null. */
export function neqScalar(a: Scalar, b: Scalar, ci = false): boolean | null {
  const r = eqScalar(a, b, ci);
  return r === null ? null : !r;
}

export type OrderOp = '<' | '<=' | '>' | '>=';

/** `<`, `<=`, `>`, `>=`: true/false, or null when the operands do not compare. */
export function orderScalar(op: OrderOp, a: Scalar, b: Scalar, ci = false): boolean | null {
  const c = compareScalar(a, b, ci);
  if (c === null) return null;
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

/**
 * A comparator against a constant right-hand side, prepared once at compile time
 * (the constant is lower-cased once for the case-insensitive form).
 */
export function makeConstComparison(
  op: '==' | '!=' | OrderOp,
  constant: Scalar,
  ci = false,
): (v: Scalar) => boolean | null {
  if (constant === null) return () => null;
  if (typeof constant === 'string' && ci) {
    const lc = constant.toLowerCase();
    switch (op) {
      case '==':
        return (v) => (v === null ? null : typeof v === 'string' ? v.toLowerCase() === lc : null);
      case '!=':
        return (v) => (v === null ? null : typeof v === 'string' ? v.toLowerCase() !== lc : null);
      default:
        return (v) => {
          if (typeof v !== 'string') return null;
          const c = compareStrings(v.toLowerCase(), lc);
          return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
        };
    }
  }
  switch (op) {
    case '==':
      return (v) => eqScalar(v, constant);
    case '!=':
      return (v) => neqScalar(v, constant);
    default:
      return (v) => orderScalar(op, v, constant);
  }
}
