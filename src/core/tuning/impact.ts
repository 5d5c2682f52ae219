/**
 * Clause impact: per exclusion part, the events it suppresses and the events that only it
 * suppresses ("remove this and 3 events alert"); per list element or pattern, the events the
 * inline count stands for. Read from the verdicts: a suppressed event's reasons name every part
 * that fired, so an event with one reason has exactly one part keeping it out.
 */
import type { EvaluationResult } from '../api-types';
import type { ClauseImpact, ImpactTable } from './types';

export function clauseImpact(result: EvaluationResult): ImpactTable {
  const parts = new Map<
    number,
    { clause: string; suppresses: number[]; only: number[]; byElement: Map<string, number[]> }
  >();
  for (const s of result.clauseStats ?? []) {
    if (s.kind === 'exclusion')
      parts.set(s.clauseId, { clause: s.clause.text, suppresses: [], only: [], byElement: new Map() });
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
        if (r.matchId !== undefined && r.match) push(part.byElement, r.match.text, v.position);
      }
      if (r.matchId !== undefined) push(elements, r.matchId, v.position);
    }
  }
  const out: ClauseImpact[] = [];
  for (const [clauseId, { byElement, ...p }] of parts) {
    const els = [...byElement].map(([text, suppresses]) => ({ text, suppresses }));
    out.push({ clauseId, ...p, elements: els });
  }
  return { parts: out, elements };
}

function push<K>(m: Map<K, number[]>, k: K, v: number): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
