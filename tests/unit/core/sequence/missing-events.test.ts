/** Missing-event terms `![...]`: the inner, leading and trailing rules of eql-semantics.md section 9.3. */
import { describe, expect, test } from 'vitest';
import { e, ids, run } from './helpers';

describe('inner missing stage', () => {
  const q = 'sequence with maxspan=1s [a where true] ![m where true] [b where true]';
  test('no missing event between: accepted, with a placeholder', () => {
    const r = run(q, [e(1, 'a', 1), e(2, 'b', 5)]);
    expect(ids(r)).toEqual([['1', '-', '2']]);
    const hit = r.hits!.sequences![0]!.events[1]!;
    expect(hit).toEqual({ _index: '', _id: '', _source: {}, missing: true });
  });
  test('a missing event strictly between the neighbours discards the sequence', () => {
    expect(ids(run(q, [e(1, 'a', 1), e(3, 'm', 3), e(2, 'b', 5)]))).toEqual([]);
  });
  test('a missing event at the same millisecond as a neighbour does not count', () => {
    expect(ids(run(q, [e(1, 'a', 1), e(3, 'm', 1), e(4, 'm', 5), e(2, 'b', 5)]))).toEqual([['1', '-', '2']]);
  });
  test('the missing event needs the same key', () => {
    const qk = 'sequence by k with maxspan=1s [a where true] ![m where true] [b where true]';
    expect(ids(run(qk, [e(1, 'a', 1, { k: 1 }), e(3, 'm', 3, { k: 2 }), e(2, 'b', 5, { k: 1 })]))).toEqual([
      ['1', '-', '2'],
    ]);
    expect(ids(run(qk, [e(1, 'a', 1, { k: 1 }), e(3, 'm', 3, { k: 1 }), e(2, 'b', 5, { k: 1 })]))).toEqual([]);
  });
  test('with runs=N on a missing term gives N placeholders', () => {
    expect(
      ids(
        run('sequence with maxspan=1s [a where true] ![m where true] with runs=2 [b where true]', [
          e(1, 'a', 1),
          e(2, 'b', 5),
        ]),
      ),
    ).toEqual([['1', '-', '-', '2']]);
  });
});

describe('leading and trailing missing stages', () => {
  test('leading: accepted when none is found before the first positive event', () => {
    expect(
      ids(run('sequence with maxspan=10ms ![m where true] [a where true]', [e(1, 'a', 100), e(2, 'm', 105)])),
    ).toEqual([['-', '1']]);
  });
  test('leading: rejected when the latest one before is within maxspan of the last positive event', () => {
    expect(
      ids(run('sequence with maxspan=10ms ![m where true] [a where true]', [e(2, 'm', 95), e(1, 'a', 100)])),
    ).toEqual([]);
  });
  test('leading: accepted when it is further than maxspan away', () => {
    expect(
      ids(run('sequence with maxspan=10ms ![m where true] [a where true]', [e(2, 'm', 89), e(1, 'a', 100)])),
    ).toEqual([['-', '1']]);
  });
  test('trailing: rejected when the earliest one after is within maxspan of the first positive event', () => {
    expect(
      ids(run('sequence with maxspan=10ms [a where true] ![m where true]', [e(1, 'a', 100), e(2, 'm', 110)])),
    ).toEqual([]);
  });
  test('trailing: accepted when it is further than maxspan away, or absent', () => {
    expect(
      ids(run('sequence with maxspan=10ms [a where true] ![m where true]', [e(1, 'a', 100), e(2, 'm', 111)])),
    ).toEqual([['1', '-']]);
    expect(ids(run('sequence with maxspan=10ms [a where true] ![m where true]', [e(1, 'a', 100)]))).toEqual([
      ['1', '-'],
    ]);
  });
  test('both: rejected when the missing events around it are at most maxspan apart', () => {
    const q = 'sequence with maxspan=20ms ![m where true] [a where true] ![m where true]';
    expect(ids(run(q, [e(2, 'm', 90), e(1, 'a', 100), e(3, 'm', 110)]))).toEqual([]);
    expect(ids(run(q, [e(2, 'm', 89), e(1, 'a', 100), e(3, 'm', 110)]))).toEqual([['-', '1', '-']]);
  });
  test('both: accepted when only one side has a missing event', () => {
    const q = 'sequence with maxspan=20ms ![m where true] [a where true] ![m where true]';
    expect(ids(run(q, [e(1, 'a', 100), e(3, 'm', 101)]))).toEqual([['-', '1', '-']]);
    expect(ids(run(q, [e(2, 'm', 99), e(1, 'a', 100)]))).toEqual([['-', '1', '-']]);
  });
  test('maxspan is required with missing terms', () => {
    const r = run('sequence [a where true] ![m where true]', [e(1, 'a', 1)]);
    expect(r.ok).toBe(false);
  });
});
