/**
 * Verdicts: for each event, alert / suppressed / no-match / error, with reasons that point at the
 * exact text that decided (see plan.ts for how the condition is split).
 */
import type { Expr, Node, Range } from '../ast/nodes';
import type { ClauseStat, Reason, Span, Verdict } from '../api-types';
import type { CondFn, Doc } from '../compile/context';
import type { EventDoc } from '../runtime/event';
import { EqlRuntimeError } from '../runtime/values';
import type { Batches, Conjunct, NarrowResult, Part } from './plan';
import { unwrapParens } from './plan';

export interface VerdictPlan {
  readonly text: string;
  /** Fields no schema, mapping or event knows: the verdicts are computed with them absent. */
  readonly absent?: ReadonlySet<string>;
  /** The category test (undefined for `any`). */
  readonly category:
    | { readonly node: Node; readonly field: string; readonly test: CondFn; readonly read: (doc: Doc) => unknown }
    | undefined;
  readonly conjuncts: readonly Conjunct[];
  /** The same conjuncts, split and batched for the explanation path (plan.ts planBatches). */
  readonly batch: Batches;
  /**
   * Reasons shared between events that got the same one (same clause, element and value):
   * real event sets repeat values a lot, and verdicts for 100k events should not mean 100k
   * copies of one reason. Consumers treat reasons as read-only.
   */
  readonly interned?: ReasonTable;
}

const spanCache = new WeakMap<Range, Span>();

/** The span of a range of the rule text; one object per node, shared by every reason that cites it. */
function span(text: string, range: Range): Span {
  let s = spanCache.get(range);
  if (!s || s.text.length !== range.end - range.start) {
    s = { text: text.slice(range.start, range.end), range };
    spanCache.set(range, s);
  }
  return s;
}

function describe(v: unknown): string {
  return JSON.stringify(v);
}

type NoteFn = (narrowed: NarrowResult, fired: boolean) => string | undefined;

const noteMakers = new WeakMap<Expr, NoteFn>();

/** The plain-words note for a part, built once per part (the list lookups are precomputed). */
function noteFor(part: Expr): NoteFn {
  let fn = noteMakers.get(part);
  if (fn) return fn;
  const u = unwrapParens(part);
  const isNullTest = u.kind === 'compare' && u.op === '==' && u.right.kind === 'literal' && u.right.type === 'null';
  const isPresenceTest = u.kind === 'compare' && u.op === '!=' && u.right.kind === 'literal' && u.right.type === 'null';
  const ci =
    (u.kind === 'match' && (u.op === ':' || u.op === 'like~' || u.op === 'regex~')) ||
    (u.kind === 'in' && u.caseInsensitive);
  const ciName = u.kind === 'match' ? `\`${u.op}\`` : '`in~`';
  const right = u.kind === 'compare' && u.op === '==' && u.right.kind === 'literal' ? u.right.value : undefined;
  const wanted =
    u.kind === 'in' && !u.caseInsensitive
      ? new Set(
          u.list.flatMap((e) => (e.kind === 'literal' && typeof e.value === 'string' ? [e.value.toLowerCase()] : [])),
        )
      : undefined;
  fn = (narrowed, fired) => {
    const value = narrowed.value;
    if (!fired && (value === undefined || value === null)) {
      if (!narrowed.field) return undefined;
      return isPresenceTest
        ? `${narrowed.field} is missing from this event, and \`!= null\` requires a value`
        : `${narrowed.field} is missing from this event, so this comparison is false`;
    }
    if (!fired && typeof value === 'string' && typeof right !== 'string' && !wanted) return undefined;
    const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
    if (fired) {
      if (isNullTest)
        return `${narrowed.field ?? 'the field'} is missing from this event, and \`== null\` tests for absence`;
      if (values.length > 1)
        return `${narrowed.field ?? 'the field'} has ${values.length} values; EQL matches when any one of them does`;
      if (
        ci &&
        narrowed.matchNode &&
        narrowed.matchNode.kind === 'literal' &&
        typeof narrowed.matchNode.value === 'string'
      ) {
        const pattern = narrowed.matchNode.value;
        const v = values.find((x) => typeof x === 'string');
        if (typeof v === 'string' && !/[*?]/.test(pattern) && v !== pattern)
          return `${ciName} ignores case: ${describe(v)} matches ${describe(pattern)}`;
      }
      return undefined;
    }
    // Not fired / failed: explain missing fields and case-sensitive near misses.
    if (values.length === 0 && narrowed.field)
      return `${narrowed.field} is missing from this event, so this comparison is false`;
    if (typeof right === 'string') {
      const want = right.toLowerCase();
      const hit = values.find((x) => typeof x === 'string' && x !== right && x.toLowerCase() === want);
      if (hit !== undefined)
        return `\`==\` is case-sensitive: the event has ${describe(hit)}; use \`:\` to ignore case`;
    }
    if (wanted) {
      const hit = values.find((x) => typeof x === 'string' && wanted.has(x.toLowerCase()));
      if (hit !== undefined)
        return `\`in\` is case-sensitive: the event has ${describe(hit)}; use \`in~\` to ignore case`;
    }
    return undefined;
  };
  noteMakers.set(part, fn);
  return fn;
}

