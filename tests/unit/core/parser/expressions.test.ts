import { describe, expect, test } from 'vitest';
import { cond, condNode, ok } from './helpers';

describe('operator precedence and associativity', () => {
  test.each([
    ['a or b and c', '(or a (and b c))'],
    ['a and b or c', '(or (and a b) c)'],
    ['a or b or c', '(or (or a b) c)'],
    ['a and b and c', '(and (and a b) c)'],
    ['not a and b', '(and (not a) b)'],
    ['not a == 1', '(not (== a 1))'],
    ['not not a', '(not (not a))'],
    ['a == 1 + 2 * 3', '(== a (+ 1 (* 2 3)))'],
    ['a - b - c', '(- (- a b) c)'],
    ['a / b * c % d', '(% (* (/ a b) c) d)'],
    ['-a * b', '(* (- a) b)'],
    ['- -a', '(- (- a))'],
    ['+a', '(+ a)'],
    ['a + b in (1, 2)', '(+ a (in b [1 2]))'],
    ['-x in (1)', '(- (in x [1]))'],
    ['(a + b) in (1, 2)', '(in {(+ a b)} [1 2])'],
    ['a < b', '(< a b)'],
    ['a <= b', '(<= a b)'],
    ['a > b', '(> a b)'],
    ['a >= b', '(>= a b)'],
    ['a != b', '(!= a b)'],
    ['true == (x in ("a", "b"))', '(== true {(in x ["a" "b"])})'],
    ['(a or b) and c', '(and {(or a b)} c)'],
    ['f(a or b, not c)', 'f((or a b) (not c))'],
  ])('%s', (text, expected) => {
    expect(cond(text)).toBe(expected);
  });
});

describe('suffix predicates', () => {
  test.each([
    ['x in ("a", "b")', '(in x ["a" "b"])'],
    ['x in~ ("a")', '(in~ x ["a"])'],
    ['x not in (1, 2)', '(not in x [1 2])'],
    ['x not in~ ("a")', '(not in~ x ["a"])'],
    ['x in (a == 1, not b)', '(in x [(== a 1) (not b)])'],
    ['x : "a*"', '(: x "a*")'],
    ['x:"a"', '(: x "a")'],
    ['x : ("a", "b*")', '(: x ["a" "b*"])'],
    ['x : ("a")', '(: x ["a"])'],
    ['x like "a*"', '(like x "a*")'],
    ['x like~ ("a", "b")', '(like~ x ["a" "b"])'],
    ['x regex ".*"', '(regex x ".*")'],
    ['x regex~ (".*")', '(regex~ x [".*"])'],
    ['x : 1', '(: x 1)'],
    ['x : null', '(: x null)'],
    ['length(x) in (1)', '(in length(x) [1])'],
    ['"a" in ("a")', '(in "a" ["a"])'],
  ])('%s', (text, expected) => {
    expect(cond(text)).toBe(expected);
  });

  test('match predicates record whether a list was written', () => {
    const one = condNode('x : "a"');
    const list = condNode('x : ("a")');
    expect(one.kind === 'match' && one.list).toBe(false);
    expect(list.kind === 'match' && list.list).toBe(true);
  });
});

describe('literals', () => {
  test.each([
    ['5', 'integer', 5],
    ['2147483647', 'integer', 2147483647],
    ['2147483648', 'long', 2147483648],
    ['8589934592', 'long', 8589934592],
    ['9223372036854775807', 'long', 9223372036854775807],
    ['9223372036854775808', 'double', 9223372036854775808],
    ['007', 'integer', 7],
    ['1.5', 'double', 1.5],
    ['1.', 'double', 1],
    ['.5', 'double', 0.5],
    ['1e5', 'double', 100000],
    ['1E+5', 'double', 100000],
    ['.5e-3', 'double', 0.0005],
    ['1.0', 'double', 1],
    ['true', 'boolean', true],
    ['false', 'boolean', false],
    ['null', 'null', null],
  ])('%s is %s', (text, type, value) => {
    const e = condNode(`x == ${text}`);
    expect(e.kind).toBe('compare');
    if (e.kind !== 'compare' || e.right.kind !== 'literal') throw new Error('shape');
    expect(e.right.type).toBe(type);
    expect(e.right.value).toBe(value);
    expect(e.right.raw).toBe(text);
  });

  test('negative numbers are unary minus', () => {
    expect(cond('x == -5.2')).toBe('(== x (- 5.2))');
  });

  test.each([
    ['"abc"', 'abc'],
    ['""', ''],
    ['"a\\nb"', 'a\nb'],
    ['"\\r\\t\\b\\f"', '\r\t\b\f'],
    ['"\\"\\\'\\\\"', '"\'\\'],
    ['"\\u{41}"', 'A'],
    ['"\\u{1F4A9}"', '\u{1F4A9}'],
    ['"\\u{00000041}"', 'A'],
    ['"\\u{e9}"', 'é'],
    ['"""C:\\Windows\\d"""', 'C:\\Windows\\d'],
    ['""""""', ''],
    ['""""foo"bar"""""', '"foo"bar""'],
    ['"""a""""', 'a"'],
    ['"tab\there"', 'tab\there'],
  ])('string %s', (text, value) => {
    const e = condNode(`x == ${text}`);
    if (e.kind !== 'compare' || e.right.kind !== 'literal') throw new Error('shape');
    expect(e.right.type).toBe('string');
    expect(e.right.value).toBe(value);
    expect(e.right.raw).toBe(text);
  });
});

