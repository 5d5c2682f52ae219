import { describe, expect, test } from 'vitest';
import { Codes } from '../../../../src/core/diagnostics/codes';
import { parseQuery, MAX_BRACKET_DEPTH } from '../../../../src/core/parser/parse';
import { diags, one } from './helpers';

describe('string literal errors', () => {
  test('single quotes', () => {
    const d = one("process where x == 'abc'");
    expect(d).toMatchObject({
      code: Codes.SingleQuotes,
      message: 'Use double quotes ["] to define string literals, not single quotes [\']',
      at: "'abc'",
    });
  });

  test.each([
    ['?"abc"', '?"'],
    ["?'abc'", "?'"],
  ])('%s', (lit, prefix) => {
    const d = one(`process where x == ${lit}`);
    expect(d).toMatchObject({
      code: Codes.QuestionQuotes,
      message: `Use triple double quotes ["""] to define unescaped string literals, not [${prefix}]`,
      at: lit,
    });
  });

  test.each([
    ['\\u{D}', 'Unicode sequence should use [2-8] hex digits, [\\u{D}] has [1]'],
    ['\\u{123456789}', 'Unicode sequence should use [2-8] hex digits, [\\u{123456789}] has [9]'],
    ['\\u{d800}', 'Invalid unicode character code, [d800] is a surrogate code'],
    ['\\u{10000000}', 'Invalid unicode character code [10000000]'],
  ])('unicode escape %s', (esc, message) => {
    const d = one(`process where x == "a${esc}b"`);
    expect(d).toMatchObject({ code: Codes.BadUnicodeEscape, message, at: esc });
  });

  test('\\u without braces', () => {
    const d = one('process where x == "\\u0041"');
    expect(d.code).toBe(Codes.BadUnicodeEscape);
    expect(d.at).toBe('\\u');
  });

  test('unknown escape, with the regex hint', () => {
    const d = one('process where x regex "\\d+"');
    expect(d).toMatchObject({
      code: Codes.BadEscape,
      message: 'Unknown escape sequence [\\d] in string literal',
      at: '\\d',
    });
    expect(d.notes?.[0]).toContain('"\\\\d"');
    expect(d.notes?.[0]).toContain('"""\\d"""');
  });

  test('unterminated string', () => {
    const d = one('process where x == "abc\n and y');
    expect(d).toMatchObject({ code: Codes.SyntaxError, message: 'Unterminated string', at: '"abc' });
  });

  test('a raw string cannot span lines', () => {
    const d = one('process where x == """abc\n"""');
    expect(d).toMatchObject({ code: Codes.SyntaxError, message: 'Unterminated raw string', at: '"""abc' });
  });

  test('unterminated backquote', () => {
    const d = one('process where `abc == 1');
    expect(d).toMatchObject({ code: Codes.SyntaxError, message: 'Unterminated backquoted name', at: '`' });
  });

  test('unterminated block comment', () => {
    const d = one('process where true /* a /* b */');
    expect(d).toMatchObject({ code: Codes.SyntaxError, message: 'Unterminated block comment', at: '/*' });
  });
});

describe('targeted syntax errors', () => {
  test('= used for ==', () => {
    const d = one('process where a = 1');
    expect(d).toMatchObject({
      code: Codes.AssignmentNotEquality,
      message: 'Use [==] to compare values, not [=]',
      at: '=',
    });
  });

  test.each([
    ['process where a == 1 AND b', 'AND', 'and'],
    ['process where a == 1 Or b', 'Or', 'or'],
    ['process where NOT a', 'NOT', 'not'],
    ['process WHERE a', 'WHERE', 'where'],
    ['SEQUENCE [a where true] [b where true]', 'SEQUENCE', 'sequence'],
  ])('uppercase keyword in %s', (text, kw, lower) => {
    const d = one(text);
    expect(d).toMatchObject({ code: Codes.UppercaseKeyword, message: `Keyword [${kw}] must be lowercase`, at: kw });
    expect(d.notes?.[0]).toContain(`write [${lower}]`);
  });

  test.each([
    ['a && b', '&&', 'Use [and] instead of [&&]'],
    ['a || b', '||', 'Use [or] instead of [||]'],
    ['!a', '!', 'Use [not] instead of [!]'],
    ['a <> 1', '<>', 'Use [!=] instead of [<>]'],
    ['a === 1', '===', 'Use [==] instead of [===]'],
    ['a =< 1', '=<', 'Use [<=] instead of [=<]'],
  ])('%s', (cond, at, message) => {
    const d = one(`process where ${cond}`);
    expect(d).toMatchObject({ code: Codes.SyntaxError, message, at });
  });

  test('chained comparisons', () => {
    const d = one('process where a < b < c');
    expect(d.code).toBe(Codes.ChainedComparison);
    expect(d.at).toBe('<');
    expect(d.range).toEqual({ start: 20, end: 21 });
  });

  test('empty in list', () => {
    const d = one('process where x in ()');
    expect(d).toMatchObject({ code: Codes.SyntaxError, message: "Expected expression but found ')'", at: ')' });
    expect(d.notes).toEqual(['An [in] list cannot be empty.']);
  });

  test('in ~ with a space', () => {
    const d = one('process where x in ~("a")');
    expect(d.code).toBe(Codes.SyntaxError);
    expect(d.at).toBe('~');
  });

  test('not like is not a suffix', () => {
    const d = one('process where x not like "a"');
    expect(d).toMatchObject({ code: Codes.SyntaxError, at: 'like' });
    expect(d.notes?.[0]).toContain('not x like');
  });

  test('the right side of : must be a constant', () => {
    const d = one('process where x : y');
    expect(d).toMatchObject({ code: Codes.SyntaxError, message: "Expected constant or '(' but found 'y'", at: 'y' });
  });

  test('keyword field segment', () => {
    const d = one('process where event.sequence > 1');
    expect(d).toMatchObject({ code: Codes.SyntaxError, at: 'sequence' });
    expect(d.message).toContain('`sequence`');
  });

  test('a bare keyword where an expression is expected', () => {
    const d = one('process where sequence > 1');
    expect(d).toMatchObject({ code: Codes.SyntaxError, at: 'sequence' });
    expect(d.notes?.[0]).toContain('`sequence`');
  });

  test('non-ASCII whitespace', () => {
    const d = one('process where\u00a0true');
    expect(d).toMatchObject({
      code: Codes.SyntaxError,
      message: "token recognition error at: '\\u{a0}'",
      at: '\u00a0',
    });
  });

  test('backquoted category is rejected', () => {
    const d = one('`x` where true');
    expect(d.code).toBe(Codes.SyntaxError);
    expect(d.at).toBe('`x`');
  });

  test('optional field as category is rejected', () => {
    expect(one('?x where true').at).toBe('?');
  });
});

