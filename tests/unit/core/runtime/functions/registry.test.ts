import { describe, expect, it } from 'vitest';
import {
  arity,
  checkArity,
  functionNames,
  functionRegistry,
  lookupFunction,
  suggestFunctions,
} from '../../../../../src/core/runtime/functions/registry';
import type { EqlFunction } from '../../../../../src/core/runtime/functions/types';
import type { ValueType } from '../../../../../src/core/runtime/values';

function fn(name: string): EqlFunction {
  const f = lookupFunction(name);
  if (!f) throw new Error(name);
  return f;
}

describe('registry', () => {
  it('holds exactly the Elasticsearch EQL functions', () => {
    expect(functionNames().sort()).toEqual(
      [
        'add',
        'between',
        'cidrMatch',
        'concat',
        'divide',
        'endsWith',
        'indexOf',
        'length',
        'modulo',
        'multiply',
        'number',
        'startsWith',
        'string',
        'stringContains',
        'substring',
        'subtract',
      ].sort(),
    );
    expect(functionRegistry.size).toBe(16);
    for (const key of functionRegistry.keys()) expect(key).toBe(key.toLowerCase());
  });
  it('looks names up case-insensitively', () => {
    expect(lookupFunction('STARTSWITH')?.name).toBe('startsWith');
    expect(lookupFunction('stringcontains')?.name).toBe('stringContains');
    expect(lookupFunction('wildcard')).toBeUndefined();
    expect(lookupFunction('arrayContains')).toBeUndefined();
  });
  it('marks exactly the case-aware functions', () => {
    const aware = functionNames()
      .filter((n) => fn(n).caseAware)
      .sort();
    expect(aware).toEqual(['between', 'endsWith', 'indexOf', 'startsWith', 'stringContains']);
  });
  it('every function documents itself', () => {
    for (const n of functionNames()) {
      const f = fn(n);
      expect(f.signature.startsWith(`${n}(`)).toBe(true);
      expect(f.doc.length).toBeGreaterThan(10);
      expect(f.nulls.length).toBeGreaterThan(5);
    }
  });
});

describe('checkArity', () => {
  it.each([
    ['startsWith', 0, 'error building [startswith]: expects exactly two arguments'],
    ['startsWith', 3, 'error building [startswith]: expects exactly two arguments'],
    ['length', 2, 'error building [length]: expects exactly one argument'],
    ['indexOf', 1, 'error building [indexof]: expects two or three arguments'],
    ['substring', 4, 'error building [substring]: expects two or three arguments'],
    ['between', 2, 'error building [between]: expects three or four arguments'],
    ['number', 0, 'error building [number]: expects one or two arguments'],
    ['cidrMatch', 1, 'error building [cidrmatch]: expects at least two arguments'],
    ['concat', 0, 'error building [concat]: expects at least one argument'],
    ['add', 3, 'error building [add]: expects exactly two arguments'],
  ])('%s with %i arguments', (name, count, message) => {
    expect(checkArity(fn(name), count)).toBe(message);
  });
  it('accepts valid counts', () => {
    expect(checkArity(fn('concat'), 1)).toBeUndefined();
    expect(checkArity(fn('concat'), 9)).toBeUndefined();
    expect(checkArity(fn('cidrMatch'), 5)).toBeUndefined();
    expect(checkArity(fn('between'), 4)).toBeUndefined();
    expect(arity(fn('indexOf'))).toEqual({ min: 2, max: 3 });
  });
});

describe('suggestFunctions', () => {
  it('suggests similar names in lower case, best first', () => {
    expect(suggestFunctions('arrayContains')).toEqual(['stringcontains']);
    expect(suggestFunctions('startwith')[0]).toBe('startswith');
    expect(suggestFunctions('substr')[0]).toBe('substring');
    expect(suggestFunctions('zzzzzz')).toEqual([]);
  });
});

describe('argument type checks', () => {
  function check(
    name: string,
    types: ValueType[],
    texts: string[],
    consts?: (string | number | boolean | null | undefined)[],
  ) {
    const f = fn(name);
    const callText = `${name}(${texts.join(', ')})`;
    return f.check?.(types, consts ?? types.map(() => undefined), callText, texts);
  }
  it('reports the first wrong argument in QL wording', () => {
    expect(check('startsWith', ['integer', 'keyword'], ['1', '"FOO"'])).toEqual({
      message: 'first argument of [startsWith(1, "FOO")] must be [string], found value [1] type [integer]',
      arg: 0,
    });
    expect(check('startsWith', ['keyword', 'integer'], ['"FOO"', '123'])).toEqual({
      message: 'second argument of [startsWith("FOO", 123)] must be [string], found value [123] type [integer]',
      arg: 1,
    });
    expect(check('number', ['boolean'], ['true'])?.message).toBe(
      'first argument of [number(true)] must be [string], found value [true] type [boolean]',
    );
    expect(check('add', ['long', 'keyword'], ['pid', 'process.name'])?.message).toBe(
      'second argument of [add(pid, process.name)] must be [numeric], found value [process.name] type [keyword]',
    );
    expect(check('cidrMatch', ['keyword', 'keyword'], ['host.name', '"10.0.0.0/8"'])?.message).toBe(
      'first argument of [cidrMatch(host.name, "10.0.0.0/8")] must be [ip], found value [host.name] type [keyword]',
    );
    expect(check('substring', ['keyword', 'double'], ['f', '1.5'])?.message).toBe(
      'second argument of [substring(f, 1.5)] must be [integer], found value [1.5] type [double]',
    );
    expect(check('string', ['date'], ['@timestamp'])).toBeUndefined();
  });
  it('requires a constant greedy argument and constant CIDR blocks; the number base may be a field', () => {
    expect(
      check(
        'between',
        ['keyword', 'keyword', 'keyword', 'boolean'],
        ['a', '"x"', '"y"', 'flag'],
        [undefined, 'x', 'y', undefined],
      )?.message,
    ).toBe('fourth argument of [between(a, "x", "y", flag)] must be a constant, received [flag]');
    expect(
      check(
        'between',
        ['keyword', 'keyword', 'keyword', 'boolean'],
        ['a', '"x"', '"y"', 'true'],
        [undefined, 'x', 'y', true],
      ),
    ).toBeUndefined();
    // Elasticsearch plans number(field, otherField) as a script.
    expect(check('number', ['keyword', 'long'], ['f', 'base'], [undefined, undefined])).toBeUndefined();
    // QueryTranslatorFailTests: the constant check comes before the type check.
    expect(check('cidrMatch', ['ip', 'text'], ['source_address', 'hostname'], [undefined, undefined])?.message).toBe(
      'second argument of [cidrMatch(source_address, hostname)] must be a constant, received [hostname]',
    );
  });
  it('accepts null and unknown-typed arguments', () => {
    expect(check('startsWith', ['null', 'unknown'], ['null', 'x'])).toBeUndefined();
    expect(check('add', ['unknown', 'null'], ['x', 'null'])).toBeUndefined();
  });
});
