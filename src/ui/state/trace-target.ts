/** Which event the evaluation trace is for: the selected one, while the results are current. Pure. */
import type { DocState } from './doc-state';
import type { ResultsState } from './results';

export interface TraceTarget {
  readonly eventId: string;
  readonly position: number;
  readonly ruleText: string;
}

export function traceTarget(doc: DocState, results: ResultsState): TraceTarget | undefined {
  const id = doc.selected;
  if (!id || results.stale || results.ruleText !== doc.rule) return undefined;
  const verdict = results.verdicts.find((v) => v.id === id);
  return verdict ? { eventId: id, position: verdict.position, ruleText: results.ruleText } : undefined;
}
