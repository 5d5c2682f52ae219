import { describe, expect, test } from 'vitest';
import type { Expr, LiteralNode } from '../../../../src/core/ast/nodes';
import { printExpr, printStatement, printString } from '../../../../src/core/ast/printer';
import { stripPositions } from '../../../../src/core/ast/equal';
import { parseQuery } from '../../../../src/core/parser/parse';

function reprint(text: string, width?: number): string {
  const r = parseQuery(text);
  expect(r.diagnostics).toEqual([]);
  return printStatement(r.ast!, width ? { width } : {});
}

function roundTrips(text: string): void {
  const first = parseQuery(text);
  expect(first.diagnostics).toEqual([]);
  const printed = printStatement(first.ast!);
  const second = parseQuery(printed);
  expect(second.diagnostics, printed).toEqual([]);
  expect(stripPositions(second.ast)).toEqual(stripPositions(first.ast));
}

describe('canonical one-line output', () => {
  test.each([
    ['process   where a==1 and b:("x","y")|head 5', 'process where a == 1 and b : ("x", "y") | head 5'],
    ['any where not (a or b)', 'any where not (a or b)'],
    ['"my-cat" where x in~ ( "a" ) ', '"my-cat" where x in~ ("a")'],
    ['"""process""" where true', 'process where true'],
    ['any where x == 007 and y == 1.50 and z == 1e3', 'any where x == 7 and y == 1.5 and z == 1000.0'],
    ['any where x == -5 and y == - -1', 'any where x == -5 and y == - -1'],
    ['any where ?a.`b c`.`d` == null', 'any where ?a.`b c`.`d` == null'],
    ['any where endsWith~( a , "x" )', 'any where endsWith~(a, "x")'],
    ['any where x not in~ (1,2)', 'any where x not in~ (1, 2)'],
    ['any where x like~ "a*" and y regex ("b", "c")', 'any where x like~ "a*" and y regex ("b", "c")'],
    [
      'sequence by a with maxspan = 5m [x where true] by b with runs = 2 ![y where true] by c',
      'sequence by a with maxspan=5m [x where true] by b with runs=2 ![y where true] by c',
    ],
    ['sample by h [x where true] [y where true]', 'sample by h [x where true] [y where true]'],
    [
      'sequence [x where true] [y where true] until [z where true] | tail 2',
      'sequence [x where true] [y where true] until [z where true] | tail 2',
    ],
    ['any /* c */ where true // x', 'any where true'],
  ])('%s', (input, output) => {
    expect(reprint(input)).toBe(output);
    roundTrips(input);
  });
});

describe('long rules wrap', () => {
  test('a long and-chain breaks one operand per line, with trailing operators', () => {
    const text = `process where ${Array.from({ length: 6 }, (_, i) => `process.field_${i} == "value number ${i}"`).join(' and ')}`;
    expect(reprint(text)).toBe(
      [
        'process where',
        '  process.field_0 == "value number 0" and',
        '  process.field_1 == "value number 1" and',
        '  process.field_2 == "value number 2" and',
        '  process.field_3 == "value number 3" and',
        '  process.field_4 == "value number 4" and',
        '  process.field_5 == "value number 5"',
      ].join('\n'),
    );
  });

  test('long lists pack several items per line', () => {
    const items = Array.from({ length: 30 }, (_, i) => `"item-${i}.exe"`);
    const out = reprint(`process where process.name : (${items.join(', ')})`, 80);
    const lines = out.split('\n');
    expect(lines[0]).toBe('process where');
    expect(lines[1]).toBe('  process.name : (');
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.length).toBeLessThan(12);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    expect(lines[lines.length - 1]).toBe('  )');
    roundTrips(out);
  });

  test('a list of 50,000 items packs the same way as a short one (layout is linear)', () => {
    const items = Array.from({ length: 50_000 }, (_, i) => `"p${i}"`);
    const out = reprint(`process where process.name in (${items.join(', ')})`, 80);
    const lines = out.split('\n');
    expect(lines[1]).toBe('  process.name in (');
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    expect(lines[2]).toMatch(/^ {4}"p0", "p1", "p2", /);
    expect(out.match(/"p\d+"/g)).toHaveLength(50_000);
    expect(lines[lines.length - 1]).toBe('  )');
  });
  test('a long or-chain of calls still fits its width', () => {
    const items = Array.from({ length: 900 }, (_, i) => `length(f${i}) > ${i}`);
    const out = reprint(`process where ${items.join(' or ')}`, 80);
    expect(out.split('\n').every((l) => l.length <= 80)).toBe(true);
    roundTrips(out);
  });
  test('long sequences put each term on its own line', () => {
    const cond = 'process.name : "something-rather-long.exe" and process.args : "--flag"';
    const out = reprint(
      `sequence by host.id with maxspan=1m [process where ${cond}] [network where ${cond}] until [process where true]`,
    );
    expect(out.split('\n')).toEqual([
      'sequence by host.id with maxspan=1m',
      `  [process where ${cond}]`,
      `  [network where ${cond}]`,
      '  until [process where true]',
    ]);
  });

  test('pipes move to their own line when the query breaks', () => {
    const cond = Array.from({ length: 5 }, (_, i) => `field_number_${i} == ${i}`).join(' or ');
    const out = reprint(`process where ${cond} | head 5`, 60);
    expect(out.split('\n').pop()).toBe('| head 5');
  });

  test('printing is deterministic and idempotent', () => {
    const text = 'sequence by a [process where a == 1 and (b or c) and d in ("x", "y")] [file where true]';
    const once = reprint(text, 40);
    expect(reprint(once, 40)).toBe(once);
  });
});

