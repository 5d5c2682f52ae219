/**
 * Function calls: unknown names (with did-you-mean), arity, `~` on functions that are not
 * case-aware, and argument types (each function's own `check`).
 */
import type { CallNode } from '../ast/nodes';
import { Codes } from '../diagnostics/codes';
import { checkArity, lookupFunction, suggestFunctions } from '../runtime/functions/registry';
import type { Scalar, ValueType } from '../runtime/values';
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

export function checkFunctionCall(ctx: AnalysisContext, node: CallNode, argTypes: readonly ValueType[]): ValueType {
  const def = lookupFunction(node.name);
  const written = `${node.name}${node.caseInsensitive ? '~' : ''}`;
  if (!def) {
    const s = suggestFunctions(node.name);
    const suffix =
      s.length === 0 ? '' : s.length === 1 ? `, did you mean [${s[0]}]?` : `, did you mean any of [${s.join(', ')}]?`;
    report(ctx, Codes.UnknownFunction, `Unknown function [${written}]${suffix}`, node.nameRange);
    return 'unknown';
  }
  if (node.caseInsensitive && !def.caseAware) {
    report(
      ctx,
      Codes.CaseInsensitiveNotSupported,
      `Function [${def.name}] does not support case-insensitive matching; remove the [~]`,
      { start: node.nameRange.start, end: node.nameRange.end + 1 },
    );
  }
  const arity = checkArity(def, node.args.length);
  if (arity) {
    report(ctx, Codes.FunctionArity, arity, node.range);
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
      report(ctx, Codes.ArgumentType, problem.message, arg ? arg.range : node.range);
    }
  }
  return def.returnType(argTypes);
}
