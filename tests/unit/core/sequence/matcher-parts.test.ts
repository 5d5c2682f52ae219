/** The named parts of the sequence state machine: binary searches and the missing-event window. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { firstAfter, lastBefore, missingWindowAllows, type MissingWindow } from '../../../../src/core/sequence/matcher';

// Ordered events 0..5 at these timestamps; a list holds ordered indices in timestamp order.
const ts = Float64Array.from([10, 20, 20, 30, 40, 50]);

describe('binary searches over ordered events', () => {
  test('firstAfter: the first event strictly later than t', () => {
    const list = [0, 1, 2, 3, 5];
    expect(firstAfter(ts, list, 5)).toBe(0);
    expect(firstAfter(ts, list, 10)).toBe(1);
    expect(firstAfter(ts, list, 20)).toBe(3);
    expect(firstAfter(ts, list, 49)).toBe(4);
    expect(firstAfter(ts, list, 50)).toBe(5);
    expect(firstAfter(ts, [], 0)).toBe(0);
  });

  test('lastBefore: the last event strictly earlier than t', () => {
    const list = [0, 1, 2, 3, 5];
    expect(lastBefore(ts, list, 10)).toBe(-1);
    expect(lastBefore(ts, list, 11)).toBe(0);
    expect(lastBefore(ts, list, 30)).toBe(2);
    expect(lastBefore(ts, list, 31)).toBe(3);
    expect(lastBefore(ts, list, 1000)).toBe(4);
    expect(lastBefore(ts, [], 0)).toBe(-1);
  });

  test('both agree with a linear scan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 30 }),
        fc.integer({ min: -1, max: 21 }),
        (xs, t) => {
          const sorted = Float64Array.from([...xs].sort((a, b) => a - b));
          const list = [...sorted.keys()];
          const after = list.findIndex((k) => sorted[k]! > t);
          expect(firstAfter(sorted, list, t)).toBe(after < 0 ? list.length : after);
          const before = list.filter((k) => sorted[k]! < t).length - 1;
          expect(lastBefore(sorted, list, t)).toBe(before);
        },
      ),
    );
  });
});

describe('the leading and trailing missing-event window', () => {
  const w = (over: Partial<MissingWindow>): MissingWindow => ({
    leading: false,
    trailing: false,
    leadingTs: undefined,
    trailingTs: undefined,
    firstTs: 100,
    lastTs: 200,
    ...over,
  });

  test('no missing-stage event around the sequence: it stands', () => {
    expect(missingWindowAllows(w({ leading: true }), 1000)).toBe(true);
    expect(missingWindowAllows(w({ trailing: true }), 1000)).toBe(true);
    expect(missingWindowAllows(w({ leading: true, trailing: true, leadingTs: 50 }), 1000)).toBe(true);
  });

  test('a leading event within maxspan of the last event rejects it; beyond maxspan it stands', () => {
    // 150 ms from the leading event to the last one: a maxspan of 150 ms holds both.
    expect(missingWindowAllows(w({ leading: true, leadingTs: 50 }), 149)).toBe(true);
    expect(missingWindowAllows(w({ leading: true, leadingTs: 50 }), 150)).toBe(false);
    expect(missingWindowAllows(w({ leading: true, leadingTs: 50 }), 151)).toBe(false);
    expect(missingWindowAllows(w({ leading: true, leadingTs: 50 }), undefined)).toBe(false);
  });

  test('a trailing event within maxspan of the first event rejects it', () => {
    expect(missingWindowAllows(w({ trailing: true, trailingTs: 250 }), 149)).toBe(true);
    expect(missingWindowAllows(w({ trailing: true, trailingTs: 250 }), 150)).toBe(false);
  });

  test('with both, the window must not hold the nearest events on both sides', () => {
    const both = w({ leading: true, trailing: true, leadingTs: 50, trailingTs: 250 });
    expect(missingWindowAllows(both, 199)).toBe(true);
    expect(missingWindowAllows(both, 200)).toBe(false);
  });
});
