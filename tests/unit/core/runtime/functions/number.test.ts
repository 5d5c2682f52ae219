import { describe, expect, it } from 'vitest';
import { call, failure } from './helpers';
import { Codes } from '../../../../../src/core/diagnostics/codes';
import { parseJavaDouble, parseJavaLong } from '../../../../../src/core/runtime/functions/number';

describe('number', () => {
  it.each([
    [['314'], 314],
    [['3.14'], 3.14],
    [['-3.14', 10], -3.14],
    [['-314', 10], -314],
    [['+314', 10], 314],
    [['-3.14'], -3.14],
    [['0x1337'], 4919],
    [['0x1337', 16], 4919],
    [['52403'], 52403],
    [['052403', 8], 21763],
    [['52403', 7], 12890],
    [['-ff', 16], -255],
    [['  1337  '], 1337],
    [['1e3'], 1000],
    [['1.5f'], 1.5],
    [['.5'], 0.5],
    [['5.'], 5],
    [['9223372036854775807'], 9223372036854775807],
    [['9223372036854775808'], 9223372036854775808],
    [['1011', 2], 11],
    [['zz', 36], 1295],
    [['1', null], 1],
  ] as [(string | number | null)[], number][])('number(%j) → %s', (args, want) => {
    expect(call('number', args)).toBe(want);
  });
  it('accepts Java double specials', () => {
    expect(call('number', ['NaN'])).toBeNaN();
    expect(call('number', ['-Infinity'])).toBe(-Infinity);
    expect(call('number', ['0x1p3', 10])).toBe(8);
  });
  it('null source gives null', () => {
    expect(call('number', [null])).toBeNull();
  });
  it.each([
    [['abc'], 'Unable to convert [abc] to number of base [10]'],
    [[''], 'Unable to convert [] to number of base [10]'],
    [['1,000'], 'Unable to convert [1,000] to number of base [10]'],
    [['0x1337', 10], 'Unable to convert [0x1337] to number of base [10]'],
    [['0X1F'], 'Unable to convert [0X1F] to number of base [10]'],
    [['0xZZ'], 'Unable to convert [ZZ] to number of base [16]'],
    [[' 1f', 16], 'Unable to convert [ 1f] to number of base [16]'],
    [['8', 8], 'Unable to convert [8] to number of base [8]'],
    [['inf'], 'Unable to convert [inf] to number of base [10]'],
    [['99999999999999999999', 16], 'Unable to convert [99999999999999999999] to number of base [16]'],
  ] as [(string | number)[], string][])('number(%j) fails', (args, message) => {
    expect(failure('number', args)).toEqual({ code: Codes.NumberConversion, message });
  });
});

describe('Java parsers', () => {
  it('parseJavaLong follows Long.parseLong', () => {
    expect(parseJavaLong('-9223372036854775808', 10)).toBe(-9223372036854775808);
    expect(parseJavaLong('9223372036854775808', 10)).toBeUndefined();
    expect(parseJavaLong('+', 10)).toBeUndefined();
    expect(parseJavaLong('1', 37)).toBeUndefined();
    expect(parseJavaLong('FF', 16)).toBe(255);
  });
  it('parseJavaDouble follows Double.parseDouble', () => {
    expect(parseJavaDouble('\t2.5d\n')).toBe(2.5);
    expect(parseJavaDouble('1E+2')).toBe(100);
    expect(parseJavaDouble('.')).toBeUndefined();
    expect(parseJavaDouble('e5')).toBeUndefined();
    expect(parseJavaDouble('nan')).toBeUndefined();
    expect(parseJavaDouble('0x.8p1')).toBe(1);
  });
  it('reads long digit runs in linear time (no backtracking between the digit groups)', () => {
    const digits = '1'.repeat(100_000);
    expect(parseJavaDouble(`${digits}x`)).toBeUndefined();
    expect(parseJavaDouble(digits)).toBe(Infinity);
    expect(parseJavaDouble(`${digits}.${digits}e-300000`)).toBe(0);
  });
});
