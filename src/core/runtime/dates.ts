/**
 * Dates as Elasticsearch's date mapping reads and prints them: the `format` of a `date` or
 * `date_nanos` field (`a||b||c`, the first format that accepts the value wins; printing uses
 * the first), defaulting to `strict_date_optional_time||epoch_millis`. Used for comparisons on
 * date fields, event-query ordering, sequence ordering and join keys alike.
 *
 * - Named formats are strict where Elasticsearch's are: `strict_date_optional_time` takes a
 *   four-digit year, two-digit fields, a `T` before the time (not a space), and real calendar
 *   dates only (`2020-02-30` is no date). A JSON number is read as its text, so `2020` under the
 *   default format is the year 2020 and `1600000000000` is epoch milliseconds.
 * - Custom patterns are read as java.time reads them (English names, as Elasticsearch's default
 *   `Locale.ROOT`): `y u M L d D H h K k m s S n A a E G Z X x O VV z`, quoted literals,
 *   `''`, optional sections `[...]`; numbers follow java.time's widths (one letter: any
 *   number of digits; two: exactly two; adjacent fixed-width numbers reserve their digits).
 * - A format the playground cannot read falls back to the default.
 */
import { compilePattern } from './date-pattern';
import type { Fields, Instant } from './date-fields';

export type { Instant } from './date-fields';

/** One parsed mapping format. */
export interface DateFormat {
  /** The format text as given (or the default). */
  readonly text: string;
  /** False when some alternative could not be read and fell back to the default. */
  readonly supported: boolean;
  parse(v: unknown): Instant | undefined;
  print(ms: number): string;
}

export const DEFAULT_DATE_FORMAT = 'strict_date_optional_time||epoch_millis';

type Parser = (s: string) => Instant | undefined;
type Printer = (ms: number) => string;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function utcMillis(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const t = Date.UTC(y, mo - 1, d, h, mi, s, 0);
  return y >= 0 && y < 100 ? new Date(t).setUTCFullYear(y) : t;
}

/** Offset (seconds east of UTC) of an IANA zone at a local wall-clock time, via Intl. */
function zoneOffsetSec(zone: string, localMs: number): number | undefined {
  if (zone === 'UTC' || zone === 'Z' || zone === 'GMT' || zone === 'UT') return 0;
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return undefined;
  }
  const offsetAt = (utc: number): number => {
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(new Date(utc))) p[part.type] = Number(part.value);
    return (utcMillis(p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(utc / 1000) * 1000) / 1000;
  };
  const first = offsetAt(localMs);
  return offsetAt(localMs - first * 1000);
}

/** Resolve parsed fields to an instant under java.time's strict rules; undefined when invalid. */
function resolve(f: Fields): Instant | undefined {
  let year = f.year;
  if (year === undefined && f.yearOfEra !== undefined) year = f.era === 0 ? 1 - f.yearOfEra : f.yearOfEra;
  year ??= 1970;
  let month = f.month ?? 1;
  let day = f.day ?? 1;
  if (f.dayOfYear !== undefined) {
    if (f.dayOfYear < 1 || f.dayOfYear > (isLeap(year) ? 366 : 365)) return undefined;
    const d = new Date(utcMillis(year, 1, 1, 0, 0, 0) + (f.dayOfYear - 1) * 86_400_000);
    if (f.month !== undefined && f.month !== d.getUTCMonth() + 1) return undefined;
    month = d.getUTCMonth() + 1;
    day = d.getUTCDate();
  }
  if (month < 1 || month > 12) return undefined;
  const dim = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day < 1 || day > dim) return undefined;
  let hour = f.hour;
  if (f.hourOfAmPm !== undefined) {
    const h = f.hourOfAmPm + (f.amPm ?? 0) * 12;
    if (hour !== undefined && hour !== h) return undefined;
    hour = h;
  }
  let minute = f.minute ?? 0;
  let second = f.second ?? 0;
  let nanos = f.nanos ?? 0;
  if (f.milliOfDay !== undefined) {
    if (f.milliOfDay < 0 || f.milliOfDay >= 86_400_000) return undefined;
    hour = Math.floor(f.milliOfDay / 3_600_000);
    minute = Math.floor(f.milliOfDay / 60_000) % 60;
    second = Math.floor(f.milliOfDay / 1000) % 60;
    nanos = (f.milliOfDay % 1000) * 1_000_000;
  }
  hour ??= 0;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  const local = utcMillis(year, month, day, hour, minute, second);
  if (Number.isNaN(local)) return undefined;
  if (f.dayOfWeek !== undefined && ((new Date(local).getUTCDay() + 6) % 7) + 1 !== f.dayOfWeek) return undefined;
  let offset = f.offsetSec ?? 0;
  if (f.zone !== undefined) {
    const z = zoneOffsetSec(f.zone, local);
    if (z === undefined) return undefined;
    offset = z;
  }
  const ms = local - offset * 1000 + Math.floor(nanos / 1_000_000);
  return Number.isFinite(ms) ? { ms, nanos: nanos % 1_000_000 } : undefined;
}

