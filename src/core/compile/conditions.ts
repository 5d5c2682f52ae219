/**
 * Condition compilation with Elasticsearch's semantics (eql-semantics.md section 4):
 * - a leaf (comparison, `in`, `:`/like/regex, boolean function, bare boolean field) is true when
 *   ANY value of the field satisfies it, false when the field is missing or no value does;
 * - `!=` is `not ==`, and `not` is the complement, so a missing field matches `f != "a"`;
 * - `x == null` / `x != null` test for absence / presence;
 * - literal nulls (and unmapped `?optional` fields, which become literal nulls) fold with SQL
 *   three-valued rules, which is the only way a condition evaluates to null.
 * In value mode (a condition used as a value, e.g. `null == (x > 1)`) a leaf over a missing
 * value is null instead of false, as on Elasticsearch's script path.
 */
import type { CompareOp, Expr, InNode, MatchNode } from '../ast/nodes';
import { assertNever } from '../ast/nodes';
import { Runtime } from '../diagnostics/runtime';
import { compileLuceneRegex } from '../runtime/lucene-regex';
import { compileWildcard } from '../runtime/wildcard';
import type { CompileContext, CompiledValue, CondFn, Doc } from './context';
import { compileError } from './context';
import { toDomain } from './domain';
import { compileOperand } from './values';
import { andAll, constCond, dyn, flattenLogical, negateCond, orAll, type CompiledCondition } from './condition';
import { anyLeaf, equalsLeaf, flip, holds, opTest, setLeaf, type Test } from './leaves';

export type { CompiledCondition, Shape } from './condition';
export { negateCond } from './condition';
export { compareOrNull } from './leaves';

function isNullConst(v: CompiledValue): boolean {
  return v.constant && (v.value === null || v.value === undefined);
}

/** Convert a constant into the domain of the field on the other side. */
function constantFor(
  ctx: CompileContext,
  field: CompiledValue,
  c: unknown,
  node: Expr,
): { ok: boolean; value: unknown } {
  if (field.domain === undefined || field.domain === 'raw') return { ok: true, value: c };
  if (Array.isArray(c)) return { ok: true, value: c };
  const v = toDomain(field.domain, c, field.format);
  if (v === undefined) {
    compileError(ctx, Runtime.RuntimeError.conversion(c, field.field ?? '?', String(field.domain)), node.range);
    return { ok: false, value: undefined };
  }
  return { ok: true, value: v };
}

function isNull(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
}

function compileCompare(node: Expr & { kind: 'compare' }, ctx: CompileContext, valueMode: boolean): CompiledCondition {
  if (node.op === '!=') {
    const eq = compileCompareOp('==', node, ctx, valueMode);
    return negateCond(eq);
  }
  return compileCompareOp(node.op, node, ctx, valueMode);
}

function compileCompareOp(
  op: CompareOp,
  node: Expr & { kind: 'compare' },
  ctx: CompileContext,
  valueMode: boolean,
): CompiledCondition {
  let l = compileValue(node.left, ctx);
  let r = compileValue(node.right, ctx);
  // `x == null` is an absence test; other comparisons with a literal null are null.
  if (isNullConst(l) || isNullConst(r)) {
    if (op !== '==') return constCond(null);
    const other = isNullConst(l) ? r : l;
    if (other.constant) return constCond(isNull(other.value));
    const f = other.fn;
    return dyn((doc) => isNull(f(doc)), { kind: 'absent', value: other });
  }
  if (l.constant && r.constant) {
    return constCond(anyPair(l.value, r.value, op));
  }
  if (l.constant && !r.constant) {
    const t = l;
    l = r;
    r = t;
    op = flip(op);
  }
  if (r.constant) {
    const conv = constantFor(ctx, l, r.value, node.right);
    if (!conv.ok) return constCond(false);
    if (op === '==' && !valueMode)
      return dyn(equalsLeaf(l.fn, conv.value, l.raw), { kind: 'eq', value: l, constant: conv.value });
    return dyn(anyLeaf(l.fn, opTest(op, conv.value), valueMode));
  }
  const lf = l.fn;
  const rf = r.fn;
  const missing = valueMode ? null : false;
  return dyn((doc) => {
    const a = lf(doc);
    const b = rf(doc);
    if (isNull(a) || isNull(b)) return missing;
    return anyPair(a, b, op);
  });
}

