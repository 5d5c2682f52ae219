import { describe, expect, it } from 'vitest';
import { boundedLevenshtein, didYouMeanSuffix, suggest } from '../../../../src/core/schema/suggest';
import { baseFields } from '../../../../src/core/schema/schema';

describe('suggest', () => {
  it('finds close names, best first', () => {
    expect(suggest('md4', ['md5', 'sha1', 'pid'])).toEqual(['md5']);
    expect(suggest('pib', ['pid', 'ppid', 'process_name'])).toEqual(['pid', 'ppid']);
    expect(suggest('zzzzzz', ['pid', 'ppid'])).toEqual([]);
  });

  it('suggests ECS fields for a typo among thousands of names', () => {
    const names = baseFields().names;
    const s = suggest('process.exectable', names);
    expect(s[0]).toBe('process.executable');
  });

  it('bounded Levenshtein stops early', () => {
    expect(boundedLevenshtein('kitten', 'sitting', 5)).toBe(3);
    expect(boundedLevenshtein('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('formats the suffix like Elasticsearch', () => {
    expect(didYouMeanSuffix([])).toBe('');
    expect(didYouMeanSuffix(['md5'])).toBe(', did you mean [md5]?');
    expect(didYouMeanSuffix(['pid', 'ppid'])).toBe(', did you mean any of [pid, ppid]?');
  });
});
