/**
 * What the results panel shows, and how the worker's answers update it. The worker holds the
 * events and the full results; the page keeps the compact evaluation (counts and one verdict code
 * per event) and the rows it has fetched for the evaluation on screen. While the rule has errors,
 * the last good verdicts stay and are marked stale. Events that cannot be read never block the
 * others: the readable ones are evaluated (every rule edit too), and each unreadable one is
 * listed with its line as an error row.
 */
import type { ClauseStat, Hit, Hits, Verdict, VerdictKind } from '../../core';
import { labelAt } from './event-label';
import {
  NO_VERDICT,
  VERDICT_OF_CODE,
  type CompactEvaluation,
  type DatasetInfo,
  type DatasetProblem,
  type EventView,
  type ExceptionsView,
  type FieldView,
  type ProblemView,
  type RowDetail,
  type SequenceDetail,
} from '../../worker/protocol';

/** The evaluation on screen: the compact answer, the events it describes, and the texts its ranges point into. */
export interface Shown {
  readonly compact: CompactEvaluation;
  readonly info: DatasetInfo;
  readonly ruleText: string;
  /** The events text the events' ranges point into (undefined for a file). */
  readonly eventsText: string | undefined;
}

/** What the held events are shown by (the worker's labels, worker/labels.ts): for one events version and id field. */
export interface Labels {
  readonly version: number;
  readonly field: string;
  readonly labels: readonly string[];
}

export interface ResultsState {
  /** The inputs version these results (or diagnostics) belong to. */
  readonly version: number;
  /** The last good evaluation (possibly for an older version). */
  readonly shown: Shown | undefined;
  /** The events the worker holds now, and the text they were loaded from (undefined for a file). */
  readonly info: DatasetInfo | undefined;
  readonly loadedText: string | undefined;
  /** Rows fetched for `shown`, by position. */
  readonly rows: ReadonlyMap<number, RowDetail>;
  /** Sequences and samples: the returned ones (for the Elasticsearch response). */
  readonly sequences: readonly SequenceDetail[];
  /** The rule text the verdicts' ranges point into. */
  readonly ruleText: string;
  readonly clauseStats: readonly ClauseStat[];
  readonly queryKind: 'event' | 'sequence' | 'sample' | undefined;
  readonly fieldsSeen: readonly FieldView[];
  /** Current problems (rule, mapping, settings, events), with their positions where known. */
  readonly diagnostics: readonly ProblemView[];
  /** How many problems there are of each events code (the worker sends the first thousand). */
  readonly problemCodes: Readonly<Record<string, number>>;
  /** The events that could not be read (errors in the events), each with its line. */
  readonly unreadable: readonly ProblemView[];
  /** True when the verdicts on screen are not for the current inputs. */
  readonly stale: boolean;
  /** Why the results are stale or missing (timeout, crash), if not diagnostics. */
  readonly failure: string | undefined;
  readonly ms: number | undefined;
  /** The `_eql/search` request for the latest inputs, to run on a cluster. */
  readonly request: string | undefined;
  /** Whether any evaluation produced verdicts yet. */
  readonly hasGood: boolean;
  /** With rule exceptions: the Exceptions pane's view (items, per-item counts, problems). */
  readonly exceptions?: ExceptionsView | undefined;
  /** The latest labels of the held events (a load's, or asked for when the id field changed). */
  readonly labels?: Labels | undefined;
}

export const emptyResults: ResultsState = {
  version: -1,
  shown: undefined,
  info: undefined,
  loadedText: undefined,
  rows: new Map(),
  sequences: [],
  ruleText: '',
  clauseStats: [],
  queryKind: undefined,
  fieldsSeen: [],
  diagnostics: [],
  problemCodes: {},
  unreadable: [],
  stale: false,
  failure: undefined,
  ms: undefined,
  request: undefined,
  hasGood: false,
};

/** A problem in the events as the problems list shows it. */
export function eventsProblem(p: DatasetProblem): ProblemView {
  return {
    code: p.code,
    severity: p.severity,
    message: p.message,
    range: p.range,
    source: 'events',
    at: { line: p.line, column: p.column },
  };
}

