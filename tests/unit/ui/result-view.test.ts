import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../src/core';
import { parseEvents } from '../../../src/formats/events';
import { defaultDocState, type DocState } from '../../../src/ui/state/doc-state';
import { clauseBadges, eventRanges, reasonSpans } from '../../../src/ui/state/editor-marks';
import { buildJoinView } from '../../../src/ui/state/join-view';
import { applyEvaluation, emptyResults } from '../../../src/ui/state/results';
import { resultView, staleReason, staleText } from '../../../src/ui/state/result-view';

const EVENTS = [
  { '@timestamp': '2026-01-01T00:00:00Z', event: { category: 'process' }, host: { id: 'a' }, process: { name: 'x' } },
  { '@timestamp': '2026-01-01T00:00:05Z', event: { category: 'process' }, host: { id: 'a' }, process: { name: 'y' } },
  { '@timestamp': '2026-01-01T00:00:09Z', event: { category: 'file' }, host: { id: 'a' }, file: { name: 'f' } },
]
  .map((e) => JSON.stringify(e))
  .join('\n');

function state(rule: string, selected?: string) {
  const doc: DocState = { ...defaultDocState(), rule, events: EVENTS, selected, metadata: undefined };
  const parsed = parseEvents(EVENTS, {});
  const result = evaluate({ rule, events: parsed.events, settings: {} });
  const results = applyEvaluation(
    emptyResults,
    {
      type: 'evaluate',
      id: 1,
      result,
      eventDiagnostics: [],
      events: parsed.events.map((e, position) => ({
        id: e.id,
        position,
        source: e.source,
        ...(e.range ? { range: e.range } : {}),
      })),
      ms: 1,
    },
    { version: 0, rule, events: EVENTS },
  );
  const join = results.join ? buildJoinView(results.join, results.hits, results.events.length) : undefined;
  return { doc, results, join };
}

describe('result view', () => {
  const RULE = 'process where host.id == "a" and not process.name in ("y", "z")';

  test('the selected event of an event query: its verdict, its event and its reasons in the rule', () => {
    const { doc, results } = state(RULE, '1');
    const v = resultView(doc, results, undefined, undefined);
    expect(v.selectedVerdict?.verdict).toBe('suppressed');
    expect(v.selectedEvent?.id).toBe('1');
    expect(v.allRows).toHaveLength(3);
    const spans = reasonSpans(v);
    expect(spans.map((s) => [RULE.slice(s.range.start, s.range.end), s.role])).toEqual([
      ['process.name in ("y", "z")', 'clause'],
      ['"y"', 'match'],
    ]);
    expect(eventRanges(v)).toEqual({ many: false, ranges: [v.eventsForText![1]!.range] });
    // An edited rule: the ranges point into another text, so nothing is drawn.
    expect(reasonSpans(resultView({ ...doc, rule: `${RULE} ` }, results, undefined, undefined))).toEqual([]);
  });

  test('clause badges count what each exclusion suppresses and where the base fails', () => {
    const { doc, results } = state(RULE);
    const badges = clauseBadges(resultView(doc, results, undefined, undefined), results.clauseStats);
    expect(badges.map((b) => [b.tone, b.text])).toContainEqual(['count', '⟵ suppresses 1']);
  });

  test('a selected sequence: its events in the events text and its stage terms in the rule', () => {
    const SEQ = 'sequence by host.id [process where process.name == "x"] [file where true]';
    const { doc, results, join } = state(SEQ);
    expect(join?.cards).toHaveLength(1);
    const v = resultView(doc, results, join, 0);
    expect(v.selectedCard?.positions).toEqual([0, 2]);
    const marks = eventRanges(v);
    expect(marks.many).toBe(true);
    expect(marks.ranges).toHaveLength(2);
    expect(reasonSpans(v)).toHaveLength(2);
    expect(clauseBadges(v, results.clauseStats).map((b) => b.text)).toEqual(['⟵ S1: 1 event', '⟵ S2: 1 event']);
  });

  test('stale results say why', () => {
    const rule = { code: 'E', severity: 'error', message: '', range: { start: 0, end: 0 }, source: 'rule' } as const;
    const events = { ...rule, source: 'events' } as const;
    expect(staleText([rule, rule, events])).toBe(
      'the rule has 2 errors, 1 event could not be read; showing the last good results',
    );
    expect(staleText([])).toBe('showing the last good results');
    expect(staleReason({ ...emptyResults, stale: true, failure: 'timed out' })).toBe('timed out');
    expect(staleReason(emptyResults)).toBeUndefined();
  });
});
