import { describe, expect, it } from 'vitest';
import {
  compareNumbers,
  compareScalar,
  eqScalar,
  makeConstComparison,
  neqScalar,
  orderScalar,
} from '../../../../src/core/runtime/compare';

describe('eqScalar', () => {
  it('compares numbers by value across int and double', () => {
    expect(eqScalar(3, 3)).toBe(true);
    expect(eqScalar(3, 3.0)).toBe(true);
    expect(eqScalar(3, 4)).toBe(false);
  });
  it('uses Double.compare for NaN and signed zero', () => {
    expect(eqScalar(NaN, NaN)).toBe(true);
    expect(eqScalar(0, -0)).toBe(false);
  });
  it('is case-sensitive unless asked', () => {
    expect(eqScalar('Foo', 'foo')).toBe(false);
    expect(eqScalar('Foo', 'foo', true)).toBe(true);
    expect(eqScalar('Foo', 'Bar', true)).toBe(false);
  });
  it('returns null for null operands and incompatible kinds', () => {
    expect(eqScalar(null, 1)).toBeNull();
    expect(eqScalar('a', null)).toBeNull();
    expect(eqScalar(null, null)).toBeNull();
    expect(eqScalar('5', 5)).toBeNull();
    expect(eqScalar(true, 'true')).toBeNull();
    expect(eqScalar(1, true)).toBeNull();
  });
  it('compares booleans', () => {
    expect(eqScalar(true, true)).toBe(true);
    expect(eqScalar(true, false)).toBe(false);
  });
  it('neq negates and keeps null', () => {
    expect(neqScalar(3, 4)).toBe(true);
    expect(neqScalar('Foo', 'foo', true)).toBe(false);
    expect(neqScalar(null, 4)).toBeNull();
  });
});

describe('ordering', () => {
  it('orders strings by UTF-16 code unit, case-sensitively', () => {
    expect(orderScalar('<', 'Foo', 'foo')).toBe(true);
    expect(orderScalar('>', 'foo', 'Foo')).toBe(true);
    expect(orderScalar('<=', 'Foo', 'Bar')).toBe(false);
    expect(orderScalar('>', 'Foo', 'Bar')).toBe(true);
    // U+FB01 (BMP) sorts after U+1F600 (a surrogate pair starting with U+D83D) by code unit
    expect(orderScalar('>', '\uFB01', '\u{1F600}')).toBe(true);
  });
  it('case-insensitive ordering compares lower-cased forms', () => {
    expect(orderScalar('<', 'Foo', 'foo', true)).toBe(false);
    expect(orderScalar('<=', 'Foo', 'foo', true)).toBe(true);
    expect(orderScalar('>=', 'foo', 'Foo', true)).toBe(true);
  });
  it('orders numbers and mixed int/double', () => {
    expect(orderScalar('<', -3, 4.0)).toBe(true);
    expect(orderScalar('>=', 3, 4.0)).toBe(false);
    expect(orderScalar('>', -3.0, 4)).toBe(false);
  });
  it('orders booleans false < true', () => {
    expect(compareScalar(false, true)).toBe(-1);
    expect(compareScalar(true, true)).toBe(0);
  });
  it('returns null for null and incompatible operands', () => {
    for (const v of [null, 1, 'a', 1.5]) {
      expect(orderScalar('<', null, v)).toBeNull();
      expect(orderScalar('>=', v, null)).toBeNull();
    }
    expect(orderScalar('<', 'a', 1)).toBeNull();
  });
  it('compareNumbers puts NaN last and -0 before 0', () => {
    expect(compareNumbers(NaN, Infinity)).toBe(1);
    expect(compareNumbers(-0, 0)).toBe(-1);
    expect(compareNumbers(NaN, NaN)).toBe(0);
  });
});

describe('makeConstComparison', () => {
  it('precomputes the lower-cased constant', () => {
    const eq = makeConstComparison('==', 'CMD.exe', true);
    expect(eq('cmd.EXE')).toBe(true);
    expect(eq('cmd')).toBe(false);
    expect(eq(null)).toBeNull();
    expect(eq(5)).toBeNull();
    const lt = makeConstComparison('<', 'b', true);
    expect(lt('A')).toBe(true);
  });
  it('a null constant never compares', () => {
    expect(makeConstComparison('==', null)('x')).toBeNull();
  });
  it('matches the generic functions for sensitive comparisons', () => {
    expect(makeConstComparison('>=', 5)(5)).toBe(true);
    expect(makeConstComparison('!=', 'a')('a')).toBe(false);
  });
});
