/**
 * The only place where the core's UTF-16 offsets become Monaco line/column positions.
 */
import { LineIndex } from '../core';
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

/** Line and column (1-based) of an offset in a text, for messages outside an editor. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const p = new LineIndex(text).position(offset);
  return { line: p.line, column: p.column };
}

/** Diagnostics as Monaco markers. Zero-width ranges are widened so the squiggle shows. */
export function setDiagnosticMarkers(
  monaco: Monaco,
  model: ITextModel,
  owner: string,
  diagnostics: readonly Diagnostic[],
): void {
  const text = model.getValue();
  const index = new LineIndex(text);
  const markers = diagnostics.map((d) => {
    const s = index.position(d.range.start);
    const e = index.position(Math.max(d.range.start, d.range.end));
    let endLine = e.line;
    let endCol = e.column;
    if (endLine === s.line && endCol <= s.column) {
      endCol = s.column + 1;
      if (s.column > model.getLineMaxColumn(s.line) - 1 && s.column > 1) {
        // at the end of a line: underline the last character instead
        return marker(monaco, d, s.line, s.column - 1, endLine, s.column);
      }
    }
    return marker(monaco, d, s.line, s.column, endLine, endCol);
  });
  monaco.editor.setModelMarkers(model, owner, markers);
}

function marker(monaco: Monaco, d: Diagnostic, sl: number, sc: number, el: number, ec: number) {
  const severity =
    d.severity === 'error'
      ? monaco.MarkerSeverity.Error
      : d.severity === 'warning'
        ? monaco.MarkerSeverity.Warning
        : monaco.MarkerSeverity.Info;
  const notes = d.notes && d.notes.length > 0 ? `\n${d.notes.join('\n')}` : '';
  return {
    severity,
    message: `${d.message}${notes}`,
    code: d.code,
    source: 'eql',
    startLineNumber: sl,
    startColumn: sc,
    endLineNumber: el,
    endColumn: ec,
  };
}