describe('generic syntax errors are located precisely', () => {
  test('missing operand at end of input widens to the last visible character', () => {
    const d = one('process where a ==\n');
    expect(d).toMatchObject({ code: Codes.SyntaxError, message: 'Expected expression but found end of input' });
    expect(d.range).toEqual({ start: 17, end: 18 });
  });

  test('empty input', () => {
    const d = one('');
    expect(d.range).toEqual({ start: 0, end: 0 });
    expect(d.message).toBe("Expected event category, 'join', 'sample' or 'sequence' but found end of input");
  });

  test('missing where', () => {
    const d = one('process a == 1');
    expect(d).toMatchObject({ message: "Expected 'where' but found 'a'", at: 'a' });
  });

  test('junk after a complete condition', () => {
    const d = one('process where a == 1 b');
    expect(d.at).toBe('b');
    expect(d.message).toMatch(/^Expected operator, 'and', 'or', '\|' or end of input but found 'b'$/);
  });

  test('! with a space is not a missing-event term', () => {
    expect(one('sequence with maxspan=1s [a where true] ! [b where true]').at).toBe('!');
  });
});

describe('sequence errors', () => {
  test('by after with', () => {
    const d = one('sequence with maxspan=1s by a [x where true] [y where true]');
    expect(d).toMatchObject({
      code: Codes.ByAfterWith,
      message: 'Please specify sequence [by] before [with] not after',
      at: 'by a',
    });
  });

  test('join key count mismatch: expected and found count the per-term keys', () => {
    const d = one('sequence by u [x where true] by a [y where true] by a, b');
    expect(d).toMatchObject({
      code: Codes.JoinKeyCount,
      message: 'Inconsistent number of join keys specified; expected [1] but found [2]',
      at: 'by a, b',
    });
  });

  test('join key count mismatch on a term without keys points at the term', () => {
    const d = one('sequence [x where true] by a [y where true]');
    expect(d).toMatchObject({
      code: Codes.JoinKeyCount,
      message: 'Inconsistent number of join keys specified; expected [1] but found [0]',
      at: '[y where true]',
    });
  });

  test('until counts too', () => {
    const d = one('sequence [x where true] by a [y where true] by a until [z where true] by a, b');
    expect(d.code).toBe(Codes.JoinKeyCount);
  });

  test('non-field join key', () => {
    const d = one('sequence by length(a) [x where true] [y where true]');
    expect(d).toMatchObject({
      code: Codes.UnsupportedJoinKey,
      message: 'Unsupported join key [length(a)]',
      at: 'length(a)',
    });
  });

  test.each([
    ['0s', 'A positive maxspan value is required; found [0]', '0'],
    ['5', 'No time unit specified, did you mean [s] as in [5s]?', '5'],
    ['5w', 'Unrecognized time unit [w] in [5w], please specify one of [ms, s, m, h, d]', 'w'],
    ['5 w', 'Unrecognized time unit [w] in [5w], please specify one of [ms, s, m, h, d]', 'w'],
    ['5M', 'Unrecognized time unit [M] in [5M], please specify one of [ms, s, m, h, d]', 'M'],
    ['1.5m', 'Decimal time interval [1.5] not supported; please use an positive integer', '1.5'],
  ])('maxspan=%s', (span, message, at) => {
    const d = one(`sequence with maxspan=${span} [x where true] [y where true]`);
    expect(d).toMatchObject({ code: Codes.Maxspan, message, at });
  });

  test.each(['0', '101', '1.5'])('runs=%s', (n) => {
    const d = one(`sequence [x where true] with runs=${n} [y where true]`);
    expect(d.code).toBe(Codes.Runs);
    expect(d.at).toBe(n);
  });

  test.each(['1', '100'])('runs=%s is within bounds', (n) => {
    expect(diags(`sequence [x where true] with runs=${n} [y where true]`)).toEqual([]);
  });

  test('unknown term parameter', () => {
    const d = one('sequence [x where true] with foo=2 [y where true]');
    expect(d).toMatchObject({ code: Codes.Runs, at: 'foo' });
  });

  test('by after with runs on a term', () => {
    const d = one('sequence [x where true] with runs=2 by a [y where true] by a');
    expect(d).toMatchObject({ code: Codes.ByAfterWith, at: 'by a' });
  });

  test('a sequence needs two stages', () => {
    const d = one('sequence [x where true]');
    expect(d).toMatchObject({ message: 'A sequence requires a minimum of 2 queries, found [1]', at: '[x where true]' });
  });
});

