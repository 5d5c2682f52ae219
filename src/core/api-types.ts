/**
 * The shapes the core hands to its shells (CLI, web worker, UI, tests). Plain data only, so
 * every result can cross a worker boundary with structured clone.
 */
import type { Range } from './ast/nodes';
import type { Diagnostic } from './diagnostics/diagnostic';

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

export type VerdictKind = 'alert' | 'suppressed' | 'no-match' | 'error';

/** A piece of the rule text. */
export interface Span {
  readonly text: string;
  readonly range: Range;
}

/** Why an event got its verdict: one firing exclusion, the failing base conjunct, or an error. */
export interface Reason {
  readonly kind: 'exclusion' | 'base' | 'category' | 'error';
  /** The top-level clause (a conjunct of the condition, or the category). */
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
}

export interface Verdict {
  readonly id: string;
  readonly position: number;
  readonly verdict: VerdictKind;
  readonly reasons: readonly Reason[];
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
  /** Per narrowed part (disjunct, list element, pattern): how many events it matched. */
  readonly parts: readonly { readonly id: number; readonly span: Span; readonly count: number }[];
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

export interface EvaluationResult {
  /** False when the query has errors (then hits/verdicts are absent). */
  readonly ok: boolean;
  readonly queryKind: 'event' | 'sequence' | 'sample' | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly hits?: Hits;
  readonly verdicts?: readonly Verdict[];
  readonly clauseStats?: readonly ClauseStat[];
  readonly stats: Stats;
}
