/**
 * Lucene regular expressions (the dialect of Elasticsearch's `regexp` query, used by EQL's
 * `regex` and `regex~`), translated into JavaScript regular expressions.
 *
 * Lucene semantics reproduced here:
 * - The pattern always matches the whole value; there are no anchors. `^` and `$` are
 *   ordinary characters (outside a class, `^` has no special meaning).
 * - `.` matches any character (one code point), line breaks included.
 * - `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}` repeat; `|` alternates; `( )` groups, `()` is the
 *   empty string; `[...]` and `[^...]` are classes with ranges; `"..."` is literal text.
 * - `\` makes the next character literal. `\d \D \s \S \w \W` are the ASCII classes
 *   (`\s` is space, tab, LF and CR only). A backslash before any other letter is an error.
 * - With the default flags (ALL): `~x` is the complement of x, `a&b` the intersection,
 *   `<n-m>` a decimal number interval, `@` any string, `#` the empty language. A quantifier
 *   character with nothing to repeat (e.g. a leading `*`) is a literal.
 *
 * Complement and intersection have no direct JS counterpart. They are expressed exactly
 * with a prefix capture in a lookbehind and a back-reference: the operand must match (or
 * must not match) precisely the span consumed. JS regexes backtrack where Lucene builds a
 * DFA, so pathological nested repetitions can be slow here.
 *
 * `regex~` (case-insensitive) uses the JS `i` flag (Unicode simple case folding).
 */

type ClassItem = { readonly lo: number; readonly hi: number } | { readonly pre: string };

type Node =
  | { readonly k: 'char'; readonly cp: number }
  | { readonly k: 'class'; readonly items: readonly ClassItem[]; readonly negate: boolean }
  | { readonly k: 'any' }
  | { readonly k: 'empty' }
  | { readonly k: 'anystr' }
  | { readonly k: 'str'; readonly s: string }
  | { readonly k: 'union' | 'concat' | 'inter'; readonly a: Node; readonly b: Node }
  | { readonly k: 'opt' | 'star' | 'compl'; readonly e: Node }
  | { readonly k: 'repeat'; readonly e: Node; readonly min: number; readonly max: number | undefined }
  | { readonly k: 'interval'; readonly min: number; readonly max: number; readonly digits: number }
  | { readonly k: 'automaton'; readonly name: string };

class LuceneSyntaxError extends Error {}

