import { describe, expect, it } from 'vitest';
import { compileFieldAccessor, expandDottedKeys } from '../../../../src/core/runtime/field-access';

const get = (doc: Record<string, unknown>, name: string): unknown => compileFieldAccessor(name.split('.'))(doc);

describe('compileFieldAccessor', () => {
  const doc = {
    a: 1,
    p: { name: 'x', parent: { pid: 7, deep: { v: 'd' } } },
    tags: ['t1', 't2'],
    one: ['only'],
    empty: [],
    nul: null,
    nulls: [null, null],
    mixed: [1, null, [2, [3]]],
    objs: [{ b: 1 }, { b: 2 }, { c: 3 }, { b: [4, 5] }],
    nested: { arr: [{ x: { y: 'a' } }, { x: [{ y: 'b' }, { y: null }] }] },
    constructor: 'own',
  };

  it('reads scalars at depths 1 to 4 and beyond', () => {
    expect(get(doc, 'a')).toBe(1);
    expect(get(doc, 'p.name')).toBe('x');
    expect(get(doc, 'p.parent.pid')).toBe(7);
    expect(get(doc, 'p.parent.deep.v')).toBe('d');
    expect(get({ a: { b: { c: { d: { e: 5 } } } } }, 'a.b.c.d.e')).toBe(5);
  });

  it('returns undefined for missing fields, paths through scalars, and empty arrays', () => {
    expect(get(doc, 'zz')).toBeUndefined();
    expect(get(doc, 'p.zz')).toBeUndefined();
    expect(get(doc, 'a.b')).toBeUndefined();
    expect(get(doc, 'p.name.x.y')).toBeUndefined();
    expect(get(doc, 'empty')).toBeUndefined();
    expect(get(doc, 'nul.x')).toBeUndefined();
  });

  it('keeps explicit null apart from missing', () => {
    expect(get(doc, 'nul')).toBeNull();
    expect(get(doc, 'nulls')).toBeNull();
  });

  it('returns the scalar of a one-element array and a flat array otherwise', () => {
    expect(get(doc, 'one')).toBe('only');
    expect(get(doc, 'tags')).toEqual(['t1', 't2']);
    expect(get(doc, 'mixed')).toEqual([1, 2, 3]);
  });

  it('flattens arrays of objects', () => {
    expect(get(doc, 'objs.b')).toEqual([1, 2, 4, 5]);
    expect(get(doc, 'objs.c')).toBe(3);
    expect(get(doc, 'nested.arr.x.y')).toEqual(['a', 'b']);
  });

  it('does not read inherited properties', () => {
    expect(get({}, 'constructor')).toBeUndefined();
    expect(get({ a: {} }, 'a.toString')).toBeUndefined();
    expect(get(doc, 'constructor')).toBe('own');
  });

  it('does not allocate for scalars (same array returned for clean arrays)', () => {
    expect(get(doc, 'tags')).toBe(doc.tags);
  });
});

describe('expandDottedKeys', () => {
  it('returns the same object when no key has a dot', () => {
    const src = { a: { b: [{ c: 1 }] } };
    expect(expandDottedKeys(src)).toBe(src);
  });

  it('expands and merges dotted keys at any depth without touching the input', () => {
    const src = { 'process.name': 'x', process: { pid: 1 }, list: [{ 'k.v': 2 }], host: { 'os.type': 'linux' } };
    const copy = JSON.parse(JSON.stringify(src));
    expect(expandDottedKeys(src)).toEqual({
      process: { name: 'x', pid: 1 },
      list: [{ k: { v: 2 } }],
      host: { os: { type: 'linux' } },
    });
    expect(src).toEqual(copy);
  });

  it('merges two dotted spellings of the same object', () => {
    expect(expandDottedKeys({ 'a.b': 1, 'a.c': 2, a: { d: 3 } })).toEqual({ a: { b: 1, c: 2, d: 3 } });
  });

  it('keeps keys with empty segments as they are', () => {
    expect(expandDottedKeys({ 'a..b': 1, '.x': 2 })).toEqual({ 'a..b': 1, '.x': 2 });
  });
});
