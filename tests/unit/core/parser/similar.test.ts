import { describe, expect, test } from 'vitest';
import { editDistance, findSimilar, similarity } from '../../../../src/core/parser/similar';

describe('did-you-mean suggestions', () => {
  test('edit distance', () => {
    expect(editDistance('head', 'head')).toBe(0);
    expect(editDistance('heda', 'head')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  test('similarity is 1 - distance / longest', () => {
    expect(similarity('tial', 'tail')).toBe(0.5);
    expect(similarity('', '')).toBe(1);
  });

  test('keeps candidates scoring at least 0.5, best first', () => {
    expect(findSimilar('heda', ['head', 'tail', 'count'])).toEqual(['head']);
    expect(findSimilar('zzz', ['head', 'tail'])).toEqual([]);
    expect(findSimilar('unique_cnt', ['unique', 'unique_count'])).toEqual(['unique_count', 'unique']);
  });
});
