/**
 * Elasticsearch's pipe checks: known names (with "did you mean"), supported names, and the
 * single non-negative integer argument of `head`/`tail`, folded as a constant.
 */
import type { Expr, Range } from '../ast/nodes';
import { Syntax } from '../diagnostics/syntax';
import type { Message } from '../diagnostics/table';
import { PIPE_NAMES, SUPPORTED_PIPES, UNSUPPORTED_PIPES } from '../ast/keywords';
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

/** Constant-folds an integer expression the way Elasticsearch folds a pipe argument. */
function foldInteger(e: Expr): number | undefined {
  switch (e.kind) {
    case 'literal':
      return e.type === 'integer' || e.type === 'long' ? (e.value as number) : undefined;
    case 'paren':
      return foldInteger(e.expr);
    case 'unary': {
      const v = foldInteger(e.operand);
      return v === undefined ? undefined : e.op === '-' ? -v : v;
    }
    case 'arith': {
      const a = foldInteger(e.left);
      const b = foldInteger(e.right);
      if (a === undefined || b === undefined) return undefined;
      switch (e.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return b === 0 ? undefined : Math.trunc(a / b);
        case '%':
          return b === 0 ? undefined : a % b;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
