/** The per-key state machine of eql-semantics.md section 9.2, rule by rule. */
import { describe, expect, test } from 'vitest';
import { e, ids, run } from './helpers';

describe('ordering', () => {
  test('events are taken in timestamp order, not input order', () => {
    const r = run('sequence [a where true] [b where true]', [e(1, 'b', 5), e(2, 'a', 1)]);
    expect(ids(r)).toEqual([['2', '1']]);
  });
  test('ISO strings and epoch numbers order together', () => {
    const r = run('sequence [a where true] [b where true]', [e(1, 'b', '1970-01-01T00:00:00.010Z'), e(2, 'a', 5)]);
    expect(ids(r)).toEqual([['2', '1']]);
  });
  test('tiebreaker orders equal timestamps; events without one come after', () => {
    const sources = [e(1, 'b', 1, { tb: 2 }), e(2, 'a', 1), e(3, 'a', 1, { tb: 1 })];
    const r = run('sequence [a where true] [b where true]', sources, { tiebreakerField: 'tb' });
    // order: 3 (tb 1), 1 (tb 2), 2 (none): a=3 then b=1
    expect(ids(r)).toEqual([['3', '1']]);
  });
  test('input order is the last tiebreaker', () => {
    const r = run('sequence [a where true] [b where true]', [e(1, 'b', 1), e(2, 'a', 1), e(3, 'b', 1)]);
    expect(ids(r)).toEqual([['2', '3']]);
  });
  test('events without a timestamp take no part', () => {
    const r = run('sequence [a where true] [b where true]', [{ id: 1, event: { category: 'a' } }, e(2, 'b', 2)]);
    expect(ids(r)).toEqual([]);
    expect(r.diagnostics.some((d) => d.severity === 'info' && /no usable @timestamp/.test(d.message))).toBe(true);
  });
});

describe('transitions', () => {
  test('a later stage takes the latest pending candidate and discards older ones', () => {
    const r = run('sequence [a where true] [b where true]', [e(1, 'a', 1), e(2, 'a', 2), e(3, 'b', 3), e(4, 'b', 4)]);
    expect(ids(r)).toEqual([['2', '3']]);
  });
  test('the candidate must be strictly earlier: an event cannot chain through itself', () => {
    const r = run('sequence [any where true] [any where true]', [e(1, 'x', 1)]);
    expect(ids(r)).toEqual([]);
  });
  test('overlap: an event ends one sequence and starts another', () => {
    const r = run('sequence [a where true] [a where true]', [e(1, 'a', 1), e(2, 'a', 2), e(3, 'a', 3)]);
    expect(ids(r)).toEqual([
      ['1', '2'],
      ['2', '3'],
    ]);
  });
  test('with runs=N repeats the term', () => {
    const r = run('sequence [a where true] [b where true] with runs=2', [e(1, 'a', 1), e(2, 'b', 2), e(3, 'b', 3)]);
    expect(ids(r)).toEqual([['1', '2', '3']]);
  });
  test('a single positive stage completes at once', () => {
    const r = run('sequence with maxspan=1s [a where true] ![b where true]', [e(1, 'a', 1), e(2, 'a', 2)]);
    expect(ids(r)).toEqual([
      ['1', '-'],
      ['2', '-'],
    ]);
  });
});

