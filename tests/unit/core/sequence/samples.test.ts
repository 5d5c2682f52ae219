/** Samples: grouping, one distinct event per filter in filter order, key order, size, max_samples_per_key. */
import { describe, expect, test } from 'vitest';
import { e, ids, keys, run } from './helpers';

const s = (id: number, cat: string, extra: Record<string, unknown>) => ({ id, event: { category: cat }, ...extra });

describe('samples', () => {
  test('one event per filter, in filter order, input order picks', () => {
    const r = run('sample by h [b where true] [a where true]', [
      s(1, 'a', { h: 'x' }),
      s(2, 'b', { h: 'x' }),
      s(3, 'b', { h: 'x' }),
    ]);
    expect(ids(r)).toEqual([['2', '1']]);
    expect(keys(r)).toEqual([['x']]);
  });
  test('timestamps play no part', () => {
    const r = run('sample by h [a where true] [b where true]', [e(1, 'b', 1, { h: 'x' }), e(2, 'a', 9, { h: 'x' })]);
    expect(ids(r)).toEqual([['2', '1']]);
  });
  test('one event cannot fill two filters; a later candidate is tried', () => {
    const r = run('sample by h [any where true] [any where n == 1]', [
      s(1, 'a', { h: 'x', n: 1 }),
      s(2, 'a', { h: 'x', n: 2 }),
    ]);
    expect(ids(r)).toEqual([['2', '1']]);
  });
  test('no distinct events: no sample', () => {
    const r = run('sample by h [any where true] [any where true]', [s(1, 'a', { h: 'x' })]);
    expect(ids(r)).toEqual([]);
    expect(r.join!.groups![0]!.reason).toMatch(/one event cannot fill two filters/);
  });
  test('an event in a group that gives no sample is told why', () => {
    const r = run('sample by h [a where true] [b where true]', [
      s(1, 'a', { h: 'x' }),
      s(2, 'b', { h: 'x' }),
      s(3, 'a', { h: 'y' }),
    ]);
    expect(ids(r)).toEqual([['1', '2']]);
    const third = r.join!.events[2]!.stages[0]!;
    expect(third.matched).toBe(true);
    expect(third.note).toBe('its group ["y"] gives no sample: no event with this key matches filter 2');
  });
  test('groups come in ascending key order, null first', () => {
    const r = run('sample by ?h [a where true] [b where true]', [
      s(1, 'a', { h: 'z' }),
      s(2, 'b', { h: 'z' }),
      s(3, 'a', {}),
      s(4, 'b', {}),
      s(5, 'a', { h: 'b' }),
      s(6, 'b', { h: 'b' }),
    ]);
    expect(keys(r)).toEqual([[null], ['b'], ['z']]);
  });
  test('a non-optional key that is missing keeps the event out', () => {
    expect(ids(run('sample by h [a where true] [b where true]', [s(1, 'a', {}), s(2, 'b', {})]))).toEqual([]);
  });
  test('a multi-valued key puts the event in one group per value', () => {
    const r = run('sample by h [a where true] [b where true]', [
      s(1, 'a', { h: ['x', 'y'] }),
      s(2, 'b', { h: 'y' }),
      s(3, 'b', { h: 'x' }),
    ]);
    expect(ids(r)).toEqual([
      ['1', '3'],
      ['1', '2'],
    ]);
  });
  test('size limits the number of samples', () => {
    const src = [s(1, 'a', { h: 'x' }), s(2, 'b', { h: 'x' }), s(3, 'a', { h: 'y' }), s(4, 'b', { h: 'y' })];
    expect(ids(run('sample by h [a where true] [b where true]', src, { size: 1 }))).toEqual([['1', '2']]);
    expect(ids(run('sample by h [a where true] [b where true]', src, { size: 0 }))).toEqual([]);
  });
  test('max_samples_per_key gives several samples per group, depth first', () => {
    const src = [s(1, 'a', { h: 'x' }), s(2, 'a', { h: 'x' }), s(3, 'b', { h: 'x' }), s(4, 'a', { h: 'x' })];
    expect(ids(run('sample by h [a where true] [b where true]', src, { maxSamplesPerKey: 2 }))).toEqual([
      ['1', '3'],
      ['2', '3'],
    ]);
    expect(ids(run('sample by h [a where true] [b where true]', src, { maxSamplesPerKey: 5 }))).toHaveLength(3);
  });
  test('per-filter keys', () => {
    const r = run('sample [a where true] by h [b where true] by g', [s(1, 'a', { h: 'x' }), s(2, 'b', { g: 'x' })]);
    expect(ids(r)).toEqual([['1', '2']]);
  });
  test('date keys are epoch milliseconds', () => {
    const m = JSON.stringify({
      properties: {
        d: { type: 'date', format: 'dd-MM-yyyy' },
        event: { properties: { category: { type: 'keyword' } } },
      },
    });
    const r = run(
      'sample by d [a where true] [b where true]',
      [s(1, 'a', { d: '17-12-2022' }), s(2, 'b', { d: '17-12-2022' })],
      {},
      m,
    );
    expect(keys(r)).toEqual([[1671235200000]]);
  });
});
