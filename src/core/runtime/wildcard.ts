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
 * (`*abc*`), prefix+suffix (`ab*cd`), anything (`*`), or a precompiled regular expression.
 */

type Matcher = (s: string) => boolean;

interface Classified {
  /** Plain text check on the (possibly lower-cased) value, or undefined for the regex path. */
  readonly fast?: Matcher;
  /** Regex source (without anchors) for the regex path. */
  readonly regexSource?: string;
}

// Only syntax characters and `/` may be escaped in a `u`-mode regex.
const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/g;

function escapeRegexText(s: string): string {
  return s.replace(REGEX_SPECIAL, '\\$&');
}

/** Regex source equivalent to one wildcard pattern (no anchors). Exported for tests. */
export function wildcardToRegexSource(pattern: string): string {
  let out = '';
  let literal = '';
  for (const ch of pattern) {
    if (ch === '*' || ch === '?') {
      if (literal) {
        out += escapeRegexText(literal);
        literal = '';
      }
      if (ch === '*') {
        if (!out.endsWith('[^]*')) out += '[^]*';
      } else {
        out += '.';
      }
    } else {
      literal += ch;
    }
  }
  if (literal) out += escapeRegexText(literal);
  return out;
}

function classify(pattern: string): Classified {
  if (pattern.indexOf('?') === -1) {
    const star = pattern.indexOf('*');
    if (star === -1) return { fast: (s) => s === pattern };
    // Collapse the pattern into the literal segments between stars.
    const parts = pattern.split('*');
    const first = parts[0] ?? '';
    const last = parts[parts.length - 1] ?? '';
    const middle = parts.slice(1, -1).filter((p) => p.length > 0);
    if (middle.length === 0) {
      if (first === '' && last === '') return { fast: () => true };
      if (last === '') return { fast: (s) => s.startsWith(first) };
      if (first === '') return { fast: (s) => s.endsWith(last) };
      const min = first.length + last.length;
      return { fast: (s) => s.length >= min && s.startsWith(first) && s.endsWith(last) };
    }
    if (middle.length === 1 && first === '' && last === '') {
      const mid = middle[0] as string;
      return { fast: (s) => s.includes(mid) };
    }
  }
  return { regexSource: wildcardToRegexSource(pattern) };
}

function prepare(patterns: readonly string[], caseInsensitive: boolean): Classified[] {
  return patterns.map((p) => classify(caseInsensitive ? p.toLowerCase() : p));
}

function compileOne(c: Classified): Matcher {
  if (c.fast) return c.fast;
  const re = new RegExp('^(?:' + (c.regexSource as string) + ')$', 'su');
  return (s) => re.test(s);
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
  const classified = prepare(patterns, caseInsensitive);
  const fast: Matcher[] = [];
  const regexParts: string[] = [];
  for (const c of classified) {
    if (c.fast) fast.push(c.fast);
    else regexParts.push(c.regexSource as string);
  }
  const re = regexParts.length > 0 ? new RegExp('^(?:' + regexParts.join('|') + ')$', 'su') : undefined;
  let test: Matcher;
  if (!re && fast.length === 1) test = fast[0] as Matcher;
  else if (!re && fast.length === 0) test = () => false;
  else {
    test = (s) => {
      for (let i = 0; i < fast.length; i++) if ((fast[i] as Matcher)(s)) return true;
      return re !== undefined && re.test(s);
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
  const matchers = prepare(patterns, caseInsensitive).map(compileOne);
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
