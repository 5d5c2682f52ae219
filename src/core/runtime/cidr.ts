/**
 * IP addresses and CIDR blocks, for `cidrMatch` and `==` on `ip` fields.
 *
 * Every address is normalised to 128 bits held as four unsigned 32-bit words. IPv4 addresses
 * become IPv4-mapped IPv6 addresses (`::ffff:a.b.c.d`), the way Elasticsearch and Lucene
 * encode them, so `1.2.3.4` and `::ffff:1.2.3.4` are the same address and an IPv6 block such
 * as `::/0` also covers IPv4 addresses.
 *
 * Accepted text follows Elasticsearch's `InetAddresses.forString`: dotted quads with
 * decimal octets 0-255 and no leading zeros; IPv6 with 1-4 hex digits per group, at most one
 * `::`, an optional embedded dotted quad at the end, and an ignored `%scope` suffix.
 */

import { Runtime } from '../diagnostics/runtime';
import { EqlRuntimeError } from './values';

/** Parse a dotted quad into an unsigned 32-bit number, or -1. */
function parseV4(s: string, start: number, end: number): number {
  let value = 0;
  let parts = 0;
  let i = start;
  while (i <= end) {
    let j = i;
    let octet = 0;
    while (j < end) {
      const c = s.charCodeAt(j);
      if (c === 46) break; // '.'
      if (c < 48 || c > 57) return -1;
      octet = octet * 10 + (c - 48);
      j++;
    }
    const len = j - i;
    if (len === 0 || len > 3 || octet > 255) return -1;
    if (len > 1 && s.charCodeAt(i) === 48) return -1; // leading zero
    value = value * 256 + octet;
    parts++;
    if (parts > 4) return -1;
    if (j === end) break;
    i = j + 1;
    if (i === end) return -1; // trailing dot
  }
  return parts === 4 ? value : -1;
}

const groups = new Uint16Array(8);

/** Parse an IPv6 address into `out` (4 words); false when invalid. */
function parseV6(s: string, out: Uint32Array): boolean {
  let end = s.indexOf('%');
  if (end === -1) end = s.length;
  else if (end === s.length - 1) return false;
  if (end < 2) return false;

  // An embedded dotted quad at the end counts as two groups.
  let v4 = -1;
  let hexEnd = end;
  const lastColon = s.lastIndexOf(':', end - 1);
  if (s.indexOf('.', lastColon) !== -1 && s.indexOf('.', lastColon) < end) {
    v4 = parseV4(s, lastColon + 1, end);
    if (v4 < 0) return false;
    hexEnd = lastColon + 1; // keep the colon so the hex part ends with ':' or '::'
  }

  let count = 0;
  let skipAt = -1;
  let i = 0;
  if (s.charCodeAt(0) === 58) {
    if (s.charCodeAt(1) !== 58) return false;
    skipAt = 0;
    i = 2;
  }
  while (i < hexEnd) {
    let j = i;
    let g = 0;
    while (j < hexEnd) {
      const c = s.charCodeAt(j);
      if (c === 58) break;
      let d: number;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (c >= 97 && c <= 102) d = c - 87;
      else if (c >= 65 && c <= 70) d = c - 55;
      else return false;
      g = g * 16 + d;
      j++;
    }
    const len = j - i;
    if (len === 0 || len > 4) {
      return false;
    }
    if (count >= 8) return false;
    groups[count++] = g;
    if (j === hexEnd) break;
    // j is at ':'
    if (j + 1 === hexEnd) {
      // a single trailing colon is only allowed before an embedded IPv4 part
      if (v4 < 0) return false;
      break;
    }
    if (s.charCodeAt(j + 1) === 58) {
      if (skipAt !== -1) return false;
      skipAt = count;
      i = j + 2;
      if (i === hexEnd) break;
    } else {
      i = j + 1;
    }
  }
  // "::" followed directly by the dotted quad, or a leading "::" with nothing else.
  if (v4 >= 0) {
    if (count + 2 > 8) return false;
    groups[count++] = Math.floor(v4 / 65536);
    groups[count++] = v4 % 65536;
  }
  const missing = 8 - count;
  if (skipAt === -1 ? missing !== 0 : missing < 1) return false;
  const full = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let k = 0, dst = 0; k < count; k++, dst++) {
    if (k === skipAt) dst += missing;
    full[dst] = groups[k] as number;
  }
  for (let w = 0; w < 4; w++) out[w] = ((full[2 * w] as number) * 65536 + (full[2 * w + 1] as number)) >>> 0;
  return true;
}

/**
 * Parse an IPv4 or IPv6 address into four 32-bit words (IPv4 mapped to `::ffff:a.b.c.d`).
 * Returns false when the text is not an IP address.
 */
export function parseIpInto(s: string, out: Uint32Array): boolean {
  if (s.length === 0) return false;
  if (s.indexOf(':') === -1) {
    const v4 = parseV4(s, 0, s.length);
    if (v4 < 0) return false;
    out[0] = 0;
    out[1] = 0;
    out[2] = 0xffff;
    out[3] = v4;
    return true;
  }
  return parseV6(s, out);
}

/** Parse an address; null when invalid. */
export function parseIp(s: string): Uint32Array | null {
  const out = new Uint32Array(4);
  return parseIpInto(s, out) ? out : null;
}

/** True when the 128-bit address is an IPv4-mapped address (`::ffff:0:0/96`). */
function isMapped(w: Uint32Array): boolean {
  return w[0] === 0 && w[1] === 0 && w[2] === 0xffff;
}