function anyPair(a: unknown, b: unknown, op: CompareOp): boolean | null {
  if (isNull(a) || isNull(b)) return null;
  const as = Array.isArray(a) ? a : [a];
  const bs = Array.isArray(b) ? b : [b];
  for (const x of as) for (const y of bs) if (holds(op, x, y)) return true;
  return false;
}

/** Build the element tests of an `in` list: a Set for constants, closures for the rest. */
export function inElements(
  node: InNode,
  ctx: CompileContext,
): {
  value: CompiledValue;
  tests: ((doc: Doc) => Test | undefined)[];
  constants: Map<unknown, number>;
  dynamic: { index: number; fn: (doc: Doc) => unknown }[];
} {
  const value = compileValue(node.value, ctx);
  const constants = new Map<unknown, number>();
  const dynamic: { index: number; fn: (doc: Doc) => unknown }[] = [];
  node.list.forEach((e, index) => {
    const c = compileValue(e, ctx);
    if (c.constant) {
      if (c.value === null || c.value === undefined) return; // null elements are skipped
      const conv = constantFor(ctx, value, c.value, e);
      if (!conv.ok) return;
      const key = node.caseInsensitive && typeof conv.value === 'string' ? conv.value.toLowerCase() : conv.value;
      if (!constants.has(key)) constants.set(key, index);
    } else {
      dynamic.push({ index, fn: c.fn });
    }
  });
  return { value, tests: [], constants, dynamic };
}

function compileIn(node: InNode, ctx: CompileContext, valueMode: boolean): CompiledCondition {
  const { value, constants, dynamic } = inElements(node, ctx);
  const ci = node.caseInsensitive;
  const key = ci ? (x: unknown) => (typeof x === 'string' ? x.toLowerCase() : x) : (x: unknown) => x;
  let result: CompiledCondition;
  if (value.constant) {
    if (isNull(value.value)) result = constCond(null);
    else if (dynamic.length === 0) {
      const vs = Array.isArray(value.value) ? value.value : [value.value];
      result = constCond(vs.some((v) => constants.has(key(v))));
    } else result = dyn(inDynamic(value, constants, dynamic, key, valueMode));
  } else if (dynamic.length === 0) {
    if (constants.size === 1 && !ci && !valueMode) {
      const [only] = constants.keys();
      result = dyn(equalsLeaf(value.fn, only, value.raw), { kind: 'eq', value, constant: only });
    } else if (!ci && !valueMode) {
      result = dyn(setLeaf(value.fn, constants, value.raw), { kind: 'set', value, set: constants });
    } else if (ci) {
      result = dyn(anyLeaf(value.fn, (x) => constants.has(typeof x === 'string' ? x.toLowerCase() : x), valueMode));
    } else {
      result = dyn(anyLeaf(value.fn, (x) => constants.has(x), valueMode));
    }
  } else {
    result = dyn(inDynamic(value, constants, dynamic, key, valueMode));
  }
  return node.negated ? negateCond(result) : result;
}

function inDynamic(
  value: CompiledValue,
  constants: Map<unknown, number>,
  dynamic: { index: number; fn: (doc: Doc) => unknown }[],
  key: (x: unknown) => unknown,
  valueMode: boolean,
): CondFn {
  const get = value.fn;
  return (doc) => {
    const v = get(doc);
    if (isNull(v)) return valueMode ? null : false;
    const vs = Array.isArray(v) ? v : [v];
    for (const x of vs) {
      if (constants.has(key(x))) return true;
      for (const d of dynamic) {
        const e = d.fn(doc);
        const es = Array.isArray(e) ? e : [e];
        for (const y of es) if (y !== null && y !== undefined && key(y) === key(x)) return true;
      }
    }
    return false;
  };
}

