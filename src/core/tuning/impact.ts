/**
 * Clause impact: per exclusion part, the events it suppresses and the events that only it
 * suppresses ("remove this and 3 events alert"); per list element or pattern, the events the
 * inline count stands for. Read from the verdicts: a suppressed event's reasons name every part
 * that fired, so an event with one reason has exactly one part keeping it out.
 */
import type { EvaluationResult } from '../api-types';
import type { ClauseImpact, ImpactTable } from './types';

export function clauseImpact(result: EvaluationResult): ImpactTable {
  const parts = new Map<number, { clause: string; suppresses: number[]; only: number[] }>();
  for (const s of result.clauseStats ?? []) {
    if (s.kind === 'exclusion') parts.set(s.clauseId, { clause: s.clause.text, suppresses: [], only: [] });
  }
  const elements = new Map<number, number[]>();
  for (const v of result.verdicts ?? []) {
    if (v.verdict !== 'suppressed') continue;
    const alone = v.reasons.length === 1;
    for (const r of v.reasons) {
      const part = parts.get(r.clauseId);
      if (part) {
        part.suppresses.push(v.position);
        if (alone) part.only.push(v.position);
      }
      if (r.matchId !== undefined) {
        let list = elements.get(r.matchId);
        if (!list) {
          list = [];
          elements.set(r.matchId, list);
        }
        list.push(v.position);
      }
    }
  }
  const out: ClauseImpact[] = [];
  for (const [clauseId, p] of parts) out.push({ clauseId, ...p });
  return { parts: out, elements };
}
