/**
 * The explanation plan of an event query: the condition's top-level `and` flattened into
 * conjuncts; each negated conjunct (`not ...`, `!=`, `not in`, `not in~`) is an exclusion, the
 * rest form the base condition. An exclusion's positive side is flattened into its `or`
 * disjuncts ("parts"); a parenthesised `and` group stays one part. Every piece is compiled once.
 */
import type { Expr, FieldNode, InNode, MatchNode, Node } from '../ast/nodes';
import type { CompileContext, CondFn, Doc } from '../compile/context';
import {
  compileCondition,
  inElements,
  negateCond,
  patternMatchers,
  type CompiledCondition,
} from '../compile/conditions';
import { generateBatch } from '../compile/codegen';
import { fieldPath } from '../compile/field';
import { compileValue } from '../compile/conditions';
import { fastPredicate } from '../compile/query';
import { compileFieldAccessor } from '../runtime/field-access';

export interface NarrowResult {
  readonly matchNode: Node | undefined;
  readonly field: string | undefined;
  readonly value: unknown;
}

/** One disjunct of an exclusion (or a whole base conjunct): its test and how to narrow it. */
export interface Part {
  readonly node: Expr;
  /** True when the part holds (positive sense). */
  readonly test: CondFn;
  /** The same, compiled (for batch code generation). */
  readonly cond: CompiledCondition;
  /** The field the part reads, if any. */
  readonly field: string | undefined;
  /** The event's value of that field, as the event holds it. */
  readonly read: (doc: Doc) => unknown;
  /** The list element or pattern that matched, for a part that fired. */
  readonly find: (doc: Doc) => Node | undefined;
  /** Narrowable list elements/patterns, for per-element counts. */
  readonly elements: readonly Node[];
  /**
   * For a part that fired and was narrowed to `found`: whether another of its elements matches
   * the event too (a duplicate, an overlapping pattern, another value of an array), so that
   * removing `found` alone would leave the event suppressed.
   */
  readonly others: (doc: Doc, found: Node) => boolean;
}

export interface Conjunct {
  readonly node: Expr;
  readonly kind: 'base' | 'exclusion';
  /** The conjunct as written: true when it holds. */
  readonly holds: CondFn;
  /** The same, compiled (for batch code generation). */
  readonly cond: CompiledCondition;
  /** For exclusions: the disjuncts of the positive side; for base: one part (the conjunct). */
  readonly parts: readonly Part[];
}

export function unwrapParens(e: Expr): Expr {
  return e.kind === 'paren' ? unwrapParens(e.expr) : e;
}

/** Flatten a top-level `and` (through parentheses) into conjuncts. */
export function flattenAnd(e: Expr): Expr[] {
  const u = unwrapParens(e);
  if (u.kind === 'and') return [...flattenAnd(u.left), ...flattenAnd(u.right)];
  return [e];
}

export function flattenOr(e: Expr): Expr[] {
  if (e.kind === 'or') return [...flattenOr(e.left), ...flattenOr(e.right)];
  if (e.kind === 'paren') {
    const inner = unwrapParens(e);
    if (inner.kind === 'or') return flattenOr(inner);
  }
  return [e];
}

/** The first field an expression reads (directly or through functions and arithmetic). */
export function firstField(e: Expr): FieldNode | undefined {
  switch (e.kind) {
    case 'field':
      return e;
    case 'paren':
      return firstField(e.expr);
    case 'call':
      for (const a of e.args) {
        const f = firstField(a);
        if (f) return f;
      }
      return undefined;
    case 'arith':
    case 'compare':
    case 'and':
    case 'or':
      return firstField(e.left) ?? firstField(e.right);
    case 'unary':
    case 'not':
      return firstField(e.operand);
    case 'in':
    case 'match':
      return firstField(e.value);
    case 'literal':
      return undefined;
  }
}

function rawReader(field: FieldNode | undefined, ctx: CompileContext): (doc: Doc) => unknown {
  if (!field) return () => undefined;
  const info = ctx.schema.get(field.name);
  const access = compileFieldAccessor(fieldPath(info?.aliasOf ?? field.name));
  return (doc) => access(doc);
}

