/**
 * EQL abstract syntax tree. Every node carries its source `range` (UTF-16 offsets into the
 * rule text, end exclusive) and a numeric `id` unique within one parse, so compiled closures,
 * traces and verdict reasons can point back at the exact text that decided them.
 */

export interface Range {
  readonly start: number;
  readonly end: number;
}

interface NodeBase {
  readonly id: number;
  readonly range: Range;
}

/* ───────────── expressions ───────────── */

export type LiteralType = 'string' | 'integer' | 'long' | 'double' | 'boolean' | 'null';

export interface LiteralNode extends NodeBase {
  readonly kind: 'literal';
  readonly type: LiteralType;
  /** string for strings, number for integer/long/double, boolean, or null. */
  readonly value: string | number | boolean | null;
  /** The literal exactly as written (quotes and escapes included). */
  readonly raw: string;
}

export interface FieldNode extends NodeBase {
  readonly kind: 'field';
  /** Path segments after unquoting backquotes, e.g. ["process", "Ext", "ancestry"]. */
  readonly path: readonly string[];
  /** The segments joined with "." (the Elasticsearch field name). */
  readonly name: string;
  /** Written with a leading `?`. */
  readonly optional: boolean;
  /** Per segment: whether it was written in backquotes (kept so printing round-trips). */
  readonly quoted: readonly boolean[];
}

export interface CallNode extends NodeBase {
  readonly kind: 'call';
  /** The name as written, without a trailing `~`. Lookup is case-insensitive. */
  readonly name: string;
  /** Written as `name~(...)`. */
  readonly caseInsensitive: boolean;
  readonly args: readonly Expr[];
  readonly nameRange: Range;
}

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export interface CompareNode extends NodeBase {
  readonly kind: 'compare';
  readonly op: CompareOp;
  readonly left: Expr;
  readonly right: Expr;
}

export type ArithOp = '+' | '-' | '*' | '/' | '%';

export interface ArithNode extends NodeBase {
  readonly kind: 'arith';
  readonly op: ArithOp;
  readonly left: Expr;
  readonly right: Expr;
}

export interface UnaryNode extends NodeBase {
  readonly kind: 'unary';
  readonly op: '-' | '+';
  readonly operand: Expr;
}

export interface NotNode extends NodeBase {
  readonly kind: 'not';
  readonly operand: Expr;
}

export interface LogicalNode extends NodeBase {
  readonly kind: 'and' | 'or';
  readonly left: Expr;
  readonly right: Expr;
}

/** `value in (list)`, `value in~ (list)`, `value not in (list)`, `value not in~ (list)`. */
export interface InNode extends NodeBase {
  readonly kind: 'in';
  readonly negated: boolean;
  readonly caseInsensitive: boolean;
  readonly value: Expr;
  readonly list: readonly Expr[];
}

export type MatchOp = ':' | 'like' | 'like~' | 'regex' | 'regex~';

/** `value : pattern`, `value like (p1, p2)`, ... The right side is constants only. */
export interface MatchNode extends NodeBase {
  readonly kind: 'match';
  readonly op: MatchOp;
  readonly value: Expr;
  readonly patterns: readonly LiteralNode[];
  /** Written as a parenthesised list (even of one element). */
  readonly list: boolean;
}

/** A parenthesised expression, kept so the printer round-trips and reasons can name groups. */
export interface ParenNode extends NodeBase {
  readonly kind: 'paren';
  readonly expr: Expr;
}

export type Expr =
  | LiteralNode
  | FieldNode
  | CallNode
  | CompareNode
  | ArithNode
  | UnaryNode
  | NotNode
  | LogicalNode
  | InNode
  | MatchNode
  | ParenNode;

/* ───────────── queries ───────────── */

export interface CategoryNode extends NodeBase {
  readonly kind: 'category';
  /** `any` matches every event; otherwise the category value (unescaped). */
  readonly any: boolean;
  readonly name: string;
  /** As written: `process`, `"my-cat"`, `"""x"""`, `any`. */
  readonly raw: string;
}

export interface EventQueryNode extends NodeBase {
  readonly kind: 'event';
  readonly category: CategoryNode;
  readonly condition: Expr;
}

export type TimeUnit = 'ms' | 's' | 'm' | 'h' | 'd';

export interface MaxspanNode extends NodeBase {
  readonly kind: 'maxspan';
  readonly value: number;
  readonly unit: TimeUnit;
  /** The span in milliseconds. */
  readonly millis: number;
  readonly raw: string;
}

export interface SequenceTermNode extends NodeBase {
  readonly kind: 'term';
  /** Written as `![ ... ]`. */
  readonly missing: boolean;
  readonly query: EventQueryNode;
  readonly by: readonly FieldNode[];
  /** `with runs=N`, or undefined. */
  readonly runs: number | undefined;
}

export interface SequenceNode extends NodeBase {
  readonly kind: 'sequence';
  readonly by: readonly FieldNode[];
  readonly maxspan: MaxspanNode | undefined;
  readonly terms: readonly SequenceTermNode[];
  readonly until: SequenceTermNode | undefined;
}

export interface SampleNode extends NodeBase {
  readonly kind: 'sample';
  readonly by: readonly FieldNode[];
  readonly terms: readonly SequenceTermNode[];
}

export type QueryNode = EventQueryNode | SequenceNode | SampleNode;

export interface PipeNode extends NodeBase {
  readonly kind: 'pipe';
  readonly name: 'head' | 'tail';
  readonly count: number;
}

export interface StatementNode extends NodeBase {
  readonly kind: 'statement';
  readonly query: QueryNode;
  readonly pipes: readonly PipeNode[];
}

export type Node =
  | Expr
  | CategoryNode
  | EventQueryNode
  | MaxspanNode
  | SequenceTermNode
  | SequenceNode
  | SampleNode
  | PipeNode
  | StatementNode;

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
