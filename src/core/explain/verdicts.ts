/**
 * Verdicts: for each event, alert / suppressed / no-match / error, with reasons that point at the
 * exact text that decided (see plan.ts for how the condition is split).
 */
import type { Expr, Node, Range } from '../ast/nodes';
import type { ClauseStat, Reason, Span, Verdict } from '../api-types';
import type { CondFn, Doc } from '../compile/context';
import type { EventDoc } from '../runtime/event';
import { EqlRuntimeError } from '../runtime/values';
import type { Conjunct, NarrowResult, Part } from './plan';
import { unwrapParens } from './plan';

export interface VerdictPlan {
  readonly text: string;
  /** The category test (undefined for `any`). */
  readonly category: { readonly node: Node; readonly field: string; readonly test: CondFn; readonly read: (doc: Doc) => unknown } | undefined;
  readonly conjuncts: readonly Conjunct[];
}

function span(text: string, range: Range): Span {
  return { text: text.slice(range.start, range.end), range };
}

function describe(v: unknown): string {
  return JSON.stringify(v);
}

function caseNote(part: Expr, narrowed: NarrowResult, fired: boolean): string | undefined {
  const u = unwrapParens(part);
  const value = narrowed.value;
  const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  if (fired) {
    if (u.kind === 'compare' && u.op === '==' && u.right.kind === 'literal' && u.right.type === 'null') {
      return `${narrowed.field ?? 'the field'} is missing from this event, and \`== null\` tests for absence`;
    }
    if (values.length > 1) {
      return `${narrowed.field ?? 'the field'} has ${values.length} values; EQL matches when any one of them does`;
    }
    const ci = (u.kind === 'match' && (u.op === ':' || u.op === 'like~' || u.op === 'regex~')) || (u.kind === 'in' && u.caseInsensitive);
    if (ci && narrowed.matchNode && narrowed.matchNode.kind === 'literal' && typeof narrowed.matchNode.value === 'string') {
      const pattern = narrowed.matchNode.value;
      const v = values.find((x) => typeof x === 'string');
      if (typeof v === 'string' && !/[*?]/.test(pattern) && v !== pattern) {
        return `${u.kind === 'match' ? `\`${u.op}\`` : '`in~`'} ignores case: ${describe(v)} matches ${describe(pattern)}`;
      }
    }
    return undefined;
  }
  // Not fired / failed: explain missing fields and case-sensitive near misses.
  if (values.length === 0 && narrowed.field) {
    return `${narrowed.field} is missing from this event, so this comparison is false`;
  }
  const right = u.kind === 'compare' && u.op === '==' && u.right.kind === 'literal' ? u.right.value : undefined;
  if (typeof right === 'string') {
    const want = right.toLowerCase();
    const hit = values.find((x) => typeof x === 'string' && x.toLowerCase() === want && x !== right);
    if (hit !== undefined) return `\`==\` is case-sensitive: the event has ${describe(hit)}; use \`:\` to ignore case`;
  }
  if (u.kind === 'in' && !u.caseInsensitive) {
    const wanted = new Set(u.list.filter((e) => e.kind === 'literal' && typeof e.value === 'string').map((e) => String((e as { value: unknown }).value).toLowerCase()));
    const hit = values.find((x) => typeof x === 'string' && wanted.has(x.toLowerCase()));
    if (hit !== undefined) return `\`in\` is case-sensitive: the event has ${describe(hit)}; use \`in~\` to ignore case`;
  }
  if (u.kind === 'match' && u.op === 'like') return undefined;
  return undefined;
}

function partReason(plan: VerdictPlan, conjunct: Conjunct, part: Part, doc: Doc, fired: boolean): Reason {
  const narrowed = part.narrow(doc);
  const note = caseNote(part.node, narrowed, fired);
  const match = narrowed.matchNode && narrowed.matchNode !== part.node && fired ? narrowed.matchNode : undefined;
  return {
    kind: conjunct.kind,
    clause: span(plan.text, part.node.range),
    ...(match ? { match: span(plan.text, match.range), matchId: match.id } : {}),
    ...(narrowed.field !== undefined ? { field: narrowed.field } : {}),
    ...(narrowed.value !== undefined ? { value: narrowed.value } : {}),
    ...(note ? { note } : {}),
    clauseId: part.node.id,
  };
}

export interface StatsAccumulator {
  readonly failed: Map<number, number>;
  readonly suppressed: Map<number, number>;
  readonly elements: Map<number, number>;
}

export function newStats(): StatsAccumulator {
  return { failed: new Map(), suppressed: new Map(), elements: new Map() };
}

const bump = (m: Map<number, number>, id: number) => m.set(id, (m.get(id) ?? 0) + 1);

/** The verdict of one event. Never throws: runtime errors become `error` verdicts. */
export function verdictOf(plan: VerdictPlan, event: EventDoc, stats: StatsAccumulator | undefined): Verdict {
  const doc = event.doc as Doc;
  let current: Conjunct | undefined;
  try {
    if (plan.category && plan.category.test(doc) !== true) {
      const value = plan.category.read(doc);
      const name = plan.text.slice(plan.category.node.range.start, plan.category.node.range.end);
      const reason: Reason = {
        kind: 'category',
        clause: span(plan.text, plan.category.node.range),
        field: plan.category.field,
        ...(value !== undefined ? { value } : {}),
        note:
          value === undefined
            ? `${plan.category.field} is missing, so the event matches no named category`
            : `\`${name} where\` needs ${plan.category.field} to contain ${describe(name.replace(/^"+|"+$/g, ''))} exactly (case-sensitive)`,
        clauseId: plan.category.node.id,
      };
      return { id: event.id, position: event.position, verdict: 'no-match', reasons: [reason] };
    }
    for (const c of plan.conjuncts) {
      if (c.kind !== 'base') continue;
      current = c;
      if (c.holds(doc) !== true) {
        if (stats) bump(stats.failed, c.node.id);
        const part = c.parts[0]!;
        return { id: event.id, position: event.position, verdict: 'no-match', reasons: [partReason(plan, c, part, doc, false)] };
      }
    }
    const reasons: Reason[] = [];
    for (const c of plan.conjuncts) {
      if (c.kind !== 'exclusion') continue;
      current = c;
      if (c.holds(doc) === true) continue;
      for (const part of c.parts) {
        if (part.test(doc) !== true) continue;
        const r = partReason(plan, c, part, doc, true);
        reasons.push(r);
        if (stats) {
          bump(stats.suppressed, part.node.id);
          if (r.matchId !== undefined) bump(stats.elements, r.matchId);
        }
      }
      if (reasons.length === 0) {
        // The exclusion is null (a literal null folded in); it still keeps the event out.
        reasons.push({ ...partReason(plan, c, c.parts[0]!, doc, true), note: 'this clause evaluates to null (it involves a literal null), which never matches' });
      }
    }
    if (reasons.length > 0) return { id: event.id, position: event.position, verdict: 'suppressed', reasons };
    return { id: event.id, position: event.position, verdict: 'alert', reasons: [] };
  } catch (e) {
    if (!(e instanceof EqlRuntimeError)) throw e;
    const node = current?.node;
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

export function clauseStats(plan: VerdictPlan, stats: StatsAccumulator): ClauseStat[] {
  const out: ClauseStat[] = [];
  for (const c of plan.conjuncts) {
    if (c.kind === 'base') {
      out.push({
        clauseId: c.node.id,
        kind: 'base',
        clause: span(plan.text, c.node.range),
        suppressed: 0,
        failed: stats.failed.get(c.node.id) ?? 0,
        parts: [],
      });
      continue;
    }
    for (const p of c.parts) {
      out.push({
        clauseId: p.node.id,
        kind: 'exclusion',
        clause: span(plan.text, p.node.range),
        suppressed: stats.suppressed.get(p.node.id) ?? 0,
        failed: 0,
        parts: p.elements.map((e) => ({ id: e.id, span: span(plan.text, e.range), count: stats.elements.get(e.id) ?? 0 })),
      });
    }
  }
  return out;
}
