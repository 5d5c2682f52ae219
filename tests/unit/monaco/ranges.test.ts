import { describe, expect, test } from 'vitest';
import { parseQuery } from '../../../src/core/parser/parse';
import { setDiagnosticMarkers } from '../../../src/monaco/ranges';
import type { ITextModel, Monaco } from '../../../src/monaco/types';

function fakes(text: string) {
  const lines = text.split('\n');
  const uri = { toString: () => 'inmemory://rule' };
  /** Offset to 1-based line and column, as Monaco's model computes it. */
  const getPositionAt = (offset: number) => {
    const before = text.slice(0, Math.max(0, Math.min(offset, text.length))).split('\n');
    return { lineNumber: before.length, column: (before[before.length - 1] ?? '').length + 1 };
  };
  const model = {
    uri,
    getValue: () => text,
    getPositionAt,
    getLineMaxColumn: (l: number) => (lines[l - 1] ?? '').length + 1,
  };
  let set: unknown[] = [];
  const monaco = {
    MarkerSeverity: { Error: 8, Warning: 4, Info: 2, Hint: 1 },
    editor: {
      setModelMarkers: (_m: unknown, _o: string, markers: unknown[]) => {
        set = markers;
      },
    },
  };
  return { model: model as unknown as ITextModel, monaco: monaco as unknown as Monaco, markers: () => set, uri };
}

describe('diagnostic markers', () => {
  test('related locations in the same text become related information', () => {
    const text = 'sequence\n  [process where true] by a\n  [file where true] by b, c';
    const f = fakes(text);
    setDiagnosticMarkers(f.monaco, f.model, 'eql', parseQuery(text).diagnostics);
    expect(f.markers()).toEqual([
      {
        severity: 8,
        message: 'Inconsistent number of join keys specified; expected [1] but found [2]',
        code: 'EQL1009',
        source: 'eql',
        startLineNumber: 3,
        startColumn: 21,
        endLineNumber: 3,
        endColumn: 28,
        relatedInformation: [
          {
            resource: f.uri,
            message: 'The first term has [1] join key',
            startLineNumber: 2,
            startColumn: 24,
            endLineNumber: 2,
            endColumn: 28,
          },
        ],
      },
    ]);
  });

  test('notes follow the message; a zero-width range at the end of a line is widened backwards', () => {
    const text = 'process where a ==';
    const f = fakes(text);
    setDiagnosticMarkers(f.monaco, f.model, 'eql', [
      {
        code: 'EQL1001',
        severity: 'warning',
        message: 'm',
        notes: ['n1', 'n2'],
        range: { start: 18, end: 18 },
        source: 'rule',
      },
    ]);
    expect(f.markers()).toEqual([
      {
        severity: 4,
        message: 'm\nn1\nn2',
        code: 'EQL1001',
        source: 'eql',
        startLineNumber: 1,
        startColumn: 18,
        endLineNumber: 1,
        endColumn: 19,
      },
    ]);
  });
});