describe('fields', () => {
  test('dotted paths', () => {
    const e = condNode('process.parent.name == "x"');
    if (e.kind !== 'compare' || e.left.kind !== 'field') throw new Error('shape');
    expect(e.left.path).toEqual(['process', 'parent', 'name']);
    expect(e.left.name).toBe('process.parent.name');
    expect(e.left.quoted).toEqual([false, false, false]);
    expect(e.left.optional).toBe(false);
  });

  test('@timestamp needs no quoting', () => {
    expect(cond('@timestamp > 0')).toBe('(> @timestamp 0)');
  });

  test('backquoted segments, with doubled backquotes', () => {
    const e = condNode('`table`.`@timestamp` == 1 and `a``b`.c == 2');
    if (e.kind !== 'and' || e.left.kind !== 'compare' || e.right.kind !== 'compare') throw new Error('shape');
    const f1 = e.left.left;
    const f2 = e.right.left;
    if (f1.kind !== 'field' || f2.kind !== 'field') throw new Error('shape');
    expect(f1.name).toBe('table.@timestamp');
    expect(f1.quoted).toEqual([true, true]);
    expect(f2.path).toEqual(['a`b', 'c']);
    expect(f2.quoted).toEqual([true, false]);
  });

  test('a keyword segment written in backquotes', () => {
    expect(cond('event.`sequence` > 10')).toBe('(> event.sequence 10)');
  });

  test('backquoted names may contain spaces, dashes and newlines', () => {
    expect(cond('`my field`.`x-y` == 1')).toBe('(== my field.x-y 1)');
    expect(cond('`a\nb` == 1')).toBe('(== a\nb 1)');
  });

  test('optional fields', () => {
    const e = condNode('?user.id == null');
    if (e.kind !== 'compare' || e.left.kind !== 'field') throw new Error('shape');
    expect(e.left.optional).toBe(true);
    expect(e.left.range).toEqual({ start: 10, end: 18 });
    expect(cond('?`f?oo` == 1')).toBe('(== ?f?oo 1)');
  });

  test('uppercase words are identifiers, not keywords', () => {
    expect(cond('TRUE == AND')).toBe('(== TRUE AND)');
  });

  test('identifiers that start with a keyword are identifiers', () => {
    expect(cond('android and order == notion')).toBe('(and android (== order notion))');
  });
});

describe('function calls', () => {
  test.each([
    ['startsWith(a, "x")', 'startsWith(a "x")'],
    ['startsWith~(a, "x")', 'startsWith~(a "x")'],
    ['length (a) > 1', '(> length(a) 1)'],
    ['f()', 'f()'],
    ['concat(a, "-", b)', 'concat(a "-" b)'],
    ['and~(a)', 'and~(a)'],
  ])('%s', (text, expected) => {
    expect(cond(text)).toBe(expected);
  });

  test('the tilde and the name range', () => {
    const e = condNode('endsWith~(a, "x")');
    if (e.kind !== 'call') throw new Error('shape');
    expect(e.name).toBe('endsWith');
    expect(e.caseInsensitive).toBe(true);
    expect(e.nameRange).toEqual({ start: 10, end: 18 });
  });
});

describe('whitespace and comments', () => {
  test('line and nested block comments are skipped', () => {
    const ast = ok('/* lead /* nested */ still */ process where // trailing\n a == 1 /* x */ and\r\n\tb');
    if (ast.query.kind !== 'event') throw new Error('shape');
    expect(ast.query.category.name).toBe('process');
  });

  test('comments between tokens of a field path', () => {
    expect(cond('a . /* c */ b == 1')).toBe('(== a.b 1)');
  });

  test('a double slash starts a comment, not a division', () => {
    expect(cond('a == 1 // / 2')).toBe('(== a 1)');
  });

  test('statement range excludes surrounding whitespace', () => {
    const ast = ok('  process where true  \n');
    expect(ast.range).toEqual({ start: 2, end: 20 });
  });
});

describe('ranges and ids', () => {
  test('ranges are UTF-16 offsets, end exclusive', () => {
    const e = condNode('x == "💩" and y');
    if (e.kind !== 'and' || e.left.kind !== 'compare') throw new Error('shape');
    expect(e.left.right.range).toEqual({ start: 15, end: 19 });
    expect(e.right.range).toEqual({ start: 24, end: 25 });
  });

  test('ids are dense and in source order', () => {
    const ast = ok('process where a == 1 and b');
    const ids: number[] = [];
    const visit = (n: unknown): void => {
      if (n && typeof n === 'object') {
        if ('id' in n && 'kind' in n) ids.push((n as { id: number }).id);
        for (const v of Object.values(n)) visit(v);
      }
    };
    visit(ast);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids.map((_, i) => i));
    expect(ast.id).toBe(0);
  });
});
