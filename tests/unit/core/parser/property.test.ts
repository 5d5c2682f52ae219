import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseQuery } from '../../../../src/core/parser/parse';
import { printStatement } from '../../../../src/core/ast/printer';
import { stripPositions } from '../../../../src/core/ast/equal';
import { hasErrors } from '../../../../src/core/diagnostics/diagnostic';

/** Parses and checks the invariants every result must satisfy. */
function check(text: string): ReturnType<typeof parseQuery> {
  let result!: ReturnType<typeof parseQuery>;
  expect(() => {
    result = parseQuery(text);
  }).not.toThrow();
  for (const d of result.diagnostics) {
    expect(d.range.start).toBeGreaterThanOrEqual(0);
    expect(d.range.end).toBeGreaterThanOrEqual(d.range.start);
    expect(d.range.end).toBeLessThanOrEqual(text.length);
    expect(d.message).not.toMatch(/^Internal parser error/);
    expect(d.code).toMatch(/^EQL\d{4}$/);
  }
  if (!hasErrors(result.diagnostics)) expect(result.ast).toBeDefined();
  return result;
}

/** When a text parses cleanly, its printed form parses to the same tree. */
function checkRoundTrip(result: ReturnType<typeof parseQuery>): void {
  if (!result.ast || hasErrors(result.diagnostics)) return;
  const printed = printStatement(result.ast);
  const again = parseQuery(printed);
  expect(again.diagnostics, printed).toEqual([]);
  expect(stripPositions(again.ast)).toEqual(stripPositions(result.ast));
}

const TOKENS = [
  'process',
  'any',
  'where',
  'sequence',
  'sample',
  'join',
  'by',
  'with',
  'maxspan',
  '=',
  'runs',
  'until',
  '[',
  ']',
  '![',
  '(',
  ')',
  ',',
  '.',
  '|',
  'head',
  'tail',
  'count',
  '?',
  '~',
  'and',
  'or',
  'not',
  'in',
  'in~',
  'like',
  'like~',
  'regex',
  'regex~',
  ':',
  'of',
  'descendant',
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '%',
  'true',
  'false',
  'null',
  '0',
  '1',
  '5',
  '100',
  '1.5',
  '.5',
  '1e3',
  '2147483648',
  '5m',
  '10s',
  '"a"',
  '"*x*"',
  '""',
  '"""raw\\d"""',
  '"\\n"',
  '"\\u{41}"',
  "'single'",
  '?"q"',
  'a',
  'b.c',
  '?f',
  '`quoted field`',
  '`a``b`',
  '@timestamp',
  'startsWith',
  'endsWith~',
  'length',
  '/* c */',
  '// line\n',
  '\n',
  '\t',
  'AND',
  'WHERE',
  '&&',
  '||',
  '!',
  '<>',
];

describe('parseQuery never throws', () => {
  test('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (text) => {
        check(text);
      }),
      { numRuns: 1500 },
    );
  });

  test('on arbitrary strings behind a valid prefix', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (tail) => {
        check(`process where a == 1 ${tail}`);
      }),
      { numRuns: 1000 },
    );
  });

  test('on token soups, and clean parses round-trip through the printer', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), fc.boolean(), (tokens, spaced) => {
        const text = tokens.join(spaced ? ' ' : '');
        checkRoundTrip(check(text));
      }),
      { numRuns: 3000 },
    );
  });

  test('on token soups that start like a query', () => {
    const prefixes = [
      'process where ',
      'sequence by a ',
      'sequence with maxspan=1m [a where ',
      'sample by x [a where ',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...prefixes),
        fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }),
        (prefix, tokens) => {
          checkRoundTrip(check(prefix + tokens.join(' ')));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

const CORPUS = join(process.cwd(), '..', 'shared', 'corpus', 'detection-rules-eql.jsonl');
const corpus: string[] = existsSync(CORPUS)
  ? readFileSync(CORPUS, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { query: string }).query)
  : [];

