/** Pipe counts fold with Java int/long arithmetic (runtime/arithmetic.ts). */
import { describe, expect, test } from 'vitest';
import { parseQuery } from '../../../../src/core/parser/parse';

function pipe(q: string) {
  const r = parseQuery(`process where true | ${q}`);
  return { count: r.ast?.pipes[0]?.count, codes: r.diagnostics.map((d) => d.code) };
}

describe('pipe counts', () => {
  test('constant arithmetic folds', () => {
    expect(pipe('head 2 * 3')).toEqual({ count: 6, codes: [] });
    expect(pipe('tail -(-5)')).toEqual({ count: 5, codes: [] });
    expect(pipe('head (7 - 2) % 3')).toEqual({ count: 2, codes: [] });
    expect(pipe('head 9 / 2')).toEqual({ count: 4, codes: [] });
    expect(pipe('head 4294967296 / 2')).toEqual({ count: 2147483648, codes: [] });
  });

  test('an overflow, a division by zero or a non-integer is no count', () => {
    for (const q of ['head 2147483647 + 1', 'head 10 / 0', 'head 5 % 0', 'head 1.5', 'head -1']) {
      expect(pipe(q), q).toEqual({ count: undefined, codes: ['EQL1015'] });
    }
  });
});
