import { expect } from 'vitest';
import type { Expr, StatementNode } from '../../../../src/core/ast/nodes';
import type { Diagnostic } from '../../../../src/core/diagnostics/diagnostic';
import { parseQuery } from '../../../../src/core/parser/parse';

/** A compact prefix rendering of an expression, to assert tree shape. */
export function sx(e: Expr): string {
  switch (e.kind) {
    case 'literal':
      return e.type === 'string' ? JSON.stringify(e.value) : String(e.value);
    case 'field':
      return (e.optional ? '?' : '') + e.path.join('.');
    case 'call':
      return `${e.name}${e.caseInsensitive ? '~' : ''}(${e.args.map(sx).join(' ')})`;
    case 'compare':
    case 'arith':
      return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
    case 'and':
    case 'or':
      return `(${e.kind} ${sx(e.left)} ${sx(e.right)})`;
    case 'unary':
      return `(${e.op} ${sx(e.operand)})`;
    case 'not':
      return `(not ${sx(e.operand)})`;
    case 'in':
      return `(${e.negated ? 'not ' : ''}in${e.caseInsensitive ? '~' : ''} ${sx(e.value)} [${e.list.map(sx).join(' ')}])`;
    case 'match': {
      const pats = e.patterns.map(sx).join(' ');
      return `(${e.op} ${sx(e.value)} ${e.list ? `[${pats}]` : pats})`;
    }
    case 'paren':
      return `{${sx(e.expr)}}`;
  }
}

/** Parses a statement that must be free of diagnostics. */
export function ok(text: string): StatementNode {
  const r = parseQuery(text);
  expect(r.diagnostics, text).toEqual([]);
  expect(r.ast).toBeDefined();
  return r.ast!;
}

/** The condition of `any where <text>`, rendered with sx. */
export function cond(text: string): string {
  const ast = ok(`any where ${text}`);
  if (ast.query.kind !== 'event') throw new Error('not an event query');
  return sx(ast.query.condition);
}

/** The condition expression node of `any where <text>`. */
export function condNode(text: string): Expr {
  const ast = ok(`any where ${text}`);
  if (ast.query.kind !== 'event') throw new Error('not an event query');
  return ast.query.condition;
}

/** The diagnostics of a statement, each with the text its range covers. */
export function diags(text: string): (Diagnostic & { at: string })[] {
  return parseQuery(text).diagnostics.map((d) => ({ ...d, at: text.slice(d.range.start, d.range.end) }));
}

/** The single diagnostic of a statement (fails when there are zero or several). */
export function one(text: string): Diagnostic & { at: string } {
  const ds = diags(text);
  expect(ds, text).toHaveLength(1);
  return ds[0]!;
}