/** A JSON value as the text Elasticsearch parses (numbers by their text); undefined otherwise. */
function dateText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function fractionNanos(digits: string): number {
  return Number(digits.padEnd(9, '0').slice(0, 9));
}

/** epoch_millis (`-?digits[.fraction]`, the fraction down to nanoseconds) and epoch_second. */
function epochParser(unitMs: 1 | 1000): Parser {
  const fracDigits = unitMs === 1 ? 6 : 9;
  const re = new RegExp(`^(-?)(\\d+)(?:\\.(\\d{1,${fracDigits}}))?$`);
  return (s) => {
    const m = re.exec(s);
    if (!m) return undefined;
    // The fraction in nanoseconds of the unit, then split into whole ms and the rest.
    const fracNanos = m[3] ? Number(m[3].padEnd(fracDigits, '0')) : 0;
    const fracMs = unitMs === 1 ? 0 : Math.floor(fracNanos / 1_000_000);
    let nanos = unitMs === 1 ? fracNanos : fracNanos % 1_000_000;
    let ms = Number(m[2]) * unitMs + fracMs;
    if (m[1]) {
      ms = -ms;
      if (nanos > 0) {
        ms -= 1;
        nanos = 1_000_000 - nanos;
      }
    }
    return Number.isSafeInteger(ms) ? { ms, nanos } : undefined;
  };
}

/** The shape of an ISO-like named format. */
interface IsoShape {
  readonly strict: boolean;
  /** y, ym or ymd: the date parts required; `opt` makes month and day optional. */
  readonly date: 'y' | 'ym' | 'ymd' | 'opt';
  /** The time after `T`: none, optional (with optional minutes, seconds, fraction), or required parts. */
  readonly time: 'none' | 'opt' | 'h' | 'hm' | 'hms' | 'hmsf';
  readonly zone: 'none' | 'opt' | 'req';
  /** No separators (basic_ formats). */
  readonly basic?: boolean;
}

const ZONE_RE = '(Z|[+-]\\d{2}(?::?\\d{2}(?::?\\d{2})?)?)';

function isoRegex(shape: IsoShape): RegExp {
  const n2 = shape.strict ? '(\\d{2})' : '(\\d{1,2})';
  const year = shape.strict ? '(-?\\d{4})' : '([+-]?\\d{1,9})';
  const sep = shape.basic ? '' : '-';
  const tsep = shape.basic ? '' : ':';
  let date: string;
  if (shape.date === 'opt') date = `${year}(?:${sep}${n2}(?:${sep}${n2})?)?`;
  else date = year + (shape.date !== 'y' ? sep + n2 : '()') + (shape.date === 'ymd' ? sep + n2 : '()');
  const frac = '(?:[.,](\\d{1,9}))';
  let time = '';
  if (shape.time === 'opt') time = `(?:T(?:${n2}(?:${tsep}${n2}(?:${tsep}${n2}${frac}?)?)?${ZONE_RE}?)?)?`;
  else if (shape.time !== 'none') {
    const parts = [
      n2,
      shape.time === 'h' ? '()' : tsep + n2,
      shape.time === 'hms' || shape.time === 'hmsf' ? tsep + n2 : '()',
    ];
    const f = shape.time === 'hmsf' ? frac : '()';
    const z = shape.zone === 'req' ? ZONE_RE : shape.zone === 'opt' ? `${ZONE_RE}?` : '()';
    time = `T${parts.join('')}${f}${z}`;
  }
  return new RegExp(`^${date}${time}$`);
}

