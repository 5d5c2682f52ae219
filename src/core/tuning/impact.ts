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
  // Per element (by node id), the part it belongs to and its text: noted once, on its first event.
  const owner = new Map<number, { readonly clauseId: number; readonly text: string }>();
  for (const v of result.verdicts ?? []) {
    if (v.verdict !== 'suppressed') continue;
    const alone = v.reasons.length === 1;
    for (const r of v.reasons) {
      const part = parts.get(r.clauseId);
      if (part) {
        part.suppresses.push(v.position);
        if (alone) part.only.push(v.position);
      }
      if (r.matchId === undefined) continue;
      const list = elements.get(r.matchId);
      if (list) list.push(v.position);
      else {
        elements.set(r.matchId, [v.position]);
        if (part && r.match) owner.set(r.matchId, { clauseId: r.clauseId, text: r.match.text });
      }
    }
  }
  const byPart = new Map<number, { text: string; suppresses: readonly number[] }[]>();
  for (const [id, o] of owner) {
    const list = byPart.get(o.clauseId) ?? [];
    list.push({ text: o.text, suppresses: elements.get(id)! });
    byPart.set(o.clauseId, list);
  }
  const out: ClauseImpact[] = [];
  for (const [clauseId, p] of parts) out.push({ clauseId, ...p, elements: byPart.get(clauseId) ?? [] });
  return { parts: out, elements };
}
