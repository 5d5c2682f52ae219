/**
 * What the results panel shows, and how a new evaluation updates it. While the rule has errors,
 * the last good verdicts stay and are marked stale. Events that cannot be read never block the
 * others: the readable ones are evaluated (every rule edit too), and each unreadable one is
 * listed with its line as an error row.
 */
import type { ClauseStat, Diagnostic, Hits, JoinExplanation, Verdict, VerdictKind } from '../../core';
import type { EvaluateResponse, EventView, FieldView, ProblemView } from '../../worker/protocol';

export interface ResultsState {
  /** The inputs version these results (or diagnostics) belong to. */
  readonly version: number;
  /** Verdicts on screen (possibly from an older, good version). */
  readonly verdicts: readonly Verdict[];
  readonly clauseStats: readonly ClauseStat[];
  readonly hits: Hits | undefined;
  readonly queryKind: 'event' | 'sequence' | 'sample' | undefined;
  /** Sequences and samples: the core's explanation (undefined for event queries). */
  readonly join: JoinExplanation | undefined;
  /** The events the verdicts refer to. */
  readonly events: readonly EventView[];
  /** The rule text the verdicts' ranges point into. */
  readonly ruleText: string;
  /** The events text the events' ranges point into. */
  readonly eventsText: string;
  /** The latest parsed events and the text they came from (even if the verdicts are stale). */
  readonly latestEvents: readonly EventView[];
  readonly latestEventsText: string | undefined;
  readonly fieldsSeen: readonly FieldView[];
  /** Current problems (rule, mapping, settings, events), with their positions where known. */
  readonly diagnostics: readonly ProblemView[];
  /** The events that could not be read (errors in the events text), each with its line. */
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
}

export const emptyResults: ResultsState = {
  version: -1,
  verdicts: [],
  clauseStats: [],
  hits: undefined,
  queryKind: undefined,
  join: undefined,
  events: [],
  ruleText: '',
  eventsText: '',
  latestEvents: [],
  latestEventsText: undefined,
  fieldsSeen: [],
  diagnostics: [],
  unreadable: [],
  stale: false,
  failure: undefined,
  ms: undefined,
  request: undefined,
  hasGood: false,
};

/** Apply a worker answer for the given inputs. */
export function applyEvaluation(
  prev: ResultsState,
  response: EvaluateResponse,
  inputs: { version: number; rule: string; events: string },
): ResultsState {
  const events = response.events ?? (prev.latestEventsText === inputs.events ? prev.latestEvents : prev.latestEvents);
  const eventsTextOfEvents = response.events ? inputs.events : prev.latestEventsText;
  const fieldsSeen = response.fieldsSeen ?? prev.fieldsSeen;
  const diagnostics = response.problems ?? [...response.eventDiagnostics, ...response.result.diagnostics];
  const r = response.result;
  const good = r.ok && (r.verdicts !== undefined || r.join !== undefined);
  const base = {
    ...prev,
    version: inputs.version,
    latestEvents: events,
    latestEventsText: eventsTextOfEvents,
    fieldsSeen,
    diagnostics,
    unreadable: diagnostics.filter((d) => d.source === 'events' && d.severity === 'error'),
    failure: undefined,
    ms: response.ms,
    request: response.request ?? prev.request,
  };
  if (good) {
    return {
      ...base,
      verdicts: r.verdicts ?? [],
      clauseStats: r.clauseStats ?? [],
      hits: r.hits,
      queryKind: r.queryKind,
      join: r.join,
      events,
      ruleText: inputs.rule,
      eventsText: inputs.events,
      // Unreadable events are left out and listed (`unreadable`); the rest is current.
      stale: false,
      hasGood: true,
    };
  }
  return { ...base, stale: prev.hasGood || prev.verdicts.length > 0 || diagnostics.length > 0 };
}

/** The evaluation did not finish (timeout, crash): keep what is on screen, marked stale. */
export function applyFailure(prev: ResultsState, message: string, version: number): ResultsState {
  return { ...prev, version, stale: true, failure: message };
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