/** The note on reasons that read a field nobody knows. */
export function absentNote(field: string): string {
  return `computed with ${field} absent: no ECS or Elastic Defend field, mapping or loaded event has it, and Elasticsearch rejects the query with Unknown column [${field}] unless the index maps it`;
}

function partReason(plan: VerdictPlan, conjunct: Conjunct, part: Part, doc: Doc, fired: boolean): Reason {
  const narrowed: NarrowResult = {
    matchNode: fired ? part.find(doc) : undefined,
    field: part.field,
    value: part.field ? part.read(doc) : undefined,
  };
  const note =
    narrowed.field !== undefined && plan.absent?.has(narrowed.field)
      ? absentNote(narrowed.field)
      : noteFor(part.node)(narrowed, fired);
  const match = narrowed.matchNode && narrowed.matchNode !== part.node && fired ? narrowed.matchNode : undefined;
  const r: { -readonly [K in keyof Reason]: Reason[K] } = {
    kind: conjunct.kind,
    clause: span(plan.text, part.node.range),
    clauseId: part.node.id,
  };
  if (match) {
    r.match = span(plan.text, match.range);
    r.matchId = match.id;
  }
  if (narrowed.field !== undefined) r.field = narrowed.field;
  if (narrowed.value !== undefined) r.value = narrowed.value;
  if (note) r.note = note;
  return r;
}

/** Counters indexed by AST node id (ids are small and dense). */
class Counter {
  private counts: number[] = [];
  bump(id: number): void {
    this.counts[id] = (this.counts[id] ?? 0) + 1;
  }
  get(id: number): number {
    return this.counts[id] ?? 0;
  }
}

export interface StatsAccumulator {
  readonly failed: Counter;
  readonly suppressed: Counter;
  readonly elements: Counter;
  /** Per list element or pattern: the events it alone keeps out (no other part, no other element). */
  readonly sole: Counter;
}

export function newStats(): StatsAccumulator {
  return { failed: new Counter(), suppressed: new Counter(), elements: new Counter(), sole: new Counter() };
}

const NO_REASONS: readonly Reason[] = Object.freeze([]);

/** The verdict of one event. Never throws: runtime errors become `error` verdicts. */
/** Shared reasons, keyed by (clause or part, matched element, the event's scalar value): no key strings. */
export class ReasonTable {
  private readonly byOwner = new Map<object, Map<number, Map<unknown, readonly Reason[]>>>();
  private size = 0;

  /** Only scalar values (and missing) are shared. */
  static shareable(value: unknown): boolean {
    const t = typeof value;
    return t === 'string' || t === 'number' || t === 'boolean' || t === 'undefined';
  }

  get(owner: object, sub: number, value: unknown): readonly Reason[] | undefined {
    return this.byOwner.get(owner)?.get(sub)?.get(value);
  }

  set(owner: object, sub: number, value: unknown, reasons: Reason[]): readonly Reason[] {
    const frozen = Object.freeze(reasons);
    if (this.size >= 100_000 || !ReasonTable.shareable(value)) return frozen;
    let bySub = this.byOwner.get(owner);
    if (!bySub) {
      bySub = new Map();
      this.byOwner.set(owner, bySub);
    }
    let byValue = bySub.get(sub);
    if (!byValue) {
      byValue = new Map();
      bySub.set(sub, byValue);
    }
    byValue.set(value, frozen);
    this.size++;
    return frozen;
  }
}