describe('maxspan', () => {
  const q = 'sequence with maxspan=10ms [a where true] [b where true] [c where true]';
  test('the bound is inclusive, measured from the first event', () => {
    expect(ids(run(q, [e(1, 'a', 0), e(2, 'b', 5), e(3, 'c', 10)]))).toEqual([['1', '2', '3']]);
  });
  test('one millisecond more rejects', () => {
    expect(ids(run(q, [e(1, 'a', 0), e(2, 'b', 5), e(3, 'c', 11)]))).toEqual([]);
  });
  test('units: s, m, h, d', () => {
    // Epoch milliseconds well past four digits: under the default date format a four-digit
    // number such as 1000 is a year (strict_date_optional_time is tried before epoch_millis).
    const t0 = 1_000_000;
    expect(
      ids(run('sequence with maxspan=1s [a where true] [b where true]', [e(1, 'a', t0), e(2, 'b', t0 + 1000)])),
    ).toHaveLength(1);
    expect(
      ids(run('sequence with maxspan=1m [a where true] [b where true]', [e(1, 'a', t0), e(2, 'b', t0 + 60_001)])),
    ).toHaveLength(0);
    expect(
      ids(run('sequence with maxspan=1h [a where true] [b where true]', [e(1, 'a', t0), e(2, 'b', t0 + 3_600_000)])),
    ).toHaveLength(1);
    expect(
      ids(run('sequence with maxspan=1d [a where true] [b where true]', [e(1, 'a', t0), e(2, 'b', t0 + 86_400_001)])),
    ).toHaveLength(0);
  });
  test('a rejected candidate is dropped: a later event does not get it back', () => {
    // a@5 replaces a@0; b@16 takes a@5 (span 11 > 10) and drops it; b@20 finds nothing pending.
    const r = run('sequence with maxspan=10ms [a where true] [b where true]', [
      e(1, 'a', 0),
      e(2, 'a', 5),
      e(3, 'b', 16),
      e(4, 'b', 20),
    ]);
    expect(ids(r)).toEqual([]);
    // ...while a fresh start after the rejection can complete.
    const r2 = run('sequence with maxspan=10ms [a where true] [b where true]', [
      e(1, 'a', 5),
      e(2, 'b', 16),
      e(3, 'a', 17),
      e(4, 'b', 20),
    ]);
    expect(ids(r2)).toEqual([['3', '4']]);
  });
});

describe('until', () => {
  const q = 'sequence by k [a where true] [b where true] until [u where true]';
  test('an until event between the last matched event and the next one kills the candidate', () => {
    expect(ids(run(q, [e(1, 'a', 1, { k: 1 }), e(2, 'u', 2, { k: 1 }), e(3, 'b', 3, { k: 1 })]))).toEqual([]);
  });
  test('the bound is inclusive on the last matched event', () => {
    const r = run(q, [e(1, 'a', 1, { k: 1 }), e(2, 'u', 1, { k: 1 }), e(3, 'b', 3, { k: 1 })]);
    expect(ids(r)).toEqual([]);
  });
  test('an until event with another key does not matter', () => {
    expect(ids(run(q, [e(1, 'a', 1, { k: 1 }), e(2, 'u', 2, { k: 2 }), e(3, 'b', 3, { k: 1 })]))).toEqual([['1', '3']]);
  });
  test('an until event before the candidate started does not matter', () => {
    expect(ids(run(q, [e(2, 'u', 0, { k: 1 }), e(1, 'a', 1, { k: 1 }), e(3, 'b', 3, { k: 1 })]))).toEqual([['1', '3']]);
  });
  test('an until event after the final event does not matter (A, B, C until C)', () => {
    const r = run('sequence [a where true] [b where true] [c where true] until [c where true]', [
      e(1, 'a', 1),
      e(2, 'b', 2),
      e(3, 'c', 3),
    ]);
    expect(ids(r)).toEqual([['1', '2', '3']]);
  });
});

describe('results', () => {
  const five = [1, 2, 3, 4, 5, 6].map((i) => e(i, 'a', i));
  const q = 'sequence [a where true] [a where true]';
  test('ordered by the last event', () => {
    const r = run('sequence by k [a where true] [b where true]', [
      e(1, 'a', 1, { k: 1 }),
      e(2, 'a', 2, { k: 2 }),
      e(3, 'b', 3, { k: 2 }),
      e(4, 'b', 4, { k: 1 }),
    ]);
    expect(ids(r)).toEqual([
      ['2', '3'],
      ['1', '4'],
    ]);
  });
  test('size defaults to 10 and takes the tail', () => {
    const many = Array.from({ length: 15 }, (_, i) => e(i, 'a', i));
    const r = run(q, many, { size: 10 });
    expect(ids(r)).toHaveLength(10);
    expect(ids(r)[0]).toEqual(['4', '5']);
  });
  test('result_position head takes the first ones', () => {
    expect(ids(run(q, five, { size: 2, resultPosition: 'head' }))).toEqual([
      ['1', '2'],
      ['2', '3'],
    ]);
  });
  test('head and tail pipes', () => {
    expect(ids(run(`${q} | head 1`, five))).toEqual([['1', '2']]);
    expect(ids(run(`${q} | tail 1`, five))).toEqual([['5', '6']]);
    expect(ids(run(`${q} | head 4 | tail 2`, five))).toEqual([
      ['3', '4'],
      ['4', '5'],
    ]);
  });
});
