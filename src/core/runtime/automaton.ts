/**
 * Finite automata over Unicode code points, for Lucene regular expressions: a Thompson NFA
 * (epsilon moves, edges labelled with sets of code points), subset construction into a DFA with
 * Lucene's determinization limit, complement and intersection of DFAs, and a linear-time runner.
 *
 * A code point set is a sorted list of disjoint, non-adjacent inclusive ranges, flattened as
 * `[lo0, hi0, lo1, hi1, ...]`.
 */

export type CharSet = readonly number[];

export const MAX_CODE_POINT = 0x10ffff;
export const ANY_CHAR: CharSet = [0, MAX_CODE_POINT];

/**
 * Lucene's default determinization limit (`max_determinized_states` in Elasticsearch, 10,000).
 * A DFA larger than this, and larger than the automaton it comes from, is refused as too complex;
 * an automaton that only gets relabelled (Lucene does not determinize one that already is
 * deterministic) is never refused for its size alone.
 */
export const DETERMINIZE_LIMIT = 10_000;

/** Most NFA states one pattern may build (repetitions are copies), and most work determinizing. */
export const MAX_NFA_STATES = 100_000;
const MAX_EFFORT = 20_000_000;

/** The automaton would be too large: `message` is what Elasticsearch says for it. */
export class TooComplexError extends Error {}

/** Normalise unordered, possibly overlapping `[lo, hi]` pairs into a CharSet. */
export function charSet(pairs: readonly number[]): CharSet {
  const rs: [number, number][] = [];
  for (let i = 0; i < pairs.length; i += 2) rs.push([pairs[i] as number, pairs[i + 1] as number]);
  rs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of rs) {
    const n = out.length;
    if (n > 0 && lo <= (out[n - 1] as number) + 1) out[n - 1] = Math.max(out[n - 1] as number, hi);
    else out.push(lo, hi);
  }
  return out;
}

export function complementSet(a: CharSet): CharSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < a.length; i += 2) {
    if ((a[i] as number) > next) out.push(next, (a[i] as number) - 1);
    next = (a[i + 1] as number) + 1;
  }
  if (next <= MAX_CODE_POINT) out.push(next, MAX_CODE_POINT);
  return out;
}

export function setHas(a: CharSet, cp: number): boolean {
  for (let i = 0; i < a.length; i += 2) {
    if (cp < (a[i] as number)) return false;
    if (cp <= (a[i + 1] as number)) return true;
  }
  return false;
}

/** A nondeterministic automaton under construction. States are numbers from 0. */
export class Nfa {
  readonly eps: number[][] = [];
  readonly sets: CharSet[][] = [];
  readonly tos: number[][] = [];
  edgeCount = 0;

  get size(): number {
    return this.eps.length;
  }

  state(): number {
    if (this.eps.length >= MAX_NFA_STATES) {
      throw new TooComplexError(`the automaton has more than ${MAX_NFA_STATES} states`);
    }
    this.eps.push([]);
    this.sets.push([]);
    this.tos.push([]);
    return this.eps.length - 1;
  }

  epsilon(from: number, to: number): void {
    (this.eps[from] as number[]).push(to);
  }

  edge(from: number, set: CharSet, to: number): void {
    if (set.length === 0) return;
    (this.sets[from] as CharSet[]).push(set);
    (this.tos[from] as number[]).push(to);
    this.edgeCount++;
  }
}

/**
 * A deterministic automaton: state 0 is the start. The edges of state `s` are entries
 * `offsets[s]` to `offsets[s + 1] - 1` of `lo`/`hi`/`to`, sorted by `lo` and disjoint.
 */
export interface Dfa {
  readonly accept: Uint8Array;
  readonly offsets: Int32Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly to: Int32Array;
  /** `states x 128` next states for ASCII input (-1: no move), when the DFA is small enough. */
  readonly ascii: Int32Array | undefined;
}

const ASCII_TABLE_MAX_STATES = 4096;

