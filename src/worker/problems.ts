/**
 * The problems list's positions, computed in the worker (which has the texts) so the UI thread
 * never scans a large events text to turn offsets into line and column.
 */
import { LineIndex, type Diagnostic } from '../core';
import type { EvaluateInput, ProblemView } from './protocol';

/** Diagnostics with the line and column of their start in the text they point into. */
export function problemViews(input: EvaluateInput, diagnostics: readonly Diagnostic[]): ProblemView[] {
  const texts: Partial<Record<Diagnostic['source'], string>> = {
    rule: input.rule,
    events: input.events,
    mapping: input.mapping,
  };
  const indexes = new Map<Diagnostic['source'], LineIndex>();
  return diagnostics.map((d) => {
    const text = texts[d.source];
    if (!text) return d;
    let index = indexes.get(d.source);
    if (!index) {
      index = new LineIndex(text);
      indexes.set(d.source, index);
    }
    const p = index.position(d.range.start);
    return { ...d, at: { line: p.line, column: p.column } };
  });
}
