import { describe, expect, test } from 'vitest';
import { createReducerStore, createStore, watch } from '../../../src/ui/state/store';

describe('store', () => {
  test('announces a new value to subscribers, and not the same value twice', () => {
    const s = createStore({ n: 1 });
    const seen: number[] = [];
    const stop = s.subscribe(() => seen.push(s.get().n));
    s.set({ n: 2 });
    s.set(s.get());
    s.update((v) => ({ n: v.n + 1 }));
    stop();
    s.set({ n: 9 });
    expect(seen).toEqual([2, 3]);
    expect(s.get().n).toBe(9);
  });

  test('a reducer store runs its actions through the reducer', () => {
    const s = createReducerStore((n: number, a: 'inc' | 'same') => (a === 'inc' ? n + 1 : n), 0);
    let calls = 0;
    s.subscribe(() => calls++);
    s.dispatch('inc');
    s.dispatch('same');
    expect([s.get(), calls]).toEqual([1, 1]);
  });

  test('watch hears only changes of the selected part, tuples compared element by element', () => {
    const s = createStore({ a: 1, b: 'x', c: [1] });
    const a: [number, number][] = [];
    const pair: unknown[] = [];
    watch(
      s,
      (v) => v.a,
      (next, prev) => a.push([next, prev]),
    );
    watch(
      s,
      (v) => [v.a, v.b],
      (next) => pair.push(next),
    );
    s.update((v) => ({ ...v, c: [2] }));
    s.update((v) => ({ ...v, a: 2 }));
    s.update((v) => ({ ...v, b: 'y' }));
    expect(a).toEqual([[2, 1]]);
    expect(pair).toEqual([
      [2, 'x'],
      [2, 'y'],
    ]);
  });
});
