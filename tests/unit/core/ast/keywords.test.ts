import { describe, expect, test } from 'vitest';
import {
  KEYWORDS,
  LITERAL_KEYWORDS,
  PIPE_NAMES,
  RESERVED_WORDS,
  SUPPORTED_PIPES,
  TIME_UNITS,
  UNSUPPORTED_PIPES,
  isKeyword,
} from '../../../../src/core/ast/keywords';
import { parseQuery } from '../../../../src/core/parser/parse';

describe('the keyword list agrees with the grammar', () => {
  test.each([...RESERVED_WORDS])('%s cannot be a bare field segment but can be backquoted', (kw) => {
    expect(parseQuery(`any where a.\`${kw}\` == 1`).diagnostics).toEqual([]);
    expect(parseQuery(`any where a.${kw} == 1`).diagnostics.length).toBeGreaterThan(0);
  });

  test.each([...RESERVED_WORDS].filter((k) => !(LITERAL_KEYWORDS as readonly string[]).includes(k) && k !== 'not'))(
    '%s is not an expression on its own',
    (kw) => {
      expect(parseQuery(`any where ${kw}`).diagnostics.length).toBeGreaterThan(0);
    },
  );

  test('keywords are lowercase only', () => {
    for (const k of KEYWORDS) expect(k).toBe(k.toLowerCase());
    expect(isKeyword('and')).toBe(true);
    expect(isKeyword('AND')).toBe(false);
    expect(isKeyword('runs')).toBe(false);
  });

  test('an uppercase keyword is an ordinary identifier', () => {
    expect(parseQuery('any where AND == WHERE').diagnostics).toEqual([]);
  });
});

describe('pipes and units', () => {
  test('pipe lists', () => {
    expect([...PIPE_NAMES].sort()).toEqual([...SUPPORTED_PIPES, ...UNSUPPORTED_PIPES].sort());
    for (const p of SUPPORTED_PIPES) expect(parseQuery(`any where true | ${p} 1`).diagnostics).toEqual([]);
    for (const p of UNSUPPORTED_PIPES) expect(parseQuery(`any where true | ${p}`).diagnostics[0]!.code).toBe('EQL1013');
  });

  test.each(Object.entries(TIME_UNITS))('maxspan unit %s', (unit, ms) => {
    const r = parseQuery(`sequence with maxspan=2${unit} [a where true] [b where true]`);
    expect(r.diagnostics).toEqual([]);
    expect(r.ast!.query.kind === 'sequence' && r.ast!.query.maxspan?.millis).toBe(2 * ms);
  });
});
