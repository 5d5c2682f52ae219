import { describe, expect, it } from 'vitest';
import {
  compareIp,
  compileCidrs,
  compileCidrsOrThrow,
  formatIp,
  ipKey,
  ipKeyText,
  ipEquals,
  parseIp,
} from '../../../../src/core/runtime/cidr';
import { Codes } from '../../../../src/core/diagnostics/codes';
import { EqlRuntimeError } from '../../../../src/core/runtime/values';

function inBlocks(ip: string, ...blocks: string[]): boolean {
  const r = compileCidrs(blocks);
  if (!r.ok) throw new Error(r.message);
  return r.test(ip);
}

function cidrError(block: string): string | undefined {
  const r = compileCidrs([block]);
  return r.ok ? undefined : r.message;
}

describe('parseIp', () => {
  it.each([
    ['1.2.3.4', '1.2.3.4'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['::', '::'],
    ['::1', '::1'],
    ['1::', '1::'],
    ['2001:db8::ff00:42:8329', '2001:db8::ff00:42:8329'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['::ffff:0102:0304', '1.2.3.4'],
    ['::1.2.3.4', '::102:304'],
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'],
    ['fe80::1%eth0', 'fe80::1'],
  ])('%s → %s', (text, canonical) => {
    const w = parseIp(text);
    expect(w).not.toBeNull();
    expect(formatIp(w as Uint32Array)).toBe(canonical);
  });

  it.each([
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3.',
    '1..3.4',
    ' 1.2.3.4',
    '1.2.3.4%eth0',
    ':1',
    '1:',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7::8',
    '12345::',
    'g::1',
    '::1.2.3',
    '::1.2.3.4:5',
    'fe80::1%',
    'example.com',
  ])('rejects %j', (text) => {
    expect(parseIp(text)).toBeNull();
  });
});

describe('compileCidrs', () => {
  it('matches IPv4 blocks', () => {
    expect(inBlocks('192.168.152.12', '192.168.0.0/16')).toBe(true);
    expect(inBlocks('192.168.152.12', '10.0.0.0/8')).toBe(false);
    expect(inBlocks('192.168.152.12', '10.0.0.0/8', '192.168.0.0/16')).toBe(true);
    expect(inBlocks('10.255.255.255', '10.0.0.0/8')).toBe(true);
    expect(inBlocks('11.0.0.0', '10.0.0.0/8')).toBe(false);
    expect(inBlocks('1.2.3.4', '0.0.0.0/0')).toBe(true);
    expect(inBlocks('10.1.2.3', '10.9.9.9/8')).toBe(true); // host bits are ignored
  });
  it('treats a bare address as /32 or /128', () => {
    expect(inBlocks('10.0.0.1', '10.0.0.1')).toBe(true);
    expect(inBlocks('10.0.0.2', '10.0.0.1')).toBe(false);
    expect(inBlocks('2001:db8::1', '2001:DB8:0::1')).toBe(true);
  });
  it('matches IPv6 blocks', () => {
    expect(inBlocks('2001:db8::1', '2001:db8::/32')).toBe(true);
    expect(inBlocks('2001:db9::1', '2001:db8::/32')).toBe(false);
    expect(inBlocks('fe80::abcd', 'fe80::/10')).toBe(true);
    expect(inBlocks('fec0::1', 'fe80::/10')).toBe(false);
    expect(inBlocks('::1', '::1/128')).toBe(true);
    expect(inBlocks('2001:db8::1', '2001:db8::/127')).toBe(true);
    expect(inBlocks('2001:db8::2', '2001:db8::/127')).toBe(false);
  });
  it('mixes IPv4 and IPv4-mapped IPv6', () => {
    expect(inBlocks('::ffff:10.1.2.3', '10.0.0.0/8')).toBe(true);
    expect(inBlocks('10.1.2.3', '::/80')).toBe(true);
    expect(inBlocks('10.1.2.3', '::/96')).toBe(false);
    expect(inBlocks('10.1.2.3', '::/0')).toBe(true);
    expect(inBlocks('2001:db8::1', '0.0.0.0/0')).toBe(false);
  });
  it('a value that is not an IP matches nothing', () => {
    expect(inBlocks('not-an-ip', '0.0.0.0/0', '::/0')).toBe(false);
    expect(inBlocks('', '0.0.0.0/0')).toBe(false);
  });
  it('reports invalid blocks with Elasticsearch wording', () => {
    expect(cidrError('10.0.0.0/33')).toBe(
      "illegal prefixLength '33'. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges",
    );
    expect(cidrError('::/129')).toBe("illegal prefixLength '129'. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges");
    expect(cidrError('10.0.0.0/-1')).toBe(
      "illegal prefixLength '-1'. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges",
    );
    expect(cidrError('10.0.0.0/x')).toBe('For input string: "x"');
    expect(cidrError('10.0.0.0/')).toBe('Expected [ip/prefix] but was [10.0.0.0/]');
    expect(cidrError('1/2/3')).toBe('Expected [ip/prefix] but was [1/2/3]');
    expect(cidrError('10.0.0/8')).toBe("'10.0.0' is not an IP string literal.");
    expect(cidrError('bogus')).toBe("'bogus' is not an IP string literal.");
    expect(cidrError('::ffff:1.2.3.0/120')).toMatch(/^CIDR notation is not allowed with IPv6-mapped IPv4 address/);
  });
  it('compileCidrsOrThrow raises InvalidCidr', () => {
    try {
      compileCidrsOrThrow(['300.0.0.0/8']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EqlRuntimeError);
      expect((e as EqlRuntimeError).code).toBe(Codes.InvalidCidr);
    }
  });
});

describe('compareIp / ipEquals', () => {
  it('compares normalised addresses', () => {
    expect(ipEquals('::ffff:1.2.3.4', '1.2.3.4')).toBe(true);
    expect(ipEquals('2001:DB8::1', '2001:db8:0:0:0:0:0:1')).toBe(true);
    expect(ipEquals('1.2.3.4', '1.2.3.5')).toBe(false);
    expect(compareIp('1.2.3.4', '1.2.3.5')).toBe(-1);
    expect(compareIp('10.0.0.0', '9.255.255.255')).toBe(1);
    expect(compareIp('::1', '0.0.0.1')).toBe(-1);
  });
  it('returns null when either side is not an IP', () => {
    expect(ipEquals('x', '1.2.3.4')).toBeNull();
    expect(compareIp('1.2.3.4', '')).toBeNull();
  });
});

describe('ipKey / ipKeyText (the stored form of ip fields)', () => {
  it('gives equal keys for equal addresses and orders keys like addresses', () => {
    expect(ipKey('10.0.0.1')).toBe(ipKey('::ffff:10.0.0.1'));
    expect(ipKey('2001:db8::1')).toBe(ipKey('2001:0DB8:0:0:0:0:0:1'));
    expect(ipKey('9.0.0.1')! < ipKey('10.0.0.1')!).toBe(true);
    expect(ipKey('255.255.255.255')! < ipKey('2001:db8::')!).toBe(true);
    expect(ipKey('::1')! < ipKey('0.0.0.0')!).toBe(true);
    expect(ipKey('10.0.0.1')).toHaveLength(32);
  });
  it('rejects what InetAddresses.forString rejects', () => {
    for (const bad of ['010.1.1.1', ' 10.1.1.1', '10.1.1.1 ', '10.1.1', '256.0.0.1', '1::2::3', '', 'x'])
      expect(ipKey(bad), bad).toBeUndefined();
  });
  it('prints keys canonically', () => {
    expect(ipKeyText(ipKey('::ffff:10.0.0.1')!)).toBe('10.0.0.1');
    expect(ipKeyText(ipKey('2001:0DB8:0:0:0:0:0:1')!)).toBe('2001:db8::1');
  });
});
