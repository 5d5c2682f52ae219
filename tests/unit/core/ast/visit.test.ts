import { describe, expect, test } from 'vitest';
import type { Node } from '../../../../src/core/ast/nodes';
import { children, depth, findNodeAt, walk } from '../../../../src/core/ast/visit';
import { parseQuery } from '../../../../src/core/parser/parse';
import { stripPositions, sameTree } from '../../../../src/core/ast/equal';

function parse(text: string) {
  const r = parseQuery(text);
  expect(r.diagnostics).toEqual([]);
  return r.ast!;
}

describe('children and walk', () => {
  test('walk visits every node once, in source order', () => {
    const text =
      'sequence by k with maxspan=1s [process where a == 1 and f(b, "x")] by p [file where c in (1, 2)] by p until [x where y : "z"] by p | head 3';
    const ast = parse(text);
    const starts: number[] = [];
    const ids: number[] = [];
    walk(ast, (n) => {
      starts.push(n.range.start);
      ids.push(n.id);
    });
    expect(ids).toEqual(ids.map((_, i) => i));
    // Pre-order: a node never starts after its first child, and siblings come left to right.
    const sorted = [...starts].sort((a, b) => a - b);
    expect(starts).toEqual(sorted);
  });

  test('returning false skips the children; leave runs after them', () => {
    const ast = parse('process where (a and b) or c');
    const entered: string[] = [];
    const left: string[] = [];
    walk(ast, {
      enter: (n) => {
        entered.push(n.kind);
        return n.kind !== 'paren';
      },
      leave: (n) => {
        left.push(n.kind);
      },
    });
    expect(entered).toEqual(['statement', 'event', 'category', 'or', 'paren', 'field']);
    expect(left[left.length - 1]).toBe('statement');
    expect(left).toContain('paren');
    expect(left).not.toContain('and');
  });

  test('children of each query kind', () => {
    const seq = parse('sequence by k with maxspan=1s [a where true] [b where true] until [c where true]');
    if (seq.query.kind !== 'sequence') throw new Error('shape');
    expect(children(seq.query).map((n) => n.kind)).toEqual(['field', 'maxspan', 'term', 'term', 'term']);
    const sample = parse('sample by k [a where true] by x');
    expect(children(sample.query).map((n) => n.kind)).toEqual(['field', 'term']);
    if (sample.query.kind !== 'sample') throw new Error('shape');
    expect(children(sample.query.terms[0]!).map((n) => n.kind)).toEqual(['event', 'field']);
  });

  test('walk survives very long chains', () => {
    const text = `process where ${Array.from({ length: 900 }, (_, i) => `a == ${i}`).join(' or ')}`;
    const ast = parse(text);
    let count = 0;
    walk(ast, () => {
      count++;
    });
    expect(count).toBe(3 + 900 * 3 + 899);
    // statement, event, 899 nested ors, the leftmost comparison and its field
    expect(depth(ast)).toBe(2 + 899 + 2);
  });
});

describe('findNodeAt', () => {
  const text = 'process where process.name : "cmd.exe" and length(x) > 3';
  const ast = parse(text);
  const at = (s: string, delta = 0): Node | undefined => findNodeAt(ast, text.indexOf(s) + delta);

  test('innermost node', () => {
    expect(at('process.name')).toMatchObject({ kind: 'field', name: 'process.name' });
    expect(at('"cmd.exe"', 2)).toMatchObject({ kind: 'literal', value: 'cmd.exe' });
    expect(at('x)')).toMatchObject({ kind: 'field', name: 'x' });
    expect(at(' > ', 1)).toMatchObject({ kind: 'compare' });
    expect(at(' and ', 1)).toMatchObject({ kind: 'and' });
    expect(at('process')).toMatchObject({ kind: 'category' });
  });

  test('a cursor right after the last token still finds it', () => {
    expect(findNodeAt(ast, text.length)).toMatchObject({ kind: 'literal', value: 3 });
  });

  test('outside the statement', () => {
    expect(findNodeAt(ast, text.length + 5)).toBeUndefined();
  });
});

describe('stripPositions', () => {
  test('drops ids, ranges, name ranges and raw spellings only', () => {
    const a = parse('any where f(x) == 1.50');
    const b = parse('any   where   f( x )==1.5');
    expect(sameTree(a, b)).toBe(true);
    const stripped = JSON.stringify(stripPositions(a));
    expect(stripped).not.toMatch(/"(id|range|nameRange|raw)"/);
    expect(stripped).toContain('"caseInsensitive":false');
    expect(sameTree(a, parse('any where f(x) == 1.51'))).toBe(false);
  });
});
