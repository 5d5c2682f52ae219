/**
 * Canonical EQL text for an AST. Deterministic, semantics-preserving and readable: a short
 * query stays on one line; long `and`/`or` chains break one operand per line, long lists
 * pack several items per line, sequences put each term on its own line.
 *
 * Round trip: parseQuery(printStatement(ast)) gives the same AST up to positions and `raw`
 * spellings (see stripPositions in ./equal). Parentheses nodes are kept; parentheses are also
 * added wherever a hand-built tree needs them to keep its meaning.
 */
import {
  assertNever,
  type CategoryNode,
  type EventQueryNode,
  type Expr,
  type FieldNode,
  type LiteralNode,
  type MaxspanNode,
  type PipeNode,
  type QueryNode,
  type SequenceTermNode,
  type StatementNode,
} from './nodes';
import { isKeyword } from './keywords';
import { type AttachedComments, attachComments, type Comment } from './comments';
import {
  breakParent,
  concat,
  type Doc,
  fill,
  group,
  hardline,
  indent,
  join,
  layout,
  line,
  lineSuffix,
  softline,
} from './doc';
import type { Node } from './nodes';

export interface PrintOptions {
  /** Target line width (default 100). */
  readonly width?: number;
  /** Spaces per indentation level (default 2). */
  readonly indent?: number;
  /** Comments of the source text (scanComments), kept next to the nodes they belong to. */
  readonly comments?: readonly Comment[];
  /** The source text the comments and node ranges refer to. */
  readonly source?: string;
}

/* ───────── comments ───────── */

/** Comments attached to nodes, for the statement being printed (printing is synchronous). */
let attached: Map<Node, AttachedComments> | undefined;

const CHAIN_KINDS = new Set(['and', 'or']);
const UNWRAPPED = new Set(['category', 'maxspan']);

/** Nodes the printer wraps with their comments (a flattened `and`/`or` link is not one). */
function printable(node: Node, parent: Node | undefined): boolean {
  if (UNWRAPPED.has(node.kind)) return false;
  if (CHAIN_KINDS.has(node.kind) && parent?.kind === node.kind && (parent as { left?: Node }).left === node)
    return false;
  return true;
}

function withComments(node: Node, doc: Doc): Doc {
  const a = attached?.get(node);
  if (!a) return doc;
  const parts: Doc[] = [];
  for (const c of a.leading) parts.push(c.text, c.line ? hardline : ' ');
  parts.push(doc);
  for (const c of a.trailing) {
    if (!c.trailing) parts.push(hardline, c.text);
    else parts.push(c.line ? concat(lineSuffix(` ${c.text}`), breakParent) : ` ${c.text}`);
  }
  return concat(...parts);
}

const IDENTIFIER = /^[A-Za-z_@][A-Za-z0-9_]*$/;

/* ───────── literals and names ───────── */

/** What the raw-string lexer would read from `"""<value>"""`, or undefined if it would not end there. */
function rawRoundTrips(value: string): boolean {
  if (/[\r\n]/.test(value)) return false;
  const s = `"""${value}"""`;
  const close = s.indexOf('"""', 3);
  if (close < 0) return false;
  let end = close + 3;
  let extra = '';
  while (extra.length < 2 && s[end] === '"') {
    extra += '"';
    end++;
  }
  return end === s.length && s.slice(3, close) + extra === value;
}

function escapeChar(c: string): string {
  switch (c) {
    case '\\':
      return '\\\\';
    case '"':
      return '\\"';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\b':
      return '\\b';
    case '\f':
      return '\\f';
    default:
      return `\\u{${c.charCodeAt(0).toString(16).padStart(2, '0')}}`;
  }
}

/** A string literal that reads back as `value`: raw `"""..."""` when that saves backslashes. */
export function printString(value: string): string {
  if (value.includes('\\') && rawRoundTrips(value)) return `"""${value}"""`;
  // eslint-disable-next-line no-control-regex
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are escaped on purpose
  return `"${value.replace(/[\\"\u0000-\u001f\u007f]/g, escapeChar)}"`;
}