const INVALID_ESCAPE_LETTERS = 'abcefghijklmnopqrtuvxyzABCEFGHIJKLMNOPQRTUVXYZ';

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    if (this.src.length === 0) return { k: 'str', s: '' };
    const e = this.union();
    if (this.pos < this.src.length) throw new LuceneSyntaxError(`end-of-string expected at position ${this.pos}`);
    return e;
  }

  private more(): boolean {
    return this.pos < this.src.length;
  }

  private peek(chars: string): boolean {
    if (!this.more()) return false;
    const cp = this.src.codePointAt(this.pos) as number;
    return chars.indexOf(String.fromCodePoint(cp)) !== -1;
  }

  private match(ch: string): boolean {
    if (!this.more()) return false;
    const cp = this.src.codePointAt(this.pos) as number;
    if (cp === ch.codePointAt(0)) {
      this.pos += cp > 0xffff ? 2 : 1;
      return true;
    }
    return false;
  }

  private next(): number {
    if (!this.more()) throw new LuceneSyntaxError('unexpected end-of-string');
    const cp = this.src.codePointAt(this.pos) as number;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private union(): Node {
    let e = this.inter();
    while (this.match('|')) e = { k: 'union', a: e, b: this.inter() };
    return e;
  }

  private inter(): Node {
    let e = this.concat();
    while (this.match('&')) e = { k: 'inter', a: e, b: this.concat() };
    return e;
  }

  private concat(): Node {
    let e = this.repeat();
    while (this.more() && !this.peek(')|&')) e = { k: 'concat', a: e, b: this.repeat() };
    return e;
  }

  private readInt(): string {
    const start = this.pos;
    while (this.peek('0123456789')) this.next();
    return this.src.slice(start, this.pos);
  }

  private repeat(): Node {
    let e = this.complement();
    while (this.peek('?*+{')) {
      if (this.match('?')) e = { k: 'opt', e };
      else if (this.match('*')) e = { k: 'star', e };
      else if (this.match('+')) e = { k: 'repeat', e, min: 1, max: undefined };
      else if (this.match('{')) {
        const ns = this.readInt();
        if (ns === '') throw new LuceneSyntaxError(`integer expected at position ${this.pos}`);
        const n = parseJavaInt(ns);
        let m: number | undefined = n;
        if (this.match(',')) {
          const ms = this.readInt();
          m = ms === '' ? undefined : parseJavaInt(ms);
        }
        if (!this.match('}')) throw new LuceneSyntaxError(`expected '}' at position ${this.pos}`);
        if (m !== undefined && n > m) throw new LuceneSyntaxError(`invalid repetition range(out of order): ${n}..${m}`);
        e = { k: 'repeat', e, min: n, max: m };
      }
    }
    return e;
  }

  private complement(): Node {
    if (this.match('~')) return { k: 'compl', e: this.complement() };
    return this.charClassExp();
  }

  private charClassExp(): Node {
    if (this.match('[')) {
      const negate = this.match('^');
      const items: ClassItem[] = [this.classItem()];
      while (this.more() && !this.peek(']')) items.push(this.classItem());
      if (!this.match(']')) throw new LuceneSyntaxError(`expected ']' at position ${this.pos}`);
      return { k: 'class', items, negate };
    }
    return this.simple();
  }

  /** After a consumed backslash: a predefined class, an escaped backslash, or null. */
  private predefined(): ClassItem | null {
    if (this.match('\\')) {
      if (this.peek('dDwWsS')) return { pre: String.fromCodePoint(this.next()) };
      if (this.peek('\\')) {
        const cp = this.next();
        return { lo: cp, hi: cp };
      }
      if (this.peek(INVALID_ESCAPE_LETTERS)) {
        throw new LuceneSyntaxError(`invalid character class \\${String.fromCodePoint(this.next())}`);
      }
    }
    return null;
  }

  private charExp(): number {
    this.match('\\');
    return this.next();
  }

  private classItem(): ClassItem {
    const pre = this.predefined();
    if (pre) return pre;
    const c = this.charExp();
    if (this.match('-')) {
      const to = this.charExp();
      if (c > to) throw new LuceneSyntaxError(`invalid range: from (${c}) cannot be > to (${to})`);
      return { lo: c, hi: to };
    }
    return { lo: c, hi: c };
  }

  private simple(): Node {
    if (this.match('.')) return { k: 'any' };
    if (this.match('#')) return { k: 'empty' };
    if (this.match('@')) return { k: 'anystr' };
    if (this.match('"')) {
      const start = this.pos;
      while (this.more() && !this.peek('"')) this.next();
      if (!this.match('"')) throw new LuceneSyntaxError(`expected '"' at position ${this.pos}`);
      return { k: 'str', s: this.src.slice(start, this.pos - 1) };
    }
    if (this.match('(')) {
      if (this.match(')')) return { k: 'str', s: '' };
      const e = this.union();
      if (!this.match(')')) throw new LuceneSyntaxError(`expected ')' at position ${this.pos}`);
      return e;
    }
    if (this.match('<')) {
      const start = this.pos;
      while (this.more() && !this.peek('>')) this.next();
      if (!this.match('>')) throw new LuceneSyntaxError(`expected '>' at position ${this.pos}`);
      const s = this.src.slice(start, this.pos - 1);
      const i = s.indexOf('-');
      if (i === -1) return { k: 'automaton', name: s };
      const bad = new LuceneSyntaxError(`interval syntax error at position ${this.pos - 1}`);
      if (i === 0 || i === s.length - 1 || i !== s.lastIndexOf('-')) throw bad;
      const smin = s.slice(0, i);
      const smax = s.slice(i + 1);
      if (!/^\+?[0-9]+$/.test(smin) || !/^\+?[0-9]+$/.test(smax)) throw bad;
      let min = Number(smin);
      let max = Number(smax);
      if (min > 2147483647 || max > 2147483647) throw bad;
      const digits = smin.length === smax.length ? smin.length : 0;
      if (min > max) [min, max] = [max, min];
      return { k: 'interval', min, max, digits };
    }
    const pre = this.predefined();
    if (pre) return 'pre' in pre ? { k: 'class', items: [pre], negate: false } : { k: 'char', cp: pre.lo };
    return { k: 'char', cp: this.charExp() };
  }
}