type CategoryTest = NonNullable<VerdictPlan['category']>;

function categoryReasons(plan: VerdictPlan, category: CategoryTest, value: unknown): readonly Reason[] {
  const name = plan.text.slice(category.node.range.start, category.node.range.end);
  const reason: Reason = {
    kind: 'category',
    clause: span(plan.text, category.node.range),
    field: category.field,
    ...(value !== undefined ? { value } : {}),
    note:
      value === undefined
        ? `${category.field} is missing, so the event matches no named category`
        : `\`${name} where\` needs ${category.field} to contain ${describe(name.replace(/^"+|"+$/g, ''))} exactly (case-sensitive)`,
    clauseId: category.node.id,
  };
  return plan.interned ? plan.interned.set(category, 0, value, [reason]) : [reason];
}

function shared(
  plan: VerdictPlan,
  conjunct: Conjunct,
  part: Part,
  doc: Doc,
  fired: boolean,
  sub: number,
): readonly Reason[] {
  const value = part.field ? part.read(doc) : undefined;
  const hit = plan.interned?.get(part, sub, value);
  if (hit) return hit;
  const reasons = [partReason(plan, conjunct, part, doc, fired)];
  return plan.interned ? plan.interned.set(part, sub, value, reasons) : reasons;
}

/** An exclusion that is null (a literal null took part): name the part that is null, or the whole clause. */
function nullReason(plan: VerdictPlan, c: Conjunct, doc: Doc): Reason {
  const part = c.parts.find((p) => p.test(doc) === null);
  const node = part?.node ?? c.node;
  const value = part?.field ? part.read(doc) : undefined;
  return {
    kind: 'exclusion',
    clause: span(plan.text, node.range),
    ...(part?.field ? { field: part.field } : {}),
    ...(value !== undefined ? { value } : {}),
    note: 'this evaluates to null (it involves a literal null or an unmapped optional field), and `not null` is null, which never matches',
    clauseId: node.id,
  };
}

/** A top-level negation of a single comparison: `f != x`, `f not in (...)`, `not f : "p"`... */
function isLeafNegation(e: Expr): boolean {
  const u = unwrapParens(e);
  if (u.kind === 'compare' && u.op === '!=') return true;
  if (u.kind === 'in' && u.negated) return true;
  if (u.kind === 'not') {
    const o = unwrapParens(u.operand);
    return o.kind === 'compare' || o.kind === 'in' || o.kind === 'match' || o.kind === 'call';
  }
  return false;
}

/**
 * For an alert: the negated conditions that held only because their field is missing, the case
 * that surprises people (`process.name != "bash"` matches an event without `process.name`).
 */
function missingUnderNegation(plan: VerdictPlan, doc: Doc): readonly Reason[] {
  let out: Reason[] | undefined;
  for (const c of plan.conjuncts) {
    if (c.kind !== 'exclusion' || c.parts.length !== 1 || !isLeafNegation(c.node)) continue;
    const part = c.parts[0]!;
    if (!part.field) continue;
    const v = part.read(doc);
    if (v !== undefined && v !== null) continue;
    out ??= [];
    out.push({
      kind: 'base',
      clause: span(plan.text, c.node.range),
      field: part.field,
      note: plan.absent?.has(part.field)
        ? absentNote(part.field)
        : `${part.field} is missing from this event; Elasticsearch treats a negated comparison as the complement, so an event without the field passes this condition`,
      clauseId: c.node.id,
    });
  }
  return out ?? NO_REASONS;
}

