/** Explanations: per returned sequence, per event stage verdicts, and why candidates did not complete. */
import { describe, expect, test } from 'vitest';
import { e, notesOf, run } from './helpers';

describe('sequence explanations', () => {
  test('returned sequence: fillers, keys, span against maxspan', () => {
    const r = run('sequence by k with maxspan=10ms [a where true] [b where true]', [
      e(1, 'a', 1, { k: 'x' }),
      e(2, 'b', 4, { k: 'x' }),
    ]);
    expect(r.join!.sequences).toEqual([
      {
        sequence: 0,
        joinKeys: ['x'],
        stages: [
          { stage: 0, missing: false, id: '1', position: 0, timestamp: 1 },
          { stage: 1, missing: false, id: '2', position: 1, timestamp: 4 },
        ],
        spanMs: 3,
        maxspanMs: 10,
      },
    ]);
    expect(notesOf(r, '1')[0]).toMatchObject({ outcome: 'returned', role: 'started', sequence: 0 });
  });
  test('failed stages carry the event-query reasons', () => {
    const r = run('sequence [a where n == 1] [b where true]', [e(1, 'a', 1, { n: 2 })]);
    const st = r.join!.events[0]!.stages;
    expect(st[0]).toMatchObject({ matched: false, reasons: [{ kind: 'base', field: 'n', value: 2 }] });
    expect(st[1]).toMatchObject({ matched: false, reasons: [{ kind: 'category' }] });
  });
  test('overwritten by a newer candidate', () => {
    const r = run('sequence [a where true] [b where true]', [e(1, 'a', 1), e(2, 'a', 2), e(3, 'b', 3)]);
    expect(notesOf(r, '1')[0]).toMatchObject({ outcome: 'overwritten', by: '2' });
  });
  test('no pending candidate', () => {
    const r = run('sequence by k [a where true] [b where true]', [e(1, 'a', 1, { k: 1 }), e(2, 'b', 2, { k: 2 })]);
    expect(r.join!.events[1]!.stages[1]!.note).toMatch(/no pending candidate with join key \[2\]/);
    expect(notesOf(r, '1')[0]).toMatchObject({ outcome: 'incomplete' });
  });
  test('maxspan exceeded, by how much', () => {
    const r = run('sequence with maxspan=10ms [a where true] [b where true]', [e(1, 'a', 0), e(2, 'b', 15)]);
    expect(notesOf(r, '1')[0]).toMatchObject({ outcome: 'maxspan', by: '2', exceededByMs: 5 });
    expect(r.join!.events[1]!.stages[1]!.note).toMatch(/exceeded by 5 ms/);
  });
  test('killed by an until event', () => {
    const r = run('sequence [a where true] [b where true] until [u where true]', [
      e(1, 'a', 1),
      e(2, 'u', 2),
      e(3, 'b', 3),
    ]);
    expect(notesOf(r, '1')[0]).toMatchObject({ outcome: 'until', blocker: '2', by: '3' });
  });
  test('a missing-event term found', () => {
    const r = run('sequence with maxspan=1s [a where true] ![m where true] [b where true]', [
      e(1, 'a', 1),
      e(2, 'm', 2),
      e(3, 'b', 3),
    ]);
    expect(notesOf(r, '3')[0]).toMatchObject({ outcome: 'missing-event', blocker: '2', role: 'completed' });
  });
  test('completed but outside size', () => {
    const r = run('sequence [a where true] [a where true] | tail 1', [e(1, 'a', 1), e(2, 'a', 2), e(3, 'a', 3)]);
    expect(notesOf(r, '1')[0]).toMatchObject({ outcome: 'outside-size' });
    expect(notesOf(r, '3')[0]).toMatchObject({ outcome: 'returned' });
  });
  test('no explanation work when explain is off', () => {
    const r = run('sequence [a where true] [a where true]', [e(1, 'a', 1), e(2, 'a', 2)], {}, undefined, false);
    expect(r.join).toBeUndefined();
    expect(r.hits!.sequences).toHaveLength(1);
  });
});

describe('sample explanations', () => {
  test('groups, fillers and incomplete groups', () => {
    const src = [
      { id: 1, event: { category: 'a' }, h: 'x' },
      { id: 2, event: { category: 'b' }, h: 'x' },
      { id: 3, event: { category: 'a' }, h: 'y' },
    ];
    const r = run('sample by h [a where true] [b where true]', src);
    expect(r.join!.groups).toEqual([
      {
        joinKeys: ['x'],
        candidates: [1, 1],
        samples: [0],
        fillers: [
          [
            { filter: 0, id: '1', position: 0 },
            { filter: 1, id: '2', position: 1 },
          ],
        ],
        complete: true,
      },
      {
        joinKeys: ['y'],
        candidates: [1, 0],
        samples: [],
        fillers: [],
        complete: false,
        reason: 'no event with this key matches filter 2',
      },
    ]);
    expect(r.join!.events[0]!.stages[0]!.note).toBe('fills this filter in sample 1');
  });
});
