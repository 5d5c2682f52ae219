import type { Range } from '../ast/nodes';

export type Severity = 'error' | 'warning' | 'info';

/** Which text a diagnostic's range points into. */
export type SourceName =
  | 'rule'
  | 'events'
  | 'mapping'
  | 'settings'
  | 'share'
  | 'exceptions'
  | 'value-list'
  | 'workspace';

/**
 * The one diagnostic shape used everywhere (parse, analysis, import, share decoding, runtime).
 * Ranges are UTF-16 offsets into the named source; line and column are derived at the edges.
 */
export interface Diagnostic {
  /** Stable code, listed in docs/diagnostics.md, e.g. "EQL1001". */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly source: SourceName;
  /** Hints without a place of their own. */
  readonly notes?: readonly string[];
  /** Other places that explain the diagnostic (Monaco's related information). */
  readonly related?: readonly RelatedLocation[];
  /** Which file (or pane) of the source, when there can be several (exception files, value lists). */
  readonly file?: string;
}

/** A located note of a diagnostic. */
export interface RelatedLocation {
  readonly message: string;
  readonly range: Range;
  readonly source: SourceName;
}

export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units. */
  readonly column: number;
  readonly offset: number;
}

/** Precomputed line starts for fast offset -> line/column conversion. */
export class LineIndex {
  private readonly starts: number[];
  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1, offset: o };
  }

  offset(line: number, column: number): number {
    const l = Math.max(1, Math.min(line, this.starts.length));
    return Math.min(this.text.length, this.starts[l - 1]! + Math.max(0, column - 1));
  }
}

export function positionOf(text: string, offset: number): Position {
  return new LineIndex(text).position(offset);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