/** The stored keys that more than one constant element of the list has (`"a", "a"`). */
function repeatedKeys(node: InNode, ctx: CompileContext): Set<unknown> {
  const seen = new Set<unknown>();
  const repeated = new Set<unknown>();
  for (const e of node.list) {
    const one: InNode = { ...node, list: [e] };
    for (const [k] of inElements(one, ctx).constants) {
      if (seen.has(k)) repeated.add(k);
      seen.add(k);
    }
  }
  return repeated;
}

interface Narrower {
  readonly find: (doc: Doc) => Node | undefined;
  readonly others: (doc: Doc, found: Node) => boolean;
}

function narrowIn(node: InNode, ctx: CompileContext): Narrower {
  const { value, constants, dynamic } = inElements(node, ctx);
  const get = value.fn;
  const ci = node.caseInsensitive;
  const keyOf = (x: unknown) => (ci && typeof x === 'string' ? x.toLowerCase() : x);
  /** Every index whose element equals one of the event's values. */
  const matching = (doc: Doc, v: unknown): Set<number> => {
    const hits = new Set<number>();
    const vs = Array.isArray(v) ? v : [v];
    for (const x of vs) {
      const k = keyOf(x);
      const i = constants.get(k);
      if (i !== undefined) hits.add(i);
      for (const d of dynamic) {
        const e = d.fn(doc);
        for (const y of Array.isArray(e) ? e : [e]) if (keyOf(y) === k) hits.add(d.index);
      }
    }
    return hits;
  };
  const find = (doc: Doc): Node | undefined => {
    const v = get(doc);
    if (v === undefined || v === null) return undefined;
    if (dynamic.length === 0 && !Array.isArray(v)) {
      // The common case: one value, constant elements.
      const i = constants.get(keyOf(v));
      return i === undefined ? undefined : node.list[i];
    }
    let best: number | undefined;
    for (const i of matching(doc, v)) if (best === undefined || i < best) best = i;
    return best === undefined ? undefined : node.list[best];
  };
  let repeated: Set<unknown> | undefined;
  const others = (doc: Doc, found: Node): boolean => {
    const v = get(doc);
    if (v === undefined || v === null) return false;
    repeated ??= repeatedKeys(node, ctx);
    if (dynamic.length === 0 && !Array.isArray(v)) return repeated.has(keyOf(v));
    const at = node.list.indexOf(found as Expr);
    const vs = Array.isArray(v) ? v : [v];
    if (vs.some((x) => repeated!.has(keyOf(x)))) return true;
    for (const i of matching(doc, v)) if (i !== at) return true;
    return false;
  };
  return { find, others };
}

function narrowMatch(node: MatchNode, ctx: CompileContext): Narrower {
  const matchers = patternMatchers(node, ctx);
  const value = compileValue(node.value, ctx).fn;
  const strings = (doc: Doc): readonly string[] => {
    const v = value(doc);
    const vs = Array.isArray(v) ? v : [v];
    return vs.filter((x): x is string => typeof x === 'string');
  };
  const find = (doc: Doc): Node | undefined => {
    if (!matchers) return undefined;
    const v = value(doc);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') {
      for (let i = 0; i < matchers.length; i++) if (matchers[i]!(v)) return node.patterns[i];
      return undefined;
    }
    const vs = strings(doc);
    for (let i = 0; i < matchers.length; i++) {
      for (const x of vs) if (matchers[i]!(x)) return node.patterns[i];
    }
    return undefined;
  };
  const others = (doc: Doc, found: Node): boolean => {
    if (!matchers) return false;
    const at = node.patterns.indexOf(found as (typeof node.patterns)[number]);
    const vs = strings(doc);
    // `found` is the first pattern that matches, so only the later ones can match as well.
    for (let i = at + 1; i < matchers.length; i++) for (const x of vs) if (matchers[i]!(x)) return true;
    return false;
  };
  return { find, others };
}

