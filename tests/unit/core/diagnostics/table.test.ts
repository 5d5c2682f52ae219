import { describe, expect, test } from 'vitest';
import { checkQuery } from '../../../../src/core';
import { parseQuery } from '../../../../src/core/parser/parse';
import { Syntax } from '../../../../src/core/diagnostics/syntax';
import { Runtime } from '../../../../src/core/diagnostics/runtime';
import { defineDiagnostics, diagnosticAt, entry } from '../../../../src/core/diagnostics/table';

describe('message factories', () => {
  test('bind the code and severity to the text', () => {
    expect(Syntax.Maxspan.noUnit('5')).toEqual({
      code: 'EQL1011',
      severity: 'error',
      message: 'No time unit specified, did you mean [s] as in [5s]?',
    });
    expect(Syntax.Maxspan.code).toBe('EQL1011');
  });

  test('a message may override the severity and carry notes', () => {
    expect(Runtime.RuntimeError.eventsFailed(1, 'x').severity).toBe('warning');
    expect(Runtime.RuntimeError.noTimestamp(2, '@timestamp')).toMatchObject({ severity: 'info' });
    expect(Syntax.AssignmentNotEquality.assign().notes).toHaveLength(1);
  });

  test('empty notes and related lists are left out', () => {
    const T = defineDiagnostics({
      X: entry({
        code: 'TST1001',
        severity: 'warning',
        when: 'test',
        messages: { m: () => ({ message: 'm', notes: [], related: [] }) },
      }),
    });
    expect(T.X.m()).toEqual({ code: 'TST1001', severity: 'warning', message: 'm' });
  });

  test('diagnosticAt places a message and its related locations in one source', () => {
    const m = Syntax.JoinKeyCount.count(1, 2, { start: 3, end: 4 });
    expect(diagnosticAt(m, { start: 10, end: 12 }, 'rule')).toEqual({
      code: 'EQL1009',
      severity: 'error',
      message: 'Inconsistent number of join keys specified; expected [1] but found [2]',
      range: { start: 10, end: 12 },
      source: 'rule',
      related: [{ message: 'The first term has [1] join key', range: { start: 3, end: 4 }, source: 'rule' }],
    });
  });
});

describe('related locations', () => {
  test('inconsistent join-key counts point at both sequences of keys', () => {
    const q = 'sequence [process where true] by a [file where true] by b, c';
    const d = parseQuery(q).diagnostics.find((x) => x.code === 'EQL1009')!;
    expect(q.slice(d.range.start, d.range.end)).toBe('by b, c');
    expect(d.related).toHaveLength(1);
    expect(q.slice(d.related![0]!.range.start, d.related![0]!.range.end)).toBe('by a');
    expect(d.related![0]!.message).toBe('The first term has [1] join key');
  });

  test('a first term without keys is named as such', () => {
    const q = 'sequence [process where true] [file where true] by b';
    const d = parseQuery(q).diagnostics.find((x) => x.code === 'EQL1009')!;
    expect(d.related![0]!.message).toBe('The first term has no join keys');
    expect(q.slice(d.related![0]!.range.start, d.related![0]!.range.end)).toBe('[process where true]');
  });

  test('incompatible join key types point at the first term’s key', () => {
    const q = 'sequence [process where true] by process.pid [file where true] by file.name';
    const d = checkQuery({ rule: q }).find((x) => x.code === 'EQL2010')!;
    expect(q.slice(d.range.start, d.range.end)).toBe('file.name');
    expect(q.slice(d.related![0]!.range.start, d.related![0]!.range.end)).toBe('process.pid');
  });

  test('a field compared with a field points at the other field', () => {
    const q = 'process where process.pid == process.parent.pid';
    const d = checkQuery({ rule: q }).find((x) => x.code === 'EQL2009')!;
    expect(q.slice(d.range.start, d.range.end)).toBe('process.parent.pid');
    expect(q.slice(d.related![0]!.range.start, d.related![0]!.range.end)).toBe('process.pid');
  });
});
