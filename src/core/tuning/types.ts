/**
 * Tuning: what an edit changed against a baseline, which exclusion part alone keeps an event
 * out, rule tests (expected verdicts) and exclusions proposed from event values. Plain data
 * only, so every result crosses a worker boundary with structured clone.
 */
import type { Reason, VerdictKind } from '../api-types';

/** The verdict of one event for tuning: event queries as the core gives them; sequences and
 * samples `alert` when the event is part of a returned sequence or sample, else `no-match`. */
export interface EventOutcome {
  readonly id: string;
  readonly position: number;
  readonly verdict: VerdictKind;
  readonly reasons: readonly Reason[];
}

/* ───────────── verdict diff ───────────── */

export type ChangeKind = 'verdict' | 'clauses';

/** One event whose verdict, or whose set of suppressing clauses, differs from the baseline. */
export interface EventChange {
  readonly id: string;
  readonly position: number;
  readonly kind: ChangeKind;
  readonly verdict: VerdictKind;
  readonly baselineVerdict: VerdictKind;
  /** The baseline's reasons (the text to say "was suppressed by `...`"). */
  readonly baselineReasons: readonly Reason[];
  /** One plain sentence: "was suppressed by `process.executable in (...)`, now alert". */
  readonly message: string;
}

export type VerdictCounts = Readonly<Record<VerdictKind, number>>;

/** A returned sequence or sample, identified by its events' positions (in stage order). */
export interface SequenceKey {
  readonly positions: readonly number[];
  readonly ids: readonly string[];
  readonly joinKeys: readonly unknown[];
}

export interface VerdictDiff {
  /** False when either side has no verdicts (a query with errors): nothing to compare. */
  readonly comparable: boolean;
  /** Changed events in input order. */
  readonly changes: readonly EventChange[];
  /** Per position: the index into `changes`, or -1 (for row lookups without a map). */
  readonly changedAt: Int32Array;
  readonly counts: VerdictCounts;
  readonly baselineCounts: VerdictCounts;
  /** counts - baselineCounts, per verdict. */
  readonly deltas: VerdictCounts;
  /** Sequences and samples: returned now and not in the baseline, and the reverse. */
  readonly appeared: readonly SequenceKey[];
  readonly disappeared: readonly SequenceKey[];
  /** "+1 alert · −1 suppressed vs baseline", or "no change vs baseline". */
  readonly summary: string;
}

/* ───────────── clause impact ───────────── */

export interface ClauseImpact {
  /** AST node id of the exclusion part (as in ClauseStat.clauseId and Reason.clauseId). */
  readonly clauseId: number;
  readonly clause: string;
  /** Positions of every event this part suppresses. */
  readonly suppresses: readonly number[];
  /** Positions of the events that only this part suppresses: remove it and they alert. */
  readonly only: readonly number[];
  /** Per list element or pattern of the part that suppresses events, by its text: their positions. */
  readonly elements: readonly { readonly text: string; readonly suppresses: readonly number[] }[];
}

export interface ImpactTable {
  readonly parts: readonly ClauseImpact[];
  /** Per narrowed list element or pattern (by node id): the positions it matched. */
  readonly elements: ReadonlyMap<number, readonly number[]>;
}

/* ───────────── expectations ───────────── */

/** `excepted`: a Kibana rule exception removes the event before the query runs. */
export type ExpectedVerdict = 'alert' | 'suppressed' | 'no-match' | 'excepted';

export interface Expectation {
  readonly verdict: ExpectedVerdict;
  /**
   * For `suppressed`: the clause (or list element / pattern) that must be among the reasons; for
   * `excepted`: the exception item (its name or `item_id`) that must be among those removing it.
   */
  readonly clause?: string;
}

/** Expectations by event id. */
export type Expectations = Readonly<Record<string, Expectation>>;

export interface ExpectationResult {
  readonly id: string;
  /** The event's position, or undefined when no event has that id. */
  readonly position: number | undefined;
  readonly expected: Expectation;
  /** The verdict the event got (undefined when the event is unknown or the rule has errors). */
  readonly got: VerdictKind | undefined;
  readonly met: boolean;
  /** Why the verdict is what it is, in one line ("suppressed by `...`", "no event has id ..."). */
  readonly reason: string;
}

export interface ExpectationReport {
  readonly results: readonly ExpectationResult[];
  readonly met: number;
  readonly unmet: number;
  /** Expectations naming an event id that is not among the events (counted as unmet). */
  readonly unknown: number;
}

/* ───────────── exclusion proposals ───────────── */

/** A minimal text change: replace [start, end) of the rule text with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type ProposalKind = 'add-to-list' | 'new-part' | 'wildcard' | 'combination';

export interface ExclusionImpact {
  /** Events that alert now and would be suppressed (input order), the proposal's event included. */
  readonly newlySuppressed: readonly { readonly id: string; readonly position: number }[];
  /** Of those, the ones whose expectation is `alert`: applying would silence a true positive. */
  readonly breaksExpectations: readonly { readonly id: string; readonly position: number }[];
}

export interface ExclusionProposal {
  readonly kind: ProposalKind;
  /** One line for a menu: `add "/opt/x" to process.executable in (...)`. */
  readonly title: string;
  /** The exclusion text the edit adds (a list element, a pattern or a whole part). */
  readonly exclusion: string;
  readonly edit: TextEdit;
  /** The rule text after the edit. */
  readonly rule: string;
  /**
   * Sequences and samples: the stage (term index) whose filter the edit changes; then the impact's
   * events are those part of a returned sequence or sample now and of none after the edit.
   */
  readonly stage?: number;
  readonly impact: ExclusionImpact;
}

export interface ProposalResult {
  readonly proposals: readonly ExclusionProposal[];
  /** Why nothing (or less than usual) is offered, in plain words. */
  readonly notes: readonly string[];
}
