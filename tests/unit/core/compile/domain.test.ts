/** Stored forms of mapping types (domain.ts): the `version` order. */
import { describe, expect, it } from 'vitest';
import { versionKey } from '../../../../src/core/compile/domain';

/** Sort version texts by their stored key. */
function sorted(versions: readonly string[]): string[] {
  return [...versions].sort((a, b) => {
    const ka = versionKey(a)!;
    const kb = versionKey(b)!;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

describe('versionKey (Elasticsearch version order)', () => {
  it('orders main parts numerically and a pre-release before its release', () => {
    expect(sorted(['2.11.2', '2.4.1', '2.1.0'])).toEqual(['2.1.0', '2.4.1', '2.11.2']);
    expect(sorted(['1.0.0', '1.0.0-alpha'])).toEqual(['1.0.0-alpha', '1.0.0']);
  });
  it('compares numeric pre-release identifiers numerically', () => {
    expect(sorted(['1.0.0-alpha.10', '1.0.0-alpha.9'])).toEqual(['1.0.0-alpha.9', '1.0.0-alpha.10']);
  });
  it('follows the Semantic Versioning precedence example', () => {
    const chain = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ];
    expect(sorted([...chain].reverse())).toEqual(chain);
  });
  it('allows more or fewer than three main parts', () => {
    expect(sorted(['1.2.3.4', '1.2', '1.10', '1.2.3'])).toEqual(['1.2', '1.2.3', '1.2.3.4', '1.10']);
  });
  it('puts invalid versions (the empty string first) after valid ones, as text', () => {
    expect(sorted(['', '1.2.alpha.4', '01.2.3', '99.0.0', 'abc'])).toEqual([
      '99.0.0',
      '',
      '01.2.3',
      '1.2.alpha.4',
      'abc',
    ]);
  });
  it('keeps distinct texts distinct (build metadata included)', () => {
    expect(versionKey('1.0.0+build.1')).not.toBe(versionKey('1.0.0+build.2'));
    expect(versionKey('1.0.0')).toBe(versionKey('1.0.0'));
    expect(sorted(['1.0.0+b', '1.0.0+a', '1.0.0'])).toEqual(['1.0.0', '1.0.0+a', '1.0.0+b']);
  });
});
