/**
 * java.time `DateTimeFormatter.ofPattern` patterns, read the way Elasticsearch reads a custom
 * mapping `format` (English text as `Locale.ROOT`, case-sensitive, strict resolving). See
 * dates.ts for what is supported; anything else makes `compilePattern` return undefined.
 */
import type { Fields as DateFields, Instant } from './date-fields';

type NumField = 'year' | 'yearOfEra' | 'month' | 'day' | 'dayOfYear' | 'hour' | 'hourOfAmPm' | 'minute' | 'second';

type Item =
  | { readonly kind: 'lit'; readonly text: string }
  | { readonly kind: 'opt'; readonly items: readonly Item[] }
  | {
      readonly kind: 'num';
      readonly letter: string;
      readonly count: number;
      readonly set: (f: DateFields, n: number) => boolean;
      readonly min: number;
      readonly max: number;
      readonly sign: 'none' | 'normal' | 'exceeds';
    }
  | { readonly kind: 'frac'; readonly count: number }
  | { readonly kind: 'text'; readonly letter: string; readonly names: readonly string[]; readonly base: number }
  | { readonly kind: 'offset'; readonly pattern: string; readonly zero: string }
  | { readonly kind: 'gmt'; readonly full: boolean }
  | { readonly kind: 'zone'; readonly ids: boolean };

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function names(full: readonly string[], count: number): string[] {
  if (count === 4) return [...full];
  if (count === 5) return full.map((n) => n[0]!);
  return full.map((n) => n.slice(0, 3));
}

const setNum =
  (field: NumField, map: (n: number) => number = (n) => n) =>
  (f: DateFields, n: number): boolean => {
    const v = map(n);
    if (Number.isNaN(v)) return false;
    const prev = f[field];
    if (prev !== undefined && prev !== v) return false;
    f[field] = v;
    return true;
  };

function num(letter: string, count: number, field: NumField, map?: (n: number) => number): Item {
  const fixed = count >= 2 && letter !== 'y' && letter !== 'u';
  return { kind: 'num', letter, count, set: setNum(field, map), min: count, max: fixed ? count : 19, sign: 'none' };
}

/** The item for a run of `count` pattern letters; undefined when java.time (or we) reject it. */
function fieldItem(letter: string, count: number): Item | undefined {
  switch (letter) {
    case 'y':
    case 'u': {
      const field = letter === 'y' ? 'yearOfEra' : 'year';
      if (count === 2)
        return { kind: 'num', letter, count, set: setNum(field, (n) => 2000 + n), min: 2, max: 2, sign: 'none' };
      const sign = count >= 4 ? 'exceeds' : 'normal';
      return { kind: 'num', letter, count, set: setNum(field), min: count, max: 19, sign };
    }
    case 'M':
    case 'L':
      if (count <= 2) return num(letter, count, 'month');
      return { kind: 'text', letter, names: names(MONTHS, count), base: 1 };
    case 'd':
      return count <= 2 ? num(letter, count, 'day') : undefined;
    case 'D': {
      if (count > 3) return undefined;
      const max = count === 1 ? 19 : 3;
      return { kind: 'num', letter, count, set: setNum('dayOfYear'), min: count, max, sign: 'none' };
    }
    case 'H':
      return count <= 2 ? num(letter, count, 'hour') : undefined;
    case 'k':
      return count <= 2
        ? num(letter, count, 'hour', (n) => (n === 24 ? 0 : n < 1 || n > 24 ? Number.NaN : n))
        : undefined;
    case 'K':
      return count <= 2 ? num(letter, count, 'hourOfAmPm', (n) => (n > 11 ? Number.NaN : n)) : undefined;
    case 'h':
      return count <= 2
        ? num(letter, count, 'hourOfAmPm', (n) => (n === 12 ? 0 : n < 1 || n > 12 ? Number.NaN : n))
        : undefined;
    case 'm':
      return count <= 2 ? num(letter, count, 'minute') : undefined;
    case 's':
      return count <= 2 ? num(letter, count, 'second') : undefined;
    case 'S':
      return count <= 9 ? { kind: 'frac', count } : undefined;
    case 'a':
      return count === 1 ? { kind: 'text', letter, names: ['AM', 'PM'], base: 0 } : undefined;
    case 'E':
      return count <= 5 ? { kind: 'text', letter, names: names(DAYS, count), base: 1 } : undefined;
    case 'G':
      if (count > 5) return undefined;
      return {
        kind: 'text',
        letter,
        names: count === 4 ? ['Before Christ', 'Anno Domini'] : count === 5 ? ['B', 'A'] : ['BC', 'AD'],
        base: 0,
      };
    default:
      return zoneItem(letter, count);
  }
}