/** A DFA being built; states get their edges in order (all of state 0's, then state 1's...). */
class DfaBuilder {
  readonly accept: number[] = [];
  readonly offsets: number[] = [];
  readonly lo: number[] = [];
  readonly hi: number[] = [];
  readonly to: number[] = [];

  addState(accepting: boolean): number {
    this.accept.push(accepting ? 1 : 0);
    return this.accept.length - 1;
  }

  /** Starts the edges of state `s` (states are opened in order). */
  open(s: number): void {
    while (this.offsets.length <= s) this.offsets.push(this.lo.length);
  }

  /** Adds an edge to the open state, merging it with the previous one when they touch. */
  edge(from: number, until: number, target: number, open: number): void {
    const n = this.lo.length;
    if (n > (this.offsets[open] as number) && this.to[n - 1] === target && this.hi[n - 1] === from - 1) {
      this.hi[n - 1] = until;
      return;
    }
    this.lo.push(from);
    this.hi.push(until);
    this.to.push(target);
  }

  finish(): Dfa {
    const n = this.accept.length;
    this.open(n);
    const offsets = Int32Array.from(this.offsets);
    const lo = Int32Array.from(this.lo);
    const hi = Int32Array.from(this.hi);
    const to = Int32Array.from(this.to);
    let ascii: Int32Array | undefined;
    if (n <= ASCII_TABLE_MAX_STATES) {
      ascii = new Int32Array(n * 128).fill(-1);
      for (let s = 0; s < n; s++) {
        for (let k = offsets[s] as number; k < (offsets[s + 1] as number) && (lo[k] as number) < 128; k++) {
          const top = Math.min(hi[k] as number, 127);
          for (let c = lo[k] as number; c <= top; c++) ascii[s * 128 + c] = to[k] as number;
        }
      }
    }
    return { accept: Uint8Array.from(this.accept), offsets, lo, hi, to, ascii };
  }
}

function tooComplex(nfa: Nfa): TooComplexError {
  return new TooComplexError(
    `Determinizing automaton with ${nfa.size} states and ${nfa.edgeCount + nfa.eps.reduce((a, e) => a + e.length, 0)} transitions would require more than ${DETERMINIZE_LIMIT} effort.`,
  );
}

/** Subset construction bookkeeping: closures, the set -> DFA state table, the limits. */
class Determinizer {
  private readonly mark: Int32Array;
  private stamp = 0;
  /** Per NFA state, its epsilon closure (memoised), keeping only the states that matter. */
  private readonly closures: (Int32Array | undefined)[] = [];
  private readonly seen: Int32Array;
  private seenStamp = 0;
  private readonly ids = new Map<string, number>();
  readonly sets: Int32Array[] = [];
  readonly out = new DfaBuilder();
  private effort = 0;
  private readonly maxStates: number;

  constructor(
    private readonly nfa: Nfa,
    private readonly final: number,
  ) {
    this.mark = new Int32Array(nfa.size);
    this.seen = new Int32Array(nfa.size);
    this.maxStates = Math.max(DETERMINIZE_LIMIT, nfa.size);
  }

  /**
   * The states reachable from `s` by epsilon moves, `s` included, that read a character or are the
   * final state: only those tell two DFA states apart.
   */
  private closure(s: number): Int32Array {
    const known = this.closures[s];
    if (known) return known;
    const stamp = ++this.seenStamp;
    const stack = [s];
    const out: number[] = [];
    this.seen[s] = stamp;
    while (stack.length > 0) {
      const x = stack.pop() as number;
      if ((this.nfa.sets[x] as CharSet[]).length > 0 || x === this.final) out.push(x);
      this.effort++;
      for (const t of this.nfa.eps[x] as number[]) {
        if (this.seen[t] !== stamp) {
          this.seen[t] = stamp;
          stack.push(t);
        }
      }
    }
    const c = Int32Array.from(out);
    this.closures[s] = c;
    return c;
  }