/** New events are held by the worker (a load or an edit): their problems and fields are current. */
export function applyLoad(prev: ResultsState, info: DatasetInfo, text: string | undefined): ResultsState {
  const events = info.problems.map(eventsProblem);
  const others = prev.diagnostics.filter((d) => d.source !== 'events');
  return {
    ...prev,
    info,
    loadedText: text,
    fieldsSeen: info.fields ?? prev.fieldsSeen,
    diagnostics: [...events, ...others],
    problemCodes: info.problemCodes ?? {},
    unreadable: events.filter((d) => d.severity === 'error'),
    labels: { version: info.version, field: info.labelField, labels: info.labels },
  };
}

/** The held events shown by another id field (dropped when the events changed since it was asked). */
export function applyLabels(prev: ResultsState, next: Labels): ResultsState {
  return prev.info?.version === next.version ? { ...prev, labels: next } : prev;
}

/** What the event with this (core) id is called on screen: its label; the id itself when no event has it. */
export function nameOfId(results: Pick<ResultsState, 'shown' | 'labels'>, id: string): string {
  const p = positionOfId(results.shown?.info, id);
  return p === undefined ? id : labelAt(shownLabels(results), p);
}

/** What the events on screen are called, by position: the latest labels for their version. */
export function shownLabels(results: Pick<ResultsState, 'shown' | 'labels'>): readonly string[] {
  const shown = results.shown;
  if (!shown) return [];
  return results.labels?.version === shown.info.version ? results.labels.labels : shown.info.labels;
}

export interface RunFacts {
  readonly version: number;
  readonly rule: string;
  /** Rows and sequences fetched for this evaluation before it is shown. */
  readonly rows?: readonly RowDetail[];
  readonly sequences?: readonly SequenceDetail[];
}

/** A compact evaluation of the held events (`prev.info` must be the events it describes). */
export function applyRun(prev: ResultsState, compact: CompactEvaluation, facts: RunFacts): ResultsState {
  const info = prev.info;
  const ruleProblems = compact.problems ?? compact.diagnostics;
  const events = prev.diagnostics.filter((d) => d.source === 'events');
  const good = compact.ok && info !== undefined && compact.datasetVersion === info.version && compact.queryKind;
  const base = {
    ...prev,
    version: facts.version,
    diagnostics: [...events, ...ruleProblems],
    failure: undefined,
    ms: compact.ms,
    request: compact.request ?? prev.request,
    exceptions: compact.exceptions,
  };
  if (good) {
    const rows = new Map<number, RowDetail>();
    for (const r of facts.rows ?? []) rows.set(r.position, r);
    return {
      ...base,
      shown: { compact, info, ruleText: facts.rule, eventsText: prev.loadedText },
      rows,
      sequences: facts.sequences ?? [],
      ruleText: facts.rule,
      clauseStats: compact.clauseStats,
      queryKind: compact.queryKind,
      stale: false,
      hasGood: true,
    };
  }
  return { ...base, stale: prev.hasGood || ruleProblems.length > 0 || events.length > 0 };
}

/** Rows fetched later (scrolling, a selection) for the evaluation on screen. */
export function applyRows(prev: ResultsState, forShown: Shown | undefined, rows: readonly RowDetail[]): ResultsState {
  if (!forShown || prev.shown !== forShown || rows.length === 0) return prev;
  const next = new Map(prev.rows);
  for (const r of rows) next.set(r.position, r);
  return { ...prev, rows: next };
}

/** The evaluation did not finish (timeout, crash): keep what is on screen, marked stale. */
export function applyFailure(prev: ResultsState, message: string, version: number): ResultsState {
  return { ...prev, version, stale: true, failure: message };
}

/** The verdict on screen for a position (undefined without one). */
export function verdictAt(shown: Shown | undefined, position: number): VerdictKind | undefined {
  const code = shown?.compact.verdicts[position];
  return code === undefined || code === NO_VERDICT ? undefined : VERDICT_OF_CODE[code];
}