function offsetOf(z: string | undefined): number | undefined {
  if (z === undefined || z === '' || z === 'Z') return z === undefined || z === '' ? undefined : 0;
  const sign = z[0] === '-' ? -1 : 1;
  const d = z.slice(1).replace(/:/g, '');
  const h = Number(d.slice(0, 2));
  const m = Number(d.slice(2, 4) || '0');
  const s = Number(d.slice(4, 6) || '0');
  if (h > 18 || m > 59 || s > 59) return Number.NaN;
  return sign * (h * 3600 + m * 60 + s);
}

function isoParser(shape: IsoShape): Parser {
  const re = isoRegex(shape);
  return (s) => {
    const m = re.exec(s);
    if (!m) return undefined;
    const num = (i: number) => (m[i] === undefined || m[i] === '' ? undefined : Number(m[i]));
    const offsetSec = offsetOf(m[8]);
    if (Number.isNaN(offsetSec)) return undefined;
    const f: Fields = {
      year: Number(m[1]),
      month: num(2),
      day: num(3),
      hour: num(4),
      minute: num(5),
      second: num(6),
      ...(m[7] ? { nanos: fractionNanos(m[7]) } : {}),
      ...(offsetSec !== undefined ? { offsetSec } : {}),
    };
    return resolve(f);
  };
}

const ISO_PRINT: Printer = (ms) =>
  Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? new Date(ms).toISOString() : String(ms);

function iso(strict: boolean, date: IsoShape['date'], time: IsoShape['time'], zone: IsoShape['zone']): Parser {
  return isoParser({ strict, date, time, zone });
}

/** Named formats, strict and lenient spellings. */
const NAMED: Readonly<Record<string, () => Parser>> = {
  epoch_millis: () => epochParser(1),
  epoch_second: () => epochParser(1000),
  strict_date_optional_time: () => iso(true, 'opt', 'opt', 'opt'),
  strict_date_optional_time_nanos: () => iso(true, 'opt', 'opt', 'opt'),
  date_optional_time: () => iso(false, 'opt', 'opt', 'opt'),
  iso8601: () => iso(false, 'opt', 'opt', 'opt'),
  strict_date_time: () => iso(true, 'ymd', 'hmsf', 'req'),
  date_time: () => iso(false, 'ymd', 'hmsf', 'req'),
  strict_date_time_no_millis: () => iso(true, 'ymd', 'hms', 'req'),
  date_time_no_millis: () => iso(false, 'ymd', 'hms', 'req'),
  strict_date: () => iso(true, 'ymd', 'none', 'none'),
  date: () => iso(false, 'ymd', 'none', 'none'),
  strict_year_month_day: () => iso(true, 'ymd', 'none', 'none'),
  year_month_day: () => iso(false, 'ymd', 'none', 'none'),
  strict_year_month: () => iso(true, 'ym', 'none', 'none'),
  year_month: () => iso(false, 'ym', 'none', 'none'),
  strict_year: () => iso(true, 'y', 'none', 'none'),
  year: () => iso(false, 'y', 'none', 'none'),
  strict_date_hour: () => iso(true, 'ymd', 'h', 'none'),
  date_hour: () => iso(false, 'ymd', 'h', 'none'),
  strict_date_hour_minute: () => iso(true, 'ymd', 'hm', 'none'),
  date_hour_minute: () => iso(false, 'ymd', 'hm', 'none'),
  strict_date_hour_minute_second: () => iso(true, 'ymd', 'hms', 'none'),
  date_hour_minute_second: () => iso(false, 'ymd', 'hms', 'none'),
  strict_date_hour_minute_second_millis: () => iso(true, 'ymd', 'hmsf', 'none'),
  date_hour_minute_second_millis: () => iso(false, 'ymd', 'hmsf', 'none'),
  strict_date_hour_minute_second_fraction: () => iso(true, 'ymd', 'hmsf', 'none'),
  date_hour_minute_second_fraction: () => iso(false, 'ymd', 'hmsf', 'none'),
  basic_date: () => isoParser({ strict: true, date: 'ymd', time: 'none', zone: 'none', basic: true }),
  basic_date_time: () => isoParser({ strict: true, date: 'ymd', time: 'hmsf', zone: 'req', basic: true }),
  basic_date_time_no_millis: () => isoParser({ strict: true, date: 'ymd', time: 'hms', zone: 'req', basic: true }),
};