const X_PATTERNS = ['+HHmm', '+HHMM', '+HH:MM', '+HHMMss', '+HH:MM:ss'];
const X_ZERO = ['+00', '+0000', '+00:00', '+0000', '+00:00'];

function zoneItem(letter: string, count: number): Item | undefined {
  switch (letter) {
    case 'Z':
      if (count <= 3) return { kind: 'offset', pattern: '+HHMM', zero: '+0000' };
      if (count === 4) return { kind: 'gmt', full: true };
      return count === 5 ? { kind: 'offset', pattern: '+HH:MM:ss', zero: 'Z' } : undefined;
    case 'X':
    case 'x':
      if (count > 5) return undefined;
      return { kind: 'offset', pattern: X_PATTERNS[count - 1]!, zero: letter === 'X' ? 'Z' : X_ZERO[count - 1]! };
    case 'O':
      return count === 1 || count === 4 ? { kind: 'gmt', full: count === 4 } : undefined;
    case 'V':
      return count === 2 ? { kind: 'zone', ids: true } : undefined;
    case 'z':
      return count <= 4 ? { kind: 'zone', ids: false } : undefined;
    default:
      return undefined;
  }
}

/** Split a pattern into items; undefined for an invalid or unsupported pattern. */
function tokenize(text: string): Item[] | undefined {
  const stack: Item[][] = [[]];
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    const top = stack[stack.length - 1]!;
    if (c === "'") {
      let j = i + 1;
      let lit = '';
      for (;;) {
        if (j >= text.length) return undefined;
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            lit += "'";
            j += 2;
            continue;
          }
          break;
        }
        lit += text[j++];
      }
      top.push({ kind: 'lit', text: j === i + 1 ? "'" : lit });
      i = j + 1;
    } else if (c === '[') {
      stack.push([]);
      i++;
    } else if (c === ']') {
      if (stack.length === 1) return undefined;
      const items = stack.pop()!;
      stack[stack.length - 1]!.push({ kind: 'opt', items });
      i++;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (text[j] === c) j++;
      const item = fieldItem(c, j - i);
      if (!item) return undefined;
      top.push(item);
      i = j;
    } else if (c === '#' || c === '{' || c === '}') {
      return undefined;
    } else {
      top.push({ kind: 'lit', text: c });
      i++;
    }
  }
  return stack.length === 1 ? stack[0] : undefined;
}

/** Digits reserved by the fixed-width numbers right after item `i` (java.time adjacent value parsing). */
function reserved(items: readonly Item[], i: number): number {
  let sum = 0;
  for (let k = i + 1; k < items.length; k++) {
    const it = items[k]!;
    if (it.kind === 'num' && it.min === it.max) sum += it.min;
    else if (it.kind === 'frac') sum += it.count;
    else break;
  }
  return sum;
}

function digitRun(s: string, pos: number): number {
  let j = pos;
  while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
  return j - pos;
}