  /** The DFA state for the epsilon closure of `seeds`, created (and queued) when new. */
  stateFor(seeds: Iterable<number>): number {
    const stamp = ++this.stamp;
    const members: number[] = [];
    for (const s of seeds) {
      const closure = this.closure(s);
      this.effort += closure.length;
      for (let k = 0; k < closure.length; k++) {
        const m = closure[k] as number;
        if (this.mark[m] !== stamp) {
          this.mark[m] = stamp;
          members.push(m);
        }
      }
    }
    if (this.effort > MAX_EFFORT) throw tooComplex(this.nfa);
    members.sort((a, b) => a - b);
    const key = members.join(',');
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.sets.length;
    if (id >= this.maxStates) throw tooComplex(this.nfa);
    this.ids.set(key, id);
    this.sets.push(Int32Array.from(members));
    this.out.addState(members.includes(this.final));
    return id;
  }

  /** Computes the edges of DFA state `d`: one sweep over the boundaries of its members' sets. */
  expand(d: number): void {
    this.out.open(d);
    const members = this.sets[d] as Int32Array;
    let only: CharSet | undefined;
    let onlyTo = -1;
    let edges = 0;
    for (const s of members) {
      const n = (this.nfa.sets[s] as CharSet[]).length;
      if (n === 1 && edges === 0) {
        only = (this.nfa.sets[s] as CharSet[])[0];
        onlyTo = (this.nfa.tos[s] as number[])[0] as number;
      }
      edges += n;
    }
    if (edges === 0) return;
    if (edges === 1) {
      // A single edge (a chain of literals): one target, no sweep needed.
      const set = only as CharSet;
      const target = this.stateFor([onlyTo]);
      for (let i = 0; i < set.length; i += 2) this.out.edge(set[i] as number, set[i + 1] as number, target, d);
      this.effort += set.length;
      return;
    }
    this.sweep(members, d);
  }

  private sweep(members: Int32Array, d: number): void {
    const pos: number[] = [];
    const delta: number[] = []; // target + 1 where a range starts, -(target + 1) past its end
    for (const s of members) {
      const sets = this.nfa.sets[s] as CharSet[];
      const tos = this.nfa.tos[s] as number[];
      for (let k = 0; k < sets.length; k++) {
        const set = sets[k] as CharSet;
        const t = (tos[k] as number) + 1;
        for (let i = 0; i < set.length; i += 2) {
          pos.push(set[i] as number, (set[i + 1] as number) + 1);
          delta.push(t, -t);
        }
      }
    }
    this.effort += pos.length;
    const order = Array.from(pos.keys()).sort((a, b) => (pos[a] as number) - (pos[b] as number));
    const active = new Map<number, number>();
    let k = 0;
    while (k < order.length) {
      const at = pos[order[k] as number] as number;
      while (k < order.length && pos[order[k] as number] === at) {
        const sign = delta[order[k] as number] as number;
        const t = Math.abs(sign) - 1;
        const c = (active.get(t) ?? 0) + (sign > 0 ? 1 : -1);
        if (c === 0) active.delete(t);
        else active.set(t, c);
        k++;
      }
      if (active.size === 0 || k >= order.length) continue;
      const end = (pos[order[k] as number] as number) - 1;
      this.out.edge(at, end, this.stateFor(active.keys()), d);
    }
  }
}

/**
 * Determinizes the part of `nfa` reachable from `start`, accepting where `final` is reached.
 * Throws TooComplexError with Elasticsearch's message past the limit.
 */
export function determinize(nfa: Nfa, start: number, final: number): Dfa {
  const det = new Determinizer(nfa, final);
  det.stateFor([start]);
  for (let d = 0; d < det.sets.length; d++) det.expand(d);
  return det.out.finish();
}