function compareWords(a: Uint32Array, b: Uint32Array): number {
  for (let i = 0; i < 4; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Canonical text of an address: dotted quad for IPv4(-mapped), compressed IPv6 otherwise. */
export function formatIp(w: Uint32Array): string {
  if (isMapped(w)) {
    const v = w[3] as number;
    return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  }
  const g: number[] = [];
  for (let i = 0; i < 4; i++) g.push((w[i] as number) >>> 16, (w[i] as number) & 0xffff);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen && j - i > 1) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

const scratchA = new Uint32Array(4);
const scratchB = new Uint32Array(4);

/** Order of two addresses after normalisation; null when either is not an IP. */
export function compareIp(a: string, b: string): number | null {
  if (!parseIpInto(a, scratchA) || !parseIpInto(b, scratchB)) return null;
  return compareWords(scratchA, scratchB);
}

/** Address equality after normalisation (`::ffff:1.2.3.4 == 1.2.3.4`); null when either is not an IP. */
export function ipEquals(a: string, b: string): boolean | null {
  const c = compareIp(a, b);
  return c === null ? null : c === 0;
}

const HEX = '0123456789abcdef';
const keyScratch = new Uint32Array(4);

/**
 * The stored form of an `ip` field value: the 128-bit address as 32 hex digits (IPv4 as
 * `::ffff:a.b.c.d`), so equal addresses are equal strings and string order is address order.
 * Undefined when the text is not an address under the strict reading above.
 */
export function ipKey(s: string): string | undefined {
  if (!parseIpInto(s, keyScratch)) return undefined;
  let out = '';
  for (let w = 0; w < 4; w++) {
    const v = keyScratch[w] as number;
    for (let shift = 28; shift >= 0; shift -= 4) out += HEX[(v >>> shift) & 15];
  }
  return out;
}

/** The canonical text of a stored `ip` key (what Elasticsearch's doc values print). */
export function ipKeyText(key: string): string {
  const w = new Uint32Array(4);
  for (let i = 0; i < 4; i++) w[i] = Number.parseInt(key.slice(8 * i, 8 * i + 8), 16) >>> 0;
  return formatIp(w);
}

interface Block {
  readonly lower: Uint32Array;
  readonly upper: Uint32Array;
}

export type CidrResult = { ok: true; test: (ip: string) => boolean } | { ok: false; message: string };

function notAnIp(s: string): string {
  return `'${s}' is not an IP string literal.`;
}

/** Parse one block (`a.b.c.d/n`, `x::/n`, or a bare address as /32 or /128). */
export function parseCidr(text: string): Block | string {
  const slash = text.indexOf('/');
  const addr = new Uint32Array(4);
  if (slash === -1) {
    if (!parseIpInto(text, addr)) return notAnIp(text);
    return { lower: addr, upper: addr };
  }
  // Java's split("/") drops trailing empty parts.
  const fields = text.split('/');
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  if (fields.length !== 2) return `Expected [ip/prefix] but was [${text}]`;
  const addrText = fields[0] as string;
  const prefixText = fields[1] as string;
  if (!parseIpInto(addrText, addr)) return notAnIp(addrText);
  const v4 = addrText.indexOf(':') === -1;
  if (!v4 && isMapped(addr)) {
    return (
      `CIDR notation is not allowed with IPv6-mapped IPv4 address [${addrText} as it introduces ambiguity ` +
      `as to whether the prefix length should be interpreted as a v4 prefix length or a v6 prefix length`
    );
  }
  if (!/^[+-]?[0-9]+$/.test(prefixText) || Math.abs(Number(prefixText)) > 2147483647) {
    return `For input string: "${prefixText}"`;
  }
  const prefix = Number(prefixText);
  const max = v4 ? 32 : 128;
  if (prefix < 0 || prefix > max) {
    return `illegal prefixLength '${prefix}'. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges`;
  }
  const bits = v4 ? prefix + 96 : prefix;
  const lower = new Uint32Array(4);
  const upper = new Uint32Array(4);
  for (let w = 0; w < 4; w++) {
    const keep = Math.max(0, Math.min(32, bits - 32 * w));
    const mask = keep === 0 ? 0 : keep === 32 ? 0xffffffff : (0xffffffff << (32 - keep)) >>> 0;
    const v = addr[w] as number;
    lower[w] = (v & mask) >>> 0;
    upper[w] = (v | ~mask) >>> 0;
  }
  return { lower, upper };
}

/**
 * Compile CIDR blocks (or bare addresses) into a membership test. An address that is not a
 * valid IP matches nothing. An invalid block is reported with Elasticsearch's wording.
 */
export function compileCidrs(blocks: readonly string[]): CidrResult {
  const parsed: Block[] = [];
  for (const b of blocks) {
    const r = parseCidr(b);
    if (typeof r === 'string') return { ok: false, message: r };
    parsed.push(r);
  }
  const scratch = new Uint32Array(4);
  return {
    ok: true,
    test: (ip) => {
      if (!parseIpInto(ip, scratch)) return false;
      for (let i = 0; i < parsed.length; i++) {
        const b = parsed[i] as Block;
        if (compareWords(b.lower, scratch) <= 0 && compareWords(scratch, b.upper) <= 0) return true;
      }
      return false;
    },
  };
}

/** Like `compileCidrs`, but throws `EqlRuntimeError` (InvalidCidr) for an invalid block. */
export function compileCidrsOrThrow(blocks: readonly string[]): (ip: string) => boolean {
  const r = compileCidrs(blocks);
  if (!r.ok) throw new EqlRuntimeError(Runtime.InvalidCidr.invalid(r.message));
  return r.test;
}
