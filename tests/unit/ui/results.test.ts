import { describe, expect, test } from 'vitest';
import type { Verdict } from '../../../src/core';
import {
  applyFailure,
  applyLoad,
  applyRows,
  applyRun,
  countVerdicts,
  emptyResults,
  filterVerdicts,
  hitsOf,
  positionOfId,
  summaryText,
  verdictOf,
  type ResultsState,
} from '../../../src/ui/state/results';
import { WorkerSession } from '../../../src/worker/session';

const verdict = (id: string, v: Verdict['verdict']): Verdict => ({ id, position: Number(id), verdict: v, reasons: [] });
const ev = (name: string, extra: object = {}) =>
  JSON.stringify({ event: { category: 'process' }, process: { name }, '@timestamp': '2026-01-01T00:00:00Z', ...extra });
const EVENTS = [ev('nc'), ev('bash'), ev('sh')].join('\n');
const RULE = 'process where process.name in ("nc", "bash") and not process.name == "bash"';
const input = (rule: string) => ({ rule, settings: {}, mapping: '' });

/** The page's results after the worker loaded `events` and evaluated `rule`, with every row fetched. */
function evaluated(s: WorkerSession, prev: ResultsState, events: string, rule: string, version: number) {
  const loaded = prev.loadedText === events ? prev : applyLoad(prev, s.loadText(events), events);
  const compact = s.run(input(rule));
  const rows = s.rows(Array.from({ length: compact.verdicts.length }, (_, i) => i));
  return applyRun(loaded, compact, { version, rule, rows });
}

describe('results state', () => {
  const s = new WorkerSession();
  const first = evaluated(s, emptyResults, EVENTS, RULE, 1);

  test('a good evaluation replaces what is shown: counts, codes, rows with reasons, fields', () => {
    expect(first).toMatchObject({ stale: false, ruleText: RULE, loadedText: EVENTS, hasGood: true });
    expect(first.shown?.compact.counts).toMatchObject({ alert: 1, suppressed: 1, 'no-match': 1, total: 3 });
    const v = verdictOf(first.shown!, 1, first.rows.get(1));
    expect(v).toMatchObject({ id: '1', verdict: 'suppressed' });
    expect(v?.reasons[0]?.match?.text).toBe('"bash"');
    expect(first.fieldsSeen.map((f) => f.name)).toContain('process.name');
    expect(first.request).toContain('_eql/search');
  });

  test('a rule error keeps the last good verdicts, marked stale, with the located problem', () => {
    const broken = 'process where process.name ==';
    const next = evaluated(s, first, EVENTS, broken, 2);
    expect(next.stale).toBe(true);
    expect(next.shown).toBe(first.shown);
    expect(next.rows).toBe(first.rows);
    expect(next.ruleText).toBe(RULE);
    expect(next.diagnostics).toHaveLength(1);
    expect(next.diagnostics[0]).toMatchObject({ source: 'rule', at: { line: 1 } });
    expect(next.version).toBe(2);
    // The worker still explains the rows of the last good evaluation.
    expect(s.rows([1])[0]?.reasons).toHaveLength(1);
    const fixed = evaluated(s, next, EVENTS, 'process where process.name == "sh"', 3);
    expect(fixed.stale).toBe(false);
    expect(fixed.diagnostics).toEqual([]);
    expect(fixed.shown?.compact.counts.alert).toBe(1);
  });

  test('an unreadable event never blocks the others: the rest are evaluated, and it is listed with its line', () => {
    const w = new WorkerSession();
    const text = `${ev('nc')}\n{"broken": }\n${ev('bash')}`;
    const next = evaluated(w, emptyResults, text, RULE, 1);
    expect(next.stale).toBe(false);
    expect(next.shown?.compact.counts).toMatchObject({ alert: 1, suppressed: 1, total: 2 });
    expect(next.unreadable).toHaveLength(1);
    expect(next.unreadable[0]).toMatchObject({ source: 'events', at: { line: 2 } });
    expect(next.problemCodes).toEqual({ EVT5001: 1 });
    // A rule edit while the event is still broken is evaluated too, and the problem stays.
    const edited = evaluated(w, next, text, 'process where true', 2);
    expect(edited).toMatchObject({ stale: false, ruleText: 'process where true' });
    expect(edited.unreadable).toHaveLength(1);
    // Fixed: nothing unreadable is left.
    const fixed = evaluated(w, edited, EVENTS, 'process where true', 3);
    expect(fixed.unreadable).toEqual([]);
    expect(fixed.diagnostics).toEqual([]);
  });

  test('rows fetched later join the evaluation on screen only; ids find their positions', () => {
    const w = new WorkerSession();
    const loaded = applyLoad(emptyResults, w.loadText(EVENTS, 'process.name'), EVENTS);
    const shownNone = applyRun(loaded, w.run(input(RULE)), { version: 1, rule: RULE });
    expect(shownNone.rows.size).toBe(0);
    const more = applyRows(shownNone, shownNone.shown, w.rows([2]));
    expect([...more.rows.keys()]).toEqual([2]);
    expect(applyRows(shownNone, first.shown, w.rows([0]))).toBe(shownNone); // for another evaluation
    expect(positionOfId(more.info, 'sh')).toBe(2);
    expect(positionOfId(more.info, 'nope')).toBeUndefined();
  });

  test('the hits of the Elasticsearch tab are rebuilt from the rows of the returned events', () => {
    expect(hitsOf(first)).toEqual({
      total: { value: 1, relation: 'eq' },
      events: [{ _index: '', _id: '0', _source: JSON.parse(ev('nc')) }],
    });
    const w = new WorkerSession();
    const none = applyRun(applyLoad(emptyResults, w.loadText(EVENTS), EVENTS), w.run(input(RULE)), {
      version: 1,
      rule: RULE,
    });
    expect(hitsOf(none)).toBeUndefined(); // not fetched yet
  });

  test('a timeout keeps the results and says why', () => {
    const next = applyFailure(first, 'took too long', 5);
    expect(next).toMatchObject({ stale: true, failure: 'took too long', version: 5 });
    expect(next.shown).toBe(first.shown);
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
  test('a sequence result counts as good, with its outline; back to an event query it goes', () => {
    const w = new WorkerSession();
    const seq = 'sequence [process where process.name == "nc"] [process where process.name == "bash"]';
    const next = evaluated(w, emptyResults, EVENTS, seq, 1);
    expect(next).toMatchObject({ stale: false, hasGood: true, queryKind: 'sequence' });
    expect(next.shown?.compact.join?.stages).toHaveLength(2);
    expect(next.shown?.compact.join?.stageMatches).toEqual([1, 1]);
    expect(next.rows.get(0)?.join?.stages[0]?.matched).toBe(true);
    const back = evaluated(w, next, EVENTS, RULE, 2);
    expect(back.queryKind).toBe('event');
    expect(back.shown?.compact.join).toBeUndefined();
  });
});
