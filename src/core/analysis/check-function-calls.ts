/**
 * Function calls: unknown names (with did-you-mean), arity, `~` on functions that are not
 * case-aware, and argument types (each function's own `check`).
 */
import type { CallNode } from '../ast/nodes';
import { Analysis } from '../diagnostics/analysis';
import { arityProblem, lookupFunction, suggestFunctions } from '../runtime/functions/registry';
import type { Scalar, ValueType } from '../runtime/values';
import type { EqlFunction } from '../runtime/functions/types';
import { isNormalized, isText, leafName } from './exactness';
import type { AnalysisContext } from './context';
import { report, sourceOf } from './context';

function constantOf(node: CallNode['args'][number]): Scalar | undefined {
  if (node.kind === 'literal') return node.value;
  if (node.kind === 'paren') return constantOf(node.expr);
  if (
    node.kind === 'unary' &&
    node.op === '-' &&
    node.operand.kind === 'literal' &&
    typeof node.operand.value === 'number'
  ) {
    return -node.operand.value;
  }
  return undefined;
}

/**
 * String arguments need an exact value (Elasticsearch's isStringAndExact): a text field without
 * a keyword sub-field, or a normalized keyword, is rejected. One-parameter functions print no
 * ordinal (`[length(f)] cannot operate on field ...`).
 */
function reportInexactArgument(ctx: AnalysisContext, node: CallNode, def: EqlFunction): void {
  const single = def.params.length === 1;
  for (let i = 0; i < node.args.length; i++) {
    const param = def.params[Math.min(i, def.params.length - 1)];
    if (!param || (param.kind !== 'string' && param.kind !== 'any')) continue;
    const arg = node.args[i]!;
    const text = isText(ctx, arg);
    if (text) {
      report(
        ctx,
        Analysis.TextField.functionText(sourceOf(ctx, node), single ? undefined : i, leafName(text.name)),
        node.range,
      );
      return;
    }
    if (isNormalized(ctx, arg)) {
      report(ctx, Analysis.TextField.normalized(sourceOf(ctx, node), single ? undefined : i), node.range);
      return;
    }
  }
}

export function checkFunctionCall(ctx: AnalysisContext, node: CallNode, argTypes: readonly ValueType[]): ValueType {
  const def = lookupFunction(node.name);
  const written = `${node.name}${node.caseInsensitive ? '~' : ''}`;
  if (!def) {
    report(ctx, Analysis.UnknownFunction.function(written, suggestFunctions(node.name)), node.nameRange);
    return 'unknown';
  }
  if (node.caseInsensitive && !def.caseAware) {
    report(ctx, Analysis.CaseInsensitiveNotSupported.function(def.name), {
      start: node.nameRange.start,
      end: node.nameRange.end + 1,
    });
  }
  const arity = arityProblem(def, node.args.length);
  if (arity) {
    report(ctx, arity, node.range);
    return def.returnType(argTypes);
  }
  if (def.check) {
    const problem = def.check(
      argTypes,
      node.args.map(constantOf),
      sourceOf(ctx, node),
      node.args.map((a) => sourceOf(ctx, a)),
    );
    if (problem) {
      const arg = node.args[problem.arg];
      report(ctx, Analysis.ArgumentType.checked(problem.message), arg ? arg.range : node.range);
      return def.returnType(argTypes);
    }
  }
  reportInexactArgument(ctx, node, def);
  return def.returnType(argTypes);
}