function parseJavaInt(s: string): number {
  const n = Number(s);
  if (n > 2147483647) throw new LuceneSyntaxError(`For input string: "${s}"`);
  return n;
}

// ---------------------------------------------------------------------------------------
// Emission

function lit(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) {
    return String.fromCharCode(cp);
  }
  return `\\u{${cp.toString(16)}}`;
}

const PREDEFINED: Record<string, { set: string; negated: boolean }> = {
  d: { set: '0-9', negated: false },
  D: { set: '0-9', negated: true },
  s: { set: ' \\t\\n\\r', negated: false },
  S: { set: ' \\t\\n\\r', negated: true },
  w: { set: 'a-zA-Z_0-9', negated: false },
  W: { set: 'a-zA-Z_0-9', negated: true },
};

function classUnion(items: readonly ClassItem[]): string {
  let positive = '';
  const alternatives: string[] = [];
  for (const item of items) {
    if ('pre' in item) {
      const p = PREDEFINED[item.pre] as { set: string; negated: boolean };
      if (p.negated) alternatives.push(`(?![${p.set}]).`);
      else positive += p.set;
    } else {
      positive += item.lo === item.hi ? lit(item.lo) : `${lit(item.lo)}-${lit(item.hi)}`;
    }
  }
  if (positive) alternatives.unshift(`[${positive}]`);
  return alternatives.length === 1 ? (alternatives[0] as string) : `(?:${alternatives.join('|')})`;
}

/** Regex for all digit strings of lo's length between lo and hi (same length, lo <= hi). */
function sameLengthRange(lo: string, hi: string): string {
  if (lo.length === 0) return '';
  if (lo === hi) return lo;
  if (/^0*$/.test(lo) && /^9*$/.test(hi)) return lo.length === 1 ? '[0-9]' : `[0-9]{${lo.length}}`;
  const a = lo.charCodeAt(0) - 48;
  const b = hi.charCodeAt(0) - 48;
  const restLo = lo.slice(1);
  const restHi = hi.slice(1);
  if (a === b) return lo[0] + sameLengthRange(restLo, restHi);
  const rest = lo.length - 1;
  const parts = [lo[0] + sameLengthRange(restLo, '9'.repeat(rest))];
  if (b - a > 1) parts.push(`[${a + 1}-${b - 1}]` + (rest === 0 ? '' : rest === 1 ? '[0-9]' : `[0-9]{${rest}}`));
  parts.push(hi[0] + sameLengthRange('0'.repeat(rest), restHi));
  return `(?:${parts.join('|')})`;
}

function intervalRegex(min: number, max: number, digits: number): string {
  if (digits > 0) {
    return sameLengthRange(String(min).padStart(digits, '0'), String(max).padStart(digits, '0'));
  }
  // Variable width: any number of leading zeros, then the canonical number.
  const smin = String(min);
  const smax = String(max);
  const parts: string[] = [];
  for (let len = smin.length; len <= smax.length; len++) {
    const lo = len === smin.length ? smin : '1' + '0'.repeat(len - 1);
    const hi = len === smax.length ? smax : '9'.repeat(len);
    parts.push(sameLengthRange(lo, hi));
  }
  return `0*(?:${parts.join('|')})`;
}

class Emitter {
  private groups = 0;

