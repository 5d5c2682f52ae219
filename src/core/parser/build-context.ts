/**
 * The builder the grammar's actions call. One ParseContext lives for one parse: it hands out
 * node ids, collects builder-level diagnostics (the errors Elasticsearch raises after its
 * grammar matched, e.g. bad `\u{}` escapes or inconsistent join keys) and builds AST nodes.
 *
 * The grammar receives it as the `ctx` parse option, so the generated parser needs no imports.
 */
import type {
  CallNode,
  CategoryNode,
  CompareOp,
  ArithOp,
  EventQueryNode,
  Expr,
  FieldNode,
  LiteralNode,
  MatchOp,
  MaxspanNode,
  PipeNode,
  QueryNode,
  Range,
  SequenceNode,
  SequenceTermNode,
  StatementNode,
  SampleNode,
  TimeUnit,
} from '../ast/nodes';
import { Analysis } from '../diagnostics/analysis';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { Syntax } from '../diagnostics/syntax';
import { diagnosticAt, type Message } from '../diagnostics/table';
import { isKeyword, MAX_RUNS, MIN_RUNS, TIME_UNITS } from '../ast/keywords';
import { checkPipe } from './pipes';

/** Thrown by `fail()` to stop the parse at an error no later token can repair. */
export class ParseAbort {
  constructor(readonly diagnostic: Diagnostic) {}
}

/** Peggy's `range()` result; only the offsets are kept. */
interface PeggyRange {
  readonly start: number;
  readonly end: number;
}

/** A `by k1, k2` clause as the grammar hands it over. */
export interface ByClause {
  readonly keys: readonly FieldNode[];
  readonly range: Range;
}

/** A field path segment as written. */
export interface Segment {
  readonly name: string;
  readonly quoted: boolean;
}

/** A `with runs=N` clause (or a mistaken `with foo=N`). */
export interface RunsClause {
  readonly runs: number | undefined;
  readonly range: Range;
}

export interface SequenceHeader {
  readonly by: ByClause | null;
  readonly maxspan: MaxspanNode | undefined | null;
  readonly lateBy: ByClause | null;
}

const INT32_MAX = 2147483647;
const INT64_MAX = 9223372036854775807n;

function r(range: PeggyRange): Range {
  return { start: range.start, end: range.end };
}

export class ParseContext {
  readonly diagnostics: Diagnostic[] = [];
  /** The syntax message table, for the grammar's own diagnostics. */
  readonly syntax = Syntax;
  /** Set when the statement parsed but cannot become an AST the engine understands (join). */
  dropAst = false;
  private nextId = 0;
  private readonly seen = new Set<string>();
  /** Elastic Endpoint `$` variables and `_arraysearch` calls met while parsing. */
  private readonly endpointVariables: { name: string; range: Range }[] = [];
  private readonly arraySearches: Range[] = [];

  constructor(readonly text: string) {}

  /* ───────── diagnostics ───────── */

