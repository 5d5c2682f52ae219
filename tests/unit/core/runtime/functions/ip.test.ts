import { describe, expect, it } from 'vitest';
import { call, failure } from './helpers';
import { Codes } from '../../../../../src/core/diagnostics/codes';

const IP = ['ip', 'keyword', 'keyword'] as const;

describe('cidrMatch', () => {
  it('matches any of the blocks', () => {
    expect(call('cidrMatch', ['192.168.152.12', '192.168.0.0/16'], { types: ['ip', 'keyword'] })).toBe(true);
    expect(call('cidrMatch', ['192.168.152.12', '192.168.0.0/16', '10.0.0.0/8'], { types: [...IP] })).toBe(true);
    expect(call('cidrMatch', ['192.168.152.12', '10.0.0.0/8'], { types: ['ip', 'keyword'] })).toBe(false);
    expect(call('cidrMatch', ['192.168.152.12', '10.0.0.0/8', '10.128.0.0/9'], { types: [...IP] })).toBe(false);
    expect(call('cidrMatch', ['2001:db8::5', '2001:db8::/64'], { types: ['ip', 'keyword'] })).toBe(true);
  });
  it('works with blocks that are not constants', () => {
    expect(call('cidrMatch', ['10.1.1.1', '10.0.0.0/8'], { types: ['ip', 'keyword'], constant: false })).toBe(true);
  });
  it('null handling', () => {
    expect(call('cidrMatch', [null, '10.0.0.0/8'], { types: ['ip', 'keyword'] })).toBeNull();
    expect(call('cidrMatch', ['10.0.0.1', null], { types: ['ip', 'null'] })).toBeNull();
    expect(call('cidrMatch', ['10.0.0.1', null], { types: ['ip', 'null'], constant: false })).toBeNull();
  });
  it('a value that is not an IP does not match', () => {
    expect(call('cidrMatch', ['nope', '0.0.0.0/0'], { types: ['ip', 'keyword'] })).toBe(false);
  });
  it('an invalid block is a runtime error', () => {
    expect(failure('cidrMatch', ['10.0.0.1', '10.0.0.0/40'], { types: ['ip', 'keyword'] })).toEqual({
      code: Codes.InvalidCidr,
      message: "illegal prefixLength '40'. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges",
    });
  });
});
