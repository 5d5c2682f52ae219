/**
 * EQL wildcard patterns, as used by `:`, `like` and `like~`.
 *
 * - The pattern matches the whole value (anchored at both ends).
 * - `*` matches any run of characters, including none, `/` and line breaks.
 * - `?` matches exactly one character, counted as one Unicode code point (a surrogate pair
 *   is one character). Lucene's wildcard query works on code points, and so do we.
 * - There is no escape character: a backslash is an ordinary character, and there is no way
 *   to match a literal `*` or `?` (Elasticsearch has none either). `%` and `_` are literal.
 * - Case-insensitive matching compares the `toLowerCase()` forms of pattern and value.
 *
 * Each pattern is classified once: exact, prefix (`abc*`), suffix (`*abc`), contains
 * (`*abc*`), prefix+suffix (`ab*cd`), anything (`*`), literal segments between stars
 * (`a*b*c`, matched leftmost with `indexOf`), or the general matcher for patterns with `?`.
 * Nothing backtracks beyond the last star: the worst case is O(value length x pattern length),
 * as with Lucene's automaton (Elasticsearch matches `*a*a*a*a?b` in linear time too).
 */

type Matcher = (s: string) => boolean;

const STAR = -1;
const ANY = -2;

/** The pattern as code points, with `*` as STAR and `?` as ANY; runs of stars collapsed. */
function tokenize(pattern: string): Int32Array {
  const out: number[] = [];
  for (const ch of pattern) {
    const t = ch === '*' ? STAR : ch === '?' ? ANY : (ch.codePointAt(0) as number);
    if (t === STAR && out[out.length - 1] === STAR) continue;
    out.push(t);
  }
  return Int32Array.from(out);
}

/**
 * Whole-value match of a tokenized pattern. Literals and `?` advance together; on a mismatch the
 * most recent star absorbs one more code point and matching resumes just after that star.
 * Backtracking further than the last star is never needed (whatever an earlier star could absorb,
 * the later one can absorb as well), so each resume costs at most the pattern's length.
 */
export function matchTokens(p: Int32Array, s: string): boolean {
  const n = s.length;
  const m = p.length;
  let i = 0;
  let j = 0;
  let starJ = -1;
  let starI = 0;
  while (i < n) {
    if (j < m) {
      const t = p[j] as number;
      if (t === STAR) {
        starJ = j++;
        starI = i;
        continue;
      }
      const cp = s.codePointAt(i) as number;
      if (t === ANY || t === cp) {
        i += cp > 0xffff ? 2 : 1;
        j++;
        continue;
      }
    }
    if (starJ < 0) return false;
    starI += (s.codePointAt(starI) as number) > 0xffff ? 2 : 1;
    i = starI;
    j = starJ + 1;
  }
  while (j < m && p[j] === STAR) j++;
  return j === m;
}

/** `first*m1*m2*...*last`: the prefix, each middle segment leftmost in turn, then the suffix. */
function segmentsMatcher(first: string, middle: readonly string[], last: string): Matcher {
  const min = first.length + last.length + middle.reduce((a, m) => a + m.length, 0);
  return (s) => {
    if (s.length < min || !s.startsWith(first)) return false;
    let i = first.length;
    for (let k = 0; k < middle.length; k++) {
      const seg = middle[k] as string;
      i = s.indexOf(seg, i);
      if (i < 0) return false;
      i += seg.length;
    }
    return s.length - last.length >= i && s.endsWith(last);
  };
}

function classify(pattern: string): Matcher {
  if (pattern.indexOf('?') === -1) {
    const star = pattern.indexOf('*');
    if (star === -1) return (s) => s === pattern;
    // Collapse the pattern into the literal segments between stars.
    const parts = pattern.split('*');
    const first = parts[0] ?? '';
    const last = parts[parts.length - 1] ?? '';
    const middle = parts.slice(1, -1).filter((p) => p.length > 0);
    if (middle.length === 0) {
      if (first === '' && last === '') return () => true;
      if (last === '') return (s) => s.startsWith(first);
      if (first === '') return (s) => s.endsWith(last);
      const min = first.length + last.length;
      return (s) => s.length >= min && s.startsWith(first) && s.endsWith(last);
    }
    if (middle.length === 1 && first === '' && last === '') {
      const mid = middle[0] as string;
      return (s) => s.includes(mid);
    }
    return segmentsMatcher(first, middle, last);
  }
  const tokens = tokenize(pattern);
  return (s) => matchTokens(tokens, s);
}

function prepare(patterns: readonly string[], caseInsensitive: boolean): Matcher[] {
  return patterns.map((p) => classify(caseInsensitive ? p.toLowerCase() : p));
}

let lastInput = '';
let lastLower = '';

/**
 * `s.toLowerCase()`, remembering the last answer: one event's value is usually tested by several
 * case-insensitive predicates in a row (a base `:` and exclusions on the same field).
 */
export function lowerCached(s: string): string {
  if (s === lastInput) return lastLower;
  lastInput = s;
  lastLower = s.toLowerCase();
  return lastLower;
}

/**
 * A matcher for a list of wildcard patterns (OR). `caseInsensitive` selects `like~` / `:`.
 * Every per-value cost beyond one `toLowerCase` is precomputed here.
 */
export function compileWildcard(patterns: readonly string[], caseInsensitive: boolean): (s: string) => boolean {
  const matchers = prepare(patterns, caseInsensitive);
  let test: Matcher;
  if (matchers.length === 1) test = matchers[0] as Matcher;
  else if (matchers.length === 0) test = () => false;
  else {
    test = (s) => {
      for (let i = 0; i < matchers.length; i++) if ((matchers[i] as Matcher)(s)) return true;
      return false;
    };
  }
  if (!caseInsensitive) return test;
  return (s) => test(lowerCached(s));
}

/**
 * Like `compileWildcard`, but returns the index of the first pattern that matches, or -1.
 * Used to explain which pattern of a list decided a match.
 */
export function matchingPattern(patterns: readonly string[], caseInsensitive: boolean): (s: string) => number {
  const matchers = prepare(patterns, caseInsensitive);
  return (s) => {
    const v = caseInsensitive ? s.toLowerCase() : s;
    for (let i = 0; i < matchers.length; i++) if ((matchers[i] as Matcher)(v)) return i;
    return -1;
  };
}

/** True when the text contains a wildcard character (`*` or `?`). */
export function hasWildcard(pattern: string): boolean {
  return pattern.indexOf('*') !== -1 || pattern.indexOf('?') !== -1;
}