/** camelCase spellings of the named formats (`strictDateOptionalTime`) are accepted too. */
function namedKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

interface Alternative {
  readonly parse: Parser;
  readonly print: Printer;
}

function alternative(text: string): Alternative | undefined {
  const name = namedKey(text);
  const named = NAMED[name];
  if (named) {
    const print: Printer =
      name === 'epoch_millis'
        ? (ms) => String(ms)
        : name === 'epoch_second'
          ? (ms) => String(Math.trunc(ms / 1000))
          : ISO_PRINT;
    return { parse: named(), print };
  }
  const p = compilePattern(text, resolve);
  return p ? { parse: p.parse, print: p.print } : undefined;
}

const cache = new Map<string, DateFormat>();

/** The reader and printer of a mapping format (cached per format text). */
export function dateFormat(format: string | undefined): DateFormat {
  const text = format === undefined || format.trim() === '' ? DEFAULT_DATE_FORMAT : format;
  const hit = cache.get(text);
  if (hit) return hit;
  let supported = true;
  const alternatives: Alternative[] = [];
  for (const part of text.split('||')) {
    const a = alternative(part.trim());
    if (a) alternatives.push(a);
    else supported = false;
  }
  if (alternatives.length === 0) alternatives.push(...DEFAULT_ALTERNATIVES());
  const result: DateFormat = {
    text,
    supported,
    parse(v) {
      const s = dateText(v);
      if (s === undefined) return undefined;
      for (const a of alternatives) {
        const r = a.parse(s);
        if (r) return r;
      }
      return undefined;
    },
    print: alternatives[0]!.print,
  };
  if (cache.size > 200) cache.clear();
  cache.set(text, result);
  return result;
}

function DEFAULT_ALTERNATIVES(): Alternative[] {
  return [alternative('strict_date_optional_time')!, alternative('epoch_millis')!];
}

/** Epoch milliseconds of a JSON date value under a mapping format; NaN when no format accepts it. */
export function parseDateWithFormat(v: unknown, format: string | undefined): number {
  const r = dateFormat(format).parse(v);
  return r ? r.ms : Number.NaN;
}

/** Print epoch milliseconds with the first format of a mapping format (ISO by default). */
export function formatDate(ms: number, format: string | undefined): string {
  return dateFormat(format).print(ms);
}

const NANOS_OFFSET = 10n ** 22n;

/**
 * A `date_nanos` value as a fixed-width string that sorts and compares like the instant it
 * names, to the nanosecond (JSON-safe, unlike a BigInt). Undefined when not a date.
 */
export function dateNanosKey(v: unknown, format?: string): string | undefined {
  const r = dateFormat(format).parse(v);
  if (!r) return undefined;
  return (BigInt(r.ms) * 1_000_000n + BigInt(r.nanos) + NANOS_OFFSET).toString().padStart(24, '0');
}

export type { Fields as DateFields } from './date-fields';
