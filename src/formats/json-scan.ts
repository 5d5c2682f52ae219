/**
 * A tolerant structural scanner over JSON text. It does not build values: it finds where values
 * start and end (string- and bracket-aware), so a large document can be split into elements that
 * are parsed one by one, and a broken element does not stop the others from loading.
 *
 * Recovery rules: a string ends at a line break if its closing quote is missing; a closing bracket
 * that matches an outer opener closes the inner ones too; one that matches nothing ends the value.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface ScanProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface ArraySplit {
  readonly elements: Span[];
  /** Offset just after the closing bracket (or the text end when it is missing). */
  readonly end: number;
  readonly problems: ScanProblem[];
}

const Ch = {
  Tab: 9,
  Lf: 10,
  Cr: 13,
  Space: 32,
  Quote: 34,
  Hash: 35,
  Star: 42,
  Comma: 44,
  Slash: 47,
  Colon: 58,
  LBracket: 91,
  Backslash: 92,
  RBracket: 93,
  LBrace: 123,
  RBrace: 125,
  Bom: 0xfeff,
} as const;

export class JsonScanner {
  readonly length: number;
  private nlFrom = -1;
  private nl = -1;

  constructor(readonly text: string) {
    this.length = text.length;
  }

  /** Offset of the first line feed at or after `i` (or the text length). */
  private newlineAfter(i: number): number {
    if (i >= this.nlFrom && i <= this.nl) return this.nl;
    const at = this.text.indexOf('\n', i);
    this.nlFrom = i;
    this.nl = at < 0 ? this.length : at;
    return this.nl;
  }