const suite = corpus.length > 0 ? describe : describe.skip;
suite(
  corpus.length > 0 ? 'mutated corpus queries' : `mutated corpus queries: skipped because ${CORPUS} is absent`,
  () => {
    const replacement = fc.constantFrom(
      '',
      ' ',
      '"',
      "'",
      '`',
      '(',
      ')',
      '[',
      ']',
      '=',
      '!',
      '~',
      '?',
      '\\',
      '/',
      '*',
      '.',
      ',',
      '|',
      ':',
      'x',
      '1',
      '\n',
      '\u00a0',
      '💩',
      'AND',
    );

    test('one character replaced, deleted or inserted', () => {
      fc.assert(
        fc.property(
          fc.nat({ max: corpus.length - 1 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          replacement,
          fc.constantFrom('replace', 'insert'),
          (index, where, with_, mode) => {
            const query = corpus[index]!;
            const pos = Math.min(query.length - 1, Math.floor(where * query.length));
            const mutated =
              mode === 'replace'
                ? query.slice(0, pos) + with_ + query.slice(pos + 1)
                : query.slice(0, pos) + with_ + query.slice(pos);
            checkRoundTrip(check(mutated));
          },
        ),
        { numRuns: 400 },
      );
    });
  },
);

describe('generated expressions', () => {
  const { expr } = fc.letrec<{ expr: string; atom: string; compound: string }>((tie) => ({
    atom: fc.constantFrom(
      'a',
      'b.c',
      '?d',
      '`e f`.g',
      '`and`',
      '1',
      '007',
      '2.5',
      '1e3',
      '2147483648',
      '"s"',
      '"q\\"t"',
      '"""r\\x"""',
      '"\\u{1F4A9}"',
      'true',
      'false',
      'null',
      'f()',
      'length(a)',
      'startsWith~(a, "x")',
    ),
    compound: fc
      .tuple(
        tie('expr'),
        fc.constantFrom('and', 'or', '==', '!=', '<', '>=', '+', '-', '*', '/', '%'),
        tie('expr'),
        fc.boolean(),
        fc.boolean(),
      )
      .map(([l, op, r, pl, pr]) => `${pl ? `(${l})` : l} ${op} ${pr ? `(${r})` : r}`),
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('atom'),
      tie('compound'),
      tie('expr').map((e) => `not ${e}`),
      tie('expr').map((e) => `-(${e})`),
      tie('expr').map((e) => `(${e})`),
      fc
        .tuple(
          tie('atom'),
          fc.array(tie('expr'), { minLength: 1, maxLength: 3 }),
          fc.constantFrom('in', 'in~', 'not in', 'not in~'),
        )
        .map(([v, l, op]) => `${v} ${op} (${l.join(', ')})`),
      fc
        .tuple(tie('atom'), fc.constantFrom(':', 'like', 'like~', 'regex', 'regex~'), fc.boolean())
        .map(([v, op, list]) => `${v} ${op} ${list ? '("x*", 1.0, null)' : '"x*"'}`),
      fc.array(tie('expr'), { maxLength: 3 }).map((args) => `concat(${args.join(', ')})`),
    ),
  }));

  test('parse, print and re-parse to the same tree', () => {
    let clean = 0;
    fc.assert(
      fc.property(expr, (e) => {
        const result = check(`any where ${e}`);
        if (!hasErrors(result.diagnostics)) clean++;
        checkRoundTrip(result);
      }),
      { numRuns: 2000 },
    );
    expect(clean).toBeGreaterThan(200);
  });

  test('narrow widths still round-trip', () => {
    fc.assert(
      fc.property(expr, fc.integer({ min: 10, max: 60 }), (e, width) => {
        const result = parseQuery(`sequence by k with maxspan=1m [a where ${e}] by x [b where ${e}] | head 3`);
        if (!result.ast || hasErrors(result.diagnostics)) return;
        const printed = printStatement(result.ast, { width });
        const again = parseQuery(printed);
        expect(again.diagnostics, printed).toEqual([]);
        expect(stripPositions(again.ast)).toEqual(stripPositions(result.ast));
      }),
      { numRuns: 500 },
    );
  });
});