/** The same language's complement: totalise with a sink state, then flip acceptance. */
export function complementDfa(a: Dfa): Dfa {
  const n = a.accept.length;
  const sink = n;
  const b = new DfaBuilder();
  for (let s = 0; s <= n; s++) {
    b.addState(!(s < n && a.accept[s]));
    b.open(s);
    let next = 0;
    const first = s < n ? (a.offsets[s] as number) : 0;
    const last = s < n ? (a.offsets[s + 1] as number) : 0;
    for (let k = first; k < last; k++) {
      if ((a.lo[k] as number) > next) b.edge(next, (a.lo[k] as number) - 1, sink, s);
      b.edge(a.lo[k] as number, a.hi[k] as number, a.to[k] as number, s);
      next = (a.hi[k] as number) + 1;
    }
    if (next <= MAX_CODE_POINT) b.edge(next, MAX_CODE_POINT, sink, s);
  }
  return b.finish();
}

/** The product automaton: accepts what both accept. `nfa` names the input in the error. */
export function intersectDfa(a: Dfa, b: Dfa, nfa: Nfa): Dfa {
  const ids = new Map<number, number>();
  const pairs: number[] = [];
  const out = new DfaBuilder();
  const nb = b.accept.length;
  const idOf = (x: number, y: number): number => {
    const key = x * nb + y;
    let id = ids.get(key);
    if (id === undefined) {
      if (out.accept.length >= DETERMINIZE_LIMIT) throw tooComplex(nfa);
      id = out.addState(a.accept[x] === 1 && b.accept[y] === 1);
      ids.set(key, id);
      pairs.push(x, y);
    }
    return id;
  };
  idOf(0, 0);
  for (let p = 0; p < out.accept.length; p++) {
    out.open(p);
    const x = pairs[2 * p] as number;
    const y = pairs[2 * p + 1] as number;
    let i = a.offsets[x] as number;
    let j = b.offsets[y] as number;
    const iEnd = a.offsets[x + 1] as number;
    const jEnd = b.offsets[y + 1] as number;
    while (i < iEnd && j < jEnd) {
      const lo = Math.max(a.lo[i] as number, b.lo[j] as number);
      const hi = Math.min(a.hi[i] as number, b.hi[j] as number);
      if (lo <= hi) out.edge(lo, hi, idOf(a.to[i] as number, b.to[j] as number), p);
      if ((a.hi[i] as number) < (b.hi[j] as number)) i++;
      else j++;
    }
  }
  return out.finish();
}

/** Copies a DFA into `nfa` as a fragment: its start state, and one final state reached by epsilon. */
export function embedDfa(nfa: Nfa, d: Dfa): { start: number; end: number } {
  const base = nfa.size;
  const n = d.accept.length;
  for (let s = 0; s < n; s++) nfa.state();
  const end = nfa.state();
  for (let s = 0; s < n; s++) {
    for (let k = d.offsets[s] as number; k < (d.offsets[s + 1] as number); k++) {
      nfa.edge(base + s, [d.lo[k] as number, d.hi[k] as number], base + (d.to[k] as number));
    }
    if (d.accept[s]) nfa.epsilon(base + s, end);
  }
  return { start: base, end };
}

function step(d: Dfa, s: number, cp: number): number {
  if (cp < 128 && d.ascii) return d.ascii[s * 128 + cp] as number;
  let a = d.offsets[s] as number;
  let b = (d.offsets[s + 1] as number) - 1;
  while (a <= b) {
    const m = (a + b) >> 1;
    if (cp < (d.lo[m] as number)) b = m - 1;
    else if (cp > (d.hi[m] as number)) a = m + 1;
    else return d.to[m] as number;
  }
  return -1;
}

/** Whole-string match, one step per code point; `fold` maps each input code point first. */
export function runDfa(d: Dfa, text: string, fold?: (cp: number) => number): boolean {
  let s = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      cp = text.codePointAt(i) as number;
      i += cp > 0xffff ? 2 : 1;
    } else i++;
    s = step(d, s, fold ? fold(cp) : cp);
    if (s < 0) return false;
  }
  return d.accept[s] === 1;
}
