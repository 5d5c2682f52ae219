import { describe, expect, test } from 'vitest';
import type { Diagnostic, EvaluationResult, Verdict } from '../../../src/core';
import type { EvaluateResponse } from '../../../src/worker/protocol';
import {
  applyEvaluation,
  applyFailure,
  countVerdicts,
  emptyResults,
  filterVerdicts,
  summaryText,
} from '../../../src/ui/state/results';

const verdict = (id: string, v: Verdict['verdict']): Verdict => ({ id, position: Number(id), verdict: v, reasons: [] });
const stats = { events: 0, parseMs: 0, compileMs: 0, evalMs: 0, explainMs: 0 };
const good = (verdicts: Verdict[]): EvaluationResult => ({
  ok: true,
  queryKind: 'event',
  diagnostics: [],
  verdicts,
  clauseStats: [],
  hits: { total: { value: 0, relation: 'eq' }, events: [] },
  stats,
});
const ruleError: Diagnostic = {
  code: 'EQL1001',
  severity: 'error',
  message: 'x',
  range: { start: 3, end: 4 },
  source: 'rule',
};
const eventError: Diagnostic = {
  code: 'EVT5001',
  severity: 'error',
  message: 'y',
  range: { start: 0, end: 1 },
  source: 'events',
};

function response(result: EvaluationResult, eventDiagnostics: Diagnostic[] = [], withEvents = true): EvaluateResponse {
  return {
    type: 'evaluate',
    id: 1,
    result,
    eventDiagnostics,
    ...(withEvents
      ? {
          events: [
            { id: '0', position: 0, source: {} },
            { id: '1', position: 1, source: {} },
          ],
          fieldsSeen: [{ name: 'a', type: 'keyword' }],
        }
      : {}),
    ms: 2,
  };
}

describe('results state', () => {
  const first = applyEvaluation(emptyResults, response(good([verdict('0', 'alert'), verdict('1', 'suppressed')])), {
    version: 1,
    rule: 'r1',
    events: 'e1',
  });

  test('a good evaluation replaces what is shown', () => {
    expect(first.stale).toBe(false);
    expect(first.verdicts).toHaveLength(2);
    expect(first.ruleText).toBe('r1');
    expect(first.latestEventsText).toBe('e1');
    expect(first.fieldsSeen).toEqual([{ name: 'a', type: 'keyword' }]);
  });

  test('a rule error keeps the last good verdicts, marked stale, with the new problems', () => {
    const bad: EvaluationResult = { ok: false, queryKind: undefined, diagnostics: [ruleError], stats };
    const next = applyEvaluation(first, response(bad, [], false), { version: 2, rule: 'r1 broken', events: 'e1' });
    expect(next.stale).toBe(true);
    expect(next.verdicts).toBe(first.verdicts);
    expect(next.ruleText).toBe('r1');
    expect(next.diagnostics).toEqual([ruleError]);
    expect(next.version).toBe(2);
    // fixing it recovers
    const fixed = applyEvaluation(next, response(good([verdict('0', 'no-match'), verdict('1', 'alert')]), [], false), {
      version: 3,
      rule: 'r2',
      events: 'e1',
    });
    expect(fixed.stale).toBe(false);
    expect(fixed.diagnostics).toEqual([]);
    expect(fixed.verdicts.map((v) => v.verdict)).toEqual(['no-match', 'alert']);
    expect(fixed.events).toBe(first.events); // reused: the events text did not change
  });

  test('an unreadable event never blocks the others: the rest are evaluated, and it is listed with its line', () => {
    const partial = good([verdict('0', 'alert')]);
    const located = { ...eventError, at: { line: 2, column: 1 } };
    const next = applyEvaluation(
      first,
      { ...response(partial, [eventError]), problems: [located] },
      { version: 2, rule: 'r1', events: 'e2' },
    );
    expect(next.stale).toBe(false);
    expect(next.verdicts).toEqual([verdict('0', 'alert')]);
    expect(next.eventsText).toBe('e2');
    expect(next.unreadable).toEqual([located]);
    // A rule edit while the event is still broken is evaluated too.
    const edited = applyEvaluation(
      next,
      { ...response(good([verdict('0', 'no-match')]), [eventError], false), problems: [located] },
      { version: 3, rule: 'r2', events: 'e2' },
    );
    expect(edited).toMatchObject({ stale: false, ruleText: 'r2', unreadable: [located] });
    expect(edited.verdicts.map((v) => v.verdict)).toEqual(['no-match']);
    // Fixed: nothing unreadable is left.
    const fixed = applyEvaluation(edited, response(good([verdict('0', 'alert'), verdict('1', 'alert')])), {
      version: 4,
      rule: 'r2',
      events: 'e3',
    });
    expect(fixed.unreadable).toEqual([]);
  });

  test('problems with positions from the worker are what the list shows', () => {
    const bad: EvaluationResult = { ok: false, queryKind: undefined, diagnostics: [ruleError], stats };
    const located = [
      { ...eventError, at: { line: 1, column: 1 } },
      { ...ruleError, at: { line: 1, column: 4 } },
    ];
    const next = applyEvaluation(
      first,
      { ...response(bad, [eventError], false), problems: located },
      {
        version: 2,
        rule: 'r1 broken',
        events: 'e1',
      },
    );
    expect(next.diagnostics).toBe(located);
  });

  test('a timeout keeps the results and says why', () => {
    const next = applyFailure(first, 'took too long', 5);
    expect(next).toMatchObject({ stale: true, failure: 'took too long', version: 5, verdicts: first.verdicts });
  });

  test('summary line and filters', () => {
    const vs = [
      verdict('0', 'alert'),
      verdict('1', 'suppressed'),
      verdict('2', 'suppressed'),
      verdict('3', 'no-match'),
    ];
    const c = countVerdicts(vs);
    expect(summaryText(c)).toBe('1 alert · 2 suppressed · 1 no match');
    expect(summaryText(countVerdicts([...vs, verdict('4', 'error')]))).toBe(
      '1 alert · 2 suppressed · 1 no match · 1 error',
    );
    expect(filterVerdicts(vs, 'suppressed').map((v) => v.id)).toEqual(['1', '2']);
    expect(filterVerdicts(vs, 'all')).toBe(vs);
  });
});

describe('results state for sequences and samples', () => {
  test('a sequence result (join explanation, no verdicts) counts as good and is kept', () => {
    const join = { kind: 'sequence' as const, stages: [], sequences: [], events: [] };
    const result: EvaluationResult = {
      ok: true,
      queryKind: 'sequence',
      diagnostics: [],
      hits: { total: { value: 0, relation: 'eq' }, sequences: [] },
      join,
      stats,
    };
    const next = applyEvaluation(emptyResults, response(result), { version: 1, rule: 'sequence', events: 'e' });
    expect(next.stale).toBe(false);
    expect(next.hasGood).toBe(true);
    expect(next.join).toBe(join);
    expect(next.queryKind).toBe('sequence');
    expect(next.verdicts).toEqual([]);
    // back to an event query: the join explanation goes
    const back = applyEvaluation(next, response(good([verdict('0', 'alert')])), { version: 2, rule: 'r', events: 'e' });
    expect(back.join).toBeUndefined();
  });
});
