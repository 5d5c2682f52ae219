import { describe, expect, it } from 'vitest';
import { arithmeticResultType, makeArith, negate, type ArithOp } from '../../../../src/core/runtime/arithmetic';
import { Codes } from '../../../../src/core/diagnostics/codes';
import { EqlRuntimeError, type Scalar, type ValueType } from '../../../../src/core/runtime/values';

function run(op: ArithOp, a: Scalar, b: Scalar, ta: ValueType = 'integer', tb: ValueType = 'integer'): Scalar {
  return makeArith(op, ta, tb).fn(a, b);
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof EqlRuntimeError) return e.code;
    throw e;
  }
  return undefined;
}

describe('result types', () => {
  it('widens integer < long < double', () => {
    expect(arithmeticResultType('integer', 'integer')).toBe('integer');
    expect(arithmeticResultType('integer', 'long')).toBe('long');
    expect(arithmeticResultType('long', 'double')).toBe('double');
    expect(arithmeticResultType('integer', 'double')).toBe('double');
    expect(arithmeticResultType('unknown', 'long')).toBe('unknown');
    expect(arithmeticResultType('unknown', 'double')).toBe('double');
    expect(arithmeticResultType('null', 'long')).toBe('long');
    expect(makeArith('+', 'integer', 'long').type).toBe('long');
  });
});

describe('integer arithmetic', () => {
  it('folds the basic operators', () => {
    expect(run('+', 7, 3)).toBe(10);
    expect(run('+', 7, -3)).toBe(4);
    expect(run('-', 7, -3)).toBe(10);
    expect(run('*', 7, 3)).toBe(21);
    expect(run('%', 7, 3)).toBe(1);
  });
  it('truncates division toward zero', () => {
    expect(run('/', 7, 3)).toBe(2);
    expect(run('/', 4, 3)).toBe(1);
    expect(run('/', -7, 2)).toBe(-3);
    expect(run('/', 7, -2)).toBe(-3);
    expect(run('/', 1, 2)).toBe(0);
    expect(Object.is(run('/', -1, 2), -0)).toBe(false);
  });
  it('uses Java remainder: sign of the dividend', () => {
    expect(run('%', 10, 6)).toBe(4);
    expect(run('%', 10, -6)).toBe(4);
    expect(run('%', -10, -6)).toBe(-4);
    expect(run('%', -10, 6)).toBe(-4);
    expect(Object.is(run('%', -6, 3), -0)).toBe(false);
  });
  it('raises DivisionByZero for integral / and %', () => {
    expect(codeOf(() => run('/', 1, 0))).toBe(Codes.DivisionByZero);
    expect(codeOf(() => run('%', 1, 0))).toBe(Codes.DivisionByZero);
    expect(codeOf(() => run('/', 1, 0, 'long', 'long'))).toBe(Codes.DivisionByZero);
  });
  it('checks overflow at the operand type', () => {
    expect(codeOf(() => run('+', 2147483647, 1))).toBe(Codes.ArithmeticOverflow);
    expect(codeOf(() => run('-', -2147483648, 1))).toBe(Codes.ArithmeticOverflow);
    expect(codeOf(() => run('*', 65536, 65536))).toBe(Codes.ArithmeticOverflow);
    // the same values as long operands fit
    expect(run('+', 2147483647, 1, 'integer', 'long')).toBe(2147483648);
    expect(run('*', 65536, 65536, 'long', 'integer')).toBe(4294967296);
  });
  it('wraps MIN_VALUE / -1 as Java does', () => {
    expect(run('/', -2147483648, -1)).toBe(-2147483648);
  });
});

describe('long arithmetic', () => {
  it('is exact past 2^53 and fails past the long range', () => {
    expect(run('+', 9007199254740992, 1, 'long', 'long')).toBe(9007199254740992); // 2^53+1 not representable, no error
    expect(codeOf(() => run('+', 9223372036854775807, 9223372036854775807, 'long', 'long'))).toBe(
      Codes.ArithmeticOverflow,
    );
    expect(codeOf(() => run('*', 4294967296, 4294967296, 'long', 'long'))).toBe(Codes.ArithmeticOverflow);
    expect(run('*', 4294967296, 1048576, 'long', 'long')).toBe(4503599627370496);
    expect(codeOf(() => run('-', -9223372036854775808, 1e10, 'long', 'long'))).toBe(Codes.ArithmeticOverflow);
  });
  it('divides large longs exactly', () => {
    expect(run('/', 9007199254740993 * 4, 4, 'long', 'integer')).toBe(9007199254740992);
    expect(run('/', -9223372036854775808, -1, 'long', 'long')).toBe(-9223372036854775808);
  });
});

describe('double arithmetic', () => {
  it('mixes with integers', () => {
    expect(run('*', 7, 3.0, 'integer', 'double')).toBe(21);
    expect(run('/', 7, 3.0, 'integer', 'double')).toBeCloseTo(2.3333333333333335, 15);
    expect(run('/', 4, 0.5, 'integer', 'double')).toBe(8);
    expect(run('%', 10, 0.5, 'integer', 'double')).toBe(0);
  });
  it('gives Infinity or NaN on division by zero', () => {
    expect(run('/', 1, 0, 'double', 'integer')).toBe(Infinity);
    expect(run('/', -1, 0, 'integer', 'double')).toBe(-Infinity);
    expect(run('/', 0, 0, 'double', 'double')).toBeNaN();
    expect(run('%', 1, 0, 'double', 'double')).toBeNaN();
  });
});

describe('nulls and dynamic types', () => {
  it('a null operand gives null', () => {
    expect(run('+', null, 1)).toBeNull();
    expect(run('/', 1, null)).toBeNull();
    expect(makeArith('+', 'null', 'integer').fn(1, 1)).toBeNull();
  });
  it('unknown operands take their kind from the value', () => {
    expect(run('/', 7, 2, 'unknown', 'integer')).toBe(3);
    expect(run('/', 7.5, 2, 'unknown', 'integer')).toBe(3.75);
    expect(codeOf(() => run('/', 7, 0, 'unknown', 'unknown'))).toBe(Codes.DivisionByZero);
  });
  it('rejects non-numbers at runtime', () => {
    expect(codeOf(() => run('+', 'a', 1, 'unknown', 'integer'))).toBe(Codes.RuntimeError);
  });
});

describe('negate', () => {
  it('negates with exact integral semantics', () => {
    expect(negate('integer').fn(5)).toBe(-5);
    expect(Object.is(negate('integer').fn(0), -0)).toBe(false);
    expect(codeOf(() => negate('integer').fn(-2147483648))).toBe(Codes.ArithmeticOverflow);
    expect(negate('long').fn(-2147483648)).toBe(2147483648);
    expect(codeOf(() => negate('long').fn(-9223372036854775808))).toBe(Codes.ArithmeticOverflow);
    expect(negate('double').fn(5.2)).toBe(-5.2);
    expect(Object.is(negate('double').fn(0), -0)).toBe(true);
    expect(negate('integer').fn(null)).toBeNull();
    expect(negate('unknown').fn(2.5)).toBe(-2.5);
  });
});
