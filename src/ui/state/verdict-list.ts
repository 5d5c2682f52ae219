/**
 * The verdict list's order: sorted (alerts first by default, so the first screen shows what
 * matters), optionally grouped (by verdict or by the deciding clause), filtered by verdict and
 * by a search. Works on the compact columns the worker sends (one code per event), so 100,000
 * rows cost a few milliseconds and no row object.
 *
 * The result is one Int32Array of entries: a value >= 0 is an event position, a value < 0 is the
 * header of group `-value - 1`.
 */
import { NO_VERDICT, VERDICT_OF_CODE, type ReasonGroup } from '../../worker/protocol';
import type { VerdictKind } from '../../core';

export type SortKey = 'verdict' | 'position' | 'id';
export type GroupKey = 'none' | 'verdict' | 'reason';
export type ListFilter = 'all' | VerdictKind;

export interface ListOptions {
  readonly sort: SortKey;
  readonly group: GroupKey;
  readonly filter: ListFilter;
  /** Positions that match the search (any order); undefined when there is no search. */
  readonly matches?: ArrayLike<number> | undefined;
}

export const defaultListOptions: ListOptions = { sort: 'verdict', group: 'none', filter: 'all' };

export interface ListColumns {
  /** By position: verdict codes (VERDICT_CODE, NO_VERDICT). */
  readonly verdicts: Uint8Array;
  /** By position: index into `groups`. */
  readonly groupOf?: Uint32Array;
  readonly groups?: readonly ReasonGroup[];
  /** By position: the events' ids. */
  readonly ids: readonly string[];
}

export interface ListHeader {
  readonly label: string;
  readonly count: number;
  /** The verdict the group's events share, when they share one. */
  readonly verdict?: VerdictKind;
}

export interface ListModel {
  readonly entries: Int32Array;
  readonly headers: readonly ListHeader[];
  /** How many events are listed (entries less headers). */
  readonly rows: number;
}

/** Alert, error, suppressed, excepted, no match, no verdict: what needs attention first. */
const RANK_OF_CODE = [0, 2, 4, 1, 3];
const NO_RANK = 5;
const rankOf = (code: number) => (code === NO_VERDICT ? NO_RANK : (RANK_OF_CODE[code] ?? NO_RANK));
const RANK_LABEL = ['Alert', 'Error', 'Suppressed', 'Excepted', 'No match', 'No verdict'];
const RANK_VERDICT: readonly (VerdictKind | undefined)[] = [
  'alert',
  'error',
  'suppressed',
  'excepted',
  'no-match',
  undefined,
];

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const idOrders = new WeakMap<readonly string[], Int32Array>();

/** Positions ordered by id (numeric-aware), computed once per ids array. */
function idOrder(ids: readonly string[]): Int32Array {
  let o = idOrders.get(ids);
  if (!o) {
    o = Int32Array.from({ length: ids.length }, (_, i) => i);
    o.sort((a, b) => collator.compare(ids[a]!, ids[b]!) || a - b);
    idOrders.set(ids, o);
  }
  return o;
}

/** The positions to list, in sort order, before grouping. */
function sorted(cols: ListColumns, options: ListOptions): Int32Array {
  const n = cols.verdicts.length;
  let keep: Uint8Array | undefined;
  if (options.matches) {
    keep = new Uint8Array(n);
    for (let k = 0; k < options.matches.length; k++) {
      const p = options.matches[k]!;
      if (p >= 0 && p < n) keep[p] = 1;
    }
  }
  const filterCode = options.filter === 'all' ? -1 : VERDICT_OF_CODE.indexOf(options.filter);
  const wanted = (p: number) => (!keep || keep[p] === 1) && (filterCode < 0 || cols.verdicts[p] === filterCode);
  const base = options.sort === 'id' && cols.ids.length === n ? idOrder(cols.ids) : undefined;
  const out: number[] = [];
  if (options.sort === 'verdict') {
    // A stable counting sort by rank: position order within each verdict.
    const buckets: number[][] = [[], [], [], [], [], []];
    for (let p = 0; p < n; p++) if (wanted(p)) buckets[rankOf(cols.verdicts[p]!)]!.push(p);
    for (const b of buckets) for (const p of b) out.push(p);
  } else {
    for (let k = 0; k < n; k++) {
      const p = base ? base[k]! : k;
      if (wanted(p)) out.push(p);
    }
  }
  return Int32Array.from(out);
}

/** What a reason group is called in its header. */
export function reasonLabel(g: ReasonGroup | undefined, verdict: VerdictKind | undefined): string {
  if (!g) return 'Other';
  switch (g.kind) {
    case 'alert':
      return 'Alert: every condition holds';
    case 'exclusion':
      return `Suppressed by ${g.match ?? g.clause ?? 'an exclusion'}`;
    case 'base':
      return `No match: ${g.clause ?? 'a condition'} does not hold`;
    case 'category':
      return 'No match: another event category';
    case 'error':
      return 'Error';
    case 'exception':
      return `Excepted by ${g.match ?? g.clause ?? 'a rule exception'}`;
    case 'sequence':
      return 'In a returned sequence or sample';
    default:
      return verdict === 'no-match' ? 'Not in any returned sequence or sample' : 'No verdict';
  }
}

export function buildList(cols: ListColumns, options: ListOptions = defaultListOptions): ListModel {
  const order = sorted(cols, options);
  if (options.group === 'none') return { entries: order, headers: [], rows: order.length };
  const keyOf =
    options.group === 'verdict'
      ? (p: number) => rankOf(cols.verdicts[p]!)
      : (p: number) => (cols.groupOf ? cols.groupOf[p]! : rankOf(cols.verdicts[p]!));
  // Groups keep the order in which the sorted list first reaches them, except that reason
  // groups follow their verdict's rank, larger groups first.
  const members = new Map<number, number[]>();
  for (const p of order) {
    const k = keyOf(p);
    const m = members.get(k);
    if (m) m.push(p);
    else members.set(k, [p]);
  }
  let keys = [...members.keys()];
  if (options.group === 'verdict') keys.sort((a, b) => a - b);
  else {
    const rank = (k: number) => rankOf(cols.verdicts[members.get(k)![0]!]!);
    keys = keys.sort((a, b) => rank(a) - rank(b) || members.get(b)!.length - members.get(a)!.length);
  }
  const headers: ListHeader[] = [];
  const entries = new Int32Array(order.length + keys.length);
  let at = 0;
  for (const k of keys) {
    const m = members.get(k)!;
    const rank = rankOf(cols.verdicts[m[0]!]!);
    const verdict = RANK_VERDICT[rank];
    const label = options.group === 'verdict' ? RANK_LABEL[rank]! : reasonLabel(cols.groups?.[k], verdict);
    entries[at++] = -(headers.length + 1);
    headers.push({ label, count: m.length, ...(verdict ? { verdict } : {}) });
    for (const p of m) entries[at++] = p;
  }
  return { entries, headers, rows: order.length };
}

/** Search within the ids alone (used while the worker's full-text answer is on its way). */
export function searchIds(ids: readonly string[], query: string): Int32Array {
  const q = query.trim().toLowerCase();
  const out: number[] = [];
  for (let p = 0; p < ids.length; p++) if (ids[p]!.toLowerCase().includes(q)) out.push(p);
  return Int32Array.from(out);
}
