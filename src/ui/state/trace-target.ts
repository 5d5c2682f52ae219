/** Which event the evaluation trace is for: the selected one, while the results are current. Pure. */
import type { DocState } from './doc-state';
import { positionOfId, type ResultsState } from './results';

export interface TraceTarget {
  readonly eventId: string;
  readonly position: number;
  readonly ruleText: string;
}

export function traceTarget(doc: DocState, results: ResultsState): TraceTarget | undefined {
  const id = doc.selected;
  const shown = results.shown;
  if (!id || !shown || results.stale || results.ruleText !== doc.rule) return undefined;
  if (shown.compact.queryKind !== 'event') return undefined;
  const position = positionOfId(shown.info, id);
  return position !== undefined ? { eventId: id, position, ruleText: results.ruleText } : undefined;
}
