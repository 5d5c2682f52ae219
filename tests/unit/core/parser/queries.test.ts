import { describe, expect, test } from 'vitest';
import { parseQuery } from '../../../../src/core/parser/parse';
import { ok, sx } from './helpers';

describe('event queries', () => {
  test('named category', () => {
    const ast = ok('process where true');
    expect(ast.query.kind).toBe('event');
    if (ast.query.kind !== 'event') return;
    expect(ast.query.category).toMatchObject({
      any: false,
      name: 'process',
      raw: 'process',
      range: { start: 0, end: 7 },
    });
    expect(sx(ast.query.condition)).toBe('true');
    expect(ast.pipes).toEqual([]);
  });

  test('any', () => {
    const ast = ok('any where x');
    if (ast.query.kind !== 'event') throw new Error('shape');
    expect(ast.query.category).toMatchObject({ any: true, name: 'any', raw: 'any' });
  });

  test.each([
    ['"my-cat" where true', 'my-cat'],
    ['"""my.cat""" where true', 'my.cat'],
    ['"a\\tb" where true', 'a\tb'],
    ['Process where true', 'Process'],
  ])('category %s', (text, name) => {
    const ast = ok(text);
    if (ast.query.kind !== 'event') throw new Error('shape');
    expect(ast.query.category.name).toBe(name);
  });
});

describe('sequences', () => {
  test('by, maxspan, terms, until', () => {
    const ast = ok(
      'sequence by host.id, user.name with maxspan=5m [process where a] by p [file where b] by f until [process where c] by p',
    );
    const q = ast.query;
    if (q.kind !== 'sequence') throw new Error('shape');
    expect(q.by.map((f) => f.name)).toEqual(['host.id', 'user.name']);
    expect(q.maxspan).toMatchObject({ value: 5, unit: 'm', millis: 300_000, raw: 'maxspan=5m' });
    expect(q.terms).toHaveLength(2);
    expect(q.terms[0]!.by.map((f) => f.name)).toEqual(['p']);
    expect(q.terms[1]!.query.category.name).toBe('file');
    expect(q.until?.query.category.name).toBe('process');
    expect(q.until?.by.map((f) => f.name)).toEqual(['p']);
  });

  test.each([
    ['1ms', 1],
    ['2s', 2000],
    ['3 m', 180_000],
    ['4h', 14_400_000],
    ['1d', 86_400_000],
  ])('maxspan=%s', (span, millis) => {
    const ast = ok(`sequence with maxspan=${span} [a where true] [b where true]`);
    if (ast.query.kind !== 'sequence') throw new Error('shape');
    expect(ast.query.maxspan?.millis).toBe(millis);
  });

  test('spaces around = in maxspan and runs', () => {
    const ast = ok('sequence with maxspan = 1s [a where true] with runs = 3');
    if (ast.query.kind !== 'sequence') throw new Error('shape');
    expect(ast.query.maxspan?.millis).toBe(1000);
    expect(ast.query.terms[0]!.runs).toBe(3);
  });

  test('missing-event terms and runs after the term by', () => {
    const ast = ok(
      'sequence by u with maxspan=1h [a where true] by x with runs=2 ![b where true] by y [c where true] by z',
    );
    if (ast.query.kind !== 'sequence') throw new Error('shape');
    expect(ast.query.terms.map((t) => [t.missing, t.runs, t.by[0]?.name])).toEqual([
      [false, 2, 'x'],
      [true, undefined, 'y'],
      [false, undefined, 'z'],
    ]);
  });

  test('optional join keys', () => {
    const ast = ok('sequence by ?process.entity_id, process.pid [a where true] [b where true]');
    if (ast.query.kind !== 'sequence') throw new Error('shape');
    expect(ast.query.by.map((f) => f.optional)).toEqual([true, false]);
  });

  test('parenthesised join key is the field', () => {
    const ast = ok('sequence by (a) [x where true] [y where true]');
    if (ast.query.kind !== 'sequence') throw new Error('shape');
    expect(ast.query.by[0]!.name).toBe('a');
  });

  test('term ranges cover brackets and clauses', () => {
    const text = 'sequence [a where true] by k with runs=2 [b where true] by k';
    const ast = ok(text);
    if (ast.query.kind !== 'sequence') throw new Error('shape');
    const t = ast.query.terms[0]!;
    expect(text.slice(t.range.start, t.range.end)).toBe('[a where true] by k with runs=2');
    expect(text.slice(t.query.range.start, t.query.range.end)).toBe('a where true');
  });
});

describe('samples', () => {
  test('sample-level and per-filter keys', () => {
    const ast = ok('sample by host.id [process where a] by p [file where b] by f [network where c] by n');
    if (ast.query.kind !== 'sample') throw new Error('shape');
    expect(ast.query.by.map((f) => f.name)).toEqual(['host.id']);
    expect(ast.query.terms.map((t) => t.by[0]!.name)).toEqual(['p', 'f', 'n']);
  });

  test('a sample with no sample-level keys', () => {
    const ast = ok('sample [a where true] by x [b where true] by y');
    if (ast.query.kind !== 'sample') throw new Error('shape');
    expect(ast.query.by).toEqual([]);
  });
});

describe('pipes', () => {
  test('head and tail', () => {
    const ast = ok('process where true | head 5 | tail 2');
    expect(ast.pipes.map((p) => [p.name, p.count])).toEqual([
      ['head', 5],
      ['tail', 2],
    ]);
  });

  test('head 0 is accepted', () => {
    expect(ok('any where true | head 0').pipes[0]!.count).toBe(0);
  });

  test('a constant integer expression is folded', () => {
    expect(ok('any where true | head 1 + 2 * 3').pipes[0]!.count).toBe(7);
  });

  test('pipes after a sequence', () => {
    const ast = ok('sequence [a where true] [b where true] | tail 3');
    expect(ast.pipes[0]).toMatchObject({ name: 'tail', count: 3 });
  });
});

describe('recognised then rejected forms', () => {
  test('join gives the Elasticsearch error and no AST', () => {
    const r = parseQuery('join by a [x where true] [y where true] until [z where true]');
    expect(r.ast).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([['EQL2001', 'JOIN command is not supported']]);
  });

  test.each(['descendant', 'child', 'event'])('%s of [...]', (rel) => {
    const text = `process where ${rel} of [process where true] and a`;
    const r = parseQuery(text);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.code).toBe('EQL1007');
    expect(d.message).toBe('Process relationships are not supported');
    expect(text.slice(d.range.start, d.range.end)).toBe(`${rel} of [process where true]`);
  });

  test('array index', () => {
    const text = 'process where a[0] == 1';
    const r = parseQuery(text);
    expect(r.diagnostics.map((d) => [d.code, d.message, text.slice(d.range.start, d.range.end)])).toEqual([
      ['EQL1006', 'Array indexes are not supported', '[0]'],
    ]);
  });
});