function printNumber(node: LiteralNode): string {
  const value = node.value as number;
  if (node.type === 'double') {
    if (!Number.isFinite(value)) return node.raw && /^[0-9.eE+-]+$/.test(node.raw) ? node.raw : '1e999';
    const s = String(value);
    return /[.eE]/.test(s) ? s : `${s}.0`;
  }
  if (node.raw && /^[0-9]+$/.test(node.raw)) return node.raw.replace(/^0+(?=[0-9])/, '');
  return String(value);
}

export function printLiteral(node: LiteralNode): string {
  switch (node.type) {
    case 'string':
      return printString(node.value as string);
    case 'integer':
    case 'long':
    case 'double':
      return printNumber(node);
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'null':
      return 'null';
    default:
      return assertNever(node.type);
  }
}

/** A field path segment, backquoted when it was written so or must be. */
function printSegment(name: string, quoted: boolean): string {
  if (!quoted && IDENTIFIER.test(name) && !isKeyword(name)) return name;
  return `\`${name.replace(/`/g, '``')}\``;
}

/** A field name (dotted path) as EQL text, backquoting the segments that need it. */
export function printFieldName(name: string): string {
  return name
    .split('.')
    .map((s) => printSegment(s, false))
    .join('.');
}

export function printField(node: FieldNode): string {
  const path = node.path.map((s, i) => printSegment(s, node.quoted[i] ?? false)).join('.');
  return node.optional ? `?${path}` : path;
}

function printCategory(node: CategoryNode): string {
  if (node.any) return 'any';
  return IDENTIFIER.test(node.name) && !isKeyword(node.name) ? node.name : printString(node.name);
}

/* ───────── expressions ───────── */

const Prec = {
  Or: 1,
  And: 2,
  Not: 3,
  Compare: 4,
  Add: 5,
  Mul: 6,
  Unary: 7,
  Suffix: 8,
  Primary: 9,
} as const;
type Prec = (typeof Prec)[keyof typeof Prec];

function precedence(e: Expr): Prec {
  switch (e.kind) {
    case 'or':
      return Prec.Or;
    case 'and':
      return Prec.And;
    case 'not':
      return Prec.Not;
    case 'compare':
      return Prec.Compare;
    case 'arith':
      return e.op === '+' || e.op === '-' ? Prec.Add : Prec.Mul;
    case 'unary':
      return Prec.Unary;
    case 'in':
    case 'match':
      return Prec.Suffix;
    case 'literal':
    case 'field':
    case 'call':
    case 'paren':
      return Prec.Primary;
    default:
      return assertNever(e);
  }
}

function parens(inner: Doc): Doc {
  return group('(', indent(softline, inner), softline, ')');
}

function list(items: readonly Doc[]): Doc {
  return items.length === 0 ? '()' : parens(fill(join(concat(',', line), items)));
}

/** `e` printed so that it parses back at precedence level `min` or tighter. */
function exprDoc(e: Expr, min: Prec): Doc {
  const d = rawExprDoc(e);
  return withComments(e, precedence(e) < min ? parens(d) : d);
}

function chainDoc(e: Expr, kind: 'and' | 'or'): Doc {
  const operands: Expr[] = [];
  let cur: Expr = e;
  while (cur.kind === kind) {
    operands.push(cur.right);
    cur = cur.left;
  }
  operands.push(cur);
  operands.reverse();
  const min = kind === 'or' ? Prec.And : Prec.Not;
  const parts: Doc[] = [];
  operands.forEach((op, i) => {
    if (i > 0) parts.push(` ${kind}`, line);
    parts.push(exprDoc(op, i === 0 ? (kind === 'or' ? Prec.Or : Prec.And) : min));
  });
  return group(...parts);
}