export function verdictOf(plan: VerdictPlan, event: EventDoc, stats: StatsAccumulator | undefined): Verdict {
  const doc = event.doc as Doc;
  try {
    const category = plan.category;
    if (category && category.test(doc) !== true) {
      const value = category.read(doc);
      const reasons = plan.interned?.get(category, 0, value) ?? categoryReasons(plan, category, value);
      return { id: event.id, position: event.position, verdict: 'no-match', reasons };
    }
    const b = plan.batch;
    let failing: Conjunct | undefined;
    if (b.firstFailingBase) {
      const i = b.firstFailingBase(doc);
      if (i >= 0) failing = b.bases[i];
    } else {
      for (const c of b.bases) {
        if (c.holds(doc) !== true) {
          failing = c;
          break;
        }
      }
    }
    if (failing) {
      if (stats) stats.failed.bump(failing.node.id);
      const reasons = shared(plan, failing, failing.parts[0]!, doc, false, -1);
      return { id: event.id, position: event.position, verdict: 'no-match', reasons };
    }
    let reasons: Reason[] | undefined;
    let single: readonly Reason[] | undefined;
    let singlePart: Part | undefined;
    let singleMatch: Node | undefined;
    const holdMask = b.exclusionsHold ? b.exclusionsHold(doc) : undefined;
    for (let i = 0; i < b.exclusions.length; i++) {
      const c = b.exclusions[i]!;
      const holds = holdMask !== undefined ? ((holdMask >> i) & 1) === 1 : c.holds(doc) === true;
      if (holds) continue;
      const before = reasons?.length ?? (single ? 1 : 0);
      const partsFiring = b.partsFiring[i];
      const partMask = partsFiring ? partsFiring(doc) : undefined;
      for (let j = 0; j < c.parts.length; j++) {
        const part = c.parts[j]!;
        const fired = partMask !== undefined ? ((partMask >> j) & 1) === 1 : part.test(doc) === true;
        if (!fired) continue;
        let r: Reason;
        if (!reasons && !single) {
          // The common case: one firing part; share the reason between events alike.
          singlePart = part;
          singleMatch = part.find(doc);
          single = shared(plan, c, part, doc, true, singleMatch?.id ?? -2);
          r = single[0]!;
        } else {
          reasons ??= [...(single ?? [])];
          r = partReason(plan, c, part, doc, true);
          reasons.push(r);
        }
        if (stats) {
          stats.suppressed.bump(part.node.id);
          if (r.matchId !== undefined) stats.elements.bump(r.matchId);
        }
      }
      if ((reasons?.length ?? (single ? 1 : 0)) === before) {
        // The exclusion is null (a literal null folded in); it still keeps the event out.
        reasons ??= [...(single ?? [])];
        reasons.push(nullReason(plan, c, doc));
      }
    }
    if (stats && !reasons && singleMatch && !singlePart!.others(doc, singleMatch)) stats.sole.bump(singleMatch.id);
    const all = reasons ?? single;
    if (all) return { id: event.id, position: event.position, verdict: 'suppressed', reasons: all };
    return { id: event.id, position: event.position, verdict: 'alert', reasons: missingUnderNegation(plan, doc) };
  } catch (e) {
    if (!(e instanceof EqlRuntimeError)) throw e;
    const node = throwingConjunct(plan, doc)?.node;
    return {
      id: event.id,
      position: event.position,
      verdict: 'error',
      reasons: [
        {
          kind: 'error',
          clause: node ? span(plan.text, node.range) : { text: '', range: { start: 0, end: 0 } },
          message: e.message,
          clauseId: node?.id ?? -1,
        },
      ],
    };
  }
}

/** The conjunct whose evaluation raised a runtime error (tested one by one, in order). */
function throwingConjunct(plan: VerdictPlan, doc: Doc): Conjunct | undefined {
  for (const c of plan.conjuncts) {
    try {
      c.holds(doc);
    } catch {
      return c;
    }
  }
  return undefined;
}

export function clauseStats(plan: VerdictPlan, stats: StatsAccumulator): ClauseStat[] {
  const out: ClauseStat[] = [];
  for (const c of plan.conjuncts) {
    if (c.kind === 'base') {
      out.push({
        clauseId: c.node.id,
        kind: 'base',
        clause: span(plan.text, c.node.range),
        suppressed: 0,
        failed: stats.failed.get(c.node.id),
        parts: [],
      });
      continue;
    }
    for (const p of c.parts) {
      out.push({
        clauseId: p.node.id,
        kind: 'exclusion',
        clause: span(plan.text, p.node.range),
        suppressed: stats.suppressed.get(p.node.id),
        failed: 0,
        parts: p.elements.map((e) => ({
          id: e.id,
          span: span(plan.text, e.range),
          count: stats.elements.get(e.id),
          only: stats.sole.get(e.id),
        })),
      });
    }
  }
  return out;
}
