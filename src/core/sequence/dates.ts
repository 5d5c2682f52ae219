/**
 * Dates as a mapping's `format` reads and writes them. Elasticsearch stores a date as epoch
 * milliseconds, parsing the JSON value with the first of the `||`-separated formats that
 * accepts it; `fields` and sequence `join_keys` print it back with the first format.
 *
 * Supported: the built-in names the playground meets in practice (`strict_date_optional_time`,
 * `date_optional_time`, their `_nanos` variants, `epoch_millis`, `epoch_second`) and custom
 * patterns made of `yyyy`/`uuuu`, `MM`, `dd`, `HH`, `mm`, `ss`, `SSS` (any run of `S`), quoted
 * literals and punctuation. Anything else falls back to the default format.
 */
import { parseDateMillis } from '../compile/domain';

type Piece =
  | { readonly kind: 'field'; readonly letter: string; readonly width: number }
  | { readonly kind: 'literal'; readonly text: string };

interface Pattern {
  readonly regex: RegExp;
  readonly fields: readonly Piece[];
  readonly pieces: readonly Piece[];
}

const patternCache = new Map<string, Pattern | undefined>();

const FIELD_LETTERS = new Set(['y', 'u', 'M', 'd', 'H', 'm', 's', 'S']);

function compilePattern(text: string): Pattern | undefined {
  if (patternCache.has(text)) return patternCache.get(text);
  const pieces: Piece[] = [];
  let ok = true;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) {
        ok = false;
        break;
      }
      pieces.push({ kind: 'literal', text: end === i + 1 ? "'" : text.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (j < text.length && text[j] === c) j++;
      if (!FIELD_LETTERS.has(c)) {
        ok = false;
        break;
      }
      pieces.push({ kind: 'field', letter: c === 'u' ? 'y' : c, width: j - i });
      i = j;
      continue;
    }
    pieces.push({ kind: 'literal', text: c });
    i++;
  }
  let result: Pattern | undefined;
  if (ok && pieces.some((p) => p.kind === 'field')) {
    const fields: Piece[] = [];
    const source = pieces
      .map((p) => {
        if (p.kind === 'literal') return p.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        fields.push(p);
        if (p.letter === 'y') return p.width === 2 ? '(\\d{2})' : '(\\d{4,9})';
        if (p.letter === 'S') return `(\\d{1,${Math.max(p.width, 9)}})`;
        return p.width >= 2 ? `(\\d{${p.width}})` : '(\\d{1,2})';
      })
      .join('');
    result = { regex: new RegExp(`^${source}$`), fields, pieces };
  }
  patternCache.set(text, result);
  return result;
}

const ISO_NAMES = new Set([
  'strict_date_optional_time',
  'date_optional_time',
  'strict_date_optional_time_nanos',
  'strict_date_time',
  'date_time',
  'strict_date_time_no_millis',
  'date_time_no_millis',
  'iso8601',
]);

function parseWith(format: string, v: unknown): number {
  const f = format.trim();
  if (f === 'epoch_millis') {
    if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) : NaN;
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Math.trunc(Number(v));
    return NaN;
  }
  if (f === 'epoch_second') {
    if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v * 1000) : NaN;
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Math.trunc(Number(v) * 1000);
    return NaN;
  }
  if (ISO_NAMES.has(f)) {
    if (typeof v !== 'string' || /^-?\d+$/.test(v.trim())) return NaN;
    return parseDateMillis(v);
  }
  const p = compilePattern(f);
  if (!p) return parseDateMillis(v);
  if (typeof v !== 'string' && typeof v !== 'number') return NaN;
  const m = p.regex.exec(String(v).trim());
  if (!m) return NaN;
  let year = 1970;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  p.fields.forEach((piece, k) => {
    if (piece.kind !== 'field') return;
    const digits = m[k + 1]!;
    const n = Number(digits);
    switch (piece.letter) {
      case 'y':
        year = piece.width === 2 ? 2000 + n : n;
        break;
      case 'M':
        month = n;
        break;
      case 'd':
        day = n;
        break;
      case 'H':
        hour = n;
        break;
      case 'm':
        minute = n;
        break;
      case 's':
        second = n;
        break;
      case 'S':
        ms = Number(digits.slice(0, 3).padEnd(3, '0'));
        break;
    }
  });
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return NaN;
  const t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  return year < 100 ? new Date(t).setUTCFullYear(year) : t;
}

/**
 * Parse a JSON date value under a mapping format (`a||b||c`: the first that accepts wins).
 * Without a format, Elasticsearch's default `strict_date_optional_time||epoch_millis`.
 * NaN when no format accepts the value.
 */
export function parseDateWithFormat(v: unknown, format: string | undefined): number {
  if (format === undefined || format.trim() === '') return parseDateMillis(v);
  for (const f of format.split('||')) {
    const t = parseWith(f, v);
    if (!Number.isNaN(t)) return t;
  }
  return NaN;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Print epoch milliseconds with the first format of a mapping format (ISO by default). */
export function formatDate(ms: number, format: string | undefined): string {
  const first = format?.split('||')[0]?.trim();
  if (first === 'epoch_millis') return String(ms);
  if (first === 'epoch_second') return String(Math.trunc(ms / 1000));
  const p = first && !ISO_NAMES.has(first) ? compilePattern(first) : undefined;
  const d = new Date(ms);
  if (!p) return Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? d.toISOString() : String(ms);
  return p.pieces
    .map((piece) => {
      if (piece.kind === 'literal') return piece.text;
      switch (piece.letter) {
        case 'y':
          return piece.width === 2 ? pad(d.getUTCFullYear() % 100, 2) : pad(d.getUTCFullYear(), piece.width);
        case 'M':
          return pad(d.getUTCMonth() + 1, piece.width);
        case 'd':
          return pad(d.getUTCDate(), piece.width);
        case 'H':
          return pad(d.getUTCHours(), piece.width);
        case 'm':
          return pad(d.getUTCMinutes(), piece.width);
        case 's':
          return pad(d.getUTCSeconds(), piece.width);
        default:
          return pad(d.getUTCMilliseconds(), 3).padEnd(piece.width, '0').slice(0, piece.width);
      }
    })
    .join('');
}
