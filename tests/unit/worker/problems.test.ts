import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../../src/core';
import { problemViews } from '../../../src/worker/problems';

const diag = (source: Diagnostic['source'], start: number): Diagnostic => ({
  code: 'X0001',
  severity: 'error',
  message: 'm',
  range: { start, end: start + 1 },
  source,
});

describe('problem positions', () => {
  const input = { rule: 'a\nbc\r\nd', events: '[\n  {"x": 1,}\n]', mapping: '{}', settings: {} };

  test('each problem gets the line and column of its start in its own text', () => {
    const [rule, events, mapping] = problemViews(input, [diag('rule', 3), diag('events', 12), diag('mapping', 1)]);
    expect(rule!.at).toEqual({ line: 2, column: 2 });
    expect(events!.at).toEqual({ line: 2, column: 11 });
    expect(mapping!.at).toEqual({ line: 1, column: 2 });
  });

  test('a CRLF line end counts once; an offset past the end is the end', () => {
    const [d, past] = problemViews(input, [diag('rule', 6), diag('rule', 99)]);
    expect(d!.at).toEqual({ line: 3, column: 1 });
    expect(past!.at).toEqual({ line: 3, column: 2 });
  });

  test('problems without a text keep no position and keep their fields', () => {
    const settings = diag('settings', 0);
    const emptyMapping = diag('mapping', 0);
    const out = problemViews({ ...input, mapping: '' }, [settings, emptyMapping]);
    expect(out[0]).toEqual(settings);
    expect(out[0]!.at).toBeUndefined();
    expect(out[1]!.at).toBeUndefined();
  });
});
