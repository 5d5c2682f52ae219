/**
 * Elasticsearch's pipe checks: known names (with "did you mean"), supported names, and the
 * single non-negative integer argument of `head`/`tail`, folded as a constant.
 */
import type { Expr, Range } from '../ast/nodes';
import { Syntax } from '../diagnostics/syntax';
import type { Message } from '../diagnostics/table';
import { PIPE_NAMES, SUPPORTED_PIPES, UNSUPPORTED_PIPES } from '../ast/keywords';
import { makeArith, negate } from '../runtime/arithmetic';
import { EqlRuntimeError, type ValueType } from '../runtime/values';
import { findSimilar } from './similar';

export type Report = (message: Message, range: Range) => void;

/** The pipe's name and count when it is valid; otherwise reports why and returns undefined. */
export function checkPipe(
  pipeName: string,
  nameRange: Range,
  args: readonly Expr[],
  range: Range,
  text: string,
  report: Report,
): { name: 'head' | 'tail'; count: number } | undefined {
  if (!(PIPE_NAMES as readonly string[]).includes(pipeName)) {
    const lowercaseIsKnown =
      pipeName !== pipeName.toLowerCase() && (PIPE_NAMES as readonly string[]).includes(pipeName.toLowerCase());
    report(Syntax.UnknownPipe.pipe(pipeName, findSimilar(pipeName, PIPE_NAMES), lowercaseIsKnown), nameRange);
    return undefined;
  }
  if ((UNSUPPORTED_PIPES as readonly string[]).includes(pipeName)) {
    report(Syntax.UnsupportedPipe.pipe(pipeName, SUPPORTED_PIPES), range);
    return undefined;
  }
  if (args.length !== 1) {
    report(Syntax.PipeArgument.count(pipeName, args.length), range);
    return undefined;
  }
  const arg = args[0]!;
  const count = foldInteger(arg);
  if (count === undefined || count < 0) {
    report(Syntax.PipeArgument.notPositiveInteger(pipeName, text.slice(arg.range.start, arg.range.end)), arg.range);
    return undefined;
  }
  return { name: pipeName as 'head' | 'tail', count };
}

/** An integral constant and its type, while folding. */
interface Folded {
  readonly value: number;
  readonly type: ValueType;
}

/**
 * Constant-folds an integer expression the way Elasticsearch folds a pipe argument: with Java
 * int/long arithmetic (runtime/arithmetic.ts), so an overflow or a division by zero is no count.
 */
function foldInteger(e: Expr): number | undefined {
  try {
    const f = fold(e);
    return f && (f.type === 'integer' || f.type === 'long') ? f.value : undefined;
  } catch (err) {
    if (err instanceof EqlRuntimeError) return undefined;
    throw err;
  }
}

function fold(e: Expr): Folded | undefined {
  switch (e.kind) {
    case 'literal':
      return e.type === 'integer' || e.type === 'long' ? { value: e.value as number, type: e.type } : undefined;
    case 'paren':
      return fold(e.expr);
    case 'unary': {
      const v = fold(e.operand);
      if (!v || e.op === '+') return v;
      const neg = negate(v.type);
      return { value: neg.fn(v.value) as number, type: neg.type };
    }
    case 'arith': {
      const a = fold(e.left);
      const b = fold(e.right);
      if (!a || !b) return undefined;
      const op = makeArith(e.op, a.type, b.type);
      return { value: op.fn(a.value, b.value) as number, type: op.type };
    }
    default:
      return undefined;
  }
}