function makePart(node: Expr, ctx: CompileContext): Part {
  const quiet: CompileContext = { ...ctx, diagnostics: [] };
  const cond = compileCondition(node, quiet);
  const test = holdsFn(cond);
  const u = unwrapParens(node);
  const field = firstField(u);
  const read = rawReader(field, ctx);
  const fieldName = field?.name;
  let finder: ((doc: Doc) => Node | undefined) | undefined;
  let others: Part['others'] = () => false;
  let elements: readonly Node[] = [];
  if (u.kind === 'in') {
    ({ find: finder, others } = narrowIn(u, quiet));
    elements = u.list;
  } else if (u.kind === 'match') {
    ({ find: finder, others } = narrowMatch(u, quiet));
    elements = u.patterns;
  } else if (u.kind === 'compare' && (u.op === '==' || u.op === '!=')) {
    const literal = u.right.kind === 'literal' ? u.right : u.left.kind === 'literal' ? u.left : undefined;
    const constSide = literal && literal.type !== 'null' ? literal : undefined;
    if (constSide) finder = () => constSide;
  }
  return {
    node,
    test,
    cond,
    elements,
    field: fieldName,
    read,
    find: finder ?? (() => undefined),
    others,
  };
}

/** The positive side of a negated conjunct, or undefined when the conjunct is not a negation. */
function positiveSide(e: Expr): Expr | undefined {
  const u = unwrapParens(e);
  if (u.kind === 'not') return u.operand;
  // `x != null` is a presence test (Elasticsearch's `exists`), a requirement rather than an exclusion.
  if (u.kind === 'compare' && u.op === '!=' && !isNullLiteral(u.left) && !isNullLiteral(u.right)) return u;
  if (u.kind === 'in' && u.negated) return u;
  return undefined;
}

function isNullLiteral(e: Expr): boolean {
  const u = unwrapParens(e);
  return u.kind === 'literal' && u.type === 'null';
}

/** A part for the positive form of `!=` / `not in`: fires when the equality / membership holds. */
function makePositivePart(e: Expr, ctx: CompileContext): Part {
  const u = unwrapParens(e);
  const base = makePart(u, ctx);
  const cond = negateCond(compileCondition(u, { ...ctx, diagnostics: [] }));
  return { ...base, cond, test: holdsFn(cond) };
}

/** A boolean predicate as a condition function; a nullable condition keeps its closure. */
function asCond(p: (doc: Doc) => boolean): CondFn {
  return p;
}

function holdsFn(c: CompiledCondition): CondFn {
  return c.nullable ? c.fn : asCond(fastPredicate(c));
}

export function planConjuncts(condition: Expr, ctx: CompileContext): Conjunct[] {
  const quiet: CompileContext = { ...ctx, diagnostics: [] };
  return flattenAnd(condition).map((node) => {
    const cond = compileCondition(node, quiet);
    const holds = holdsFn(cond);
    const positive = positiveSide(node);
    if (!positive) return { node, kind: 'base', holds, cond, parts: [makePart(node, ctx)] };
    const u = unwrapParens(node);
    if (u.kind === 'not') {
      return { node, kind: 'exclusion', holds, cond, parts: flattenOr(positive).map((p) => makePart(p, ctx)) };
    }
    return { node, kind: 'exclusion', holds, cond, parts: [makePositivePart(node, ctx)] };
  });
}

/**
 * The explanation path's batch tests: every base conjunct, every exclusion and every part of an
 * exclusion evaluated in one generated call each, sharing field reads. Where a batch cannot be
 * generated the verdict code tests conjunct by conjunct.
 */
export interface Batches {
  readonly bases: readonly Conjunct[];
  readonly exclusions: readonly Conjunct[];
  /** Index into `bases` of the first that does not hold, or -1. */
  readonly firstFailingBase: ((doc: Doc) => number) | undefined;
  /** Bit i set when exclusion i holds (did not fire). */
  readonly exclusionsHold: ((doc: Doc) => number) | undefined;
  /** Per exclusion: bit j set when its part j fires. */
  readonly partsFiring: readonly (((doc: Doc) => number) | undefined)[];
}

export function planBatches(conjuncts: readonly Conjunct[]): Batches {
  const bases = conjuncts.filter((c) => c.kind === 'base');
  const exclusions = conjuncts.filter((c) => c.kind === 'exclusion');
  return {
    bases,
    exclusions,
    firstFailingBase: generateBatch(
      bases.map((c) => c.cond),
      'first-false',
    ),
    exclusionsHold: generateBatch(
      exclusions.map((c) => c.cond),
      'mask',
    ),
    partsFiring: exclusions.map((c) =>
      generateBatch(
        c.parts.map((p) => p.cond),
        'mask',
      ),
    ),
  };
}
