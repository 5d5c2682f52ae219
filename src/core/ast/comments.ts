/**
 * Comments for the formatter. The parser drops comments like whitespace; the formatter finds
 * them again in the source text and attaches each to a node the printer prints, so that
 * `format` keeps every comment where it was:
 *
 * - a `//` comment after code on its line trails the outermost node that ends before it, and
 *   so does a block comment after code, unless a node starts right after it on its line;
 * - any other comment leads the outermost node that starts after it, unless a closing bracket
 *   comes first: then it trails the node before it, on its own line;
 * - what is left (comments after the last node) trails the statement.
 */
import type { Range } from './nodes';
import type { Node, StatementNode } from './nodes';
import { walk } from './visit';

export interface Comment {
  readonly text: string;
  readonly range: Range;
  /** `//` comment (must end its line in the output). */
  readonly line: boolean;
  /** Code precedes it on its line. */
  readonly trailing: boolean;
}

export interface AttachedComments {
  readonly leading: Comment[];
  readonly trailing: Comment[];
}

/** Skip a string or backquoted name starting at `i`; the index after it. */
function skipQuoted(text: string, i: number): number {
  if (text.startsWith('"""', i)) {
    const close = text.indexOf('"""', i + 3);
    if (close < 0) return text.length;
    let end = close + 3;
    while (end - close < 5 && text[end] === '"') end++;
    return end;
  }
  const q = text[i]!;
  let j = i + 1;
  while (j < text.length) {
    const c = text[j]!;
    if (c === '\\' && q !== '`') j += 2;
    else if (c === q) {
      if (q === '`' && text[j + 1] === '`') j += 2;
      else return j + 1;
    } else j++;
  }
  return text.length;
}

/** The text without its comments (for looking at the tokens between two nodes). */
function stripComments(text: string): string {
  return text.replace(/\/\/[^\n\r]*|\/\*[\s\S]*?\*\//g, '');
}

/** Every comment of an EQL text, outside strings and backquoted names, in order. */
export function scanComments(text: string): Comment[] {
  const out: Comment[] = [];
  let lineHasCode = false;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') {
      lineHasCode = false;
      i++;
    } else if (c === '"' || c === "'" || c === '`') {
      i = skipQuoted(text, i);
      lineHasCode = true;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const line = text[i + 1] === '/';
      let end: number;
      if (line) {
        end = i;
        while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
      } else {
        const close = text.indexOf('*/', i + 2);
        end = close < 0 ? text.length : close + 2;
      }
      const body = text.slice(i, end);
      out.push({ text: line ? body.trimEnd() : body, range: { start: i, end }, line, trailing: lineHasCode });
      i = end;
    } else {
      if (c !== ' ' && c !== '\t') lineHasCode = true;
      i++;
    }
  }
  return out;
}

/**
 * Attach comments to printable nodes (`printable` tells which kinds the printer wraps).
 * Returns the attachment per node; no comment is dropped.
 */
export function attachComments(
  text: string,
  ast: StatementNode,
  comments: readonly Comment[],
  printable: (node: Node, parent: Node | undefined) => boolean,
): Map<Node, AttachedComments> {
  const nodes: Node[] = [];
  walk(ast, (node, parent) => {
    if (printable(node, parent)) nodes.push(node);
  });
  const map = new Map<Node, AttachedComments>();
  const slot = (node: Node): AttachedComments => {
    let a = map.get(node);
    if (!a) {
      a = { leading: [], trailing: [] };
      map.set(node, a);
    }
    return a;
  };
  const nextAfter = (c: Comment): Node | undefined => {
    // The node starting first after the comment; among equals, the outermost (widest).
    let best: Node | undefined;
    for (const n of nodes) {
      if (n.range.start < c.range.end) continue;
      if (
        !best ||
        n.range.start < best.range.start ||
        (n.range.start === best.range.start && n.range.end > best.range.end)
      )
        best = n;
    }
    return best;
  };
  const lastBefore = (c: Comment): Node | undefined => {
    // The node ending last before the comment; among equals, the outermost (widest).
    let best: Node | undefined;
    for (const n of nodes) {
      if (n.range.end > c.range.start) continue;
      if (!best || n.range.end > best.range.end || (n.range.end === best.range.end && n.range.start < best.range.start))
        best = n;
    }
    return best;
  };
  for (const c of comments) {
    const next = nextAfter(c);
    // A block comment with code on both sides leads the node right after it, if one starts there.
    const between = next ? text.slice(c.range.end, next.range.start) : '';
    // An own-line comment before a closing bracket stays inside it, after the node before it.
    const leadsNext = c.trailing
      ? !c.line && next !== undefined && /^[ \t]*$/.test(between)
      : next !== undefined && !/[)\]]/.test(stripComments(between));
    const prev = leadsNext ? undefined : lastBefore(c);
    if (prev) slot(prev).trailing.push(c);
    else if (next) slot(next).leading.push(c);
    else slot(ast).trailing.push(c);
  }
  return map;
}
