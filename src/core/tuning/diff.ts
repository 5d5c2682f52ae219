/**
 * The verdict diff: a baseline result against the current one over the same events. An event
 * changed when its verdict differs, or when it is still suppressed but by other clauses; join
 * queries also report the sequences (or samples) that appeared or disappeared.
 */
import type { EvaluationResult, Reason, VerdictKind } from '../api-types';
import { eventOutcomes, returnedSequences } from './outcomes';
import { describeReasons } from './text';
import type { EventChange, EventOutcome, SequenceKey, VerdictCounts, VerdictDiff } from './types';

const KINDS: readonly VerdictKind[] = ['alert', 'suppressed', 'no-match', 'error', 'excepted'];

const keyCache = new WeakMap<Reason, string>();

/** What identifies a suppressing reason across two parses: the field and the narrowed text. */
function reasonKey(r: Reason): string {
  let k = keyCache.get(r);
  if (k === undefined) {
    k = `${r.field ?? ''}\u0000${(r.match ?? r.clause).text.replace(/\s+/g, ' ')}`;
    keyCache.set(r, k);
  }
  return k;
}

function sameReason(a: Reason, b: Reason): boolean {
  // The common case first: the same text in both rules, no key to build.
  if (a.field === b.field && (a.match ?? a.clause).text === (b.match ?? b.clause).text) return true;
  return reasonKey(a) === reasonKey(b);
}

function sameSuppression(a: readonly Reason[], b: readonly Reason[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  if (a.length === 1) return sameReason(a[0]!, b[0]!);
  const ka = a.map(reasonKey).sort();
  const kb = b.map(reasonKey).sort();
  return ka.every((k, i) => k === kb[i]);
}

function was(o: EventOutcome, join: boolean): string {
  if (join) return o.verdict === 'alert' ? 'was part of a returned sequence' : 'was in no returned sequence';
  switch (o.verdict) {
    case 'suppressed':
      return `was suppressed by ${describeReasons(o.reasons)}`;
    case 'no-match':
      return o.reasons.length > 0 ? `was no match (${describeReasons(o.reasons)} failed)` : 'was no match';
    case 'error':
      return `was an error (${o.reasons[0]?.message ?? 'runtime error'})`;
    case 'alert':
      return 'was alert';
    case 'excepted':
      return `was excepted by ${describeReasons(o.reasons.filter((r) => r.kind === 'exception'))}`;
  }
}

function changeMessage(base: EventOutcome, now: EventOutcome, kind: EventChange['kind'], join: boolean): string {
  if (kind === 'clauses') return `still suppressed, ${was(base, join)}, now by ${describeReasons(now.reasons)}`;
  if (join) return `${was(base, join)}, now ${now.verdict === 'alert' ? 'part of one' : 'in none'}`;
  return `${was(base, join)}, now ${now.verdict}`;
}

function tally(outcomes: readonly EventOutcome[]): Record<VerdictKind, number> {
  const c: Record<VerdictKind, number> = { alert: 0, suppressed: 0, 'no-match': 0, error: 0, excepted: 0 };
  for (const o of outcomes) c[o.verdict]++;
  return c;
}

const signed = (n: number) => `${n > 0 ? '+' : '\u2212'}${Math.abs(n)}`;

/** "+1 alert · −1 suppressed vs baseline"; join queries lead with the sequences that came and went. */
export function deltaSummary(deltas: VerdictCounts, appeared = 0, disappeared = 0, unit = 'sequence'): string {
  const parts: string[] = [];
  if (appeared > 0) parts.push(`+${appeared} ${unit}${appeared === 1 ? '' : 's'}`);
  if (disappeared > 0) parts.push(`\u2212${disappeared} ${unit}${disappeared === 1 ? '' : 's'}`);
  for (const k of KINDS) if (deltas[k] !== 0) parts.push(`${signed(deltas[k])} ${k}`);
  return parts.length === 0 ? 'no change vs baseline' : `${parts.join(' · ')} vs baseline`;
}

function sequenceDelta(a: readonly SequenceKey[], b: readonly SequenceKey[]): SequenceKey[] {
  const keys = new Set(b.map((s) => s.positions.join(',')));
  return a.filter((s) => !keys.has(s.positions.join(',')));
}

const zero: VerdictCounts = { alert: 0, suppressed: 0, 'no-match': 0, error: 0, excepted: 0 };

function incomparable(eventCount: number): VerdictDiff {
  return {
    comparable: false,
    changes: [],
    changedAt: new Int32Array(eventCount).fill(-1),
    counts: zero,
    baselineCounts: zero,
    deltas: zero,
    appeared: [],
    disappeared: [],
    summary: '',
  };
}

/** Compare the current result with the baseline's, both over the same `eventCount` events. */
export function diffVerdicts(baseline: EvaluationResult, current: EvaluationResult, eventCount: number): VerdictDiff {
  const before = eventOutcomes(baseline, eventCount);
  const after = eventOutcomes(current, eventCount);
  if (!before || !after || before.length !== after.length) return incomparable(eventCount);
  const join = current.join !== undefined || baseline.join !== undefined;
  const changes: EventChange[] = [];
  const changedAt = new Int32Array(after.length).fill(-1);
  for (let i = 0; i < after.length; i++) {
    const b = before[i]!;
    const a = after[i]!;
    let kind: EventChange['kind'] | undefined;
    if (a.verdict !== b.verdict) kind = 'verdict';
    else if (a.verdict === 'suppressed' && !sameSuppression(a.reasons, b.reasons)) kind = 'clauses';
    if (!kind) continue;
    changedAt[i] = changes.length;
    changes.push({
      id: a.id,
      position: a.position,
      kind,
      verdict: a.verdict,
      baselineVerdict: b.verdict,
      baselineReasons: b.reasons,
      message: changeMessage(b, a, kind, join),
    });
  }
  const counts = tally(after);
  const baselineCounts = tally(before);
  const deltas = Object.fromEntries(KINDS.map((k) => [k, counts[k] - baselineCounts[k]])) as VerdictCounts;
  const nowSeq = returnedSequences(current);
  const baseSeq = returnedSequences(baseline);
  const appeared = sequenceDelta(nowSeq, baseSeq);
  const disappeared = sequenceDelta(baseSeq, nowSeq);
  const unit = current.queryKind === 'sample' ? 'sample' : 'sequence';
  return {
    comparable: true,
    changes,
    changedAt,
    counts,
    baselineCounts,
    deltas,
    appeared,
    disappeared,
    summary: deltaSummary(deltas, appeared.length, disappeared.length, unit),
  };
}
