/**
 * Generic traversal over the EQL AST: the children of a node in source order, an iterative
 * walk (safe on very long `and`/`or` chains) and the innermost node at an offset.
 */
import { assertNever, type Node } from './nodes';

/** The direct children of `node`, in source order. */
export function children(node: Node): Node[] {
  switch (node.kind) {
    case 'literal':
    case 'field':
    case 'category':
    case 'maxspan':
    case 'pipe':
      return [];
    case 'call':
      return [...node.args];
    case 'compare':
    case 'arith':
    case 'and':
    case 'or':
      return [node.left, node.right];
    case 'unary':
    case 'not':
      return [node.operand];
    case 'in':
      return [node.value, ...node.list];
    case 'match':
      return [node.value, ...node.patterns];
    case 'paren':
      return [node.expr];
    case 'event':
      return [node.category, node.condition];
    case 'term':
      return [node.query, ...node.by];
    case 'sequence': {
      const out: Node[] = [...node.by];
      if (node.maxspan) out.push(node.maxspan);
      out.push(...node.terms);
      if (node.until) out.push(node.until);
      return out;
    }
    case 'sample':
      return [...node.by, ...node.terms];
    case 'statement':
      return [node.query, ...node.pipes];
    default:
      return assertNever(node);
  }
}

export interface Visitor {
  /** Called before the children. Return false to skip this node's children. */
  enter?(node: Node, parent: Node | undefined): boolean | undefined;
  /** Called after the children. */
  leave?(node: Node, parent: Node | undefined): void;
}

/**
 * Depth-first, source-order walk. `visitor` is a Visitor or a plain `enter` function.
 * Iterative, so deep left-nested chains cannot overflow the stack.
 */
export function walk(
  root: Node,
  visitor: Visitor | ((node: Node, parent: Node | undefined) => boolean | undefined),
): void {
  const v: Visitor = typeof visitor === 'function' ? { enter: visitor } : visitor;
  const stack: { node: Node; parent: Node | undefined; leaving: boolean }[] = [
    { node: root, parent: undefined, leaving: false },
  ];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.leaving) {
      v.leave?.(frame.node, frame.parent);
      continue;
    }
    const descend = v.enter?.(frame.node, frame.parent);
    if (v.leave) stack.push({ node: frame.node, parent: frame.parent, leaving: true });
    if (descend === false) continue;
    const kids = children(frame.node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, parent: frame.node, leaving: false });
  }
}

/**
 * The innermost node whose range contains `offset` (start <= offset < end). When no node
 * contains it strictly, a node ending exactly at `offset` is accepted (a cursor right after
 * a token still points at it). Undefined when the offset is outside the statement.
 */
export function findNodeAt(ast: Node, offset: number): Node | undefined {
  const find = (inclusiveEnd: boolean): Node | undefined => {
    const inside = (n: Node) =>
      n.range.start <= offset && (offset < n.range.end || (inclusiveEnd && offset === n.range.end));
    if (!inside(ast)) return undefined;
    let current: Node = ast;
    for (;;) {
      const next: Node | undefined = children(current).filter(inside).pop();
      if (!next) return current;
      current = next;
    }
  };
  return find(false) ?? find(true);
}

/** The depth of the tree (a lone node has depth 1), computed without recursion. */
export function depth(root: Node): number {
  let max = 0;
  const stack: [Node, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, d] = stack.pop()!;
    if (d > max) max = d;
    for (const c of children(node)) stack.push([c, d + 1]);
  }
  return max;
}
