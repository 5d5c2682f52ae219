/**
 * Why the playground and a cluster disagree: for each event (or sequence) only one side returned,
 * what the playground made of it (its verdict and the deciding clause or exception item), and
 * the usual causes worth checking (a filter the cluster ran without, `size`, documents the
 * sample events lack, field types).
 */
import type { EvaluationResult, JoinEventExplanation, Reason, Verdict } from './api-types';
import type { Comparison } from './compare';
import { describeReasons } from './tuning/text';

export interface Difference {
  /** `only-ours`: the playground returns it, the cluster does not; `order`: both, in another order. */
  readonly kind: 'only-ours' | 'only-theirs' | 'order';
  /** The event id, or the sequence as `[id, id, ...]`. */
  readonly key: string;
  /** One sentence for a person. */
  readonly why: string;
}

function exceptionText(reasons: readonly Reason[]): string {
  return reasons
    .filter((r) => r.kind === 'exception')
    .map((r) => (r.exception ? `"${r.exception.name}" (${r.exception.item_id})` : r.clause.text))
    .join(' and ');
}

/** What the playground's verdict says about an event the cluster returned and it did not. */
function theirsOnlyEvent(v: Verdict | undefined, id: string): string {
  if (!v) {
    return `no sample event has id ${id}: the cluster searched documents the playground does not hold (or names them by another id; see the id field)`;
  }
  switch (v.verdict) {
    case 'excepted':
      return `the playground excepts it by exception item ${exceptionText(v.reasons)}: was the cluster's request sent without the exceptions as its filter?`;
    case 'suppressed':
      return `the playground suppresses it by ${describeReasons(v.reasons)}: compare the field's value and type in the cluster`;
    case 'no-match':
      return v.reasons.length > 0
        ? `the playground finds no match: ${describeReasons(v.reasons)} failed; compare the field's value and type in the cluster`
        : 'the playground finds no match';
    case 'error':
      return `the playground fails on it: ${v.reasons[0]?.message ?? 'runtime error'}`;
    case 'alert':
      return 'the playground matches it too but leaves it out of its hits (size, result position or a head/tail pipe)';
  }
}

function oursOnlyEvent(v: Verdict | undefined, theirs: number, size: number | undefined): string {
  const parts = ['the playground alerts on it (no exclusion fired)'];
  if (size !== undefined && theirs >= size) parts.push(`the cluster returned ${theirs} events, its size: raise size`);
  parts.push(
    "check that the cluster holds it and maps its fields as the playground does (export-bulk writes the template the playground assumed), and the request's filter",
  );
  return v && v.verdict !== 'alert' ? `the playground's verdict is ${v.verdict}` : parts.join('; ');
}

/** `[a, b]` back to its ids. */
const idsOf = (key: string) => key.slice(1, -1).split(', ');

function sequenceWhy(key: string, side: 'ours' | 'theirs', events: Map<string, JoinEventExplanation>): string {
  const notes: string[] = [];
  for (const id of idsOf(key)) {
    if (id === '(missing)') continue;
    const e = events.get(id);
    if (!e) notes.push(`no sample event has id ${id}`);
    else if (e.excepted) notes.push(`event ${id} is excepted by exception item ${exceptionText(e.excepted)}`);
    else if (!e.stages.some((s) => s.matched)) notes.push(`event ${id} satisfies no stage filter here`);
  }
  if (notes.length > 0) return notes.join('; ');
  return side === 'ours'
    ? 'the playground completes this sequence from the sample events; the cluster did not return it (size, or other documents in the index taking its place)'
    : 'every event of it satisfies some stage here, but the playground completes other sequences (see the candidates of its events)';
}

/** One explanation per difference the comparison lists. */
export function explainDifferences(c: Comparison, result: EvaluationResult, size?: number): Difference[] {
  const out: Difference[] = [];
  if (c.kind === 'events') {
    const byId = new Map<string, Verdict>();
    for (const v of result.verdicts ?? []) if (!byId.has(v.id)) byId.set(v.id, v);
    for (const id of c.onlyTheirs) out.push({ kind: 'only-theirs', key: id, why: theirsOnlyEvent(byId.get(id), id) });
    for (const id of c.onlyOurs)
      out.push({ kind: 'only-ours', key: id, why: oursOnlyEvent(byId.get(id), c.theirs, size) });
  } else {
    const byId = new Map<string, JoinEventExplanation>();
    for (const e of result.join?.events ?? []) if (!byId.has(e.id)) byId.set(e.id, e);
    for (const k of c.onlyTheirs) out.push({ kind: 'only-theirs', key: k, why: sequenceWhy(k, 'theirs', byId) });
    for (const k of c.onlyOurs) out.push({ kind: 'only-ours', key: k, why: sequenceWhy(k, 'ours', byId) });
  }
  if (c.orderDiffers) {
    out.push({
      kind: 'order',
      key: '',
      why: 'the playground orders by timestamp, then the tiebreaker field, then input order: give the tiebreaker field the rule uses, or check the timestamps the cluster stores',
    });
  }
  return out;
}
