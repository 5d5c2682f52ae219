import { describe, expect, it } from 'vitest';
import { call, failure } from './helpers';
import { Codes } from '../../../../../src/core/diagnostics/codes';
import { lookupFunction } from '../../../../../src/core/runtime/functions/registry';

describe('math functions', () => {
  it('behave like the operators', () => {
    expect(call('add', [4, 5])).toBe(9);
    expect(call('add', [4, 0.5])).toBe(4.5);
    expect(call('subtract', [10, 2])).toBe(8);
    expect(call('multiply', [2, 2.5])).toBe(5);
    expect(call('divide', [4, 3])).toBe(1);
    expect(call('divide', [4, 3.0], { types: ['integer', 'double'] })).toBeCloseTo(1.3333333333333333, 15);
    expect(call('divide', [-4, -2])).toBe(2);
    expect(call('modulo', [10, 6])).toBe(4);
    expect(call('modulo', [10, -6])).toBe(4);
    expect(call('modulo', [-10, -6])).toBe(-4);
    expect(call('modulo', [10, 0.5])).toBe(0);
  });
  it('null arguments give null', () => {
    for (const name of ['add', 'subtract', 'multiply', 'divide', 'modulo']) {
      expect(call(name, [null, 4])).toBeNull();
      expect(call(name, [4, null])).toBeNull();
    }
  });
  it('raise overflow and division-by-zero errors', () => {
    expect(failure('add', [2147483647, 1])?.code).toBe(Codes.ArithmeticOverflow);
    expect(failure('divide', [1, 0])?.code).toBe(Codes.DivisionByZero);
    expect(failure('modulo', [1, 0])?.code).toBe(Codes.DivisionByZero);
  });
  it('result type widens', () => {
    const add = lookupFunction('add');
    expect(add?.returnType(['integer', 'integer'])).toBe('integer');
    expect(add?.returnType(['long', 'integer'])).toBe('long');
    expect(add?.returnType(['integer', 'double'])).toBe('double');
  });
});
