/**
 * The parser entry point: EQL text in, AST and diagnostics out. Never throws.
 *
 * Errors come from three places, all turned into Diagnostics with precise ranges:
 *  - Peggy syntax errors (src/core/parser/syntax-errors.ts);
 *  - errors the builder raises after the grammar matched, as Elasticsearch's builder does
 *    (bad escapes, join-key counts, maxspan, pipes, ...);
 *  - size limits: an absurdly long or deeply nested statement.
 */
import type { Node, StatementNode } from '../ast/nodes';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic';
import { Syntax } from '../diagnostics/syntax';
import { diagnosticAt } from '../diagnostics/table';
import { children } from '../ast/visit';
import { ParseContext, ParseAbort } from './build-context';
import { syntaxErrorDiagnostic, type PeggyError } from './syntax-errors';
import { bracketDepth } from './tokens';
import { parse as peggyParse, SyntaxError as PeggySyntaxError } from './generated/eql';

export interface ParseResult {
  /** The statement, unless a syntax error stopped the parse (or the statement is a `join`). */
  readonly ast: StatementNode | undefined;
  /** Sorted by position. Any error makes the query unusable, even when `ast` is present. */
  readonly diagnostics: Diagnostic[];
}

/** Longest statement accepted, in UTF-16 code units (the largest real rule is under 50k). */
export const MAX_QUERY_LENGTH = 1_000_000;
/** Deepest bracket nesting accepted before parsing. */
export const MAX_BRACKET_DEPTH = 200;
/** Deepest AST accepted (long `or` chains are left-nested, so this bounds chain length too). */
export const MAX_AST_DEPTH = 1_000;

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start - b.range.start || a.range.end - b.range.end;
}

/**
 * Renumbers node ids 0..n-1 in source (pre-)order, so ids are dense whatever backtracking did,
 * and returns the depth of the tree. One iterative pass.
 */
function numberAndMeasure(ast: StatementNode): { depth: number; deepest: Node | undefined } {
  let next = 0;
  let max = 0;
  let deepest: Node | undefined;
  const stack: [Node, number][] = [[ast, 1]];
  while (stack.length > 0) {
    const [node, d] = stack.pop()!;
    (node as { id: number }).id = next++;
    if (d > max) {
      max = d;
      // The first node found at the limit: where the nesting passes it.
      if (d === MAX_AST_DEPTH + 1) deepest = node;
    }
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, d + 1]);
  }
  return { depth: max, deepest };
}

/** What makes a tree deep, in words: the operator of the node where it passes the limit. */
function nestingName(node: Node | undefined): string {
  const n = node as { kind?: string; op?: string } | undefined;
  switch (n?.kind) {
    case 'and':
    case 'or':
      return `a chain of [${n.kind}]`;
    case 'not':
      return 'nested [not]';
    case 'arith':
    case 'compare':
      return `a chain of [${n.op}]`;
    case 'unary':
      return `repeated [${n.op}] signs`;
    case 'call':
      return 'nested function calls';
    default:
      return 'nested expressions';
  }
}

export function parseQuery(text: string): ParseResult {
  if (text.length > MAX_QUERY_LENGTH) {
    return {
      ast: undefined,
      diagnostics: [
        diagnosticAt(Syntax.TooDeep.tooLong(text.length, MAX_QUERY_LENGTH), {
          start: MAX_QUERY_LENGTH,
          end: text.length,
        }),
      ],
    };
  }
  const nesting = bracketDepth(text, MAX_BRACKET_DEPTH);
  if (nesting.overflowAt !== undefined) {
    return {
      ast: undefined,
      diagnostics: [
        diagnosticAt(Syntax.TooDeep.bracketsTooDeep(text, MAX_BRACKET_DEPTH), {
          start: nesting.overflowAt,
          end: nesting.overflowAt + 1,
        }),
      ],
    };
  }

  const ctx = new ParseContext(text);
  let ast: StatementNode | undefined;
  const fatal: Diagnostic[] = [];
  try {
    ast = peggyParse(text, { ctx });
  } catch (e) {
    if (e instanceof ParseAbort) fatal.push(e.diagnostic);
    else if (e instanceof PeggySyntaxError) fatal.push(syntaxErrorDiagnostic(text, e as unknown as PeggyError));
    else if (e instanceof RangeError) {
      fatal.push(diagnosticAt(Syntax.TooDeep.tooLarge(text), { start: 0, end: text.length }));
    } else {
      const message = e instanceof Error ? e.message : String(e);
      fatal.push(diagnosticAt(Syntax.SyntaxError.internal(message), { start: 0, end: text.length }));
    }
  }

  // After a syntax error, builder checks on half-parsed structures would mislead; token-level
  // problems (bad strings and escapes) are still real and worth reporting together.
  const built = fatal.length > 0 ? ctx.tokenDiagnostics : ctx.diagnostics;
  const diagnostics = [...built, ...fatal].sort(byPosition);
  if (!ast || ctx.dropAst || fatal.length > 0) return { ast: undefined, diagnostics };

  const measured = numberAndMeasure(ast);
  if (measured.depth > MAX_AST_DEPTH) {
    const at = measured.deepest?.range ?? ast.range;
    // The node's parent is the one at the limit; name the construct from the node itself.
    diagnostics.push(diagnosticAt(Syntax.TooDeep.treeTooDeep(text, MAX_AST_DEPTH, nestingName(measured.deepest)), at));
    return { ast: undefined, diagnostics };
  }
  return { ast, diagnostics };
}

/** True when the result is usable: an AST and no error diagnostics. */
export function parsedOk(result: ParseResult): result is { ast: StatementNode; diagnostics: Diagnostic[] } {
  return result.ast !== undefined && !hasErrors(result.diagnostics);
}
