/**
 * The results list of the evaluation on screen: its order (state/verdict-list.ts over the compact
 * columns), the rows a window of it needs, and the rows as keyboard navigation sees them. Pure.
 */
import type { Verdict, VerdictKind } from '../../core';
import type { Shown } from './results';
import { verdictAt } from './results';
import { buildList, searchIds, type GroupKey, type ListModel, type SortKey } from './verdict-list';

/** `auto`: position order for a short list (it mirrors the events text), alerts first past it. */
export type SortChoice = SortKey | 'auto';

export interface ListState {
  readonly sort: SortChoice;
  readonly group: GroupKey;
  /** The search box's text ('' for none). */
  readonly query: string;
  /** Positions the search found, for the events version `matchesFor`; undefined without a search. */
  readonly matches: Int32Array | undefined;
  readonly matchesFor: number | undefined;
  /** Positions a tuning filter keeps (Changed, Unmet, a clause's events); undefined for all. */
  readonly only?: Int32Array | undefined;
}

export const initialList: ListState = {
  sort: 'auto',
  group: 'none',
  query: '',
  matches: undefined,
  matchesFor: undefined,
};

/** Up to this many events the list keeps the events' order by default. */
export const POSITION_ORDER_UP_TO = 100;

export function resolveSort(sort: SortChoice, count: number): SortKey {
  if (sort !== 'auto') return sort;
  return count <= POSITION_ORDER_UP_TO ? 'position' : 'verdict';
}

const EMPTY: ListModel = { entries: new Int32Array(0), headers: [], rows: 0 };
let memo: { shown: Shown; filter: string; list: ListState; labels: readonly string[]; model: ListModel } | undefined;

/**
 * The list for the evaluation on screen, sorted and searched by `labels` (what the events are
 * shown by, results.ts `shownLabels`). The last answer is kept: React and the store share it.
 */
export function listOf(
  shown: Shown | undefined,
  filter: 'all' | VerdictKind,
  list: ListState,
  labels: readonly string[],
): ListModel {
  if (!shown) return EMPTY;
  if (memo && memo.shown === shown && memo.filter === filter && memo.list === list && memo.labels === labels)
    return memo.model;
  const c = shown.compact;
  const searching = list.query.trim() !== '';
  // Until the worker's full-text answer for these events is here, the ids alone are searched.
  const matches = !searching
    ? undefined
    : list.matches && list.matchesFor === shown.info.version
      ? list.matches
      : searchIds(labels, list.query);
  const kept = list.only ? (matches ? intersect(matches, list.only) : list.only) : matches;
  const model = buildList(
    { verdicts: c.verdicts, groupOf: c.groupOf, groups: c.groups, labels },
    {
      sort: resolveSort(list.sort, c.verdicts.length),
      group: list.group,
      filter,
      ...(kept ? { matches: kept } : {}),
    },
  );
  memo = { shown, filter, list, labels, model };
  return model;
}

function intersect(a: ArrayLike<number>, b: Int32Array): Int32Array {
  const keep = new Set(b);
  return Int32Array.from(Array.from(a).filter((p) => keep.has(p)));
}

/** The event positions among entries [start, end) (headers left out). */
export function positionsIn(model: ListModel, start: number, end: number): number[] {
  const out: number[] = [];
  const stop = Math.min(end, model.entries.length);
  for (let i = Math.max(0, start); i < stop; i++) {
    const p = model.entries[i]!;
    if (p >= 0) out.push(p);
  }
  return out;
}

/** The listed events as navigation reads them (id and verdict, in list order), built when a key is pressed. */
export function navigationRows(shown: Shown | undefined, model: ListModel): Verdict[] {
  if (!shown) return [];
  const out: Verdict[] = [];
  for (const p of model.entries) {
    if (p < 0) continue;
    const verdict = verdictAt(shown, p);
    if (verdict) out.push({ id: shown.info.ids[p] ?? String(p), position: p, verdict, reasons: [] });
  }
  return out;
}

/** The index in the list of the event at `position` (-1 when it is not listed). */
export function indexOfPosition(model: ListModel, position: number | undefined): number {
  return position === undefined ? -1 : model.entries.indexOf(position);
}
