import { describe, expect, test } from 'vitest';
import { defaultDocState, type DocState } from '../../../src/ui/state/doc-state';
import {
  CLAUSE_BADGE_KEY,
  clauseBadges,
  ELEMENT_KEY,
  elementFilter,
  elementMarks,
  eventRanges,
  reasonSpans,
} from '../../../src/ui/state/editor-marks';
import { outlineJoinView } from '../../../src/ui/state/join-view';
import { initialList, listOf } from '../../../src/ui/state/result-list';
import { applyLoad, applyRun, emptyResults, shownLabels } from '../../../src/ui/state/results';
import { resultView, staleReason, staleText } from '../../../src/ui/state/result-view';
import { WorkerSession } from '../../../src/worker/session';
import { BaselineCache, tuningView } from '../../../src/worker/tuning';

const EVENTS = [
  { '@timestamp': '2026-01-01T00:00:00Z', event: { category: 'process' }, host: { id: 'a' }, process: { name: 'x' } },
  { '@timestamp': '2026-01-01T00:00:05Z', event: { category: 'process' }, host: { id: 'a' }, process: { name: 'y' } },
  { '@timestamp': '2026-01-01T00:00:09Z', event: { category: 'file' }, host: { id: 'a' }, file: { name: 'f' } },
]
  .map((e) => JSON.stringify(e))
  .join('\n');

/** The page's state after the worker evaluated `rule`, with every row fetched. */
function state(rule: string, selected?: string) {
  const doc: DocState = { ...defaultDocState(), rule, events: EVENTS, selected, metadata: undefined };
  const s = new WorkerSession();
  const loaded = applyLoad(emptyResults, s.loadText(EVENTS), EVENTS);
  const compact = s.run({ rule, settings: {}, mapping: '' });
  const rows = s.rows([0, 1, 2]);
  const results = applyRun(loaded, compact, { version: 0, rule, rows, sequences: s.sequences(0, 10) });
  const shown = results.shown!;
  const join = compact.join
    ? outlineJoinView(
        compact.join,
        { total: { value: compact.hitsTotal, relation: 'eq' }, sequences: results.sequences.map((x) => x.hit) },
        rows.flatMap((r) => (r.join ? [r.join] : [])),
        compact.counts,
        (p) => shown.info.ids[p]!,
      )
    : undefined;
  const list = listOf(shown, 'all', initialList, shownLabels(results));
  const view = (d: DocState, seq?: number) =>
    marksView(resultView(d, results, join, seq, list), results.ruleText, d.rule);
  return { doc, results, join, view };
}

/** A view as the rule's marks see it: its ranges hold while the evaluated rule is the editor's. */
function marksView<V>(view: V, evaluatedRule: string, editorRule: string): V & { readonly rulesCurrent: boolean } {
  return { ...view, rulesCurrent: evaluatedRule === editorRule };
}