  /** Skip whitespace, a byte-order mark, and `//`, `#` (line) and block comments. */
  skipWs(i: number): number {
    const t = this.text;
    const n = this.length;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === Ch.Space || c === Ch.Lf || c === Ch.Cr || c === Ch.Tab || c === Ch.Bom) i++;
      else if (c === Ch.Slash && t.charCodeAt(i + 1) === Ch.Slash) i = this.newlineAfter(i);
      else if (c === Ch.Hash) i = this.newlineAfter(i);
      else if (c === Ch.Slash && t.charCodeAt(i + 1) === Ch.Star) {
        const close = t.indexOf('*/', i + 2);
        i = close < 0 ? n : close + 2;
      } else break;
    }
    return i;
  }

  /** `i` is at an opening quote. Returns the offset after the closing quote (or the line end). */
  skipString(i: number): number {
    const t = this.text;
    let j = i + 1;
    for (;;) {
      let q = t.indexOf('"', j);
      if (q < 0) q = this.length;
      const nl = this.newlineAfter(j);
      if (nl < q) return nl;
      if (q >= this.length) return this.length;
      let k = q - 1;
      while (t.charCodeAt(k) === Ch.Backslash) k--;
      if ((q - 1 - k) % 2 === 1) {
        j = q + 1;
        continue;
      }
      return q + 1;
    }
  }

  /** Set by skipValue when it cut a broken value short at the start of a line (see `resync`). */
  resynced = false;

  /**
   * `i` is at the first character of a value. Returns the offset just after it.
   * With `resync`, a value in which a string had to be closed at a line break also ends before
   * the next line that starts with '{' (that line most likely begins the next event).
   */
  skipValue(i: number, resync = false): number {
    this.resynced = false;
    const t = this.text;
    const n = this.length;
    const c0 = t.charCodeAt(i);
    if (c0 === Ch.Quote) return this.skipString(i);
    if (c0 !== Ch.LBrace && c0 !== Ch.LBracket) {
      let j = i;
      while (j < n) {
        const c = t.charCodeAt(j);
        if (
          c === Ch.Comma ||
          c === Ch.RBracket ||
          c === Ch.RBrace ||
          c === Ch.LBracket ||
          c === Ch.LBrace ||
          c === Ch.Quote ||
          c === Ch.Space ||
          c === Ch.Lf ||
          c === Ch.Cr ||
          c === Ch.Tab
        )
          break;
        j++;
      }
      return j;
    }
    const stack: number[] = [c0 === Ch.LBrace ? Ch.RBrace : Ch.RBracket];
    let broken = false;
    let j = i + 1;
    while (j < n) {
      const c = t.charCodeAt(j);
      if (c === Ch.Quote) {
        j = this.skipString(j);
        if (resync && t.charCodeAt(j - 1) !== Ch.Quote) broken = true;
        continue;
      }
      if (c === Ch.LBrace) {
        if (broken && atLineStart(t, j)) {
          this.resynced = true;
          let e = j;
          while (e > i && isWs(t.charCodeAt(e - 1))) e--;
          return e;
        }
        stack.push(Ch.RBrace);
      } else if (c === Ch.LBracket) stack.push(Ch.RBracket);
      else if (c === Ch.RBrace || c === Ch.RBracket) {
        const at = stack.lastIndexOf(c);
        if (at < 0) return j; // closes nothing we opened: the value ends here
        stack.length = at;
        if (at === 0) return j + 1;
      }
      j++;
    }
    return n;
  }

  /** `i` is at '['. Split the array into element spans, noting structural problems. */
  splitArray(i: number): ArraySplit {
    const t = this.text;
    const n = this.length;
    const elements: Span[] = [];
    const problems: ScanProblem[] = [];
    const problem = (at: number, message: string): void => {
      problems.push({ start: at, end: Math.min(n, at + 1), message });
    };
    let j = this.skipWs(i + 1);
    if (t.charCodeAt(j) === Ch.RBracket) return { elements, end: j + 1, problems };
    for (;;) {
      if (j >= n) {
        problem(n, "Unexpected end of input: the array has no closing ']'");
        return { elements, end: n, problems };
      }
      const c = t.charCodeAt(j);
      if (c === Ch.RBracket) return { elements, end: j + 1, problems };
      if (c === Ch.Comma) {
        problem(j, "Unexpected ',': an array element is missing");
        j = this.skipWs(j + 1);
        continue;
      }
      const e = this.skipValue(j, true);
      const resynced = this.resynced;
      if (e === j) {
        problem(j, `Unexpected '${String.fromCharCode(c)}' in the array`);
        j = this.skipWs(j + 1);
        continue;
      }
      elements.push({ start: j, end: e });
      j = this.skipWs(e);
      const d = t.charCodeAt(j);
      if (d === Ch.Comma) {
        const after = this.skipWs(j + 1);
        if (t.charCodeAt(after) === Ch.RBracket) {
          problem(j, "Trailing ',' before ']'");
          return { elements, end: after + 1, problems };
        }
        j = after;
      } else if (d === Ch.RBracket) {
        return { elements, end: j + 1, problems };
      } else if (j < n && !resynced) {
        problem(j, "Expected ',' or ']' after an array element");
      }
    }
  }

  /**
   * `i` is at '{'. Returns the offset where the value of `key` starts, scanning only the object's
   * own properties, or -1.
   */
  findKey(i: number, key: string): number {
    const t = this.text;
    let j = this.skipWs(i + 1);
    while (j < this.length && t.charCodeAt(j) === Ch.Quote) {
      const ke = this.skipString(j);
      let name: unknown;
      try {
        name = JSON.parse(t.slice(j, ke));
      } catch {
        return -1;
      }
      j = this.skipWs(ke);
      if (t.charCodeAt(j) !== Ch.Colon) return -1;
      j = this.skipWs(j + 1);
      if (name === key) return j;
      j = this.skipWs(this.skipValue(j));
      if (t.charCodeAt(j) !== Ch.Comma) return -1;
      j = this.skipWs(j + 1);
    }
    return -1;
  }
}