/** The verdict of a fetched row, with its reasons when the row belongs to the verdict on screen. */
export function verdictOf(shown: Shown, position: number, row: RowDetail | undefined): Verdict | undefined {
  const verdict = verdictAt(shown, position);
  if (!verdict) return undefined;
  const id = shown.info.ids[position] ?? String(position);
  const same = row && row.verdict === verdict;
  return {
    id,
    position,
    verdict,
    reasons: same ? row.reasons : [],
    ...(same && row.wouldBe ? { wouldBe: row.wouldBe } : {}),
  };
}

/** A fetched row as an event. */
export function eventOf(row: RowDetail | undefined): EventView | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    position: row.position,
    source: row.source,
    ...(row.range ? { range: row.range } : {}),
    ...(row.index !== undefined ? { index: row.index } : {}),
  };
}

const positionsOf = new WeakMap<readonly string[], Map<string, number>>();

/** The position of the event with this id (the first, when ids repeat). */
export function positionOfId(info: DatasetInfo | undefined, id: string | undefined): number | undefined {
  if (!info || id === undefined) return undefined;
  let map = positionsOf.get(info.ids);
  if (!map) {
    map = new Map();
    for (let p = info.ids.length - 1; p >= 0; p--) map.set(info.ids[p]!, p);
    positionsOf.set(info.ids, map);
  }
  return map.get(id);
}

/** Most hits the page rebuilds for the Elasticsearch tab (the size setting bounds them anyway). */
export const HITS_SHOWN = 1000;

const hitOf = (r: RowDetail): Hit => ({ _index: r.index ?? '', _id: r.id, _source: r.source });

/** The `hits` of the Elasticsearch response, from the fetched rows (undefined until they are here). */
export function hitsOf(results: ResultsState): Hits | undefined {
  const shown = results.shown;
  if (!shown) return undefined;
  const c = shown.compact;
  const total = { value: c.hitsTotal, relation: 'eq' as const };
  if (c.queryKind !== 'event') return { total, sequences: results.sequences.map((s) => s.hit) };
  const events: Hit[] = [];
  for (const p of c.hitPositions.subarray(0, HITS_SHOWN)) {
    const row = results.rows.get(p);
    if (!row) return undefined;
    events.push(hitOf(row));
  }
  return { total, events };
}

export type VerdictFilter = 'all' | VerdictKind;

export interface Counts {
  readonly alert: number;
  readonly suppressed: number;
  readonly 'no-match': number;
  readonly error: number;
  readonly excepted: number;
  readonly total: number;
}

export const emptyCounts: Counts = { alert: 0, suppressed: 0, 'no-match': 0, error: 0, excepted: 0, total: 0 };

export function countVerdicts(verdicts: readonly Verdict[]): Counts {
  const c = { alert: 0, suppressed: 0, 'no-match': 0, error: 0, excepted: 0, total: verdicts.length };
  for (const v of verdicts) c[v.verdict]++;
  return c;
}

/** "4 alert · 9 suppressed · 3 no match" (excepted and errors only when there are some). */
export function summaryText(c: Counts): string {
  const parts = [`${c.alert} alert`, `${c.suppressed} suppressed`, `${c['no-match']} no match`];
  if (c.excepted > 0) parts.push(`${c.excepted} excepted`);
  if (c.error > 0) parts.push(`${c.error} error`);
  return parts.join(' · ');
}

export function filterVerdicts<V extends Verdict>(verdicts: readonly V[], filter: VerdictFilter): readonly V[] {
  return filter === 'all' ? verdicts : verdicts.filter((v) => v.verdict === filter);
}

/** One filter button: the verdict it keeps, its label and how many events it keeps. */
export interface FilterOption {
  readonly key: VerdictFilter;
  readonly label: string;
  readonly count: number;
}

/** The event query's filters (excepted and error only when some event has that verdict). */
export function eventFilterOptions(c: Counts): FilterOption[] {
  const all: FilterOption[] = [
    { key: 'all', label: 'All', count: c.total },
    { key: 'alert', label: 'Alert', count: c.alert },
    { key: 'suppressed', label: 'Suppressed', count: c.suppressed },
    { key: 'no-match', label: 'No match', count: c['no-match'] },
    { key: 'excepted', label: 'Excepted', count: c.excepted },
    { key: 'error', label: 'Error', count: c.error },
  ];
  return all.filter((f) => !((f.key === 'error' || f.key === 'excepted') && f.count === 0));
}
