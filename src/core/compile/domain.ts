/**
 * Index-time conversion: Elasticsearch stores a field's values in the form its mapping type
 * dictates (a keyword stores "5" for the JSON number 5, a date stores epoch milliseconds, an ip
 * a normalised address). Comparisons see those stored forms, so the compiler converts both the
 * event's values and the query's constants into the field's domain.
 */
import type { ValueType } from '../runtime/values';

/** The comparison domain of a field. */
export type Domain = 'string' | 'number' | 'date' | 'date_nanos' | 'ip' | 'boolean' | 'version' | 'raw';

export function domainOfMappingType(type: string | undefined): Domain {
  switch (type) {
    case 'keyword':
    case 'constant_keyword':
    case 'wildcard':
    case 'text':
    case 'match_only_text':
      return 'string';
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'unsigned_long':
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
      return 'number';
    case 'date':
      return 'date';
    case 'date_nanos':
      return 'date_nanos';
    case 'ip':
      return 'ip';
    case 'boolean':
      return 'boolean';
    case 'version':
      return 'version';
    default:
      return 'raw';
  }
}

/** The EQL data type of a mapped field, as the verifier names it. */
export function valueTypeOfMappingType(type: string | undefined): ValueType {
  switch (type) {
    case 'keyword':
    case 'constant_keyword':
    case 'wildcard':
      return 'keyword';
    case 'text':
    case 'match_only_text':
      return 'text';
    case 'long':
    case 'unsigned_long':
      return 'long';
    case 'integer':
    case 'short':
    case 'byte':
      return 'integer';
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
      return 'double';
    case 'date':
    case 'date_nanos':
      return 'date';
    case 'ip':
      return 'ip';
    case 'boolean':
      return 'boolean';
    case 'version':
      return 'version';
    case 'object':
    case 'nested':
    case 'flattened':
      return 'object';
    case undefined:
      return 'unknown';
    default:
      return 'unsupported';
  }
}

/** Java's Double.toString / Long.toString for a JSON number stored into a keyword. */
function numberToKeyword(n: number): string {
  return String(n);
}

const ISO_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;

/** Parse a date the way `strict_date_optional_time||epoch_millis` does; NaN when not a date. */
export function parseDateMillis(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) : NaN;
  if (typeof v !== 'string') return NaN;
  const s = v.trim();
  if (/^-?\d+$/.test(s)) return Number(s);
  const m = ISO_DATE.exec(s);
  if (!m) return NaN;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) - 1 : 0;
  const day = m[3] ? Number(m[3]) : 1;
  const hour = m[4] ? Number(m[4]) : 0;
  const minute = m[5] ? Number(m[5]) : 0;
  const second = m[6] ? Number(m[6]) : 0;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  let t = Date.UTC(year, month, day, hour, minute, second, ms);
  if (year < 100) t = new Date(t).setUTCFullYear(year);
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
    t -= sign * offset * 60_000;
  }
  return t;
}

const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** Integral mapping types: a fractional value is truncated when indexed (`coerce`, on by default). */
export function isIntegralMappingType(type: string | undefined): boolean {
  return type === 'long' || type === 'integer' || type === 'short' || type === 'byte' || type === 'unsigned_long';
}

const NANOS_OFFSET = 10n ** 22n;

/**
 * A `date_nanos` value as a fixed-width string that sorts and compares like the instant it
 * names, to the nanosecond (JSON-safe, unlike a BigInt). Undefined when not a date.
 */
export function dateNanosKey(v: unknown): string | undefined {
  const ms = parseDateMillis(v);
  if (Number.isNaN(ms)) return undefined;
  let sub = 0n;
  if (typeof v === 'string') {
    const fraction = /[.,](\d{4,9})(?=Z|[+-]|$)/.exec(v.trim());
    if (fraction) sub = BigInt(fraction[1]!.padEnd(9, '0').slice(3));
  }
  return (BigInt(ms) * 1_000_000n + sub + NANOS_OFFSET).toString().padStart(24, '0');
}

/** Normalise an IP address to a canonical string (IPv4 dotted, IPv6 fully expanded lower-case). */
export function normaliseIp(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) {
    const parts = s.split('.').map(Number);
    return parts.every((p) => p <= 255) ? parts.join('.') : undefined;
  }
  if (!s.includes(':')) return undefined;
  let text = s.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const lastPart = text.slice(lastColon + 1);
  if (lastPart.includes('.')) {
    const v4 = normaliseIp(lastPart);
    if (!v4) return undefined;
    const p = v4.split('.').map(Number);
    tail = [(p[0]! << 8) | p[1]!, (p[2]! << 8) | p[3]!];
    text = `${text.slice(0, lastColon + 1)}0`;
    text = text.slice(0, -1) || '';
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string) => (h === '' ? [] : h.split(':'));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const groups = [...head, ...rest];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
  const nums = groups.map((g) => parseInt(g, 16));
  const total = nums.length + tail.length;
  let all: number[];
  if (halves.length === 2) {
    if (total > 7) return undefined;
    all = [
      ...head.map((g) => parseInt(g, 16)),
      ...new Array<number>(8 - total).fill(0),
      ...rest.map((g) => parseInt(g, 16)),
      ...tail,
    ];
  } else {
    if (total !== 8) return undefined;
    all = [...nums, ...tail];
  }
  // IPv4-mapped IPv6 addresses are the IPv4 address (as Elasticsearch stores them).
  if (all.slice(0, 5).every((x) => x === 0) && all[5] === 0xffff) {
    return `${all[6]! >> 8}.${all[6]! & 255}.${all[7]! >> 8}.${all[7]! & 255}`;
  }
  return all.map((x) => x.toString(16).padStart(4, '0')).join(':');
}

/** A sortable key for the `version` field type (semantic versions; invalid sorts last). */
export function versionKey(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v);
  if (!m) return `~${v}`;
  const nums = m[1]!.split('.').map((n) => n.padStart(10, '0'));
  const pre = m[2];
  // A pre-release sorts before the release: "-" < "~".
  return `${nums.join('.')}${pre === undefined ? '~' : `-${pre}`}`;
}

/**
 * Convert one stored value into the domain. Returns undefined when the value cannot be stored
 * in that domain (Elasticsearch would reject or ignore it; EQL then sees it as missing).
 */
export function toDomain(domain: Domain, v: unknown): string | number | boolean | undefined {
  switch (domain) {
    case 'string':
      if (typeof v === 'string') return v;
      if (typeof v === 'number') return numberToKeyword(v);
      if (typeof v === 'boolean') return v ? 'true' : 'false';
      return undefined;
    case 'number':
      if (typeof v === 'number') return v;
      // Decimal text only: Elasticsearch does not read "0x10" or "0b11" as numbers.
      if (typeof v === 'string' && DECIMAL.test(v)) return Number(v);
      return undefined;
    case 'date': {
      const t = parseDateMillis(v);
      return Number.isNaN(t) ? undefined : t;
    }
    case 'date_nanos':
      return dateNanosKey(v);
    case 'ip':
      return normaliseIp(v);
    case 'boolean':
      if (typeof v === 'boolean') return v;
      if (v === 'true') return true;
      if (v === 'false' || v === '') return false;
      return undefined;
    case 'version':
      return versionKey(v);
    case 'raw':
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
      return undefined;
  }
}
