/** `format` keeps comments (line and block) in place. */
import { describe, expect, test } from 'vitest';
import { scanComments } from '../../../../src/core/ast/comments';
import { formatQuery } from '../../../../src/core/index';

const fmt = (q: string) => formatQuery(q).text;

describe('scanComments', () => {
  test('finds line and block comments outside strings and backquoted names', () => {
    const q = 'process where a == "// no" and `/* no */` == 1 // yes\n/* also */ and b == """/*x*/"""';
    expect(scanComments(q).map((c) => [c.text, c.line, c.trailing])).toEqual([
      ['// yes', true, true],
      ['/* also */', false, false],
    ]);
  });
});

describe('format with comments', () => {
  test('a trailing line comment stays at the end of its line', () => {
    expect(fmt('process where a == 1 // why\n  and b == 2')).toBe('process where\n  a == 1 and // why\n  b == 2');
  });
  test('a leading line comment stays on its own line before the code', () => {
    expect(fmt('// header\nprocess where true')).toBe('// header\nprocess where true');
    expect(fmt('process where\n  // the name\n  process.name == "x"')).toBe(
      'process where\n  // the name\n  process.name == "x"',
    );
  });
  test('block comments stay inline', () => {
    expect(fmt('process where /* c */ a == 1')).toBe('process where /* c */ a == 1');
    expect(fmt('process where a in ("x", /* y */ "y")')).toBe('process where a in ("x", /* y */ "y")');
    expect(fmt('process where a : ("x" /* y */, "z")')).toBe('process where a : ("x" /* y */, "z")');
  });
  test('comments between sequence terms and in by clauses', () => {
    const q =
      'sequence by host.id /* key */ with maxspan=1m\n  [process where true] by process.pid // first\n  [file where true] by process.pid // second';
    expect(fmt(q)).toBe(
      'sequence by host.id /* key */ with maxspan=1m\n  [process where true] by process.pid // first\n  [file where true] by process.pid // second',
    );
  });
  test('a line comment never swallows code, and formatting is idempotent', () => {
    const q = 'process where f(a, // one\n b) and c == 1 // end';
    const once = fmt(q)!;
    for (const l of once.split('\n')) {
      const at = l.indexOf('//');
      if (at >= 0) expect(l.slice(at)).toMatch(/^\/\/ (one|end)$/);
    }
    expect(fmt(once)).toBe(once);
  });
});
