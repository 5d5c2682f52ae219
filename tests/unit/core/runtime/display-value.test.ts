import { describe, expect, it } from 'vitest';
import { displayValue } from '../../../../src/core/index';

describe('displayValue', () => {
  it('names numbers JSON cannot hold instead of printing null', () => {
    expect(displayValue(Infinity)).toBe('Infinity');
    expect(displayValue(-Infinity)).toBe('-Infinity');
    expect(displayValue([1, Infinity, 'x'])).toBe('[1,Infinity,"x"]');
    expect(displayValue({ a: { b: -Infinity }, c: NaN })).toBe('{"a":{"b":-Infinity},"c":NaN}');
  });
  it('leaves everything else as JSON, strings as they are, even when they look like the tags', () => {
    expect(displayValue('plain')).toBe('plain');
    expect(displayValue(null)).toBe('null');
    expect(displayValue(5)).toBe('5');
    expect(displayValue([1, 'a'])).toBe('[1,"a"]');
    expect(displayValue(['\u00000:Infinity', Infinity, 'xInfinity"'])).toBe(
      '["\\u00000:Infinity",Infinity,"xInfinity\\""]',
    );
  });
});