describe('strings re-parse to the same value', () => {
  test.each([
    ['plain', '"plain"'],
    ['C:\\Windows\\*', '"""C:\\Windows\\*"""'],
    ['a"b', '"a\\"b"'],
    ['a\\b"', '"""a\\b""""'],
    ['tab\there', '"tab\\there"'],
    ['line\nbreak\\', '"line\\nbreak\\\\"'],
    ['has """ inside \\', '"has \\"\\"\\" inside \\\\"'],
    ['\u0001', '"\\u{01}"'],
    ['', '""'],
  ])('%j', (value, printed) => {
    expect(printString(value)).toBe(printed);
    const r = parseQuery(`any where x == ${printed}`);
    expect(r.diagnostics).toEqual([]);
    const q = r.ast!.query;
    if (q.kind !== 'event' || q.condition.kind !== 'compare') throw new Error('shape');
    expect((q.condition.right as LiteralNode).value).toBe(value);
  });
});

describe('printExpr on hand-built trees adds the parentheses meaning needs', () => {
  const r = { start: 0, end: 0 };
  let id = 0;
  const field = (name: string): Expr => ({
    kind: 'field',
    id: id++,
    range: r,
    path: [name],
    name,
    optional: false,
    quoted: [false],
  });
  const lit = (value: number): Expr => ({
    kind: 'literal',
    id: id++,
    range: r,
    type: 'integer',
    value,
    raw: String(value),
  });

  test('or under and', () => {
    const or: Expr = { kind: 'or', id: id++, range: r, left: field('a'), right: field('b') };
    const and: Expr = { kind: 'and', id: id++, range: r, left: or, right: field('c') };
    expect(printExpr(and)).toBe('(a or b) and c');
  });

  test('right-nested subtraction', () => {
    const inner: Expr = { kind: 'arith', id: id++, range: r, op: '-', left: lit(2), right: lit(3) };
    const outer: Expr = { kind: 'arith', id: id++, range: r, op: '-', left: lit(1), right: inner };
    expect(printExpr(outer)).toBe('1 - (2 - 3)');
  });

  test('a comparison as the value of in', () => {
    const cmp: Expr = { kind: 'compare', id: id++, range: r, op: '==', left: field('a'), right: lit(1) };
    const inn: Expr = {
      kind: 'in',
      id: id++,
      range: r,
      negated: false,
      caseInsensitive: false,
      value: cmp,
      list: [lit(1)],
    };
    expect(printExpr(inn)).toBe('(a == 1) in (1)');
  });

  test('chained comparison', () => {
    const cmp: Expr = { kind: 'compare', id: id++, range: r, op: '<', left: field('a'), right: field('b') };
    const outer: Expr = { kind: 'compare', id: id++, range: r, op: '<', left: cmp, right: field('c') };
    expect(printExpr(outer)).toBe('(a < b) < c');
  });

  test('a keyword field name is backquoted', () => {
    expect(printExpr(field('sequence'))).toBe('`sequence`');
    expect(printExpr(field('a-b'))).toBe('`a-b`');
  });

  test('doubles always print as decimals', () => {
    const d: Expr = { kind: 'literal', id: id++, range: r, type: 'double', value: 3, raw: '3.0' };
    expect(printExpr(d)).toBe('3.0');
  });
});
