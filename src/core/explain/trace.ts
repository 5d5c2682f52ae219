/**
 * The full evaluation trace of one event: every sub-expression of the query with its outcome
 * (true / false / missing / null / error) or value, in source order, with its nesting depth.
 */
import type { EventQueryNode, Expr } from '../ast/nodes';
import type { TraceEntry } from '../api-types';
import type { CompileContext, Doc } from '../compile/context';
import { compileCondition } from '../compile/conditions';
import { compileFieldRead } from '../compile/field';
import { compileValue } from '../compile/conditions';
import { EqlRuntimeError } from '../runtime/values';
import { firstField } from './plan';

function isCondition(e: Expr): boolean {
  switch (e.kind) {
    case 'compare':
    case 'in':
    case 'match':
    case 'not':
    case 'and':
    case 'or':
      return true;
    case 'paren':
      return isCondition(e.expr);
    default:
      return false;
  }
}

/** The operands of a chain of one logical operator, so `a and b and c` reads as one node with three children. */
function chain(e: Expr, kind: 'and' | 'or'): Expr[] {
  if (e.kind === kind) return [...chain(e.left, kind), ...chain(e.right, kind)];
  return [e];
}

function childrenOf(e: Expr): Expr[] {
  switch (e.kind) {
    case 'paren':
      return [e.expr];
    case 'not':
    case 'unary':
      return [e.operand];
    case 'and':
    case 'or':
      return chain(e, e.kind);
    case 'compare':
    case 'arith':
      return [e.left, e.right];
    case 'in':
      return [e.value];
    case 'match':
      return [e.value];
    case 'call':
      return [...e.args];
    case 'field':
    case 'literal':
      return [];
  }
}

function isMissing(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
}

function entryFor(e: Expr, depth: number, doc: Doc, ctx: CompileContext, asCondition: boolean): TraceEntry {
  const field = firstField(e);
  try {
    if (asCondition) {
      const r = compileCondition(e, ctx).fn(doc);
      const leaf = e.kind === 'compare' || e.kind === 'in' || e.kind === 'match';
      if (r === false && leaf && field && isMissing(compileValue(field, ctx).fn(doc))) {
        return { nodeId: e.id, range: e.range, depth, outcome: 'missing', field: field.name };
      }
      return {
        nodeId: e.id,
        range: e.range,
        depth,
        outcome: r === null ? 'null' : r ? 'true' : 'false',
        ...(field ? { field: field.name } : {}),
      };
    }
    if (e.kind === 'literal') return { nodeId: e.id, range: e.range, depth, outcome: 'value', value: e.value };
    const v = compileValue(e, ctx).fn(doc);
    return {
      nodeId: e.id,
      range: e.range,
      depth,
      outcome: v === undefined ? 'missing' : 'value',
      ...(v !== undefined ? { value: v } : {}),
      ...(field ? { field: field.name } : {}),
    };
  } catch (err) {
    if (!(err instanceof EqlRuntimeError)) throw err;
    return { nodeId: e.id, range: e.range, depth, outcome: 'error', value: err.message };
  }
}

function walk(e: Expr, depth: number, doc: Doc, ctx: CompileContext, asCondition: boolean, out: TraceEntry[]): void {
  out.push(entryFor(e, depth, doc, ctx, asCondition));
  for (const c of childrenOf(e)) {
    walk(
      c,
      depth + 1,
      doc,
      ctx,
      isCondition(c) || ((e.kind === 'and' || e.kind === 'or' || e.kind === 'not') && asCondition),
      out,
    );
  }
}

export function traceCondition(query: EventQueryNode, doc: Doc, ctx: CompileContext): TraceEntry[] {
  const out: TraceEntry[] = [];
  if (!query.category.any) {
    const v = compileFieldRead(ctx.settings.eventCategoryField, ctx.schema).fn(doc);
    const name = query.category.name;
    const ok = v === name || (Array.isArray(v) && v.includes(name));
    out.push({
      nodeId: query.category.id,
      range: query.category.range,
      depth: 0,
      outcome: v === undefined ? 'missing' : ok ? 'true' : 'false',
      field: ctx.settings.eventCategoryField,
      ...(v !== undefined ? { value: v } : {}),
    });
  }
  walk(query.condition, 0, doc, { ...ctx, diagnostics: [] }, true, out);
  return out;
}
