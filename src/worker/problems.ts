/**
 * The problems list's positions, computed in the worker (which has the texts) so the UI thread
 * never scans a large events text to turn offsets into line and column.
 */
import { LineIndex, type Diagnostic } from '../core';
import type { EvaluateInput, ProblemView } from './protocol';

/** The last line index of each text kind: a rule edit does not rescan a large events text. */
const lastIndex = new Map<Diagnostic['source'], { readonly text: string; readonly index: LineIndex }>();

function indexOf(source: Diagnostic['source'], text: string): LineIndex {
  const last = lastIndex.get(source);
  if (last && last.text === text) return last.index;
  const index = new LineIndex(text);
  lastIndex.set(source, { text, index });
  return index;
}

/** Diagnostics with the line and column of their start in the text they point into. */
export function problemViews(input: EvaluateInput, diagnostics: readonly Diagnostic[]): ProblemView[] {
  const texts: Partial<Record<Diagnostic['source'], string>> = {
    rule: input.rule,
    events: input.events,
    mapping: input.mapping,
  };
  return diagnostics.map((d) => {
    const text = texts[d.source];
    if (!text) return d;
    const index = indexOf(d.source, text);
    const p = index.position(d.range.start);
    return { ...d, at: { line: p.line, column: p.column } };
  });
}
