import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileWildcard, hasWildcard, matchingPattern } from '../../../../src/core/runtime/wildcard';

/** Reference matcher: plain recursive backtracking over code points, no fast paths. */
function naiveMatch(pattern: string, value: string): boolean {
  const p = Array.from(pattern);
  const v = Array.from(value);
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let r: boolean;
    if (i === p.length) r = j === v.length;
    else if (p[i] === '*') r = go(i + 1, j) || (j < v.length && go(i, j + 1));
    else if (p[i] === '?') r = j < v.length && go(i + 1, j + 1);
    else r = j < v.length && p[i] === v[j] && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

describe('compileWildcard', () => {
  it('matches exact text', () => {
    const m = compileWildcard(['cmd.exe'], false);
    expect(m('cmd.exe')).toBe(true);
    expect(m('CMD.exe')).toBe(false);
    expect(m('cmd.exe ')).toBe(false);
  });
  it('uses prefix, suffix and contains paths', () => {
    expect(compileWildcard(['cmd*'], false)('cmd.exe')).toBe(true);
    expect(compileWildcard(['*.exe'], false)('cmd.exe')).toBe(true);
    expect(compileWildcard(['*md.e*'], false)('cmd.exe')).toBe(true);
    expect(compileWildcard(['*xyz*'], false)('cmd.exe')).toBe(false);
    expect(compileWildcard(['c*e'], false)('cmd.exe')).toBe(true);
    expect(compileWildcard(['ab*ba'], false)('aba')).toBe(false);
    expect(compileWildcard(['*'], false)('')).toBe(true);
  });
  it('`*` crosses slashes and newlines', () => {
    expect(compileWildcard(['C:\\*\\cmd.exe'], false)('C:\\Windows\\System32\\cmd.exe')).toBe(true);
    expect(compileWildcard(['a*b'], false)('a\n/\nb')).toBe(true);
    expect(compileWildcard(['a?b'], false)('a\nb')).toBe(true);
  });
  it('`?` is exactly one code point', () => {
    const m = compileWildcard(['a?c'], false);
    expect(m('abc')).toBe(true);
    expect(m('ac')).toBe(false);
    expect(m('abbc')).toBe(false);
    expect(m('a\u{1F600}c')).toBe(true);
  });
  it('has no escape character: backslash is literal', () => {
    const m = compileWildcard(['a\\*'], false);
    expect(m('a\\')).toBe(true);
    expect(m('a\\xyz')).toBe(true);
    expect(m('a*')).toBe(false);
  });
  it('regex metacharacters and % _ are literal', () => {
    expect(compileWildcard(['a.c?'], false)('abcd')).toBe(false);
    expect(compileWildcard(['(x)[y]{z}|$^?'], false)('(x)[y]{z}|$^!')).toBe(true);
    expect(compileWildcard(['100%_?'], false)('100%_x')).toBe(true);
    expect(compileWildcard(['100%'], false)('1000')).toBe(false);
  });
  it('case-insensitive variant lower-cases both sides', () => {
    expect(compileWildcard(['*\\SYSTEM32\\*.EXE'], true)('c:\\windows\\system32\\cmd.exe')).toBe(true);
    expect(compileWildcard(['Foo'], true)('fOO')).toBe(true);
    expect(compileWildcard(['f?o'], true)('FXO')).toBe(true);
  });
  it('a list is an OR; an empty list matches nothing', () => {
    const m = compileWildcard(['*.dll', 'cmd.exe', 'power?hell*'], false);
    expect(m('x.dll')).toBe(true);
    expect(m('cmd.exe')).toBe(true);
    expect(m('powershell.exe')).toBe(true);
    expect(m('bash')).toBe(false);
    expect(compileWildcard([], false)('x')).toBe(false);
  });
  it('matches many stars and `?` in one pass over long values', () => {
    const m = compileWildcard(['*a*a*a*a?b'], false);
    const long = 'a'.repeat(10_000);
    expect(m(long)).toBe(false);
    expect(m(`${long}b`)).toBe(true);
    expect(m('aaaab')).toBe(false);
    expect(m('aaaaab')).toBe(true);
    expect(m('xaxaxaxa\u{1F600}b')).toBe(true);
    expect(compileWildcard(['a*b*c*d'], false)(`a${'bc'.repeat(5000)}d`)).toBe(true);
    expect(compileWildcard(['a*b*c*d'], false)(`a${'cb'.repeat(5000)}`)).toBe(false);
  });
  it('agrees with a naive reference matcher (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', '*', '?', '\\', '.', '\u{1F600}', '\n');
    const valueChars = fc.constantFrom('a', 'b', '*', '?', '\\', '.', '\u{1F600}', '\n', 'c');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 8 }), fc.array(valueChars, { maxLength: 10 }), (pc, vc) => {
        const pattern = pc.join('');
        const value = vc.join('');
        expect(compileWildcard([pattern], false)(value)).toBe(naiveMatch(pattern, value));
        expect(matchingPattern([pattern], false)(value)).toBe(naiveMatch(pattern, value) ? 0 : -1);
      }),
      { numRuns: 3000 },
    );
  });
  it('lists agree with the OR of the reference matcher (property)', () => {
    const pat = fc.array(fc.constantFrom('a', 'b', '*', '?'), { maxLength: 5 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(pat, { maxLength: 4 }), fc.stringMatching(/^[ab]{0,6}$/), (patterns, value) => {
        expect(compileWildcard(patterns, false)(value)).toBe(patterns.some((p) => naiveMatch(p, value)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('matchingPattern', () => {
  it('returns the index of the first matching pattern', () => {
    const which = matchingPattern(['*.dll', '*.exe', 'cmd*'], true);
    expect(which('CMD.EXE')).toBe(1);
    expect(which('cmd')).toBe(2);
    expect(which('x.sys')).toBe(-1);
  });
});

describe('hasWildcard', () => {
  it('detects * and ?', () => {
    expect(hasWildcard('a*')).toBe(true);
    expect(hasWildcard('a?')).toBe(true);
    expect(hasWildcard('a\\b')).toBe(false);
  });
});
