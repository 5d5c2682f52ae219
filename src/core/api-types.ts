/**
 * The shapes the core hands to its shells (CLI, web worker, UI, tests). Plain data only, so
 * every result can cross a worker boundary with structured clone.
 */
import type { Range } from './ast/nodes';
import type { Diagnostic } from './diagnostics/diagnostic';
import type { ExceptionRef, ExceptionStat, MatchedEntry } from './exceptions/types';

/** Elasticsearch `_eql/search` request settings the playground exposes. */
export interface Settings {
  /** `event_category_field`, default `event.category`. */
  readonly eventCategoryField: string;
  /** `timestamp_field`, default `@timestamp`. */
  readonly timestampField: string;
  /** `tiebreaker_field`, default none. */
  readonly tiebreakerField: string | undefined;
  /** `size`, default 10. */
  readonly size: number;
  /** `result_position`, default tail. */
  readonly resultPosition: 'head' | 'tail';
  /** `max_samples_per_key`, default 1 (samples only). */
  readonly maxSamplesPerKey: number;
}

export const defaultSettings: Settings = {
  eventCategoryField: 'event.category',
  timestampField: '@timestamp',
  tiebreakerField: undefined,
  size: 10,
  resultPosition: 'tail',
  maxSamplesPerKey: 1,
};

/**
 * `excepted`: a rule exception removed the event before EQL matching (Kibana sends exceptions as
 * the search's filter), whatever the query would have said.
 */
export type VerdictKind = 'alert' | 'suppressed' | 'no-match' | 'error' | 'excepted';

/** A piece of the rule text. */
export interface Span {
  readonly text: string;
  readonly range: Range;
}

/**
 * Why an event got its verdict: one firing exclusion, the failing base conjunct, an error, or a
 * rule exception item that removed the event.
 */
export interface Reason {
  readonly kind: 'exclusion' | 'base' | 'category' | 'error' | 'exception';
  /** The top-level clause (a conjunct of the condition, or the category). For `exception`: the item's name, no range. */
  readonly clause: Span;
  /** The narrowed part that decided: the true disjunct, the list element or pattern that matched. */
  readonly match?: Span;
  /** The field the decisive comparison read. */
  readonly field?: string;
  /** The event's value of that field (undefined when missing). */
  readonly value?: unknown;
  /** A short plain-words note where Elasticsearch semantics surprise people. */
  readonly note?: string;
  /** For `error`: the runtime error message. */
  readonly message?: string;
  /** AST node id of the clause (for per-clause counts and highlighting). */
  readonly clauseId: number;
  /** AST node id of the narrowed match, when there is one. */
  readonly matchId?: number;
  /** For `exception`: the item that removed the event. */
  readonly exception?: ExceptionRef;
  /** For `exception`: the item's entries that held, with the event's values. */
  readonly entries?: readonly MatchedEntry[];
}

export interface Verdict {
  readonly id: string;
  readonly position: number;
  readonly verdict: VerdictKind;
  readonly reasons: readonly Reason[];
  /** For `excepted`: the verdict the query alone gives (its reasons follow the exception reasons unless it is `alert`). */
  readonly wouldBe?: Exclude<VerdictKind, 'excepted'>;
}

/** One entry of the full evaluation trace of one event (each sub-expression). */
export interface TraceEntry {
  readonly nodeId: number;
  readonly range: Range;
  readonly depth: number;
  /** true/false for conditions; `missing` when a field had no value; the value for non-boolean nodes. */
  readonly outcome: 'true' | 'false' | 'missing' | 'null' | 'error' | 'value';
  readonly value?: unknown;
  readonly field?: string;
}

/** Per top-level clause counts, for inlay hints and dead-exclusion flags. */
export interface ClauseStat {
  readonly clauseId: number;
  readonly kind: 'exclusion' | 'base';
  readonly clause: Span;
  /** Events whose verdict this exclusion (co-)decided: the base held and this clause fired. */
  readonly suppressed: number;
  /** Events for which this base conjunct was the first to fail. */
  readonly failed: number;
  /**
   * Per list element or pattern: `count`, the events whose verdict names it (the first element
   * that matched), and `only`, those it alone keeps out: no other part fired and no other element
   * matches, so removing the element makes them alert. `count` 0: removing it changes nothing.
   */
  readonly parts: readonly {
    readonly id: number;
    readonly span: Span;
    readonly count: number;
    readonly only: number;
  }[];
}

export interface Hit {
  readonly _index: string;
  readonly _id: string;
  readonly _source: unknown;
}

export interface MissingHit {
  readonly _index: '';
  readonly _id: '';
  readonly _source: Record<string, never>;
  readonly missing: true;
}

export interface SequenceHit {
  readonly join_keys?: readonly unknown[];
  readonly events: readonly (Hit | MissingHit)[];
}

/** What Elasticsearch returns in `hits` for the current settings. */
export interface Hits {
  readonly total: { readonly value: number; readonly relation: 'eq' };
  readonly events?: readonly Hit[];
  readonly sequences?: readonly SequenceHit[];
}

export interface Stats {
  readonly events: number;
  readonly parseMs: number;
  readonly compileMs: number;
  readonly evalMs: number;
  readonly explainMs: number;
}

