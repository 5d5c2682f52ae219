import { describe, expect, it } from 'vitest';
import { compileLuceneRegex, compileLuceneRegexList } from '../../../../src/core/runtime/lucene-regex';

function matches(pattern: string, value: string, ci = false): boolean {
  const r = compileLuceneRegex(pattern, ci);
  if (!r.ok) throw new Error(r.message);
  return r.test(value);
}

function error(pattern: string): string | undefined {
  const r = compileLuceneRegex(pattern, false);
  return r.ok ? undefined : r.message;
}

describe('compileLuceneRegex: basics', () => {
  it.each([
    ['a.c', 'abc', true],
    ['a.c', 'a\nc', true],
    ['a.c', 'a\u{1F600}c', true],
    ['abc', 'xabcx', false],
    ['ab+', 'abbb', true],
    ['ab+', 'a', false],
    ['ab*', 'a', true],
    ['ab?c', 'ac', true],
    ['a{2}', 'aa', true],
    ['a{2,3}', 'aaa', true],
    ['a{2,3}', 'aaaa', false],
    ['a{2,}', 'aaaaa', true],
    ['a{0}', '', true],
    ['ab|cd', 'cd', true],
    ['(ab)+', 'ababab', true],
    ['()', '', true],
    ['', '', true],
    ['', 'a', false],
  ])('%s on %j → %s', (p, v, want) => {
    expect(matches(p, v)).toBe(want);
  });

  it('is anchored to the whole value', () => {
    expect(matches('cmd', 'cmd.exe')).toBe(false);
    expect(matches('.*cmd.*', 'C:\\cmd.exe')).toBe(true);
  });

  it('treats ^ and $ as ordinary characters', () => {
    expect(matches('^a$', '^a$')).toBe(true);
    expect(matches('^a$', 'a')).toBe(false);
  });

  it('takes a quantifier with nothing to repeat literally', () => {
    expect(matches('*a', '*a')).toBe(true);
    expect(matches('+', '+')).toBe(true);
    expect(matches('|a', '|a')).toBe(true);
  });
});

describe('classes and escapes', () => {
  it.each([
    ['[a-c]+', 'cab', true],
    ['[a-c]+', 'cad', false],
    ['[^a-c]', 'd', true],
    ['[^a-c]', 'a', false],
    ['[^a-c]', '\n', true],
    ['[]a]+', ']a', true],
    ['[.*]+', '*.', true],
    ['\\d+', '0123', true],
    ['\\d', 'x', false],
    ['\\D', 'x', true],
    ['\\s', '\t', true],
    ['\\s', '\f', false],
    ['\\S+', 'ab', true],
    ['\\w+', 'a_Z9', true],
    ['\\W', '-', true],
    ['\\W', 'a', false],
    ['[\\d\\W]+', '1-2', true],
    ['[\\d\\W]+', '1a', false],
    ['[^\\d]', 'a', true],
    ['a\\.b', 'a.b', true],
    ['a\\.b', 'axb', false],
    ['\\\\', '\\', true],
    ['\\*', '*', true],
  ])('%s on %j → %s', (p, v, want) => {
    expect(matches(p, v)).toBe(want);
  });

  it('quoted strings are literal', () => {
    expect(matches('"a.b*"', 'a.b*')).toBe(true);
    expect(matches('"a.b*"', 'axb')).toBe(false);
    expect(matches('x"(y)"+', 'x(y)(y)')).toBe(true);
  });
});

