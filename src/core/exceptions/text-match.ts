/**
 * Term-level text semantics of the Query DSL that exceptions compile to (unlike EQL's):
 *
 * - Lucene wildcard patterns (`wildcard` query): `*` any run, `?` one code point, and a
 *   backslash escapes the next character (`\\` is one backslash, `\*` a literal star); a
 *   trailing backslash is literal. Anchored, case-sensitive unless the field's normalizer
 *   lower-cases (the pattern is normalized like the field).
 * - An approximation of the standard analyzer for `text` and `match_only_text` fields:
 *   Unicode word segmentation (letters and digits, kept together across `_` and, between two
 *   letters or two digits, across `.` `'` `:` and, between digits, `,` `;`), ideographs one per
 *   token, all lower-cased. `match_phrase` wants the query's tokens consecutively in one value.
 */

import { compileWildcard } from '../runtime/wildcard';

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/g;

/** A matcher for one Lucene wildcard pattern (whole value, code points). */
export function luceneWildcard(pattern: string): (s: string) => boolean {
  // Without escapes Lucene's patterns mean what EQL's do (case-sensitive): reuse its fast paths.
  if (!pattern.includes('\\')) return compileWildcard([pattern], false);
  let source = '';
  let literal = '';
  let plain = true;
  const chars = Array.from(pattern);
  const flush = () => {
    source += literal.replace(REGEX_SPECIAL, '\\$&');
    literal = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\\' && i + 1 < chars.length) {
      literal += chars[++i]!;
    } else if (ch === '*' || ch === '?') {
      plain = false;
      flush();
      source += ch === '*' ? '[^]*' : '.';
    } else {
      literal += ch;
    }
  }
  if (plain) {
    const exact = literal;
    return (s) => s === exact;
  }
  flush();
  const re = new RegExp(`^(?:${source})$`, 'u');
  return (s) => re.test(s);
}

/** The literal text a wildcard pattern stands for when it has no wildcard (escapes removed). */
export function unescapeWildcard(pattern: string): { readonly text: string; readonly wild: boolean } {
  let text = '';
  let wild = false;
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\\' && i + 1 < chars.length) text += chars[++i]!;
    else {
      if (ch === '*' || ch === '?') wild = true;
      text += ch;
    }
  }
  return { text, wild };
}

const WORD = /[\p{L}\p{M}\p{Nd}\p{Pc}]/u;
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{Nd}/u;
const IDEOGRAPH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const MID_LETTER = new Set([':', '·', '\u0387', '\u05f4', '\u2027', '\ufe13', '\ufe55', '\uff1a']);
const MID_NUM = new Set([
  ',',
  ';',
  '\u037e',
  '\u0589',
  '\u060c',
  '\u060d',
  '\u066c',
  '\u07f8',
  '\u2044',
  '\ufe10',
  '\ufe14',
  '\ufe50',
  '\ufe54',
  '\uff0c',
  '\uff1b',
]);
const MID_NUM_LET = new Set(['.', "'", '\u2018', '\u2019', '\u2024', '\ufe52', '\uff07', '\uff0e']);

/** Tokens of one value as the standard analyzer would index them (approximation, see above). */
export function standardTokens(value: string): string[] {
  const chars = Array.from(value);
  const out: string[] = [];
  let cur = '';
  const push = () => {
    if (cur) out.push(cur.toLowerCase());
    cur = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (IDEOGRAPH.test(ch)) {
      push();
      out.push(ch);
      continue;
    }
    if (WORD.test(ch)) {
      cur += ch;
      continue;
    }
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if (cur && prev !== undefined && next !== undefined) {
      const letters = LETTER.test(prev) && LETTER.test(next);
      const digits = DIGIT.test(prev) && DIGIT.test(next);
      if (
        (MID_LETTER.has(ch) && letters) ||
        (MID_NUM.has(ch) && digits) ||
        (MID_NUM_LET.has(ch) && (letters || digits))
      ) {
        cur += ch;
        continue;
      }
    }
    push();
  }
  push();
  return out;
}

/** `match_phrase` on an analyzed field: the phrase's tokens appear consecutively in the value. */
export function phraseMatches(phrase: readonly string[], value: string): boolean {
  if (phrase.length === 0) return false;
  const tokens = standardTokens(value);
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}
