import { describe, expect, test } from 'vitest';
import { withKeys } from '../../../src/ui/state/list-keys';

describe('withKeys', () => {
  test('each item is keyed by what tells it apart', () => {
    expect(withKeys(['a', 'b'], (s) => s)).toEqual([
      { key: 'a', item: 'a' },
      { key: 'b', item: 'b' },
    ]);
  });

  test('repeats are numbered in order, and every key is unique', () => {
    const keys = withKeys(['x', 'y', 'x', 'x'], (s) => s).map((k) => k.key);
    expect(keys).toEqual(['x', 'y', 'x#2', 'x#3']);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test("an item's key does not move when a different item is inserted before it", () => {
    const before = withKeys([{ id: 1 }, { id: 2 }], (o) => String(o.id));
    const after = withKeys([{ id: 0 }, { id: 1 }, { id: 2 }], (o) => String(o.id));
    expect(after.find((k) => k.item.id === 2)!.key).toBe(before.find((k) => k.item.id === 2)!.key);
  });

  test('a key text that looks like a numbered repeat stays distinct', () => {
    const keys = withKeys(['x', 'x', 'x#2'], (s) => s).map((k) => k.key);
    expect(new Set(keys).size).toBe(3);
  });
});