/* ───────────── sequences and samples: explanations ───────────── */

/** One stage of a sequence (terms expanded by `with runs`), one filter of a sample, or `until`. */
export interface JoinStageInfo {
  /** Position in the result's `events` (for `until`: -1). */
  readonly stage: number;
  /** Index of the term as written (for `until`: -1). */
  readonly term: number;
  readonly role: 'stage' | 'missing' | 'until' | 'filter';
  readonly text: Span;
}

/** How one event fared against one stage's filter and keys. */
export interface StageVerdict {
  /** Stage position (-1 for `until`). */
  readonly stage: number;
  readonly role: 'stage' | 'missing' | 'until' | 'filter';
  /** The filter (category and condition) holds for the event. */
  readonly matched: boolean;
  /** When matched: the event's join keys for this stage (one tuple per value combination). */
  readonly joinKeys?: readonly (readonly unknown[])[];
  /** When the filter failed: the same reasons an event query gives. */
  readonly reasons?: readonly Reason[];
  /** Why a matching event still did not take part (missing key, no pending candidate, ...). */
  readonly note?: string;
}

export type CandidateOutcome =
  | 'returned'
  | 'outside-size'
  | 'overwritten'
  | 'maxspan'
  | 'until'
  | 'missing-event'
  | 'incomplete';

/** What became of a candidate sequence that an event started, extended or completed. */
export interface CandidateNote {
  /** Candidate number (stable within one evaluation). */
  readonly candidate: number;
  /** The stage this event filled in the candidate. */
  readonly stage: number;
  readonly role: 'started' | 'extended' | 'completed';
  readonly outcome: CandidateOutcome;
  /** One plain sentence. */
  readonly message: string;
  readonly joinKeys: readonly unknown[];
  /** Ids of the candidate's events so far, in stage order. */
  readonly events: readonly string[];
  /** The event that overwrote, overran maxspan or was blocked (by id). */
  readonly by?: string;
  /** The `until` event or the missing-term event that decided (by id). */
  readonly blocker?: string;
  /** For `maxspan`: by how many milliseconds the span exceeded it. */
  readonly exceededByMs?: number;
  /** For `returned`: index into `hits.sequences`. */
  readonly sequence?: number;
}

/** Per event: its stage verdicts and the fate of the candidates it took part in. */
export interface JoinEventExplanation {
  readonly id: string;
  readonly position: number;
  /** Epoch milliseconds used for ordering (sequences only; absent when the event has none). */
  readonly timestamp?: number;
  readonly stages: readonly StageVerdict[];
  readonly candidates: readonly CandidateNote[];
  /** Event-level note, e.g. no timestamp so it cannot take part in a sequence. */
  readonly note?: string;
  /** A rule exception removed the event before matching: the items (as `exception` reasons). */
  readonly excepted?: readonly Reason[];
}

/** Per returned sequence: which event filled which stage, the keys, the span. */
export interface SequenceMatchExplanation {
  /** Index into `hits.sequences`. */
  readonly sequence: number;
  readonly joinKeys: readonly unknown[];
  readonly stages: readonly {
    readonly stage: number;
    readonly missing: boolean;
    readonly id?: string;
    readonly position?: number;
    readonly timestamp?: number;
  }[];
  /** Last positive event's timestamp minus the first's, in ms. */
  readonly spanMs: number;
  readonly maxspanMs?: number;
}

/** Per sample group (one key combination that some filter matched). */
export interface SampleGroupExplanation {
  readonly joinKeys: readonly unknown[];
  /** Per filter: how many events qualify. */
  readonly candidates: readonly number[];
  /** Indices into `hits.sequences` of the samples this group returned. */
  readonly samples: readonly number[];
  /** Per built sample: the event (id, position) of each filter, in filter order. */
  readonly fillers: readonly (readonly { readonly filter: number; readonly id: string; readonly position: number }[])[];
  readonly complete: boolean;
  /** Why the group gave no sample, or fewer than it could. */
  readonly reason?: string;
}

export interface JoinExplanation {
  readonly kind: 'sequence' | 'sample';
  readonly stages: readonly JoinStageInfo[];
  readonly sequences: readonly SequenceMatchExplanation[];
  readonly events: readonly JoinEventExplanation[];
  readonly groups?: readonly SampleGroupExplanation[];
}

export interface EvaluationResult {
  /** False when the query has errors (then hits/verdicts are absent). */
  readonly ok: boolean;
  readonly queryKind: 'event' | 'sequence' | 'sample' | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly hits?: Hits;
  readonly verdicts?: readonly Verdict[];
  readonly clauseStats?: readonly ClauseStat[];
  /** Sequences and samples: per-sequence, per-event and per-group explanations. */
  readonly join?: JoinExplanation;
  /** With rule exceptions: per item, its status and how many events it removed. */
  readonly exceptionStats?: readonly ExceptionStat[];
  /**
   * Fields no schema, mapping or loaded event knows (without a user mapping they are a warning,
   * not an error): the hits and verdicts were computed with them absent. Elasticsearch rejects
   * the query with `Unknown column [...]` unless the index maps them.
   */
  readonly assumedAbsent?: readonly string[];
  readonly stats: Stats;
}