function matchNum(item: Item & { kind: 'num' }, reserve: number, s: string, pos: number, f: DateFields): number {
  let p = pos;
  let negative = false;
  let signed = false;
  if (item.sign !== 'none' && (s[p] === '-' || s[p] === '+')) {
    negative = s[p] === '-';
    signed = true;
    if (s[p] === '+' && item.sign !== 'exceeds') return -1;
    p++;
  }
  const run = digitRun(s, p);
  const take = item.min === item.max ? item.min : Math.min(item.max, run - reserve);
  if (take < item.min || take > run) return -1;
  if (item.sign === 'exceeds' && !negative && (signed ? take <= item.min : take > item.min)) return -1;
  const n = Number(s.slice(p, p + take)) * (negative ? -1 : 1);
  return item.set(f, n) ? p + take : -1;
}

function matchText(item: Item & { kind: 'text' }, s: string, pos: number, f: DateFields): number {
  let best = -1;
  let index = -1;
  item.names.forEach((name, k) => {
    if (name.length > best && s.startsWith(name, pos)) {
      best = name.length;
      index = k;
    }
  });
  if (index < 0) return -1;
  const v = index + item.base;
  const key = item.letter === 'a' ? 'amPm' : item.letter === 'E' ? 'dayOfWeek' : item.letter === 'G' ? 'era' : 'month';
  if (f[key] !== undefined && f[key] !== v) return -1;
  f[key] = v;
  return pos + best;
}

/** java's offset patterns as expressions: sign, hours, then minutes and seconds (optional in lower case). */
const OFFSET_RE: Readonly<Record<string, RegExp>> = {
  '+HH': /^([+-])(\d{2})/,
  '+HHmm': /^([+-])(\d{2})(\d{2})?/,
  '+HH:mm': /^([+-])(\d{2})(?::(\d{2}))?/,
  '+HHMM': /^([+-])(\d{2})(\d{2})/,
  '+HH:MM': /^([+-])(\d{2}):(\d{2})/,
  '+HHMMss': /^([+-])(\d{2})(\d{2})(\d{2})?/,
  '+HH:MM:ss': /^([+-])(\d{2}):(\d{2})(?::(\d{2}))?/,
};

/** Parse an offset like java's `appendOffset(pattern, zeroText)`; -1 when it does not match. */
function matchOffset(pattern: string, zero: string, s: string, pos: number, f: DateFields): number {
  const m = OFFSET_RE[pattern]!.exec(s.slice(pos));
  if (m) {
    const h = Number(m[2]);
    const mm = Number(m[3] ?? 0);
    const ss = Number(m[4] ?? 0);
    if (h > 18 || mm > 59 || ss > 59) return -1;
    f.offsetSec = (m[1] === '-' ? -1 : 1) * (h * 3600 + mm * 60 + ss);
    return pos + m[0].length;
  }
  return tryZero(zero, s, pos, f);
}

function tryZero(zero: string, s: string, pos: number, f: DateFields): number {
  if (!s.startsWith(zero, pos)) return -1;
  f.offsetSec = 0;
  return pos + zero.length;
}

function matchGmt(full: boolean, s: string, pos: number, f: DateFields): number {
  if (!s.startsWith('GMT', pos)) return -1;
  const m = (full ? /^([+-])(\d{2}):(\d{2})(?::(\d{2}))?/ : /^([+-])(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?/).exec(
    s.slice(pos + 3),
  );
  if (!m) {
    f.offsetSec = 0;
    return pos + 3;
  }
  f.offsetSec = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0));
  return pos + 3 + m[0].length;
}

