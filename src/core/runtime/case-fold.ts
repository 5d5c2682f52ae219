/**
 * Case-insensitive matching for `regex~`: two code points are equal when their Unicode simple
 * case foldings are (the rule of JavaScript's `iu` regular expressions). Every code point maps to
 * one representative of its case class; an automaton built for case-insensitive matching has its
 * sets closed under that map, and its input is mapped code point by code point.
 *
 * The classes are found once, on first use: each code point is linked to its single-code-point
 * lower and upper case forms when a one-character `iu` regular expression confirms they fold alike
 * (so `ı` and `I` stay apart, and `ſ` joins `s`); the representative is a class's smallest member.
 */
import type { CharSet } from './automaton';
import { charSet } from './automaton';

interface FoldTables {
  /** Representative per code point below 128. */
  readonly ascii: Int32Array;
  /** Representative per code point, where it differs from the code point itself. */
  readonly rep: ReadonlyMap<number, number>;
  /** The code points that are not their own representative, sorted. */
  readonly folded: Int32Array;
}

let tables: FoldTables | undefined;

/** The last code point with a case mapping is below U+1F000 (Adlam); beyond it nothing folds. */
const LAST_CASED = 0x1ffff;

function foldsAlike(a: number, b: number): boolean {
  return new RegExp(`^\\u{${a.toString(16)}}$`, 'iu').test(String.fromCodePoint(b));
}

function buildTables(): FoldTables {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as number;
    let y = x;
    while (y !== r) {
      const next = parent.get(y) as number;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  for (let c = 0; c <= LAST_CASED; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCodePoint(c);
    for (const other of [ch.toLowerCase(), ch.toUpperCase()]) {
      const o = other.codePointAt(0) as number;
      if (o === c || other.length !== (o > 0xffff ? 2 : 1) || !foldsAlike(c, o)) continue;
      const rc = find(c);
      const ro = find(o);
      if (rc !== ro) {
        // The smaller code point stays the root, so a root is its class's smallest member.
        if (rc < ro) parent.set(ro, rc);
        else parent.set(rc, ro);
      }
    }
  }
  const rep = new Map<number, number>();
  for (const c of parent.keys()) {
    const r = find(c);
    if (r !== c) rep.set(c, r);
  }
  const ascii = new Int32Array(128);
  for (let c = 0; c < 128; c++) ascii[c] = rep.get(c) ?? c;
  const folded = Int32Array.from(rep.keys()).sort();
  return { ascii, rep, folded };
}

function getTables(): FoldTables {
  tables ??= buildTables();
  return tables;
}

/** The representative of a code point's case class. */
export function foldCase(cp: number): number {
  const t = getTables();
  if (cp < 128) return t.ascii[cp] as number;
  return t.rep.get(cp) ?? cp;
}

/** A set extended with the representatives of its members (so it accepts folded input). */
export function foldSet(set: CharSet): CharSet {
  const t = getTables();
  const extra: number[] = [];
  let k = 0;
  for (let i = 0; i < set.length; i += 2) {
    const lo = set[i] as number;
    const hi = set[i + 1] as number;
    while (k < t.folded.length && (t.folded[k] as number) < lo) k++;
    while (k < t.folded.length && (t.folded[k] as number) <= hi) {
      const r = t.rep.get(t.folded[k] as number) as number;
      extra.push(r, r);
      k++;
    }
  }
  return extra.length === 0 ? set : charSet([...set, ...extra]);
}
