/**
 * Leaf tests over one value: "any value passes" for multi-valued fields, with specialised
 * closures for the common `field == c` and `field in (...)` leaves, and the ordering rules of
 * scalar comparisons (numbers by value, strings by UTF-16 code units).
 */
import type { CompareOp } from '../ast/nodes';
import type { CondFn, Doc } from './context';

export type Test = (x: unknown) => boolean;

/** Any value of `get(doc)` passes `test`; a missing value gives `missing` (false, or null in value mode). */
export function anyLeaf(get: (doc: Doc) => unknown, test: Test, valueMode: boolean): CondFn {
  const missing = valueMode ? null : false;
  return (doc) => {
    const v = get(doc);
    if (v === undefined || v === null) return missing;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (test(v[i])) return true;
      return false;
    }
    return test(v);
  };
}

/** `field == constant` (condition mode): the most common leaf, without a test closure. */
export function equalsLeaf(get: (doc: Doc) => unknown, c: unknown, raw?: (doc: Doc) => unknown): CondFn {
  if (raw) {
    return (doc) => {
      const v = raw(doc);
      if (v === c) return true;
      if (typeof v === 'string' || v === undefined || v === null) return false;
      const w = get(doc);
      if (w === c) return true;
      if (Array.isArray(w)) {
        for (let i = 0; i < w.length; i++) if (w[i] === c) return true;
      }
      return false;
    };
  }
  return (doc) => {
    const v = get(doc);
    if (v === c) return true;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (v[i] === c) return true;
    }
    return false;
  };
}

/** `field in (constants)` (condition mode, case-sensitive). */
export function setLeaf(
  get: (doc: Doc) => unknown,
  set: ReadonlyMap<unknown, number>,
  raw?: (doc: Doc) => unknown,
): CondFn {
  if (raw) {
    const slow = setLeaf(get, set);
    return (doc) => {
      const v = raw(doc);
      if (typeof v === 'string') return set.has(v);
      if (v === undefined || v === null) return false;
      return slow(doc);
    };
  }
  return (doc) => {
    const v = get(doc);
    if (v === undefined || v === null) return false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (set.has(v[i])) return true;
      return false;
    }
    return set.has(v);
  };
}

export function flip(op: CompareOp): CompareOp {
  switch (op) {
    case '<':
      return '>';
    case '<=':
      return '>=';
    case '>':
      return '<';
    case '>=':
      return '<=';
    default:
      return op;
  }
}

/** Compare two scalars of compatible types (numbers by value, strings by UTF-16 code units). */
export function compareOrNull(a: unknown, b: unknown): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : null;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  return null;
}

export function opTest(op: CompareOp, c: unknown): Test {
  switch (op) {
    case '==':
    case '!=':
      return (x) => x === c;
    case '<':
      return (x) => {
        const r = compareOrNull(x, c);
        return r !== null && r < 0;
      };
    case '<=':
      return (x) => {
        const r = compareOrNull(x, c);
        return r !== null && r <= 0;
      };
    case '>':
      return (x) => {
        const r = compareOrNull(x, c);
        return r !== null && r > 0;
      };
    case '>=':
      return (x) => {
        const r = compareOrNull(x, c);
        return r !== null && r >= 0;
      };
  }
}

export function holds(op: CompareOp, a: unknown, b: unknown): boolean {
  const r = compareOrNull(a, b);
  if (r === null) return false;
  switch (op) {
    case '==':
    case '!=':
      return r === 0;
    case '<':
      return r < 0;
    case '<=':
      return r <= 0;
    case '>':
      return r > 0;
    case '>=':
      return r >= 0;
  }
}
