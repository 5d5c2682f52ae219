/**
 * The compiled form of a condition and the three-valued logic that combines them: `not`, and
 * n-ary `and`/`or` with constants folded (Kleene rules, so literal nulls stay null).
 */
import type { Expr } from '../ast/nodes';
import type { CompiledValue, CondFn } from './context';

export interface CompiledCondition {
  readonly constant: boolean;
  readonly value: boolean | null;
  readonly fn: CondFn;
  /** May evaluate to null (only when a literal null took part). */
  readonly nullable: boolean;
  /** How it was built, for the code generator (codegen.ts); absent for opaque closures. */
  readonly shape?: Shape;
}

/** The structure the code generator can inline; anything else is called as `fn`. */
export type Shape =
  | { readonly kind: 'and' | 'or'; readonly parts: readonly CompiledCondition[] }
  | { readonly kind: 'not'; readonly operand: CompiledCondition }
  | { readonly kind: 'eq'; readonly value: CompiledValue; readonly constant: unknown }
  | { readonly kind: 'absent'; readonly value: CompiledValue }
  | { readonly kind: 'set'; readonly value: CompiledValue; readonly set: ReadonlyMap<unknown, number> }
  | {
      readonly kind: 'test';
      readonly value: CompiledValue;
      readonly test: (s: string) => boolean;
      /** For wildcard predicates: the patterns and whether case is ignored, so they can be inlined. */
      readonly wildcard?: { readonly patterns: readonly string[]; readonly caseInsensitive: boolean };
    };

export const constCond = (value: boolean | null): CompiledCondition => ({
  constant: true,
  value,
  fn: () => value,
  nullable: value === null,
});
export const dyn = (fn: CondFn, shape?: Shape, nullable = false): CompiledCondition => ({
  constant: false,
  value: null,
  fn,
  nullable,
  ...(shape ? { shape } : {}),
});

export function negateCond(c: CompiledCondition): CompiledCondition {
  if (c.constant) return constCond(c.value === null ? null : !c.value);
  const f = c.fn;
  return dyn(
    (doc) => {
      const a = f(doc);
      return a === null ? null : !a;
    },
    { kind: 'not', operand: c },
    c.nullable,
  );
}

export function kleeneAnd(a: boolean | null, b: boolean | null): boolean | null {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}

export function kleeneOr(a: boolean | null, b: boolean | null): boolean | null {
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

/** The operands of a chain of one logical operator (through parentheses): `a and (b and c)` -> [a, b, c]. */
export function flattenLogical(e: Expr, kind: 'and' | 'or'): Expr[] {
  if (e.kind === kind) return [...flattenLogical(e.left, kind), ...flattenLogical(e.right, kind)];
  if (e.kind === 'paren') {
    let inner: Expr = e.expr;
    while (inner.kind === 'paren') inner = inner.expr;
    if (inner.kind === kind) return flattenLogical(inner, kind);
  }
  return [e];
}

/**
 * Kleene `and` (`or`) over many operands, constants folded, short-circuiting left to right:
 * the first operand equal to `decisive` (false for `and`, true for `or`) decides.
 */
function combine(operands: readonly CompiledCondition[], kind: 'and' | 'or'): CompiledCondition {
  const decisive = kind === 'or';
  const fold = kind === 'and' ? kleeneAnd : kleeneOr;
  let acc: CompiledCondition = constCond(!decisive);
  for (const o of operands) {
    if (!o.constant) continue;
    acc = constCond(fold(acc.value, o.value));
    if (acc.value === decisive) return acc;
  }
  const parts = operands.filter((o) => !o.constant);
  if (parts.length === 0) return acc;
  const base = acc.value; // the identity, or null when a literal null took part
  if (parts.length === 1 && base !== null) return parts[0]!;
  const fns = parts.map((p) => p.fn);
  const n = fns.length;
  return dyn(
    (doc) => {
      let sawNull = base === null;
      for (let i = 0; i < n; i++) {
        const r = fns[i]!(doc);
        if (r === decisive) return decisive;
        if (r === null) sawNull = true;
      }
      return sawNull ? null : !decisive;
    },
    base === null ? undefined : { kind, parts },
    base === null || parts.some((p) => p.nullable),
  );
}

export function andAll(operands: readonly CompiledCondition[]): CompiledCondition {
  return combine(operands, 'and');
}

export function orAll(operands: readonly CompiledCondition[]): CompiledCondition {
  return combine(operands, 'or');
}
