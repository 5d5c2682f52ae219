/**
 * Value-mode compilation: an expression used as a value (function argument, arithmetic
 * operand, comparison side). Follows Elasticsearch's script path: a comparison used as a value
 * is null when a side is missing; functions return null on null input; multi-valued fields are
 * expanded (every combination of values is tried).
 */
import type { CallNode, Expr } from '../ast/nodes';
import { assertNever } from '../ast/nodes';
import { makeArith, negate } from '../runtime/arithmetic';
import { lookupFunction } from '../runtime/functions/registry';
import { EqlRuntimeError, type Scalar, type ValueType } from '../runtime/values';
import type { CompileContext, CompiledValue, Doc } from './context';
import { compileError, constantValue } from './context';
import type { CompiledCondition } from './condition';
import { compileField } from './field';

/**
 * Compiles a condition used as a value (compileCondition in value mode, compile/conditions.ts).
 * Values and conditions recurse into each other; conditions.ts passes this in, so the two
 * modules do not import each other.
 */
export type ConditionAsValue = (node: Expr, ctx: CompileContext) => CompiledCondition;

export function literalType(node: Expr & { kind: 'literal' }): ValueType {
  switch (node.type) {
    case 'string':
      return 'keyword';
    case 'integer':
      return 'integer';
    case 'long':
      return 'long';
    case 'double':
      return 'double';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
  }
}

/** Calls `fn` on every combination of argument values; undefined/null args pass as null. */
function expand(args: readonly unknown[], fn: (values: readonly Scalar[]) => Scalar): unknown {
  let multi = false;
  for (const a of args) if (Array.isArray(a)) multi = true;
  if (!multi) {
    const values = args.map((a) => (a === undefined ? null : (a as Scalar)));
    return fn(values);
  }
  const results: Scalar[] = [];
  const current: Scalar[] = new Array<Scalar>(args.length);
  const rec = (i: number): void => {
    if (i === args.length) {
      results.push(fn(current));
      return;
    }
    const a = args[i];
    if (Array.isArray(a)) {
      for (const v of a) {
        current[i] = v as Scalar;
        rec(i + 1);
      }
    } else {
      current[i] = a === undefined ? null : (a as Scalar);
      rec(i + 1);
    }
  };
  rec(0);
  return results.length === 1 ? results[0] : results;
}

/** Fold a call with constant arguments now; a runtime error becomes a query error, as in ES. */
function fold(ctx: CompileContext, node: Expr, type: ValueType, compute: () => unknown): CompiledValue {
  try {
    return constantValue(type, compute());
  } catch (e) {
    if (e instanceof EqlRuntimeError) {
      compileError(ctx, e.problem, node.range);
      return constantValue(type, null);
    }
    throw e;
  }
}

function compileCall(node: CallNode, ctx: CompileContext, cond: ConditionAsValue): CompiledValue {
  const def = lookupFunction(node.name);
  const args = node.args.map((a) => compileOperand(a, ctx, cond));
  if (!def) {
    // The analysis pass reports unknown functions; evaluate as null so nothing crashes.
    return constantValue('unknown', null);
  }
  const argTypes = args.map((a) => a.type);
  const constArgs = args.map((a) => (a.constant ? (a.value as Scalar) : undefined));
  let impl: (values: readonly Scalar[]) => Scalar;
  try {
    impl = def.make({ caseInsensitive: node.caseInsensitive, argTypes, constArgs });
  } catch (e) {
    if (e instanceof EqlRuntimeError) {
      compileError(ctx, e.problem, node.range);
      return constantValue(def.returnType(argTypes), null);
    }
    throw e;
  }
  const type = def.returnType(argTypes);
  if (args.every((a) => a.constant)) {
    return fold(ctx, node, type, () =>
      expand(
        args.map((a) => a.value),
        impl,
      ),
    );
  }
  const fns = args.map((a) => a.plain ?? a.fn);
  let fn: (doc: Doc) => unknown;
  if (fns.length === 1) {
    const f0 = fns[0]!;
    fn = (doc) => {
      const a = f0(doc);
      if (Array.isArray(a)) return expand([a], impl);
      return impl([a === undefined ? null : (a as Scalar)]);
    };
  } else if (fns.length === 2) {
    const f0 = fns[0]!;
    const f1 = fns[1]!;
    const buf: Scalar[] = [null, null];
    fn = (doc) => {
      const a = f0(doc);
      const b = f1(doc);
      if (Array.isArray(a) || Array.isArray(b)) return expand([a, b], impl);
      buf[0] = a === undefined ? null : (a as Scalar);
      buf[1] = b === undefined ? null : (b as Scalar);
      return impl(buf);
    };
  } else {
    fn = (doc) =>
      expand(
        fns.map((f) => f(doc)),
        impl,
      );
  }
  return { type, domain: undefined, constant: false, value: undefined, fn, field: undefined };
}

/**
 * Compile an expression used as a value; `cond` compiles the conditions among it. Callers use
 * `compileValue` (compile/conditions.ts), which passes it.
 */
export function compileOperand(node: Expr, ctx: CompileContext, cond: ConditionAsValue): CompiledValue {
  switch (node.kind) {
    case 'literal':
      return constantValue(literalType(node), node.value);
    case 'field':
      return compileField(node, ctx.schema);
    case 'paren':
      return compileOperand(node.expr, ctx, cond);
    case 'call':
      return compileCall(node, ctx, cond);
    case 'arith': {
      const l = compileOperand(node.left, ctx, cond);
      const r = compileOperand(node.right, ctx, cond);
      const { type, fn: op } = makeArith(node.op, l.type, r.type);
      const impl = (v: readonly Scalar[]) => op(v[0]!, v[1]!);
      if (l.constant && r.constant) return fold(ctx, node, type, () => expand([l.value, r.value], impl));
      const lf = l.fn;
      const rf = r.fn;
      return {
        type,
        domain: undefined,
        constant: false,
        value: undefined,
        field: undefined,
        fn: (doc) => {
          const a = lf(doc);
          const b = rf(doc);
          if (Array.isArray(a) || Array.isArray(b)) return expand([a, b], impl);
          return op(a === undefined ? null : (a as Scalar), b === undefined ? null : (b as Scalar));
        },
      };
    }
    case 'unary': {
      const o = compileOperand(node.operand, ctx, cond);
      if (node.op === '+') return o;
      const { type, fn: neg } = negate(o.type);
      const impl = (v: readonly Scalar[]) => neg(v[0]!);
      if (o.constant) return fold(ctx, node, type, () => expand([o.value], impl));
      const of = o.fn;
      return {
        type,
        domain: undefined,
        constant: false,
        value: undefined,
        field: undefined,
        fn: (doc) => expand([of(doc)], impl),
      };
    }
    case 'compare':
    case 'not':
    case 'and':
    case 'or':
    case 'in':
    case 'match': {
      // A condition used as a value: three-valued, null when an operand is missing.
      const c = cond(node, ctx);
      if (c.constant) return constantValue('boolean', c.value);
      const f = c.fn;
      return { type: 'boolean', domain: undefined, constant: false, value: undefined, field: undefined, fn: f };
    }
    default:
      return assertNever(node);
  }
}