function rawExprDoc(e: Expr): Doc {
  switch (e.kind) {
    case 'literal':
      return printLiteral(e);
    case 'field':
      return printField(e);
    case 'call':
      return group(
        e.name,
        e.caseInsensitive ? '~' : '',
        e.args.length === 0
          ? '()'
          : parens(
              fill(
                join(
                  concat(',', line),
                  e.args.map((a) => exprDoc(a, Prec.Or)),
                ),
              ),
            ),
      );
    case 'paren':
      return parens(exprDoc(e.expr, Prec.Or));
    case 'or':
    case 'and':
      return chainDoc(e, e.kind);
    case 'not':
      return concat('not ', exprDoc(e.operand, Prec.Not));
    case 'compare':
      return concat(exprDoc(e.left, Prec.Add), ` ${e.op} `, exprDoc(e.right, Prec.Add));
    case 'arith': {
      const additive = e.op === '+' || e.op === '-';
      return concat(
        exprDoc(e.left, additive ? Prec.Add : Prec.Mul),
        ` ${e.op} `,
        exprDoc(e.right, additive ? Prec.Mul : Prec.Unary),
      );
    }
    case 'unary': {
      const operand = exprDoc(e.operand, Prec.Unary);
      return e.operand.kind === 'unary' ? concat(e.op, ' ', operand) : concat(e.op, operand);
    }
    case 'in': {
      const op = `${e.negated ? 'not ' : ''}in${e.caseInsensitive ? '~' : ''}`;
      return concat(exprDoc(e.value, Prec.Primary), ` ${op} `, list(e.list.map((x) => exprDoc(x, Prec.Or))));
    }
    case 'match': {
      const value = exprDoc(e.value, Prec.Primary);
      const patterns = e.patterns.map((p) => withComments(p, printLiteral(p)));
      const rhs = e.list || patterns.length !== 1 ? list(patterns) : patterns[0]!;
      return concat(value, ` ${e.op} `, rhs);
    }
    default:
      return assertNever(e);
  }
}

/* ───────── queries ───────── */

function eventDoc(q: EventQueryNode): Doc {
  return withComments(q, group(printCategory(q.category), ' where', indent(line, exprDoc(q.condition, Prec.Or))));
}

function keysDoc(keys: readonly FieldNode[]): Doc {
  return concat(
    ...join(
      ', ',
      keys.map((k) => withComments(k, printField(k))),
    ),
  );
}

function maxspanText(m: MaxspanNode): string {
  return `maxspan=${m.value}${m.unit}`;
}

function termDoc(t: SequenceTermNode): Doc {
  const parts: Doc[] = [t.missing ? '![' : '[', eventDoc(t.query), ']'];
  if (t.by.length > 0) parts.push(' by ', keysDoc(t.by));
  if (t.runs !== undefined) parts.push(` with runs=${t.runs}`);
  return withComments(t, concat(...parts));
}

function queryDoc(q: QueryNode): Doc {
  switch (q.kind) {
    case 'event':
      return eventDoc(q);
    case 'sequence': {
      const head: Doc[] = ['sequence'];
      if (q.by.length > 0) head.push(' by ', keysDoc(q.by));
      if (q.maxspan) head.push(` with ${maxspanText(q.maxspan)}`);
      const body: Doc[] = q.terms.flatMap((t) => [line, termDoc(t)]);
      if (q.until) body.push(line, 'until ', termDoc(q.until));
      return withComments(q, group(...head, indent(...body)));
    }
    case 'sample': {
      const head: Doc[] = ['sample'];
      if (q.by.length > 0) head.push(' by ', keysDoc(q.by));
      return withComments(q, group(...head, indent(...q.terms.flatMap((t) => [line, termDoc(t)]))));
    }
    default:
      return assertNever(q);
  }
}

function pipeText(p: PipeNode): string {
  return `| ${p.name} ${p.count}`;
}

export function statementDoc(ast: StatementNode): Doc {
  return withComments(
    ast,
    group(queryDoc(ast.query), ...ast.pipes.flatMap((p) => [line, withComments(p, pipeText(p))])),
  );
}

/** The statement as canonical EQL text (with the source's comments, when given). */
export function printStatement(ast: StatementNode, options: PrintOptions = {}): string {
  attached =
    options.comments && options.comments.length > 0
      ? attachComments(options.source ?? '', ast, options.comments, printable)
      : undefined;
  try {
    return layout(statementDoc(ast), options.width ?? 100, options.indent ?? 2);
  } finally {
    attached = undefined;
  }
}

/** One expression as canonical EQL text. */
export function printExpr(expr: Expr, options: PrintOptions = {}): string {
  return layout(exprDoc(expr, Prec.Or), options.width ?? 100, options.indent ?? 2);
}
