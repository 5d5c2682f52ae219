/**
 * The only place where the core's UTF-16 offsets become Monaco line/column positions. Types only
 * from the core: its runtime stays in the worker (the problems list gets its line and column
 * from there too).
 */
import type { Diagnostic, Range } from '../core';
import type { ITextModel, Monaco } from './types';

export interface MonacoRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export function toMonacoRange(model: ITextModel, range: Range): MonacoRange {
  const s = model.getPositionAt(range.start);
  const e = model.getPositionAt(Math.max(range.start, range.end));
  return { startLineNumber: s.lineNumber, startColumn: s.column, endLineNumber: e.lineNumber, endColumn: e.column };
}

/** Offset of a Monaco position in the model's text. */
export function toOffset(model: ITextModel, position: { lineNumber: number; column: number }): number {
  return model.getOffsetAt(position);
}

/** A diagnostic range as Monaco line/column, widened so a zero-width squiggle shows. */
function markerRange(model: ITextModel, range: Range): MonacoRange {
  const s = model.getPositionAt(range.start);
  const e = model.getPositionAt(Math.max(range.start, range.end));
  if (e.lineNumber === s.lineNumber && e.column <= s.column) {
    if (s.column > model.getLineMaxColumn(s.lineNumber) - 1 && s.column > 1) {
      // at the end of a line: underline the last character instead
      return {
        startLineNumber: s.lineNumber,
        startColumn: s.column - 1,
        endLineNumber: s.lineNumber,
        endColumn: s.column,
      };
    }
    return {
      startLineNumber: s.lineNumber,
      startColumn: s.column,
      endLineNumber: s.lineNumber,
      endColumn: s.column + 1,
    };
  }
  return { startLineNumber: s.lineNumber, startColumn: s.column, endLineNumber: e.lineNumber, endColumn: e.column };
}

/** Markers set at most per text (the problems panel counts them all). */
export const MAX_MARKERS = 1000;

/**
 * Diagnostics as Monaco markers (the first `MAX_MARKERS`). Zero-width ranges are widened so the
 * squiggle shows; related locations in the same text become the marker's related information.
 */
export function setDiagnosticMarkers(
  monaco: Monaco,
  model: ITextModel,
  owner: string,
  diagnostics: readonly Diagnostic[],
): void {
  const markers = diagnostics.slice(0, MAX_MARKERS).map((d) => {
    const severity =
      d.severity === 'error'
        ? monaco.MarkerSeverity.Error
        : d.severity === 'warning'
          ? monaco.MarkerSeverity.Warning
          : monaco.MarkerSeverity.Info;
    const notes = d.notes && d.notes.length > 0 ? `\n${d.notes.join('\n')}` : '';
    const related = (d.related ?? [])
      .filter((r) => r.source === d.source)
      .map((r) => ({ resource: model.uri, message: r.message, ...markerRange(model, r.range) }));
    return {
      severity,
      message: `${d.message}${notes}`,
      code: d.code,
      source: 'eql',
      ...markerRange(model, d.range),
      ...(related.length > 0 ? { relatedInformation: related } : {}),
    };
  });
  monaco.editor.setModelMarkers(model, owner, markers);
}