describe('extended operators (flags ALL)', () => {
  it('@ is any string and # the empty language', () => {
    expect(matches('@', 'anything at all\n')).toBe(true);
    expect(matches('a@', 'a')).toBe(true);
    expect(matches('#', '')).toBe(false);
    expect(matches('#|a', 'a')).toBe(true);
  });

  it('~ is the complement', () => {
    expect(matches('~(abc)', 'abd')).toBe(true);
    expect(matches('~(abc)', 'abc')).toBe(false);
    expect(matches('~(abc)', '')).toBe(true);
    expect(matches('x~(ab)y', 'xaby')).toBe(false);
    expect(matches('x~(ab)y', 'xacy')).toBe(true);
    expect(matches('x~(ab)y', 'xy')).toBe(true);
    expect(matches('~(.*\\.exe)', 'cmd.exe')).toBe(false);
    expect(matches('~(.*\\.exe)', 'cmd.dll')).toBe(true);
    // ~ binds tighter than repetition: (~a)*, which cannot produce the single "a"
    expect(matches('~a*', 'aa')).toBe(true);
    expect(matches('~a*', 'a')).toBe(false);
    expect(matches('~~a', 'a')).toBe(true);
    expect(matches('(a~b)c', 'aac')).toBe(true);
    expect(matches('(a~b)c', 'abc')).toBe(false);
  });

  it('& is the intersection', () => {
    expect(matches('a.*&.*b', 'axb')).toBe(true);
    expect(matches('a.*&.*b', 'axc')).toBe(false);
    expect(matches('x(a.*&.*b)y', 'xaby')).toBe(true);
    expect(matches('x(a.*&.*b)y', 'xacy')).toBe(false);
    expect(matches('(ab&a.)+', 'abab')).toBe(true);
    expect(matches('(ab&a.)+', 'abac')).toBe(false);
    expect(matches('.*&~(.*evil.*)', 'good')).toBe(true);
    expect(matches('.*&~(.*evil.*)', 'so evil')).toBe(false);
    expect(matches('&a', '&a')).toBe(true);
    // nested: an intersection inside the checked operand of another
    expect(matches('x((a.&.b)&ab)y', 'xaby')).toBe(true);
    expect(matches('x(~(ab)&..)y', 'xacy')).toBe(true);
    expect(matches('x(~(ab)&..)y', 'xaby')).toBe(false);
  });

  it('<n-m> is a numeric interval', () => {
    expect(matches('<1-100>', '42')).toBe(true);
    expect(matches('<1-100>', '100')).toBe(true);
    expect(matches('<1-100>', '101')).toBe(false);
    expect(matches('<1-100>', '0')).toBe(false);
    expect(matches('<1-100>', '007')).toBe(true);
    expect(matches('<01-10>', '05')).toBe(true);
    expect(matches('<01-10>', '5')).toBe(false);
    expect(matches('<10-01>', '07')).toBe(true);
    expect(matches('port<8000-8080>', 'port8080')).toBe(true);
    expect(matches('port<8000-8080>', 'port8081')).toBe(false);
    for (let i = 0; i <= 300; i++) expect(matches('<17-254>', String(i))).toBe(i >= 17 && i <= 254);
    for (let i = 0; i <= 999; i += 7) {
      expect(matches('<005-123>', String(i).padStart(3, '0'))).toBe(i >= 5 && i <= 123);
    }
  });
});

describe('case-insensitive (regex~)', () => {
  it('folds case in literals and classes', () => {
    expect(matches('CMD\\.EXE', 'cmd.exe', true)).toBe(true);
    expect(matches('[a-c]+', 'ABC', true)).toBe(true);
    expect(matches('[^a]', 'A', true)).toBe(false);
    expect(matches('CMD', 'cmd', false)).toBe(false);
  });
});

describe('syntax errors use Lucene wording', () => {
  it.each([
    ['[abc', "expected ']' at position 4"],
    ['a{', 'integer expected at position 2'],
    ['a{2', "expected '}' at position 3"],
    ['a{3,2}', 'invalid repetition range(out of order): 3..2'],
    ['a|', 'unexpected end-of-string'],
    ['a\\', 'unexpected end-of-string'],
    ['(ab', "expected ')' at position 3"],
    ['a)', 'end-of-string expected at position 1'],
    ['[b-a]', 'invalid range: from (98) cannot be > to (97)'],
    ['"abc', `expected '"' at position 4`],
    ['<1-x>', 'interval syntax error at position 4'],
    ['<abc>', "'abc' not found"],
    ['\\n', 'invalid character class \\n'],
    ['\\p', 'invalid character class \\p'],
  ])('%s → %s', (p, message) => {
    expect(error(p)).toBe(message);
  });
});

describe('compileLuceneRegexList', () => {
  it('matches when any pattern matches and reports the first error', () => {
    const r = compileLuceneRegexList(['.*\\.exe', '.*\\.dll'], false);
    expect(r.ok && r.test('a.dll')).toBe(true);
    expect(r.ok && r.test('a.sys')).toBe(false);
    const bad = compileLuceneRegexList(['ok', '[x'], false);
    expect(bad.ok).toBe(false);
  });
});