  report(m: Message, range: Range): void {
    // Peggy may try a token twice while backtracking; report each problem once.
    const key = `${m.code}|${range.start}|${range.end}|${m.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push(diagnosticAt(m, range));
  }

  /** Token-level problems (strings, escapes, names) stay reported even when a syntax error follows. */
  readonly tokenDiagnostics: Diagnostic[] = [];

  tokenError(m: Message, range: Range): void {
    const before = this.diagnostics.length;
    this.report(m, range);
    if (this.diagnostics.length > before) this.tokenDiagnostics.push(this.diagnostics[this.diagnostics.length - 1]!);
  }

  fail(m: Message, range: Range): never {
    throw new ParseAbort(diagnosticAt(m, range));
  }

  isKeyword(word: string): boolean {
    return isKeyword(word);
  }

  sourceText(range: Range): string {
    return this.text.slice(range.start, range.end);
  }

  private id(): number {
    return this.nextId++;
  }

  /* ───────── literals ───────── */

  stringLiteral(value: string, range: PeggyRange): LiteralNode {
    return { kind: 'literal', id: this.id(), range: r(range), type: 'string', value, raw: this.sourceText(range) };
  }

  numberLiteral(raw: string, range: PeggyRange): LiteralNode {
    const base = { kind: 'literal' as const, id: this.id(), range: r(range), raw };
    if (/[.eE]/.test(raw)) return { ...base, type: 'double', value: Number(raw) };
    const big = BigInt(raw);
    if (big <= BigInt(INT32_MAX)) return { ...base, type: 'integer', value: Number(big) };
    if (big <= INT64_MAX) return { ...base, type: 'long', value: Number(big) };
    return { ...base, type: 'double', value: Number(raw) };
  }

  keywordLiteral(word: 'true' | 'false' | 'null', range: PeggyRange): LiteralNode {
    const base = { kind: 'literal' as const, id: this.id(), range: r(range), raw: word };
    if (word === 'null') return { ...base, type: 'null', value: null };
    return { ...base, type: 'boolean', value: word === 'true' };
  }

  /** The value of a `\u{...}` escape, or undefined after reporting why it is invalid. */
  unicodeEscape(hex: string, range: PeggyRange): string | undefined {
    if (hex.length < 2 || hex.length > 8) {
      this.tokenError(Syntax.BadUnicodeEscape.digits(hex), range);
      return undefined;
    }
    const code = parseInt(hex, 16);
    if (code >= 0xd800 && code <= 0xdfff) {
      this.tokenError(Syntax.BadUnicodeEscape.surrogate(hex), range);
      return undefined;
    }
    if (code > 0x10ffff) {
      this.tokenError(Syntax.BadUnicodeEscape.outOfRange(hex), range);
      return undefined;
    }
    return String.fromCodePoint(code);
  }

  /* ───────── expressions ───────── */

  field(segments: readonly Segment[], optional: boolean, range: PeggyRange): FieldNode {
    const path = segments.map((s) => s.name);
    return {
      kind: 'field',
      id: this.id(),
      range: r(range),
      path,
      name: path.join('.'),
      optional,
      quoted: segments.map((s) => s.quoted),
    };
  }

  call(
    name: string,
    caseInsensitive: boolean,
    args: readonly Expr[],
    nameRange: PeggyRange,
    range: PeggyRange,
  ): CallNode {
    if (name.toLowerCase() === '_arraysearch') {
      this.arraySearches.push(r(range));
      this.report(Syntax.EndpointSyntax.arraySearch(), nameRange);
    }
    return { kind: 'call', id: this.id(), range: r(range), name, caseInsensitive, args, nameRange: r(nameRange) };
  }

  compare(op: CompareOp | '=', left: Expr, right: Expr, range: PeggyRange, opRange?: Range): Expr {
    if (op === '=') {
      this.report(Syntax.AssignmentNotEquality.assign(), opRange ?? r(range));
      op = '==';
    }
    return { kind: 'compare', id: this.id(), range: r(range), op, left, right };
  }

  /** Folds `head (op right)*` into a left-deep tree of arithmetic nodes. */
  arithChain(head: Expr, tail: readonly [ArithOp, Expr][]): Expr {
    let left = head;
    for (const [op, right] of tail) {
      left = {
        kind: 'arith',
        id: this.id(),
        range: { start: left.range.start, end: right.range.end },
        op,
        left,
        right,
      };
    }
    return left;
  }

  /** Folds `head (and|or right)*` into a left-deep tree. */
  logicalChain(kind: 'and' | 'or', head: Expr, tail: readonly Expr[]): Expr {
    let left = head;
    for (const right of tail) {
      left = { kind, id: this.id(), range: { start: left.range.start, end: right.range.end }, left, right };
    }
    return left;
  }

  /** Wraps `operand` in prefix operators, innermost last: `- + x` gives unary(-, unary(+, x)). */
  prefixChain(prefixes: readonly { op: '-' | '+' | 'not'; start: number }[], operand: Expr): Expr {
    let expr = operand;
    for (let i = prefixes.length - 1; i >= 0; i--) {
      const p = prefixes[i]!;
      const range = { start: p.start, end: operand.range.end };
      expr =
        p.op === 'not'
          ? { kind: 'not', id: this.id(), range, operand: expr }
          : { kind: 'unary', id: this.id(), range, op: p.op, operand: expr };
    }
    return expr;
  }

  paren(expr: Expr, range: PeggyRange): Expr {
    return { kind: 'paren', id: this.id(), range: r(range), expr };
  }

  inPredicate(value: Expr, negated: boolean, caseInsensitive: boolean, list: readonly Expr[], range: PeggyRange): Expr {
    return { kind: 'in', id: this.id(), range: r(range), negated, caseInsensitive, value, list };
  }

  matchPredicate(value: Expr, op: MatchOp, patterns: readonly LiteralNode[], list: boolean, range: PeggyRange): Expr {
    return { kind: 'match', id: this.id(), range: r(range), op, value, patterns, list };
  }

  /** `descendant of [...]` and friends: parsed, then rejected as Elasticsearch does. */
  processRelationship(range: PeggyRange): Expr {
    this.report(Syntax.ProcessRelationship.relationship(), range);
    return {
      kind: 'literal',
      id: this.id(),
      range: r(range),
      type: 'boolean',
      value: true,
      raw: this.sourceText(range),
    };
  }

  /** `$entry...`: reported at the end unless it sits inside an `_arraysearch` call (one error there). */
  endpointVariable(name: string, range: PeggyRange): Expr {
    this.endpointVariables.push({ name, range: r(range) });
    return { kind: 'literal', id: this.id(), range: r(range), type: 'null', value: null, raw: 'null' };
  }

  /** `[...] as event0`. */
  stageAlias(name: string, range: PeggyRange): void {
    this.report(Syntax.EndpointSyntax.alias(name), range);
  }

  /** Report the `$` variables that no `_arraysearch` call covers, once per name. */
  private reportEndpointVariables(): void {
    const seen = new Set<string>();
    for (const v of this.endpointVariables) {
      if (this.arraySearches.some((a) => a.start <= v.range.start && v.range.end <= a.end)) continue;
      if (seen.has(v.name)) continue;
      seen.add(v.name);
      this.report(Syntax.EndpointSyntax.variable(v.name), { start: v.range.start, end: v.range.end });
    }
  }

  arrayIndex(range: PeggyRange): void {
    this.report(Syntax.ArrayIndex.index(), range);
  }

  /* ───────── queries ───────── */

  category(any: boolean, name: string, range: PeggyRange): CategoryNode {
    return { kind: 'category', id: this.id(), range: r(range), any, name, raw: this.sourceText(range) };
  }

  eventQuery(category: CategoryNode, condition: Expr, range: PeggyRange): EventQueryNode {
    return { kind: 'event', id: this.id(), range: r(range), category, condition };
  }

  byClause(keys: readonly Expr[], range: PeggyRange): ByClause {
    const fields: FieldNode[] = [];
    for (const key of keys) {
      let k = key;
      // `by (a)` is the field `a` to Elasticsearch: parentheses vanish while building.
      while (k.kind === 'paren') k = k.expr;
      if (k.kind === 'field') fields.push(k);
      else this.report(Syntax.UnsupportedJoinKey.key(this.sourceText(key.range)), key.range);
    }
    // Keep the count as written so key-count checks compare what the user typed.
    while (fields.length < keys.length) fields.push(this.placeholderKey(range));
    return { keys: fields, range: r(range) };
  }

  private placeholderKey(range: PeggyRange): FieldNode {
    return { kind: 'field', id: this.id(), range: r(range), path: [''], name: '', optional: false, quoted: [true] };
  }

  maxspan(
    number: { raw: string; range: PeggyRange },
    unit: { name: string; range: PeggyRange } | null,
    range: PeggyRange,
  ): MaxspanNode | undefined {
    const written = number.raw + (unit ? unit.name : '');
    if (/[.eE]/.test(number.raw)) {
      this.report(Syntax.Maxspan.decimal(number.raw), number.range);
      return undefined;
    }
    const value = Number(number.raw);
    if (value <= 0) {
      this.report(Syntax.Maxspan.notPositive(value), number.range);
      return undefined;
    }
    if (!unit) {
      this.report(Syntax.Maxspan.noUnit(number.raw), number.range);
      return undefined;
    }
    if (!Object.hasOwn(TIME_UNITS, unit.name)) {
      this.report(Syntax.Maxspan.unknownUnit(unit.name, written), unit.range);
      return undefined;
    }
    const u = unit.name as TimeUnit;
    return {
      kind: 'maxspan',
      id: this.id(),
      range: r(range),
      value,
      unit: u,
      millis: value * TIME_UNITS[u],
      raw: this.sourceText(range),
    };
  }

  runs(
    key: { name: string; range: PeggyRange },
    number: { raw: string; range: PeggyRange },
    range: PeggyRange,
  ): RunsClause {
    if (key.name !== 'runs') {
      this.report(Syntax.Runs.unknownParameter(key.name), key.range);
      return { runs: undefined, range: r(range) };
    }
    const value = Number(number.raw);
    if (/[.eE]/.test(number.raw) || value < MIN_RUNS || value > MAX_RUNS) {
      this.report(Syntax.Runs.outOfRange(number.raw, MIN_RUNS, MAX_RUNS), number.range);
      return { runs: undefined, range: r(range) };
    }
    return { runs: value, range: r(range) };
  }

  term(
    missing: boolean,
    query: EventQueryNode,
    by: ByClause | null,
    runs: RunsClause | null,
    lateBy: ByClause | null,
    range: PeggyRange,
  ): SequenceTermNode & { byRange: Range | undefined } {
    if (lateBy) {
      this.report(Syntax.ByAfterWith.term(), lateBy.range);
    }
    const node: SequenceTermNode = {
      kind: 'term',
      id: this.id(),
      range: r(range),
      missing,
      query,
      by: by ? by.keys : lateBy ? lateBy.keys : [],
      runs: runs ? runs.runs : undefined,
    };
    // The by-clause range travels along (non-enumerable) for the key-count check.
    Object.defineProperty(node, 'byRange', { value: by ? by.range : lateBy?.range, enumerable: false });
    return node as SequenceTermNode & { byRange: Range | undefined };
  }

  /** Elasticsearch's rule: every term has the same number of own `by` keys as the first one. */
  private checkKeyCounts(terms: readonly (SequenceTermNode & { byRange?: Range | undefined })[]): void {
    const first = terms[0];
    if (!first) return;
    const expected = first.by.length;
    const firstKeys = first.byRange ?? first.range;
    for (const t of terms.slice(1)) {
      if (t.by.length !== expected) {
        this.report(Syntax.JoinKeyCount.count(expected, t.by.length, firstKeys), t.byRange ?? t.range);
      }
    }
  }

  sequence(
    header: SequenceHeader,
    terms: readonly (SequenceTermNode & { byRange?: Range | undefined })[],
    until: (SequenceTermNode & { byRange?: Range | undefined }) | null,
    range: PeggyRange,
  ): SequenceNode {
    if (header.lateBy) {
      this.report(Syntax.ByAfterWith.sequence(), header.lateBy.range);
    }
    // `with runs=N` repeats a term, so it counts N times.
    const stages = terms.reduce((n, t) => n + (t.runs ?? 1), 0);
    if (stages < 2) {
      this.report(Syntax.SyntaxError.sequenceTooShort(stages), terms[0]?.range ?? range);
    }
    this.checkKeyCounts(until ? [...terms, until] : terms);
    const by = header.by ?? header.lateBy;
    return {
      kind: 'sequence',
      id: this.id(),
      range: r(range),
      by: by ? by.keys : [],
      maxspan: header.maxspan ?? undefined,
      terms,
      until: until ?? undefined,
    };
  }

  sample(
    by: ByClause | null,
    terms: readonly (SequenceTermNode & { byRange?: Range | undefined })[],
    range: PeggyRange,
  ): SampleNode {
    this.checkKeyCounts(terms);
    return { kind: 'sample', id: this.id(), range: r(range), by: by ? by.keys : [], terms };
  }

  /** `join ...` parses in Elasticsearch and is then rejected; the playground keeps no AST for it. */
  join(
    by: ByClause | null,
    terms: readonly (SequenceTermNode & { byRange?: Range | undefined })[],
    until: SequenceTermNode | null,
    range: PeggyRange,
  ): SequenceNode {
    this.checkKeyCounts(until ? [...terms, until] : terms);
    this.report(Analysis.Join.join(), range);
    this.dropAst = true;
    return {
      kind: 'sequence',
      id: this.id(),
      range: r(range),
      by: by ? by.keys : [],
      maxspan: undefined,
      terms,
      until: until ?? undefined,
    };
  }

  /* ───────── pipes and statement ───────── */

  pipe(name: { name: string; range: PeggyRange }, args: readonly Expr[], range: PeggyRange): PipeNode | undefined {
    const checked = checkPipe(name.name, r(name.range), args, r(range), this.text, (m, at) => this.report(m, at));
    return checked ? { kind: 'pipe', id: this.id(), range: r(range), ...checked } : undefined;
  }

  statement(query: QueryNode, pipes: readonly (PipeNode | undefined)[], range: PeggyRange): StatementNode {
    this.reportEndpointVariables();
    const kept = pipes.filter((p): p is PipeNode => p !== undefined);
    if (query.kind === 'sample' && kept.length > 0) {
      this.report(Syntax.SampleNotSupported.pipes(), {
        start: kept[0]!.range.start,
        end: kept[kept.length - 1]!.range.end,
      });
    }
    return { kind: 'statement', id: this.id(), range: r(range), query, pipes: kept };
  }
}
