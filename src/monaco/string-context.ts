/**
 * Where the cursor is for value completion: inside a string literal that is compared with a field
 * (`field == "…`, `field : "…`, `field in ("a", "…`, `startsWith(field, "…`), the field and
 * what was typed so far. Pure text scanning (comments, `"…"`, `?"…"` and `"""…"""` strings), so
 * it works on rules the parser rejects while they are being typed.
 */

export type StringKind = 'quoted' | 'raw' | 'triple';

export interface StringContext {
  /** The field the string is compared with. */
  readonly field: string;
  /** The text typed between the opening quote and the cursor. */
  readonly prefix: string;
  /** Offset (in the text given) of the first character inside the string. */
  readonly contentStart: number;
  readonly kind: StringKind;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

interface Scan {
  /** Closed strings (start at the quote, end after the closing quote) and comments. */
  readonly skipped: readonly Span[];
  /** The string the text ends in, if any. */
  readonly open?: { readonly quote: number; readonly contentStart: number; readonly kind: StringKind };
}

function scan(text: string): Scan {
  const skipped: Span[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? text.length : nl;
      skipped.push({ start: i, end });
      i = end;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      skipped.push({ start: i, end });
      i = end;
    } else if (c === '"' || (c === '?' && text[i + 1] === '"')) {
      const raw = c === '?';
      const q = raw ? i + 1 : i;
      const triple = text.startsWith('"""', q);
      const kind: StringKind = triple ? 'triple' : raw ? 'raw' : 'quoted';
      const contentStart = q + (triple ? 3 : 1);
      const end = stringEnd(text, contentStart, kind);
      if (end < 0) return { skipped, open: { quote: i, contentStart, kind } };
      skipped.push({ start: i, end });
      i = end;
    } else i++;
  }
  return { skipped };
}

/** The offset after the closing quote, or -1 when the string is still open. */
function stringEnd(text: string, from: number, kind: StringKind): number {
  if (kind === 'triple') {
    const close = text.indexOf('"""', from);
    return close < 0 ? -1 : close + 3;
  }
  for (let j = from; j < text.length; j++) {
    if (kind === 'quoted' && text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
    else if (text[j] === '\n' && kind === 'quoted') return -1;
  }
  return -1;
}

const FIELD = /(`[^`]+`|[A-Za-z_@][\w@]*(?:\.[A-Za-z_@`][\w@`-]*)*)$/;
const OPERATOR = /(?:==|!=|<=|>=|<|>|:|\bnot\s+in~?|\bin~?|\blike~?|\bregex~?)$/i;

/** The text before `end` with closed strings and comments blanked, so brackets inside them do not count. */
function blanked(text: string, end: number, skipped: readonly Span[]): string {
  let out = text.slice(0, end);
  for (const s of skipped) {
    if (s.start >= end) break;
    const e = Math.min(s.end, end);
    out = out.slice(0, s.start) + '"'.padEnd(e - s.start, ' ') + out.slice(e);
  }
  return out;
}

function fieldBefore(text: string): string | undefined {
  const m = FIELD.exec(text.trimEnd());
  if (!m) return undefined;
  return m[1]!.startsWith('`') ? m[1]!.slice(1, -1) : m[1];
}

/** The field a value at `at` is compared with: `f op "`, `f op (…, "`, or `fn(f, …"`. */
function comparedField(before: string): string | undefined {
  const t = before.trimEnd();
  const op = OPERATOR.exec(t);
  if (op) return fieldBefore(t.slice(0, op.index));
  if (!t.endsWith(',') && !t.endsWith('(')) return undefined;
  // Inside a list or a call: back to the bracket that is still open.
  let depth = 0;
  let k = t.length - 1;
  for (; k >= 0; k--) {
    const ch = t[k];
    if (ch === ')') depth++;
    else if (ch === '(') {
      if (depth === 0) break;
      depth--;
    }
  }
  if (k < 0) return undefined;
  const head = t.slice(0, k).trimEnd();
  const listOp = OPERATOR.exec(head);
  if (listOp) return fieldBefore(head.slice(0, listOp.index));
  // A function call: its first argument, when that is a field.
  if (!/[A-Za-z_]\w*~?$/.test(head)) return undefined;
  const first = /^\s*(`[^`]+`|[A-Za-z_@][\w@]*(?:\.[A-Za-z_@`][\w@`-]*)*)\s*,/.exec(t.slice(k + 1));
  if (!first) return undefined;
  return first[1]!.startsWith('`') ? first[1]!.slice(1, -1) : first[1];
}

/** The string context at the end of `textBefore` (the rule text up to the cursor), if any. */
export function stringContext(textBefore: string): StringContext | undefined {
  const s = scan(textBefore);
  if (!s.open) return undefined;
  const field = comparedField(blanked(textBefore, s.open.quote, s.skipped));
  if (!field) return undefined;
  return {
    field,
    prefix: textBefore.slice(s.open.contentStart),
    contentStart: s.open.contentStart,
    kind: s.open.kind,
  };
}

/** A value as the inside of a string of this kind (undefined when it cannot be written in one). */
export function stringContent(value: string, kind: StringKind): string | undefined {
  if (kind === 'quoted') {
    return value
      .replace(/\\/g, '\\\\')
      .replace(/"/g, '\\"')
      .replace(/\n/g, '\\n')
      .replace(/\r/g, '\\r')
      .replace(/\t/g, '\\t');
  }
  if (kind === 'raw') return value.includes('"') ? undefined : value;
  return value.includes('"""') ? undefined : value;
}
