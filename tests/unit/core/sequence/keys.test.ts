/** Join keys: sequence-level then per-term, typed comparison, null and optional keys, multi-valued keys. */
import { describe, expect, test } from 'vitest';
import { e, ids, keys, run } from './helpers';

describe('join keys', () => {
  test('sequence-level keys come first, then per-term keys, compared position by position', () => {
    const r = run('sequence by host [a where true] by pid [b where true] by ppid', [
      e(1, 'a', 1, { host: 'h', pid: 7 }),
      e(2, 'b', 2, { host: 'h', ppid: 8 }),
      e(3, 'b', 3, { host: 'x', ppid: 7 }),
      e(4, 'b', 4, { host: 'h', ppid: 7 }),
    ]);
    expect(ids(r)).toEqual([['1', '4']]);
    expect(keys(r)).toEqual([['h', 7]]);
  });
  test('join_keys are the first stage values in their JSON type', () => {
    const r = run(
      'sequence [a where true] by n [b where true] by s',
      [e(1, 'a', 1, { n: 5 }), e(2, 'b', 2, { s: '5' })],
      {},
      mappingOf({ n: 'long', s: 'long' }),
    );
    expect(keys(r)).toEqual([[5]]);
  });
  test('typed comparison: a keyword stores numbers as text, so 5 and "5" join on a keyword field', () => {
    const m = mappingOf({ k: 'keyword' });
    const r = run(
      'sequence by k [a where true] [b where true]',
      [e(1, 'a', 1, { k: 5 }), e(2, 'b', 2, { k: '5' })],
      {},
      m,
    );
    expect(ids(r)).toEqual([['1', '2']]);
    expect(keys(r)).toEqual([['5']]);
  });
  test('ip keys compare addresses', () => {
    const m = mappingOf({ ip: 'ip' });
    const r = run(
      'sequence by ip [a where true] [b where true]',
      [e(1, 'a', 1, { ip: '::ffff:10.0.0.1' }), e(2, 'b', 2, { ip: '10.0.0.1' })],
      {},
      m,
    );
    expect(ids(r)).toEqual([['1', '2']]);
  });
  test('ip keys use the strict parser: a leading zero is no address, and keys print canonically', () => {
    const m = mappingOf({ ip: 'ip' });
    const r = run(
      'sequence by ip [a where true] [b where true]',
      [e(1, 'a', 1, { ip: '010.0.0.1' }), e(2, 'b', 2, { ip: '10.0.0.1' }), e(3, 'a', 3, { ip: '2001:DB8:0::1' })],
      {},
      m,
    );
    expect(ids(r)).toEqual([]);
    const s = run(
      'sample by ip [a where true] [b where true]',
      [
        e(1, 'a', 1, { ip: '10.0.0.1' }),
        e(2, 'b', 2, { ip: '10.0.0.1' }),
        e(3, 'a', 3, { ip: '9.0.0.1' }),
        e(4, 'b', 4, { ip: '9.0.0.1' }),
        e(5, 'a', 5, { ip: '2001:DB8:0:0::1' }),
        e(6, 'b', 6, { ip: '2001:db8::1' }),
      ],
      {},
      m,
    );
    // Groups in address order (IPv4 as ::ffff:a.b.c.d sorts before 2001:db8::), printed canonically.
    expect(keys(s)).toEqual([['9.0.0.1'], ['10.0.0.1'], ['2001:db8::1']]);
  });
  test('date keys compare instants and print in the field format', () => {
    const m = mappingOf({ d: 'date' });
    const r = run(
      'sequence by d [a where true] [b where true]',
      [e(1, 'a', 1, { d: '1970-01-01T00:00:00.000Z' }), e(2, 'b', 2, { d: 0 })],
      {},
      m,
    );
    expect(ids(r)).toEqual([['1', '2']]);
    expect(keys(r)).toEqual([['1970-01-01T00:00:00.000Z']]);
  });
  test('a missing non-optional key excludes the event from that stage', () => {
    const r = run('sequence by k [a where true] [b where true]', [
      e(1, 'a', 1, { k: 1 }),
      e(2, 'a', 2),
      e(3, 'b', 3, { k: 1 }),
    ]);
    expect(ids(r)).toEqual([['1', '3']]);
    const ex = r.join!.events.find((x) => x.id === '2')!.stages[0]!;
    expect(ex.matched).toBe(true);
    expect(ex.note).toMatch(/join key k is missing/);
  });
  test('an explicit null non-optional key excludes the event too', () => {
    expect(
      ids(run('sequence by k [a where true] [b where true]', [e(1, 'a', 1, { k: null }), e(2, 'b', 2, { k: null })])),
    ).toEqual([]);
  });
  test('an optional key allows null, and null joins null', () => {
    const r = run('sequence by ?k [a where true] [b where true]', [
      e(1, 'a', 1, { k: null }),
      e(2, 'b', 2),
      e(3, 'b', 3, { k: 'x' }),
    ]);
    expect(ids(r)).toEqual([['1', '2']]);
    expect(keys(r)).toEqual([[null]]);
  });
  test('null_value from the mapping replaces an explicit null', () => {
    const m = JSON.stringify({
      properties: {
        k: { type: 'keyword', null_value: 'NULL' },
        '@timestamp': { type: 'date' },
        event: { properties: { category: { type: 'keyword' } } },
      },
    });
    const r = run(
      'sequence by k [a where true] [b where true]',
      [e(1, 'a', 1, { k: null }), e(2, 'b', 2, { k: 'NULL' })],
      {},
      m,
    );
    expect(keys(r)).toEqual([['NULL']]);
  });
  test('a multi-valued key gives one key per distinct value (nulls dropped)', () => {
    const r = run('sequence by k [a where true] [b where true]', [
      e(1, 'a', 1, { k: ['y', 'x', 'x', null] }),
      e(2, 'b', 2, { k: ['x', 'y'] }),
    ]);
    expect(ids(r)).toEqual([
      ['1', '2'],
      ['1', '2'],
    ]);
    expect(keys(r)).toEqual([['x'], ['y']]);
  });
  test('several multi-valued keys give the Cartesian product, first key outermost', () => {
    const r = run('sequence by k, j [a where true] [b where true]', [
      e(1, 'a', 1, { k: ['1', '2'], j: ['p', 'q'] }),
      e(2, 'b', 2, { k: ['1', '2'], j: ['p', 'q'] }),
    ]);
    expect(keys(r)).toEqual([
      ['1', 'p'],
      ['1', 'q'],
      ['2', 'p'],
      ['2', 'q'],
    ]);
  });
  test('version keys compare by version, not text', () => {
    const m = mappingOf({ v: 'version' });
    const r = run(
      'sequence by v [a where true] [b where true]',
      [e(1, 'a', 1, { v: '1.2.0' }), e(2, 'b', 2, { v: '1.2.0' }), e(3, 'b', 3, { v: '1.10.0' })],
      {},
      m,
    );
    expect(keys(r)).toEqual([['1.2.0']]);
  });
});

function mappingOf(fields: Record<string, string>): string {
  const properties: Record<string, unknown> = {
    '@timestamp': { type: 'date' },
    event: { properties: { category: { type: 'keyword' } } },
  };
  for (const [k, t] of Object.entries(fields)) properties[k] = { type: t };
  return JSON.stringify({ properties });
}