describe('result view', () => {
  const RULE = 'process where host.id == "a" and not process.name in ("y", "z")';

  test('the selected event of an event query: its verdict, its event and its reasons in the rule', () => {
    const { doc, view } = state(RULE, '1');
    const v = view(doc);
    expect(v.selectedVerdict?.verdict).toBe('suppressed');
    expect(v.selectedEvent?.id).toBe('1');
    expect(v.navigationRows().map((r) => `${r.id}:${r.verdict}`)).toEqual(['0:alert', '1:suppressed', '2:no-match']);
    const spans = reasonSpans(v);
    expect(spans.map((s) => [RULE.slice(s.range.start, s.range.end), s.role])).toEqual([
      ['process.name in ("y", "z")', 'clause'],
      ['"y"', 'match'],
    ]);
    expect(eventRanges(v)).toEqual({ many: false, ranges: [v.eventsForText![1]!.range] });
    // An edited rule: the ranges point into another text, so nothing is drawn.
    expect(reasonSpans(view({ ...doc, rule: `${RULE} ` }))).toEqual([]);
  });

  test('clause badges count what each exclusion suppresses and where the base fails', () => {
    const { doc, results, view } = state(RULE);
    const badges = clauseBadges(view(doc), results.clauseStats);
    expect(badges.map((b) => [b.tone, b.text])).toContainEqual(['count', '⟵ suppresses 1']);
  });

  test('with clause impact a badge says how many only that part suppresses, and is clickable by its key', () => {
    const rule = 'process where host.id == "a" and not (process.name in ("y", "x") or process.name == "y")';
    const s = new WorkerSession();
    const loaded = applyLoad(emptyResults, s.loadText(EVENTS), EVENTS);
    const compact = s.run({ rule, settings: {}, mapping: '' });
    const ctx = { eventsKey: 'k', events: s.dataset.events, mapping: '' };
    const { impact } = tuningView({}, s.lastResult!, ctx, new BaselineCache());
    const results = applyRun(loaded, compact, { version: 0, rule, rows: s.rows([0, 1, 2]), sequences: [] });
    const doc: DocState = { ...defaultDocState(), rule, events: EVENTS, metadata: undefined };
    const v = marksView(
      resultView(doc, results, undefined, undefined, listOf(results.shown!, 'all', initialList, shownLabels(results))),
      results.ruleText,
      doc.rule,
    );
    const badges = clauseBadges(v, results.clauseStats, impact).filter((b) => b.key !== undefined);
    // the list suppresses x (only it) and y (with the == part); the == part suppresses y, never alone
    expect(badges.map((b) => b.text)).toEqual(['⟵ suppresses 2 · 1 only by this', '⟵ suppresses 1']);
    const first = impact.find((p) => `${CLAUSE_BADGE_KEY}${p.clauseId}` === badges[0]!.key);
    expect(first?.suppresses).toEqual([0, 1]);
    expect(badges[1]!.hover).toContain('also suppressed by another part');
  });

  test('list elements: a hover with the count and what only it suppresses, dead ones struck through, a link that filters', () => {
    const rule = 'process where host.id == "a" and not (process.name in ("y", "x", "z", "x") or process.name == "y")';
    const s = new WorkerSession();
    const loaded = applyLoad(emptyResults, s.loadText(EVENTS), EVENTS);
    const compact = s.run({ rule, settings: {}, mapping: '' });
    const ctx = { eventsKey: 'k', events: s.dataset.events, mapping: '' };
    const { elements } = tuningView({}, s.lastResult!, ctx, new BaselineCache());
    const results = applyRun(loaded, compact, { version: 0, rule, rows: s.rows([0, 1, 2]), sequences: [] });
    const marks = elementMarks({ rulesCurrent: true }, results.clauseStats);
    expect(marks.map((m) => [rule.slice(m.range.start, m.range.end), m.dead])).toEqual([
      ['"y"', false],
      ['"x"', false],
      ['"z"', true],
      ['"x"', true],
    ]);
    // y is also suppressed by the == part; x is repeated later, yet only the first counts
    expect(marks[0]!.hover).toContain('suppresses 1 event · none only by this');
    expect(marks[1]!.hover).toContain('suppresses 1 event · none only by this');
    expect(marks[2]!.hover).toContain('suppresses none');
    expect(marks[2]!.hover).not.toContain('command:');
    const link = /\(command:[\w.]+\?([^)]+)\)/.exec(marks[0]!.hover);
    const [key] = JSON.parse(decodeURIComponent(link![1]!)) as [string];
    expect(key.startsWith(ELEMENT_KEY)).toBe(true);
    const filter = elementFilter(Number(key.slice(ELEMENT_KEY.length)), results.clauseStats, elements);
    expect(filter).toEqual({
      kind: 'clause',
      label: '"y" of process.name in (…)',
      positions: [1],
      element: { part: 'process.name in ("y", "x", "z", "x")', text: '"y"' },
    });
    // a stale rule text draws nothing
    expect(elementMarks({ rulesCurrent: false }, results.clauseStats)).toEqual([]);
  });

  test('list elements: the only-count is what removing the element would make alert', () => {
    const rule = 'process where host.id == "a" and not process.name in ("y", "x")';
    const s = new WorkerSession();
    const loaded = applyLoad(emptyResults, s.loadText(EVENTS), EVENTS);
    const compact = s.run({ rule, settings: {}, mapping: '' });
    const results = applyRun(loaded, compact, { version: 0, rule, rows: s.rows([0, 1, 2]), sequences: [] });
    const hovers = elementMarks({ rulesCurrent: true }, results.clauseStats).map((m) => m.hover);
    expect(hovers[0]).toContain('suppresses 1 event · only by this: remove it and it alerts');
    expect(hovers[0]).toContain('List the 1 event');
  });

  test('a selected sequence: its events in the events text and its stage terms in the rule', () => {
    const SEQ = 'sequence by host.id [process where process.name == "x"] [file where true]';
    const { doc, results, join, view } = state(SEQ);
    expect(join?.cards).toHaveLength(1);
    const v = view(doc, 0);
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
