/**
 * One verdict per input event, for event queries and for sequences and samples alike (an event
 * of a join query alerts when it is part of a returned sequence or sample).
 */
import type { EvaluationResult, JoinExplanation, Reason } from '../api-types';
import type { EventOutcome, SequenceKey } from './types';

const NONE: readonly Reason[] = Object.freeze([]);

/** The returned sequences (or samples) of a join result, each by its events' positions. */
export function returnedSequences(result: EvaluationResult): SequenceKey[] {
  const join = result.join;
  if (!join) return [];
  const hits = result.hits?.sequences ?? [];
  if (join.kind === 'sequence') {
    return join.sequences.map((s) => {
      const filled = s.stages.filter((c) => c.position !== undefined);
      return {
        positions: filled.map((c) => c.position!),
        ids: filled.map((c) => c.id ?? String(c.position)),
        joinKeys: s.joinKeys,
      };
    });
  }
  const out: { index: number; key: SequenceKey }[] = [];
  for (const g of join.groups ?? []) {
    g.samples.forEach((index, k) => {
      const fill = g.fillers[k] ?? [];
      out.push({
        index,
        key: {
          positions: fill.map((f) => f.position),
          ids: fill.map((f) => f.id),
          joinKeys: hits[index]?.join_keys ?? g.joinKeys,
        },
      });
    });
  }
  return out.sort((a, b) => a.index - b.index).map((x) => x.key);
}

function joinOutcomes(join: JoinExplanation, result: EvaluationResult, eventCount: number): EventOutcome[] {
  const member = new Uint8Array(eventCount);
  for (const s of returnedSequences(result)) for (const p of s.positions) if (p < eventCount) member[p] = 1;
  const ids: string[] = new Array(eventCount);
  const excepted: (readonly Reason[] | undefined)[] = new Array(eventCount);
  for (const e of join.events) {
    if (e.position >= eventCount) continue;
    ids[e.position] = e.id;
    excepted[e.position] = e.excepted;
  }
  const out: EventOutcome[] = new Array(eventCount);
  for (let p = 0; p < eventCount; p++) {
    const ex = excepted[p];
    // A rule exception removed the event before matching: it takes part in no sequence or sample.
    out[p] = ex
      ? { id: ids[p] ?? String(p), position: p, verdict: 'excepted', reasons: ex }
      : { id: ids[p] ?? String(p), position: p, verdict: member[p] ? 'alert' : 'no-match', reasons: NONE };
  }
  return out;
}

/** Per input position, the event's verdict; undefined when the result has none (the query has errors). */
export function eventOutcomes(result: EvaluationResult, eventCount: number): readonly EventOutcome[] | undefined {
  if (!result.ok) return undefined;
  if (result.verdicts) return result.verdicts;
  if (result.join) return joinOutcomes(result.join, result, eventCount);
  return undefined;
}