  /** `backward` is true inside a lookbehind, where the engine matches right to left. */
  emit(n: Node, backward: boolean): string {
    switch (n.k) {
      case 'char':
        return lit(n.cp);
      case 'any':
        return '.';
      case 'empty':
        return '(?!)';
      case 'anystr':
        return '[^]*';
      case 'str': {
        let out = '';
        for (const ch of n.s) out += lit(ch.codePointAt(0) as number);
        return out === '' ? '(?:)' : out;
      }
      case 'class': {
        const body = classUnion(n.items);
        return n.negate ? `(?!${body}).` : body;
      }
      case 'union':
        return `(?:${this.emit(n.a, backward)}|${this.emit(n.b, backward)})`;
      case 'concat':
        return this.emit(n.a, backward) + this.emit(n.b, backward);
      case 'opt':
        return `(?:${this.emit(n.e, backward)})?`;
      case 'star':
        return `(?:${this.emit(n.e, backward)})*`;
      case 'repeat':
        return `(?:${this.emit(n.e, backward)}){${n.min},${n.max === undefined ? '' : n.max}}`;
      case 'interval':
        return `(?:${intervalRegex(n.min, n.max, n.digits)})`;
      case 'automaton':
        throw new LuceneSyntaxError(`'${n.name}' not found`);
      case 'inter': {
        const g = `g${++this.groups}`;
        if (!backward) {
          // Remember the text before this point, consume b, then check that a matches
          // exactly the span consumed (anchored by the remembered prefix).
          return `(?<=^(?<${g}>[^]*))(?:${this.emit(n.b, false)})(?<=^\\k<${g}>(?:${this.emit(n.a, true)}))`;
        }
        return `(?=(?:${this.emit(n.a, false)})\\k<${g}>$)(?:${this.emit(n.b, true)})(?=(?<${g}>[^]*$))`;
      }
      case 'compl': {
        const g = `g${++this.groups}`;
        if (!backward) {
          return `(?<=^(?<${g}>[^]*))[^]*(?<!^\\k<${g}>(?:${this.emit(n.e, true)}))`;
        }
        return `(?!(?:${this.emit(n.e, false)})\\k<${g}>$)[^]*(?=(?<${g}>[^]*$))`;
      }
    }
  }
}

export type LuceneRegexResult =
  | { ok: true; test: (s: string) => boolean; source: string }
  | { ok: false; message: string };

/** Translate a Lucene regexp into an anchored JS regex source (exported for tests). */
export function luceneRegexSource(pattern: string): string {
  const ast = new Parser(pattern).parse();
  return `^(?:${new Emitter().emit(ast, false)})$`;
}

/**
 * Compile a Lucene regexp into a whole-value matcher. Syntax errors come back as
 * `{ ok: false, message }` with Lucene's wording (e.g. `expected ']' at position 3`).
 */
export function compileLuceneRegex(pattern: string, caseInsensitive: boolean): LuceneRegexResult {
  let source: string;
  try {
    source = luceneRegexSource(pattern);
  } catch (e) {
    if (e instanceof LuceneSyntaxError) return { ok: false, message: e.message };
    throw e;
  }
  let re: RegExp;
  try {
    re = new RegExp(source, caseInsensitive ? 'sui' : 'su');
  } catch (e) {
    return { ok: false, message: `cannot compile regular expression [${pattern}]: ${(e as Error).message}` };
  }
  return { ok: true, test: (s) => re.test(s), source };
}

/** Compile a list of Lucene regexps into one matcher (any pattern matches). */
export function compileLuceneRegexList(patterns: readonly string[], caseInsensitive: boolean): LuceneRegexResult {
  const compiled: ((s: string) => boolean)[] = [];
  const sources: string[] = [];
  for (const p of patterns) {
    const r = compileLuceneRegex(p, caseInsensitive);
    if (!r.ok) return r;
    compiled.push(r.test);
    sources.push(r.source);
  }
  if (compiled.length === 1)
    return { ok: true, test: compiled[0] as (s: string) => boolean, source: sources[0] as string };
  return {
    ok: true,
    test: (s) => {
      for (let i = 0; i < compiled.length; i++) if ((compiled[i] as (s: string) => boolean)(s)) return true;
      return false;
    },
    source: sources.join('|'),
  };
}
