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

export const constCond = (value: boolean | null): CompiledCondition => ({ constant: true, value, fn: () => value, nullable: value === null });
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

/** Kleene `and` over many operands, constants folded, short-circuiting left to right. */
export function andAll(operands: readonly CompiledCondition[]): CompiledCondition {
  let acc: CompiledCondition = constCond(true);
  const dynamic: CondFn[] = [];
  for (const o of operands) {
    if (o.constant) {
      acc = constCond(kleeneAnd(acc.value, o.value));
      if (acc.value === false) return acc;
    } else dynamic.push(o.fn);
  }
  if (dynamic.length === 0) return acc;
  const base = acc.value; // true, or null when a literal null took part
  const parts = operands.filter((o) => !o.constant);
  const nullable = base === null || parts.some((p) => p.nullable);
  if (dynamic.length === 1 && base === true) return parts[0]!;
  if (dynamic.length === 2 && base === true) {
    const [a, b] = dynamic as [CondFn, CondFn];
    return dyn(
      (doc) => {
        const x = a(doc);
        if (x === false) return false;
        const y = b(doc);
        if (y === false) return false;
        return x === null || y === null ? null : true;
      },
      { kind: 'and', parts },
      nullable,
    );
  }
  const fns = dynamic;
  const n = fns.length;
  return dyn(
    (doc) => {
      let sawNull = base === null;
      for (let i = 0; i < n; i++) {
        const r = fns[i]!(doc);
        if (r === false) return false;
        if (r === null) sawNull = true;
      }
      return sawNull ? null : true;
    },
    base === null ? undefined : { kind: 'and', parts },
    nullable,
  );
}

/** Kleene `or` over many operands, constants folded, short-circuiting left to right. */
export function orAll(operands: readonly CompiledCondition[]): CompiledCondition {
  let acc: CompiledCondition = constCond(false);
  const dynamic: CondFn[] = [];
  for (const o of operands) {
    if (o.constant) {
      acc = constCond(kleeneOr(acc.value, o.value));
      if (acc.value === true) return acc;
    } else dynamic.push(o.fn);
  }
  if (dynamic.length === 0) return acc;
  const base = acc.value; // false, or null when a literal null took part
  const parts = operands.filter((o) => !o.constant);
  const nullable = base === null || parts.some((p) => p.nullable);
  if (dynamic.length === 1 && base === false) return parts[0]!;
  const fns = dynamic;
  const n = fns.length;
  return dyn(
    (doc) => {
      let sawNull = base === null;
      for (let i = 0; i < n; i++) {
        const r = fns[i]!(doc);
        if (r === true) return true;
        if (r === null) sawNull = true;
      }
      return sawNull ? null : false;
    },
    base === null ? undefined : { kind: 'or', parts },
    nullable,
  );
}