describe('pipe errors', () => {
  test.each(['count', 'filter', 'sort', 'unique', 'unique_count'])('%s is recognised but unsupported', (name) => {
    const d = one(`process where true | ${name} a`);
    expect(d).toMatchObject({
      code: Codes.UnsupportedPipe,
      message: `Pipe [${name}] is not supported`,
      at: `| ${name} a`,
    });
  });

  test.each([
    ['foo', 'Unrecognized pipe [foo]'],
    ['heda', 'Unrecognized pipe [heda], did you mean [head]?'],
    ['tial', 'Unrecognized pipe [tial], did you mean [tail]?'],
    ['HEAD', 'Unrecognized pipe [HEAD]'],
    ['uniq', 'Unrecognized pipe [uniq], did you mean [unique]?'],
    ['unique_cnt', 'Unrecognized pipe [unique_cnt], did you mean any of [unique_count, unique]?'],
  ])('%s', (name, message) => {
    const d = one(`process where true | ${name} 1`);
    expect(d).toMatchObject({ code: Codes.UnknownPipe, message, at: name });
  });

  test.each([
    ['head', '| head', 'Pipe [head] expects exactly one argument but found [0]', '| head'],
    ['head 1, 2', '', 'Pipe [head] expects exactly one argument but found [2]', '| head 1, 2'],
    ['head x', '', 'Pipe [head] expects a positive integer but found [x]', 'x'],
    ['tail -1', '', 'Pipe [tail] expects a positive integer but found [-1]', '-1'],
    ['head 1.5', '', 'Pipe [head] expects a positive integer but found [1.5]', '1.5'],
  ])('%s', (pipe, _unused, message, at) => {
    const d = one(`process where true | ${pipe}`);
    expect(d).toMatchObject({ code: Codes.PipeArgument, message, at });
  });

  test('pipes on samples', () => {
    const d = one('sample by h [a where true] [b where true] | head 1');
    expect(d).toMatchObject({ code: Codes.SampleNotSupported, at: '| head 1' });
  });
});

describe('size limits', () => {
  test('deep nesting gives the Elasticsearch stack-overflow message', () => {
    const depth = MAX_BRACKET_DEPTH + 50;
    const text = `process where ${'('.repeat(depth)}a${')'.repeat(depth)}`;
    const r = parseQuery(text);
    expect(r.ast).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.code).toBe(Codes.TooDeep);
    expect(r.diagnostics[0]!.message).toMatch(
      /^EQL statement is too large, causing stack overflow when generating the parsing tree: \[process where \(/,
    );
  });

  test('nesting within the limit parses', () => {
    const depth = MAX_BRACKET_DEPTH - 5;
    const r = parseQuery(`process where ${'('.repeat(depth)}a${')'.repeat(depth)}`);
    expect(r.diagnostics).toEqual([]);
  });

  test('brackets inside strings and comments do not count', () => {
    const text = `process where a == "${'('.repeat(500)}" /* ${'['.repeat(500)} */`;
    expect(parseQuery(text).diagnostics).toEqual([]);
  });

  test('long not-chains and or-chains parse up to the depth limit, and are rejected past it', () => {
    const nots = (n: number) => `process where ${'not '.repeat(n)}a`;
    const ors = (n: number) => `process where ${Array.from({ length: n }, (_, i) => `a == ${i}`).join(' or ')}`;
    expect(parseQuery(nots(900)).diagnostics).toEqual([]);
    expect(parseQuery(ors(900)).diagnostics).toEqual([]);
    for (const text of [nots(3000), ors(3000)]) {
      const r = parseQuery(text);
      expect(r.ast).toBeUndefined();
      expect(r.diagnostics.map((d) => d.code)).toEqual([Codes.TooDeep]);
    }
  });

  test('oversized input is rejected without parsing', () => {
    const r = parseQuery(`process where a == "${'x'.repeat(1_000_001)}"`);
    expect(r.ast).toBeUndefined();
    expect(r.diagnostics[0]!.code).toBe(Codes.TooDeep);
  });
});
