/**
 * Lucene regular expressions (the dialect of Elasticsearch's `regexp` query, used by EQL's
 * `regex` and `regex~`), compiled into automata.
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
 * Matching is by automaton, as in Lucene: a Thompson NFA determinized into a DFA (complement and
 * intersection determinize their operands), so a value is matched in one pass, whatever the
 * pattern. A pattern whose DFA would pass Lucene's determinization limit is refused with
 * Elasticsearch's error for it.
 *
 * `regex~` (case-insensitive) folds case as Unicode simple case folding does (case-fold.ts).
 */
import {
  ANY_CHAR,
  type CharSet,
  charSet,
  complementDfa,
  complementSet,
  type Dfa,
  determinize,
  embedDfa,
  intersectDfa,
  Nfa,
  runDfa,
  TooComplexError,
} from './automaton';
import { foldCase, foldSet } from './case-fold';

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

/** The parsed form of a Lucene regular expression (exported for tests). */
export type LuceneRegexNode = Node;

/** Parses a Lucene regexp; syntax errors come back with Lucene's wording. */
export function parseLuceneRegex(pattern: string): { ok: true; node: Node } | { ok: false; message: string } {
  try {
    return { ok: true, node: new Parser(pattern).parse() };
  } catch (e) {
    if (e instanceof LuceneSyntaxError) return { ok: false, message: e.message };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------
// Automaton construction

const PREDEFINED: Record<string, { set: CharSet; negated: boolean }> = {
  d: { set: [0x30, 0x39], negated: false },
  D: { set: [0x30, 0x39], negated: true },
  s: { set: charSet([0x20, 0x20, 0x09, 0x0a, 0x0d, 0x0d]), negated: false },
  S: { set: charSet([0x20, 0x20, 0x09, 0x0a, 0x0d, 0x0d]), negated: true },
  w: { set: charSet([0x61, 0x7a, 0x41, 0x5a, 0x5f, 0x5f, 0x30, 0x39]), negated: false },
  W: { set: charSet([0x61, 0x7a, 0x41, 0x5a, 0x5f, 0x5f, 0x30, 0x39]), negated: true },
};

const digitClass = (lo: number, hi: number): Node => ({
  k: 'class',
  items: [{ lo: 48 + lo, hi: 48 + hi }],
  negate: false,
});

function seq(nodes: readonly Node[]): Node {
  if (nodes.length === 0) return { k: 'str', s: '' };
  return nodes.reduce((a, b) => ({ k: 'concat', a, b }));
}

function alt(nodes: readonly Node[]): Node {
  return nodes.reduce((a, b) => ({ k: 'union', a, b }));
}

const anyDigits = (n: number): Node[] => Array.from({ length: n }, () => digitClass(0, 9));

/** All digit strings of lo's length between lo and hi (same length, lo <= hi). */
function sameLengthRange(lo: string, hi: string): Node {
  if (lo === hi) return { k: 'str', s: lo };
  const a = lo.charCodeAt(0) - 48;
  const b = hi.charCodeAt(0) - 48;
  const rest = lo.length - 1;
  if (a === b) return seq([digitClass(a, a), sameLengthRange(lo.slice(1), hi.slice(1))]);
  const parts = [seq([digitClass(a, a), sameLengthRange(lo.slice(1), '9'.repeat(rest))])];
  if (b - a > 1) parts.push(seq([digitClass(a + 1, b - 1), ...anyDigits(rest)]));
  parts.push(seq([digitClass(b, b), sameLengthRange('0'.repeat(rest), hi.slice(1))]));
  return alt(parts);
}

/** `<min-max>`: fixed width when both ends have as many digits, else any leading zeros. */
function intervalNode(min: number, max: number, digits: number): Node {
  if (digits > 0) return sameLengthRange(String(min).padStart(digits, '0'), String(max).padStart(digits, '0'));
  const smin = String(min);
  const smax = String(max);
  const parts: Node[] = [];
  for (let len = smin.length; len <= smax.length; len++) {
    const lo = len === smin.length ? smin : `1${'0'.repeat(len - 1)}`;
    const hi = len === smax.length ? smax : '9'.repeat(len);
    parts.push(sameLengthRange(lo, hi));
  }
  return seq([{ k: 'star', e: { k: 'char', cp: 48 } }, alt(parts)]);
}

interface Fragment {
  readonly start: number;
  readonly end: number;
}

/**
 * Thompson construction, one fragment (a start and an end state) per node. Complement and
 * intersection determinize their operands (built apart), as Lucene does, and come back as a DFA
 * copied in. With `caseInsensitive`, every set is closed under case folding and the input is
 * folded before it is matched.
 */
class Builder {
  private readonly dfas = new Map<Node, Dfa>();
  constructor(private readonly caseInsensitive: boolean) {}

  private set(s: CharSet): CharSet {
    return this.caseInsensitive ? foldSet(s) : s;
  }

  private classSet(items: readonly ClassItem[], negate: boolean): CharSet {
    const pairs: number[] = [];
    for (const item of items) {
      if ('pre' in item) {
        const p = PREDEFINED[item.pre] as { set: CharSet; negated: boolean };
        const folded = this.set(p.set);
        pairs.push(...(p.negated ? complementSet(folded) : folded));
      } else pairs.push(...this.set([item.lo, item.hi]));
    }
    const union = charSet(pairs);
    return negate ? complementSet(union) : union;
  }

  private link(nfa: Nfa, set: CharSet): Fragment {
    const start = nfa.state();
    const end = nfa.state();
    nfa.edge(start, set, end);
    return { start, end };
  }

  /** The DFA of a node built on its own (complement and intersection operands). */
  dfa(n: Node, owner: Nfa): Dfa {
    let d = this.dfas.get(n);
    if (d) return d;
    if (n.k === 'compl') d = complementDfa(this.dfa(n.e, owner));
    else if (n.k === 'inter') d = intersectDfa(this.dfa(n.a, owner), this.dfa(n.b, owner), owner);
    else {
      const nfa = new Nfa();
      const f = this.build(nfa, n);
      d = determinize(nfa, f.start, f.end);
    }
    this.dfas.set(n, d);
    return d;
  }

  build(nfa: Nfa, n: Node): Fragment {
    switch (n.k) {
      case 'char':
        return this.link(nfa, this.set([n.cp, n.cp]));
      case 'any':
        return this.link(nfa, ANY_CHAR);
      case 'class':
        return this.link(nfa, this.classSet(n.items, n.negate));
      case 'empty':
        return { start: nfa.state(), end: nfa.state() };
      case 'anystr':
        return this.build(nfa, { k: 'star', e: { k: 'any' } });
      case 'str': {
        const start = nfa.state();
        let end = start;
        for (const ch of n.s) {
          const cp = ch.codePointAt(0) as number;
          const next = nfa.state();
          nfa.edge(end, this.set([cp, cp]), next);
          end = next;
        }
        return { start, end };
      }
      case 'concat': {
        const a = this.build(nfa, n.a);
        const b = this.build(nfa, n.b);
        nfa.epsilon(a.end, b.start);
        return { start: a.start, end: b.end };
      }
      case 'union': {
        const start = nfa.state();
        const a = this.build(nfa, n.a);
        const b = this.build(nfa, n.b);
        const end = nfa.state();
        nfa.epsilon(start, a.start);
        nfa.epsilon(start, b.start);
        nfa.epsilon(a.end, end);
        nfa.epsilon(b.end, end);
        return { start, end };
      }
      case 'opt':
        return this.repeat(nfa, n.e, 0, 1);
      case 'star':
        return this.repeat(nfa, n.e, 0, undefined);
      case 'repeat':
        return this.repeat(nfa, n.e, n.min, n.max);
      case 'interval':
        return this.build(nfa, intervalNode(n.min, n.max, n.digits));
      case 'automaton':
        throw new LuceneSyntaxError(`'${n.name}' not found`);
      case 'compl':
      case 'inter':
        return embedDfa(nfa, this.dfa(n, nfa));
    }
  }

  /** `min` copies, then a loop (no `max`) or `max - min` optional copies. */
  private repeat(nfa: Nfa, e: Node, min: number, max: number | undefined): Fragment {
    const start = nfa.state();
    let cur = start;
    for (let i = 0; i < min; i++) {
      const c = this.build(nfa, e);
      nfa.epsilon(cur, c.start);
      cur = c.end;
    }
    const end = nfa.state();
    if (max === undefined) {
      const c = this.build(nfa, e);
      nfa.epsilon(cur, c.start);
      nfa.epsilon(c.end, c.start);
      nfa.epsilon(c.end, end);
    } else {
      for (let i = min; i < max; i++) {
        const c = this.build(nfa, e);
        nfa.epsilon(cur, end);
        nfa.epsilon(cur, c.start);
        cur = c.end;
      }
    }
    nfa.epsilon(cur, end);
    return { start, end };
  }
}

export type LuceneRegexResult =
  | { ok: true; test: (s: string) => boolean }
  | { ok: false; message: string; tooComplex?: true };

/**
 * Compile a Lucene regexp into a whole-value matcher: a DFA, so matching is linear in the value.
 * Syntax errors come back as `{ ok: false, message }` with Lucene's wording (e.g.
 * `expected ']' at position 3`); a pattern whose automaton is too large to determinize comes back
 * with `tooComplex` and Elasticsearch's message for it.
 */
export function compileLuceneRegex(pattern: string, caseInsensitive: boolean): LuceneRegexResult {
  const parsed = parseLuceneRegex(pattern);
  if (!parsed.ok) return parsed;
  let dfa: Dfa;
  try {
    const builder = new Builder(caseInsensitive);
    dfa = builder.dfa(parsed.node, new Nfa());
  } catch (e) {
    if (e instanceof LuceneSyntaxError) return { ok: false, message: e.message };
    if (e instanceof TooComplexError) return { ok: false, message: e.message, tooComplex: true };
    throw e;
  }
  if (caseInsensitive) return { ok: true, test: (s) => runDfa(dfa, s, foldCase) };
  return { ok: true, test: (s) => runDfa(dfa, s) };
}

/** Compile a list of Lucene regexps into one matcher (any pattern matches). */
export function compileLuceneRegexList(patterns: readonly string[], caseInsensitive: boolean): LuceneRegexResult {
  const compiled: ((s: string) => boolean)[] = [];
  for (const p of patterns) {
    const r = compileLuceneRegex(p, caseInsensitive);
    if (!r.ok) return r;
    compiled.push(r.test);
  }
  if (compiled.length === 1) return { ok: true, test: compiled[0] as (s: string) => boolean };
  return {
    ok: true,
    test: (s) => {
      for (let i = 0; i < compiled.length; i++) if ((compiled[i] as (s: string) => boolean)(s)) return true;
      return false;
    },
  };
}