function isWs(c: number): boolean {
  return c === Ch.Space || c === Ch.Lf || c === Ch.Cr || c === Ch.Tab;
}

/** Only spaces or tabs between the previous line break and `j`. */
function atLineStart(t: string, j: number): boolean {
  for (let k = j - 1; k >= 0; k--) {
    const c = t.charCodeAt(k);
    if (c === Ch.Lf) return true;
    if (c !== Ch.Space && c !== Ch.Tab && c !== Ch.Cr) return false;
  }
  return true;
}

/** What a valid JSON value's text says that `JSON.parse` does not: depth, repeated keys, huge numbers. */
export interface JsonFindings {
  /** Offset of the first bracket past `maxDepth`, or -1. */
  readonly tooDeepAt: number;
  /** Keys that appear more than once in one object: the dotted path and the offset of the repeat. */
  readonly duplicates: readonly {
    readonly path: string;
    readonly key: string;
    readonly start: number;
    readonly end: number;
  }[];
  /** Numbers beyond the range of a double (`1e400`), which `JSON.parse` reads as Infinity. */
  readonly overflows: readonly { readonly text: string; readonly start: number; readonly end: number }[];
}

const MAX_FINDINGS = 20;

/**
 * One linear pass over the text of a value that `JSON.parse` accepted (`start`..`end`). Keys are
 * compared after unescaping, as `JSON.parse` does; at most 20 findings of each kind are kept.
 */
export function inspectJson(text: string, start: number, end: number, maxDepth: number): JsonFindings {
  const keys: (Set<string> | null)[] = []; // per open container: the object's keys, or null for an array
  const names: string[] = []; // per open container: the key it sits under ('' at the top)
  let pendingKey = '';
  let expectKey = false;
  let depth = 0;
  let tooDeepAt = -1;
  const duplicates: { path: string; key: string; start: number; end: number }[] = [];
  const overflows: { text: string; start: number; end: number }[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === Ch.Quote) {
      let j = i + 1;
      let escaped = false;
      for (; j < end; j++) {
        const d = text.charCodeAt(j);
        if (d === Ch.Backslash) {
          escaped = true;
          j++;
        } else if (d === Ch.Quote) break;
      }
      if (expectKey) {
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        const own = keys[keys.length - 1];
        if (own?.has(key)) {
          if (duplicates.length < MAX_FINDINGS) {
            const path = [...names.slice(1), key].filter((n) => n !== '').join('.');
            duplicates.push({ path, key, start: i, end: j + 1 });
          }
        } else own?.add(key);
        pendingKey = key;
        expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (c === Ch.LBrace || c === Ch.LBracket) {
      depth++;
      if (depth > maxDepth && tooDeepAt < 0) tooDeepAt = i;
      const inObject = keys.length > 0 && keys[keys.length - 1] !== null;
      names.push(inObject ? pendingKey : ''); // an array's elements add nothing to the path
      keys.push(c === Ch.LBrace ? new Set() : null);
      expectKey = c === Ch.LBrace;
    } else if (c === Ch.RBrace || c === Ch.RBracket) {
      depth--;
      keys.pop();
      names.pop();
    } else if (c === Ch.Comma) {
      expectKey = keys.length > 0 && keys[keys.length - 1] !== null;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      let j = i + 1;
      let exponent = false;
      for (; j < end; j++) {
        const d = text.charCodeAt(j);
        if (d === 101 || d === 69) exponent = true;
        else if (!((d >= 48 && d <= 57) || d === 46 || d === 43 || d === 45)) break;
      }
      // Only an exponent or more than 308 digits can leave the range of a double.
      if ((exponent || j - i > 308) && overflows.length < MAX_FINDINGS && !Number.isFinite(Number(text.slice(i, j)))) {
        overflows.push({ text: text.slice(i, j), start: i, end: j });
      }
      i = j;
      continue;
    }
    i++;
  }
  return { tooDeepAt, duplicates, overflows };
}
