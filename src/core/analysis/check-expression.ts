/**
 * Type inference and the verifier's checks on expressions: operator operand types, `:` on
 * non-strings, `in` list element types, field-versus-field comparisons, function calls.
 * Messages follow Elasticsearch's verifier texts (eql-semantics.md section 8).
 */
import type { CallNode, Expr, FieldNode } from '../ast/nodes';
import { assertNever } from '../ast/nodes';
import { literalType } from '../compile/values';
import { Analysis } from '../diagnostics/analysis';
import { qlTypeName } from '../diagnostics/wording';
import { isKnown } from '../compile/field';
import { isNumericType, isStringType, type ValueType } from '../runtime/values';
import type { AnalysisContext } from './context';
import { report, sourceOf } from './context';
import { checkFunctionCall } from './check-function-calls';
import { isNormalized, isText, leafName } from './exactness';
import { resolveField } from './resolve-fields';

function unwrap(e: Expr): Expr {
  return e.kind === 'paren' ? unwrap(e.expr) : e;
}

/** True when the expression reads a field (directly or through functions/arithmetic). */
function fieldIn(e: Expr): FieldNode | undefined {
  const u = unwrap(e);
  switch (u.kind) {
    case 'field':
      return u;
    case 'call':
      for (const a of u.args) {
        const f = fieldIn(a);
        if (f) return f;
      }
      return undefined;
    case 'arith':
      return fieldIn(u.left) ?? fieldIn(u.right);
    case 'unary':
      return fieldIn(u.operand);
    default:
      return undefined;
  }
}

/** The field an operand reads; an optional field nothing maps is the literal null, not a field. */
function fieldOperand(ctx: AnalysisContext, e: Expr): FieldNode | undefined {
  const f = fieldIn(e);
  return f?.optional && !isKnown(f.name, ctx.schema) ? undefined : f;
}

/**
 * Exact-match operators need an exact value: a text field without a keyword sub-field, or a
 * normalized keyword, is rejected (located on the whole expression, as Elasticsearch does).
 */
function reportInexact(ctx: AnalysisContext, node: Expr, operands: readonly Expr[]): void {
  for (const e of operands) {
    const text = isText(ctx, e);
    if (text) {
      report(ctx, Analysis.TextField.text(sourceOf(ctx, node), leafName(text.name)), node.range);
      return;
    }
    if (isNormalized(ctx, e)) {
      report(ctx, Analysis.TextField.normalized(sourceOf(ctx, node), 0), node.range);
      return;
    }
  }
}

/** Nested fields and fields under a nested parent: Elasticsearch EQL does not support them. */
function reportNested(ctx: AnalysisContext, node: FieldNode, t: ValueType): boolean {
  const info = ctx.schema.get(node.name);
  if (!info || info.origin === 'events') return false;
  if (info.type === 'nested') {
    report(ctx, Analysis.UnsupportedFieldType.nested(node.name), node.range);
    return true;
  }
  const segments = node.name.split('.');
  for (let i = 1; i < segments.length; i++) {
    const parent = segments.slice(0, i).join('.');
    if (ctx.schema.get(parent)?.type === 'nested') {
      report(ctx, Analysis.UnsupportedFieldType.underNested(node.name, t, parent), node.range);
      return true;
    }
  }
  return false;
}

function compatible(a: ValueType, b: ValueType): boolean {
  if (a === 'unknown' || b === 'unknown' || a === 'null' || b === 'null') return true;
  if (isNumericType(a) && isNumericType(b)) return true;
  if (isStringType(a) && isStringType(b)) return true;
  // Dates, ips and versions compare with strings (parsed by the field's format).
  if ((a === 'date' || a === 'ip' || a === 'version') && (isStringType(b) || isNumericType(b))) return true;
  if ((b === 'date' || b === 'ip' || b === 'version') && (isStringType(a) || isNumericType(a))) return true;
  // Elasticsearch coerces constants into the field type: keyword == 5 matches "5".
  if ((isStringType(a) && isNumericType(b)) || (isNumericType(a) && isStringType(b))) return true;
  if (a === 'boolean' || b === 'boolean') return true;
  return a === b;
}

