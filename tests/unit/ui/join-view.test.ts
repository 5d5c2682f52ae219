import { describe, expect, test } from 'vitest';
import { evaluate, type JoinExplanation } from '../../../src/core';
import { parseEvents } from '../../../src/formats/events';
import {
  buildJoinView,
  eventStageHighlights,
  formatDuration,
  joinKeysText,
  joinSummaryText,
  rowLine,
  sequenceStageHighlights,
  spanText,
  stageLabel,
  stageMatchCounts,
} from '../../../src/ui/state/join-view';
import { filterVerdicts } from '../../../src/ui/state/results';

const e = (t: string, category: string, type: string, entity: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    '@timestamp': `2026-01-01T00:${t}Z`,
    event: { category, type },
    process: { entity_id: entity },
    ...extra,
  });

// A: start + file within 10s (returned); B: file 2 minutes later (maxspan); C: network only.
const EVENTS = [
  e('00:00', 'process', 'start', 'A'),
  e('00:10', 'file', 'creation', 'A'),
  e('00:20', 'process', 'start', 'B'),
  e('02:20', 'file', 'creation', 'B'),
  e('03:00', 'network', 'start', 'C'),
].join('\n');

const SEQUENCE =
  'sequence by process.entity_id with maxspan=1m [process where event.type == "start"] [file where event.type == "creation"]';

function run(rule: string, events = EVENTS) {
  const parsed = parseEvents(events, {});
  const r = evaluate({ rule, events: parsed.events, settings: {} });
  expect(r.ok).toBe(true);
  return { r, view: buildJoinView(r.join as JoinExplanation, r.hits, parsed.events.length) };
}

describe('sequence view', () => {
  const { r, view } = run(SEQUENCE);

  test('one row per event: alert when part of a returned sequence, no-match otherwise', () => {
    expect(view.rows.map((x) => [x.id, x.verdict])).toEqual([
      ['0', 'alert'],
      ['1', 'alert'],
      ['2', 'no-match'],
      ['3', 'no-match'],
      ['4', 'no-match'],
    ]);
    expect(view.rows[0]!.sequences).toEqual([0]);
    expect(view.rows[0]!.matchedStages).toEqual([0]);
    expect(filterVerdicts(view.rows, 'alert').map((x) => x.id)).toEqual(['0', '1']);
  });

  test('cards carry join keys, events per stage and the span against maxspan', () => {
    expect(view.cards).toHaveLength(1);
    const c = view.cards[0]!;
    expect(c.joinKeys).toEqual(r.hits!.sequences![0]!.join_keys);
    expect(c.cells.map((x) => [x.label, x.id, x.missing])).toEqual([
      ['S1', '0', false],
      ['S2', '1', false],
    ]);
    expect(c.positions).toEqual([0, 1]);
    expect(spanText(c)).toBe('span 10s of maxspan 1m');
  });

  test('summary line', () => {
    expect(joinSummaryText(view.summary)).toBe('1 sequence · 2 events in sequences · 3 not in a sequence');
  });

  test('row lines: the candidate fate, a stage note, or the first telling failure', () => {
    const maxspan = rowLine(view.rows[2]!);
    expect(maxspan.kind).toBe('candidate');
    if (maxspan.kind === 'candidate') {
      expect(maxspan.note.outcome).toBe('maxspan');
      expect(maxspan.note.exceededByMs).toBe(60000);
    }
    expect(rowLine(view.rows[0]!)).toMatchObject({ kind: 'candidate', note: { outcome: 'returned' } });
    expect(rowLine(view.rows[3]!).kind).toBe('stage-note');
    const none = rowLine(view.rows[4]!);
    expect(none.kind).toBe('reason');
    if (none.kind === 'reason') expect(none.reason.kind).toBe('category');
  });

  test('highlights: a selected event marks the stage term it matched; a sequence marks its stages', () => {
    const stage0 = view.join.stages[0]!.text.range;
    expect(eventStageHighlights(view.join, view.rows[0]!)).toEqual([{ range: stage0, role: 'match' }]);
    expect(sequenceStageHighlights(view.join, view.cards[0]!).map((h) => h.range)).toEqual(
      view.join.stages.map((s) => s.text.range),
    );
    // an event no stage accepts: its failing clauses
    expect(eventStageHighlights(view.join, view.rows[4]!).every((h) => h.role === 'failed')).toBe(true);
  });

  test('per-stage match counts for editor badges', () => {
    expect(stageMatchCounts(view.join).map((x) => [stageLabel(x.stage), x.matched])).toEqual([
      ['S1', 2],
      ['S2', 2],
    ]);
  });

  test('missing-event terms become placeholders', () => {
    const { view: v } = run(
      'sequence by process.entity_id with maxspan=1m [process where event.type == "start"] ![network where true]',
    );
    expect(v.cards.length).toBeGreaterThan(0);
    expect(v.cards[0]!.cells[1]).toMatchObject({ missing: true, label: 'S2' });
    expect(v.cards[0]!.positions).toHaveLength(1);
  });
});

describe('sample view', () => {
  test('samples from groups, with filters labelled F1, F2', () => {
    const { view } = run('sample by process.entity_id [process where true] [file where true]');
    expect(view.summary.kind).toBe('sample');
    expect(view.cards.map((c) => c.cells.map((x) => `${x.label}:${x.id}`))).toEqual([
      ['F1:0', 'F2:1'],
      ['F1:2', 'F2:3'],
    ]);
    expect(joinSummaryText(view.summary)).toBe('2 samples · 4 events in samples · 1 not in a sample');
    expect(view.rows[4]!.verdict).toBe('no-match');
  });
});

describe('formatting', () => {
  test('durations the way maxspan is written', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(90_000)).toBe('1m 30s');
    expect(formatDuration(3_600_000)).toBe('1h');
    expect(formatDuration(-1500)).toBe('-1s 500ms');
  });
  test('join keys', () => {
    expect(joinKeysText(['a', 1, null, true])).toBe('a, 1, null, true');
    expect(joinKeysText([])).toBe('no join keys');
  });
});