function matchZone(ids: boolean, s: string, pos: number, f: DateFields): number {
  const m = (ids ? /^(?:[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*|[+-]\d{2}:?\d{2})/ : /^(?:UTC|GMT|UT|Z)/).exec(
    s.slice(pos),
  );
  if (!m) return -1;
  const id = m[0];
  if (/^[+-]/.test(id)) return matchOffset('+HH:mm', 'Z', s, pos, f);
  f.zone = id;
  return pos + id.length;
}

/** Match items from `pos`; the end position, or -1. Optional sections are tried, then skipped. */
function matchItems(items: readonly Item[], s: string, pos: number, f: DateFields): number {
  let p = pos;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    switch (it.kind) {
      case 'lit':
        if (!s.startsWith(it.text, p)) return -1;
        p += it.text.length;
        break;
      case 'opt': {
        const copy = { ...f };
        const q = matchItems(it.items, s, p, copy);
        if (q >= 0) {
          Object.assign(f, copy);
          p = q;
        }
        break;
      }
      case 'num':
        p = matchNum(it, reserved(items, i), s, p, f);
        break;
      case 'frac': {
        if (digitRun(s, p) < it.count) return -1;
        f.nanos = Number(s.slice(p, p + it.count).padEnd(9, '0'));
        p += it.count;
        break;
      }
      case 'text':
        p = matchText(it, s, p, f);
        break;
      case 'offset':
        p = matchOffset(it.pattern, it.zero, s, p, f);
        break;
      case 'gmt':
        p = matchGmt(it.full, s, p, f);
        break;
      case 'zone':
        p = matchZone(it.ids, s, p, f);
        break;
    }
    if (p < 0) return -1;
  }
  return p;
}

const pad = (n: number, w: number): string => (n < 0 ? `-${String(-n).padStart(w, '0')}` : String(n).padStart(w, '0'));

function printItems(items: readonly Item[], d: Date): string {
  return (
    items
      // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch covers every Item kind (tsc checks it)
      .map((it) => {
        switch (it.kind) {
          case 'lit':
            return it.text;
          case 'opt':
            return printItems(it.items, d);
          case 'frac':
            return String(d.getUTCMilliseconds()).padStart(3, '0').padEnd(9, '0').slice(0, it.count);
          case 'text':
            return printText(it, d);
          case 'offset':
            return it.zero;
          case 'gmt':
            return 'GMT';
          case 'zone':
            return it.ids ? 'Z' : 'UTC';
          case 'num':
            return printNum(it, d);
        }
      })
      .join('')
  );
}

function printText(it: Item & { kind: 'text' }, d: Date): string {
  if (it.letter === 'a') return it.names[d.getUTCHours() < 12 ? 0 : 1]!;
  if (it.letter === 'E') return it.names[(d.getUTCDay() + 6) % 7]!;
  if (it.letter === 'G') return it.names[d.getUTCFullYear() > 0 ? 1 : 0]!;
  return it.names[d.getUTCMonth()]!;
}

function printNum(it: Item & { kind: 'num' }, d: Date): string {
  const width = it.min === it.max ? it.min : it.count;
  switch (it.letter) {
    case 'y':
    case 'u':
      return it.count === 2 ? pad(d.getUTCFullYear() % 100, 2) : pad(d.getUTCFullYear(), it.count);
    case 'M':
    case 'L':
      return pad(d.getUTCMonth() + 1, width);
    case 'd':
      return pad(d.getUTCDate(), width);
    case 'D':
      return pad(Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1, width);
    case 'H':
      return pad(d.getUTCHours(), width);
    case 'k':
      return pad(d.getUTCHours() || 24, width);
    case 'K':
      return pad(d.getUTCHours() % 12, width);
    case 'h':
      return pad(d.getUTCHours() % 12 || 12, width);
    case 'm':
      return pad(d.getUTCMinutes(), width);
    default:
      return pad(d.getUTCSeconds(), width);
  }
}

export interface CompiledPattern {
  readonly parse: (s: string) => Instant | undefined;
  readonly print: (ms: number) => string;
}

/** Compile a java.time pattern; undefined when it is not one the playground can read. */
export function compilePattern(
  text: string,
  resolve: (f: DateFields) => Instant | undefined,
): CompiledPattern | undefined {
  const items = tokenize(text);
  if (!items?.some((i) => i.kind !== 'lit')) return undefined;
  return {
    parse: (s) => {
      const f: DateFields = {};
      return matchItems(items, s, 0, f) === s.length ? resolve(f) : undefined;
    },
    print: (ms) => (Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? printItems(items, new Date(ms)) : String(ms)),
  };
}
