import { describe, expect, it } from 'vitest';
import {
  formatJavaDouble,
  formatJavaLong,
  formatJavaNumber,
  javaToString,
} from '../../../../src/core/runtime/java-format';

describe('formatJavaDouble', () => {
  it.each([
    [1, '1.0'],
    [-1, '-1.0'],
    [0, '0.0'],
    [-0, '-0.0'],
    [2.1828, '2.1828'],
    [42.5, '42.5'],
    [100, '100.0'],
    [1234567, '1234567.0'],
    [9999999, '9999999.0'],
    [1e7, '1.0E7'],
    [12345678, '1.2345678E7'],
    [1e20, '1.0E20'],
    [1.5e300, '1.5E300'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [0.00012345, '1.2345E-4'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1 / 3, '0.3333333333333333'],
    [Number.MIN_VALUE, '4.9E-324'],
    [Number.MAX_VALUE, '1.7976931348623157E308'],
    [-2.5e-7, '-2.5E-7'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('%s → %s', (n, text) => {
    expect(formatJavaDouble(n)).toBe(text);
  });
});

describe('formatJavaLong', () => {
  it('prints plain digits, never an exponent', () => {
    expect(formatJavaLong(0)).toBe('0');
    expect(formatJavaLong(-42)).toBe('-42');
    expect(formatJavaLong(8589934592)).toBe('8589934592');
    expect(formatJavaLong(9223372036854775807)).toBe('9223372036854775808');
    expect(formatJavaLong(1e21)).toBe('1000000000000000000000');
  });
});

describe('formatJavaNumber / javaToString', () => {
  it('follows the static type', () => {
    expect(formatJavaNumber(1, 'integer')).toBe('1');
    expect(formatJavaNumber(1, 'long')).toBe('1');
    expect(formatJavaNumber(1, 'double')).toBe('1.0');
  });
  it('decides per value for unknown types', () => {
    expect(formatJavaNumber(3, 'unknown')).toBe('3');
    expect(formatJavaNumber(3.5, 'unknown')).toBe('3.5');
  });
  it('prints booleans and strings like Java', () => {
    expect(javaToString(true, 'boolean')).toBe('true');
    expect(javaToString(false, 'boolean')).toBe('false');
    expect(javaToString('x', 'keyword')).toBe('x');
    expect(javaToString(null, 'null')).toBeNull();
  });
});
