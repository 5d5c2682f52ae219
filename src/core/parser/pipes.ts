/**
 * Elasticsearch's pipe checks: known names (with "did you mean"), supported names, and the
 * single non-negative integer argument of `head`/`tail`, folded as a constant.
 */
import type { Expr, Range } from '../ast/nodes';
import { Codes } from '../diagnostics/codes';
import { PIPE_NAMES, SUPPORTED_PIPES, UNSUPPORTED_PIPES } from '../ast/keywords';
import { findSimilar } from './similar';

export type Report = (code: string, message: string, range: Range, notes?: readonly string[]) => void;

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
    const similar = findSimilar(pipeName, PIPE_NAMES);
    let message = `Unrecognized pipe [${pipeName}]`;
    if (similar.length === 1) message += `, did you mean [${similar[0]}]?`;
    else if (similar.length > 1) message += `, did you mean any of [${similar.join(', ')}]?`;
    const notes =
      pipeName !== pipeName.toLowerCase() && (PIPE_NAMES as readonly string[]).includes(pipeName.toLowerCase())
        ? ['Pipe names are lowercase.']
        : undefined;
    report(Codes.UnknownPipe, message, nameRange, notes);
    return undefined;
  }
  if ((UNSUPPORTED_PIPES as readonly string[]).includes(pipeName)) {
    report(Codes.UnsupportedPipe, `Pipe [${pipeName}] is not supported`, range, [
      `Only ${SUPPORTED_PIPES.map((p) => `[${p}]`).join(' and ')} are supported.`,
    ]);
    return undefined;
  }
  if (args.length !== 1) {
    report(Codes.PipeArgument, `Pipe [${pipeName}] expects exactly one argument but found [${args.length}]`, range);
    return undefined;
  }
  const arg = args[0]!;
  const count = foldInteger(arg);
  if (count === undefined || count < 0) {
    report(
      Codes.PipeArgument,
      `Pipe [${pipeName}] expects a positive integer but found [${text.slice(arg.range.start, arg.range.end)}]`,
      arg.range,
    );
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
