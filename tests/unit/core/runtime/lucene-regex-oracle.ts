/**
 * The translation of Lucene regular expressions into JavaScript regular expressions that the
 * playground used before its automaton: kept here as an independent oracle for property tests
 * (it backtracks, so it is only run on small inputs).
 */
import { type LuceneRegexNode as Node, parseLuceneRegex } from '../../../../src/core/runtime/lucene-regex';

type ClassItem = Extract<Node, { k: 'class' }>['items'][number];

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
  if (b - a > 1) parts.push(`[${a + 1}-${b - 1}]${rest === 0 ? '' : rest === 1 ? '[0-9]' : `[0-9]{${rest}}`}`);
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
    const lo = len === smin.length ? smin : `1${'0'.repeat(len - 1)}`;
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
        throw new Error(`'${n.name}' not found`);
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

/** The old translation as a RegExp, or undefined when the pattern does not parse. */
export function oracleRegex(pattern: string, caseInsensitive: boolean): RegExp | undefined {
  const ast = parseLuceneRegex(pattern);
  if (!ast.ok) return undefined;
  return new RegExp(`^(?:${new Emitter().emit(ast.node, false)})$`, caseInsensitive ? 'sui' : 'su');
}