/** Infer the type of an expression and report verifier errors. */
export function checkExpression(ctx: AnalysisContext, node: Expr): ValueType {
  switch (node.kind) {
    case 'literal':
      return literalType(node);
    case 'field': {
      const t = resolveField(ctx, node);
      if (reportNested(ctx, node, t)) return 'unknown';
      if (t === 'unsupported' || t === 'object') {
        const info = ctx.schema.get(node.name);
        if (info?.origin === 'mapping' || t === 'unsupported') {
          report(ctx, Analysis.UnsupportedFieldType.field(node.name, info?.type ?? t), node.range);
        }
      }
      return t;
    }
    case 'paren':
      return checkExpression(ctx, node.expr);
    case 'call':
      return checkCall(ctx, node);
    case 'not':
      checkCondition(ctx, node.operand);
      return 'boolean';
    case 'and':
    case 'or':
      checkCondition(ctx, node.left);
      checkCondition(ctx, node.right);
      return 'boolean';
    case 'compare': {
      const lt = checkExpression(ctx, node.left);
      const rt = checkExpression(ctx, node.right);
      const lf = fieldOperand(ctx, node.left);
      const rf = fieldOperand(ctx, node.right);
      if (lf && rf) {
        const offender = sourceOf(ctx, node.right);
        report(ctx, Analysis.FieldComparison.fields(offender, node.op, lf), node.right.range);
      } else if (lt !== 'unsupported' && rt !== 'unsupported' && !compatible(lt, rt)) {
        const expr = sourceOf(ctx, node);
        const value = sourceOf(ctx, node.right);
        report(ctx, Analysis.ArgumentType.operand(1, expr, qlTypeName(lt), value, rt), node.right.range);
      }
      if (!(lf && rf)) reportInexact(ctx, node, [node.left, node.right]);
      return 'boolean';
    }
    case 'arith': {
      const lt = checkExpression(ctx, node.left);
      const rt = checkExpression(ctx, node.right);
      [
        [lt, node.left, 0],
        [rt, node.right, 1],
      ].forEach(([t, e, i]) => {
        const ty = t as ValueType;
        if (!isNumericType(ty) && ty !== 'null') {
          const operand = e as Expr;
          const m = Analysis.ArgumentType.operand(
            i as number,
            sourceOf(ctx, node),
            'numeric',
            sourceOf(ctx, operand),
            ty,
          );
          report(ctx, m, operand.range);
        }
      });
      if (lt === 'double' || rt === 'double') return 'double';
      if (lt === 'long' || rt === 'long' || lt === 'unknown' || rt === 'unknown')
        return lt === 'unknown' || rt === 'unknown' ? 'unknown' : 'long';
      return 'integer';
    }
    case 'unary': {
      const t = checkExpression(ctx, node.operand);
      if (!isNumericType(t) && t !== 'null') {
        const m = Analysis.ArgumentType.unaryOperand(sourceOf(ctx, node), sourceOf(ctx, node.operand), t);
        report(ctx, m, node.operand.range);
      }
      return t;
    }
    case 'in':
      checkIn(ctx, node);
      return 'boolean';
    case 'match': {
      const vt = checkExpression(ctx, node.value);
      const valueOk = vt === 'null' || vt === 'unsupported' || isStringType(vt);
      if (!valueOk) {
        const colon = node.op === ':';
        const op = colon ? ':' : sourceOf(ctx, node);
        report(ctx, Analysis.ColonNonString.notString(op, sourceOf(ctx, node.value), vt, colon), node.value.range);
      }
      for (const p of node.patterns) {
        if (valueOk && p.type !== 'string' && p.type !== 'null') {
          const m = Analysis.ArgumentType.operand(1, sourceOf(ctx, node), 'string', p.raw, checkExpression(ctx, p));
          report(ctx, m, p.range);
        }
      }
      return 'boolean';
    }
    default:
      return assertNever(node);
  }
}

/**
 * `x in (...)`: like Elasticsearch, one error per list (the first element that is a field, or
 * of the wrong type), located on the whole expression.
 */
function checkIn(ctx: AnalysisContext, node: Expr & { kind: 'in' }): void {
  const vt = checkExpression(ctx, node.value);
  const types = node.list.map((e) => checkExpression(ctx, e));
  const valueField = fieldOperand(ctx, node.value);
  for (let i = 0; i < node.list.length; i++) {
    const e = node.list[i]!;
    const et = types[i]!;
    if (valueField && fieldOperand(ctx, e)) {
      report(ctx, Analysis.FieldComparison.inList(sourceOf(ctx, e), sourceOf(ctx, node)), node.range);
      return;
    }
    if (et !== 'null' && !inCompatible(vt, et)) {
      report(ctx, Analysis.InListType.element(i, sourceOf(ctx, node), vt, sourceOf(ctx, e), et), node.range);
      return;
    }
  }
  reportInexact(ctx, node, [node.value]);
}

function inCompatible(vt: ValueType, et: ValueType): boolean {
  if (vt === 'unknown' || et === 'unknown' || vt === 'null') return true;
  if (isNumericType(vt)) return isNumericType(et);
  if (isStringType(vt)) return isStringType(et);
  if (vt === 'boolean') return et === 'boolean';
  return compatible(vt, et);
}

function checkCall(ctx: AnalysisContext, node: CallNode): ValueType {
  const argTypes = node.args.map((a) => checkExpression(ctx, a));
  return checkFunctionCall(ctx, node, argTypes);
}

/** A condition must be boolean: `Condition expression needs to be boolean, found [LONG]`. */
export function checkCondition(ctx: AnalysisContext, node: Expr): void {
  const before = ctx.diagnostics.filter((d) => d.severity === 'error').length;
  const t = checkExpression(ctx, node);
  // Elasticsearch checks condition types only once every field and function resolved.
  const resolved = ctx.diagnostics.filter((d) => d.severity === 'error').length === before;
  if (resolved && t !== 'boolean' && t !== 'null' && t !== 'unknown') {
    report(ctx, Analysis.NonBooleanCondition.condition(t), node.range);
  }
}