/** One matcher per pattern of a `:`/like/regex predicate (for explanations), or undefined on error. */
export function patternMatchers(node: MatchNode, ctx: CompileContext): ((s: string) => boolean)[] | undefined {
  const out: ((s: string) => boolean)[] = [];
  for (const p of node.patterns) {
    if (p.type === 'null') {
      out.push(() => false);
      continue;
    }
    const text = String(p.value);
    switch (node.op) {
      case ':':
        out.push(compileWildcard([text], true));
        break;
      case 'like':
        out.push(compileWildcard([text], false));
        break;
      case 'like~':
        out.push(compileWildcard([text], true));
        break;
      case 'regex':
      case 'regex~': {
        const r = compileLuceneRegex(text, node.op === 'regex~');
        if (!r.ok) {
          // Elasticsearch words a pattern too complex to determinize as Lucene does, without a prefix.
          const m = r.tooComplex
            ? Runtime.RuntimeError.regexTooComplex(r.message)
            : Runtime.RuntimeError.invalidRegex(text, r.message);
          compileError(ctx, m, p.range);
          return undefined;
        }
        out.push(r.test);
        break;
      }
      default:
        return assertNever(node.op);
    }
  }
  return out;
}

function compileMatch(node: MatchNode, ctx: CompileContext, valueMode: boolean): CompiledCondition {
  const value = compileValue(node.value, ctx);
  let test: (s: string) => boolean;
  let wildcard: { patterns: string[]; caseInsensitive: boolean } | undefined;
  if (node.op === 'regex' || node.op === 'regex~') {
    const ms = patternMatchers(node, ctx);
    if (!ms) return constCond(false);
    test = ms.length === 1 ? ms[0]! : (s) => ms.some((m) => m(s));
  } else {
    const texts = node.patterns.filter((p) => p.type !== 'null').map((p) => String(p.value));
    test = compileWildcard(texts, node.op !== 'like');
    wildcard = { patterns: texts, caseInsensitive: node.op !== 'like' };
  }
  const t: Test = (x) => typeof x === 'string' && test(x);
  if (value.constant) {
    if (isNull(value.value)) return constCond(null);
    const vs = Array.isArray(value.value) ? value.value : [value.value];
    return constCond(vs.some(t));
  }
  const general = anyLeaf(value.fn, t, valueMode);
  const raw = value.raw;
  if (raw && !valueMode) {
    return dyn(
      (doc) => {
        const v = raw(doc);
        if (typeof v === 'string') return test(v);
        if (v === undefined || v === null) return false;
        return general(doc);
      },
      { kind: 'test', value, test, ...(wildcard ? { wildcard } : {}) },
    );
  }
  return dyn(general);
}

/** Compile a condition. `valueMode` selects script-path null semantics for missing values. */
export function compileCondition(node: Expr, ctx: CompileContext, valueMode = false): CompiledCondition {
  switch (node.kind) {
    case 'paren':
      return compileCondition(node.expr, ctx, valueMode);
    case 'and':
    case 'or': {
      const operands = flattenLogical(node, node.kind).map((e) => compileCondition(e, ctx, valueMode));
      return node.kind === 'and' ? andAll(operands) : orAll(operands);
    }
    case 'not':
      return negateCond(compileCondition(node.operand, ctx, valueMode));
    case 'compare':
      return compileCompare(node, ctx, valueMode);
    case 'in':
      return compileIn(node, ctx, valueMode);
    case 'match':
      return compileMatch(node, ctx, valueMode);
    case 'literal':
      if (node.type === 'boolean') return constCond(node.value as boolean);
      if (node.type === 'null') return constCond(null);
      return constCond(false);
    case 'field':
    case 'call':
    case 'arith':
    case 'unary': {
      // A bare boolean expression: `f` means `f == true`; a boolean function is true when any result is.
      const v = compileValue(node, ctx);
      if (v.constant) {
        if (isNull(v.value)) return constCond(null);
        const vs = Array.isArray(v.value) ? v.value : [v.value];
        return constCond(vs.some((x) => x === true));
      }
      return dyn(anyLeaf(v.fn, (x) => x === true, valueMode));
    }
    default:
      return assertNever(node);
  }
}

/** Compile an expression used as a value (conditions among it are three-valued). */
export function compileValue(node: Expr, ctx: CompileContext): CompiledValue {
  return compileOperand(node, ctx, conditionAsValue);
}

function conditionAsValue(node: Expr, ctx: CompileContext): CompiledCondition {
  return compileCondition(node, ctx, true);
}
