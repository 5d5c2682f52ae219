/**
 * Messages between the UI thread and the evaluation worker. Plain data only (structured clone).
 * Every request carries an `id`; the worker answers with the same id.
 */
import type {
  ChangeKind,
  ClauseImpact,
  ClauseStat,
  Diagnostic,
  EvaluationResult,
  ExceptionInput,
  ExceptionItem,
  ExceptionStatus,
  ExceptionWarning,
  JoinExplanation,
  Expectation,
  ExpectationReport,
  FieldValueCount,
  FieldView,
  JoinEventExplanation,
  LanguageInfo,
  MitreRef,
  MitreTechnique,
  ProposalResult,
  Range,
  Reason,
  RuleFormat,
  RuleMetadata,
  SequenceMatchExplanation,
  SequenceHit,
  Settings,
  SequenceKey,
  Stats,
  ThreatMapping,
  TraceEntry,
  VerdictCounts,
  VerdictKind,
} from '../core';

export type {
  ClauseImpact,
  Expectation,
  ExpectationReport,
  ExpectationResult,
  ExpectedVerdict,
  ExclusionProposal,
  FieldValueCount,
  ProposalResult,
} from '../core';

export type { FieldView, FunctionView, LanguageInfo } from '../core';
export type {
  EntryType,
  ExceptionEntry,
  ExceptionItem,
  ExceptionOperator,
  ExceptionRef,
  ExceptionWarning,
  MatchedEntry,
} from '../core';

/** One input event as the UI needs it (the core's EventDoc without its expanded copy). */
export interface EventView {
  readonly id: string;
  readonly position: number;
  readonly source: Record<string, unknown>;
  readonly range?: Range;
  readonly index?: string;
}

export interface EvaluateInput {
  readonly rule: string;
  readonly events: string;
  readonly settings: Partial<Settings>;
  readonly mapping: string;
  /** Field whose value becomes the event id (optional). */
  readonly idField?: string;
  /** The rule's index patterns, for the `_eql/search` request (optional). */
  readonly indices?: readonly string[];
  /** Kibana rule exceptions as the Exceptions pane holds them (parsed in the worker). */
  readonly exceptionsText?: ExceptionsText;
}

/* ───────────── rule exceptions ───────────── */

/** A value list as text (`.txt`, one value per line), as opened or dropped. */
export interface ValueListText {
  /** The file name: the list id unless `id` is given (as Kibana names an imported list). */
  readonly name: string;
  readonly text: string;
  readonly id?: string;
  readonly type?: string;
}

/** The Exceptions pane: an exception list export, a rule export, an item or an array of items. */
export interface ExceptionsText {
  readonly text: string;
  readonly valueLists?: readonly ValueListText[];
  /** The rule run's start (epoch ms) for `expire_time`; default: the worker's clock, to the minute. */
  readonly at?: number;
  /**
   * The text was typed or pasted in the pane: while it reads with errors, the exceptions last
   * applied stay applied (with the current value lists) instead of the items that still read.
   */
  readonly keepLastApplied?: boolean;
}

/** One item as the Exceptions pane lists it. */
export interface ExceptionItemView {
  /** Position among the text's items (the order Kibana ORs them in). */
  readonly index: number;
  readonly item: ExceptionItem;
  /** Where the item sits in the text, and its first line (1-based). */
  readonly range?: Range;
  readonly line?: number;
  /** Absent when the rule has errors (nothing was evaluated). */
  readonly status?: ExceptionStatus;
  readonly reason?: string;
  readonly removed?: number;
  /** Of the removed events, those the query itself matches. */
  readonly removedMatching?: number;
}

export interface ExceptionsView {
  readonly format: string;
  readonly items: readonly ExceptionItemView[];
  readonly lists: readonly { readonly list_id: string; readonly name: string; readonly type: string }[];
  readonly valueLists: readonly { readonly id: string; readonly values: number }[];
  /** Problems of the text and the value lists, located (line and column). */
  readonly problems: readonly ProblemView[];
  /**
   * The text reads with errors and the items applied are the ones last applied (`items` are
   * those, without places in the text): how many there are.
   */
  readonly kept?: { readonly items: number };
}

/** An event a proposed item would newly remove. */
export interface RemovedEvent {
  readonly position: number;
  readonly id: string;
  /** What it is without the item. */
  readonly verdict: VerdictKind;
  /** The rule tests expect it to alert. */
  readonly expectedAlert?: true;
}

export interface ExceptionPreview {
  readonly removed: readonly RemovedEvent[];
  /** How many of them alert today. */
  readonly alertsRemoved: number;
  /** Ids of removed events the rule tests expect to alert. */
  readonly expectedAlerts: readonly string[];
  /** The item removes the event it was written from. */
  readonly removesTarget?: boolean;
  readonly warnings: readonly ExceptionWarning[];
  /** Problems of the item itself (a value the field cannot hold, a missing value list). */
  readonly problems: readonly Diagnostic[];
  /** The pane's text with the item added (what Apply puts there). */
  readonly text: string;
}

/** A proposed exception item, tested against the events with the current exceptions. */
export interface PreviewExceptionInput {
  readonly item: ExceptionItem;
  /** The event it was written from. */
  readonly position?: number;
  readonly expectations?: Readonly<Record<string, Expectation>>;
}

/** A cluster's `_eql/search` answer against the playground's hits. */
export interface CompareView {
  readonly agrees: boolean;
  readonly kind: 'events' | 'sequences';
  readonly ours: number;
  readonly theirs: number;
  readonly notes: readonly string[];
  readonly differences: readonly {
    readonly kind: 'only-ours' | 'only-theirs' | 'order';
    readonly key: string;
    readonly why: string;
  }[];
}

/** The sample events for a real cluster (Dev Tools text, `_bulk` NDJSON, index template) and the rule's request. */
export interface BulkExportView {
  readonly devTools: string;
  readonly ndjson: string;
  readonly template: string;
  /** The `_eql/search` request on that index, the exceptions as its filter. */
  readonly request: string;
}

/** Either the page's events text (EvaluateInput) or the events the worker holds (RunInput). */
export type ExceptionsRequestInput = EvaluateInput | RunInput;

export type ExceptionsRequestMessage =
  | {
      readonly type: 'previewException';
      readonly id: number;
      readonly input: ExceptionsRequestInput;
      readonly preview: PreviewExceptionInput;
    }
  | {
      readonly type: 'exceptionWarnings';
      readonly id: number;
      readonly input: ExceptionsRequestInput;
      readonly item: ExceptionItem;
    }
  | { readonly type: 'exportExceptions'; readonly id: number; readonly exceptions: ExceptionsText }
  | {
      readonly type: 'exportBulk';
      readonly id: number;
      readonly input: ExceptionsRequestInput;
      readonly index?: string;
    }
  | {
      readonly type: 'compare';
      readonly id: number;
      readonly input: ExceptionsRequestInput;
      readonly response: string;
      readonly idField?: string;
    };

export type ExceptionsResponseMessage =
  | { readonly type: 'previewException'; readonly id: number; readonly preview: ExceptionPreview }
  | {
      readonly type: 'exceptionWarnings';
      readonly id: number;
      readonly warnings: readonly ExceptionWarning[];
    }
  | {
      readonly type: 'exportExceptions';
      readonly id: number;
      /** Kibana exception list NDJSON (empty without items). */
      readonly ndjson: string;
      /** `POST kbn:/api/exception_lists/items` requests, one per item (Dev Tools text). */
      readonly apiBody: string;
      readonly problems: readonly ProblemView[];
    }
  | {
      readonly type: 'exportBulk';
      readonly id: number;
      readonly bulk: BulkExportView;
      readonly problems: readonly ProblemView[];
    }
  | {
      readonly type: 'compare';
      readonly id: number;
      /** Absent when the response or the rule could not be read (see problems). */
      readonly comparison?: CompareView;
      readonly problems: readonly ProblemView[];
    };

/* ───────────── tuning: baseline diff, clause impact, rule tests ───────────── */

/** The rule and settings the current rule is compared against. */
export interface BaselineInput {
  readonly rule: string;
  readonly settings: Partial<Settings>;
}

/** What an evaluation should also compute for tuning (see src/core/tuning). */
export interface TuningRequest {
  /** Compare with this baseline (evaluated once per baseline, mapping and events). */
  readonly baseline?: BaselineInput;
  /** Expected verdicts by event id. */
  readonly expectations?: Readonly<Record<string, Expectation>>;
}

/** One event whose verdict (or set of suppressing clauses) differs from the baseline's. */
export interface ChangeView {
  readonly id: string;
  readonly position: number;
  readonly kind: ChangeKind;
  readonly verdict: VerdictKind;
  readonly baselineVerdict: VerdictKind;
  /** "was suppressed by `process.executable in (...)`, now alert". */
  readonly message: string;
}

export interface DiffView {
  /** False when either side has no verdicts (a rule with errors). */
  readonly comparable: boolean;
  readonly changes: readonly ChangeView[];
  readonly deltas: VerdictCounts;
  readonly baselineCounts: VerdictCounts;
  /** Sequences and samples returned now and not by the baseline, and the reverse. */
  readonly appeared: readonly SequenceKey[];
  readonly disappeared: readonly SequenceKey[];
  /** "+1 alert · −1 suppressed vs baseline", or "no change vs baseline". */
  readonly summary: string;
}

export interface TuningView {
  /** Present when the request named a baseline. */
  readonly diff?: DiffView;
  /** Per exclusion part: the events it suppresses and those only it suppresses. */
  readonly impact: readonly ClauseImpact[];
  /** Per list element or pattern (node id): the positions of the events it suppresses. */
  readonly elements: readonly (readonly [number, readonly number[]])[];
  /** Present when the request carried expectations. */
  readonly expectations?: ExpectationReport;
}

/** Propose exclusions for one field (or two) of an alerting event. */
export interface ProposeInput {
  readonly position: number;
  readonly fields: readonly string[];
  /** One value of the field (an array's element); default: the event's value(s). */
  readonly value?: string | number | boolean | null;
  readonly expectations?: Readonly<Record<string, Expectation>>;
}

/** A workspace file's content (docs/workspace-format.md), as the page holds it. */
export interface WorkspaceView {
  readonly version?: number;
  readonly rule: string;
  readonly meta?: Readonly<Record<string, unknown>>;
  readonly settings?: Readonly<Record<string, string | number | boolean | null>>;
  readonly mapping?: string;
  readonly idField?: string;
  readonly events: string;
  readonly expectations?: Readonly<Record<string, Expectation>>;
  readonly baseline?: {
    readonly rule: string;
    readonly settings?: Readonly<Record<string, string | number | boolean | null>>;
  };
  /** The Exceptions pane: its text and value lists. */
  readonly exceptions?: { readonly text: string; readonly valueLists?: readonly ValueListText[] };
}

export type RuleExportFormat = 'toml' | 'kibana-ndjson';

/* ───────────── rule import ───────────── */

/** Rule formats the importer recognises (`eql`: plain EQL, nothing to import). */
export type RuleFormatName = RuleFormat;

export type MitreRefView = MitreRef;
export type MitreTechniqueView = MitreTechnique;
export type ThreatView = ThreatMapping;

/** The metadata keys the header shows and share links carry (with `threat`). */
export const SHOWN_METADATA_KEYS = [
  'name',
  'ruleId',
  'description',
  'severity',
  'riskScore',
  'indices',
  'interval',
  'from',
  'maxSignals',
  'references',
  'tags',
  'version',
] as const;

/** What a rule says about itself, as the header shows it. Every field is optional. */
export type RuleMetadataView = Pick<RuleMetadata, (typeof SHOWN_METADATA_KEYS)[number] | 'threat'>;

/** Request settings a rule carries (`event_category_override`, `timestamp_override`, `tiebreaker_field`). */
export interface RuleSettingsView {
  readonly eventCategoryField?: string;
  readonly timestampField?: string;
  readonly tiebreakerField?: string;
}

export interface ParsedRuleView {
  readonly format: RuleFormatName;
  /** The EQL query (empty when none was found). */
  readonly query: string;
  readonly metadata: RuleMetadataView;
  readonly settings: RuleSettingsView;
  /** Problems reading the file (offsets into the text that was sent). */
  readonly diagnostics: readonly Diagnostic[];
}

/* ───────── datasets: events held by the worker, compact results ───────── */

/** A problem in the events, located by line and column (and by range in the events text, for text). */
export interface DatasetProblem {
  readonly code: string;
  readonly severity: Diagnostic['severity'];
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly range: Range;
}

/** What the page knows about the events the worker holds. */
export interface DatasetInfo {
  /** Changes on every load and edit; results name the version they describe. */
  readonly version: number;
  /** 'text': from the events editor (ranges point into its text); 'file': a file or a large text. */
  readonly kind: 'text' | 'file';
  readonly name?: string;
  readonly format: string;
  readonly count: number;
  /** Characters read. */
  readonly length: number;
  /** The first problems (at most a thousand); `problemCount` says how many there are. */
  readonly problems: readonly DatasetProblem[];
  readonly problemCount: number;
  /** How many problems there are of each code (all of them, not only the first thousand). */
  readonly problemCodes?: Readonly<Record<string, number>>;
  /** Fields that have a value in the events (read from the first ten thousand), for completion. */
  readonly fields?: readonly FieldView[];
  /** Each event's id (the id field's value, else `_id`, else its position), by position. */
  readonly ids: readonly string[];
  /** What rows, the detail, sort and search call each event (labels.ts), by position, under `labelField`. */
  readonly labels: readonly string[];
  readonly labelField: string;
}

/** The field the list calls events by unless the user sets another: Elastic Defend's `event.id`. */
export const DEFAULT_ID_FIELD = 'event.id';

/** Verdict codes in `CompactEvaluation.verdicts`. */
export const VERDICT_CODE = { alert: 0, suppressed: 1, 'no-match': 2, error: 3, excepted: 4 } as const;
export const VERDICT_OF_CODE: readonly VerdictKind[] = ['alert', 'suppressed', 'no-match', 'error', 'excepted'];
/** The code of an event that has no verdict (the rule has errors). */
export const NO_VERDICT = 255;

/** Events whose first reason is the same clause and part share a group. */
export interface ReasonGroup {
  readonly kind: Reason['kind'] | 'alert' | 'sequence' | 'none';
  readonly clause?: string;
  readonly match?: string;
  readonly field?: string;
  readonly clauseId?: number;
  readonly matchId?: number;
}

/** The rule and settings to evaluate against the events the worker holds. */
export interface RunInput {
  readonly rule: string;
  readonly settings: Partial<Settings>;
  readonly mapping: string;
  /** Kibana rule exceptions, applied before EQL matching. */
  readonly exceptions?: ExceptionInput;
  /** The same as the Exceptions pane's text (parsed in the worker); used when `exceptions` is absent. */
  readonly exceptionsText?: ExceptionsText;
  /** The rule's index patterns, for the `_eql/search` request (optional). */
  readonly indices?: readonly string[];
}

/**
 * What the page needs of a sequence or sample query's explanation besides the events' own: the
 * stages, the returned sequences (bounded by `size`), the sample groups, how many events satisfy
 * each stage's filter, and how many completed candidates fell outside `size`.
 */
export interface JoinOutline {
  readonly kind: JoinExplanation['kind'];
  readonly stages: JoinExplanation['stages'];
  readonly sequences: JoinExplanation['sequences'];
  readonly groups?: JoinExplanation['groups'];
  /** Per entry of `stages`: the events whose filter holds. */
  readonly stageMatches: readonly number[];
  readonly outsideSize: number;
}

/**
 * One evaluation of the held events, small enough to send on every keystroke: counts and one
 * code per event in typed arrays (transferred, not copied); reasons stay in the worker until the
 * page asks for the rows it shows.
 */
export interface CompactEvaluation {
  readonly datasetVersion: number;
  readonly ok: boolean;
  readonly queryKind: EvaluationResult['queryKind'];
  /** Problems of the rule, mapping and settings (the events' own are in DatasetInfo). */
  readonly diagnostics: readonly Diagnostic[];
  /** The same problems with their line and column in the rule or mapping text. */
  readonly problems?: readonly ProblemView[];
  /** The `_eql/search` request that runs the rule on a cluster. */
  readonly request?: string;
  /** Sequences and samples: the outline of the explanation (the events' parts come with `rows`). */
  readonly join?: JoinOutline;
  readonly counts: {
    readonly alert: number;
    readonly suppressed: number;
    readonly 'no-match': number;
    readonly error: number;
    readonly excepted: number;
    readonly total: number;
  };
  /** By position: a VERDICT_CODE, or NO_VERDICT. Sequences: alert when in a returned sequence or sample. */
  readonly verdicts: Uint8Array;
  /** By position: index into `groups`. */
  readonly groupOf: Uint32Array;
  readonly groups: readonly ReasonGroup[];
  readonly clauseStats: readonly ClauseStat[];
  /** `hits.total.value` of the Elasticsearch response. */
  readonly hitsTotal: number;
  /** Event queries: positions of the returned events, in response order. */
  readonly hitPositions: Int32Array;
  /** Sequences and samples: how many were returned. */
  readonly sequenceCount: number;
  /** By position: the baseline's verdict codes, when the request named a baseline. */
  readonly baseline?: Uint8Array;
  /**
   * The rows of the positions the request named (`rows`), from this evaluation, when it has
   * verdicts: the list's window comes with the answer instead of in a second round trip.
   */
  readonly rows?: readonly RowDetail[];
  readonly stats: Stats;
  readonly ms: number;
  /** With rule exceptions: the Exceptions pane's view (items, per-item counts, problems). */
  readonly exceptions?: ExceptionsView;
  /** The tuning views, when the run asked for them. */
  readonly tuning?: TuningView;
}

/** What a shown row needs: the event, its verdict and reasons (fetched for visible rows only). */
export interface RowDetail {
  readonly position: number;
  readonly id: string;
  readonly verdict: VerdictKind | undefined;
  readonly reasons: readonly Reason[];
  /** For an excepted event: the verdict the query alone gives. */
  readonly wouldBe?: Exclude<VerdictKind, 'excepted'>;
  readonly source: Record<string, unknown>;
  readonly index?: string;
  /** Where the event is in the text it was loaded from (text loads only). */
  readonly range?: Range;
  /** Sequences and samples: the event's stage verdicts and candidates. */
  readonly join?: JoinEventExplanation;
}

/** One returned sequence or sample with the hit Elasticsearch gives for it. */
export interface SequenceDetail {
  readonly explanation?: SequenceMatchExplanation;
  readonly hit: SequenceHit;
}

export type DatasetRequest =
  | {
      readonly type: 'loadText';
      readonly id: number;
      readonly text: string;
      readonly idField?: string;
      /** The field the events are shown by (DatasetInfo.labels); default `event.id`. */
      readonly labelField?: string;
      readonly asDataset?: boolean;
    }
  | {
      readonly type: 'loadFile';
      readonly id: number;
      readonly file: Blob;
      readonly name: string;
      readonly idField?: string;
      readonly labelField?: string;
    }
  | {
      readonly type: 'run';
      readonly id: number;
      readonly input: RunInput;
      readonly baseline?: RunInput;
      /** The tuning views to compute with the run (baseline diff, clause impact, rule tests). */
      readonly tuning?: TuningRequest;
      /** Positions whose rows to send with the answer (the ones the list is likely to show). */
      readonly rows?: readonly number[];
    }
  | { readonly type: 'rows'; readonly id: number; readonly positions: readonly number[] }
  | { readonly type: 'sequences'; readonly id: number; readonly from: number; readonly count: number }
  | { readonly type: 'editEvent'; readonly id: number; readonly position: number; readonly text: string }
  | { readonly type: 'search'; readonly id: number; readonly query: string; readonly labelField?: string }
  /** Show the held events by another field: their labels under it (and later infos use it). */
  | { readonly type: 'labels'; readonly id: number; readonly labelField: string }
  | { readonly type: 'exportEvents'; readonly id: number }
  | { readonly type: 'traceAt'; readonly id: number; readonly input: RunInput; readonly position: number };

export type DatasetResponse =
  | { readonly type: 'loaded'; readonly id: number; readonly info: DatasetInfo }
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly read: number;
      readonly total: number;
      readonly events: number;
    }
  | { readonly type: 'ran'; readonly id: number; readonly result: CompactEvaluation }
  | { readonly type: 'rows'; readonly id: number; readonly datasetVersion: number; readonly rows: readonly RowDetail[] }
  | { readonly type: 'sequences'; readonly id: number; readonly sequences: readonly SequenceDetail[] }
  | {
      readonly type: 'editEvent';
      readonly id: number;
      /** Why the edit was refused (nothing changed). */
      readonly problem?: DatasetProblem;
      /** The edit was applied; what a full parse would also warn about (keys given twice, huge numbers). */
      readonly warnings?: readonly DatasetProblem[];
      readonly info: DatasetInfo;
    }
  | { readonly type: 'search'; readonly id: number; readonly datasetVersion: number; readonly positions: Int32Array }
  | {
      readonly type: 'labels';
      readonly id: number;
      readonly datasetVersion: number;
      readonly labelField: string;
      readonly labels: readonly string[];
    }
  | { readonly type: 'exportEvents'; readonly id: number; readonly text: string }
  | { readonly type: 'traceAt'; readonly id: number; readonly entries: readonly TraceEntry[] };

export type TuningRequestMessage =
  | { readonly type: 'propose'; readonly id: number; readonly input: EvaluateInput; readonly propose: ProposeInput }
  | { readonly type: 'fieldValues'; readonly id: number; readonly field: string; readonly limit?: number }
  | {
      readonly type: 'exportRule';
      readonly id: number;
      readonly format: RuleExportFormat;
      readonly query: string;
      readonly metadata: RuleMetadataView;
      readonly settings: RuleSettingsView;
    }
  | { readonly type: 'readWorkspace'; readonly id: number; readonly text: string }
  | { readonly type: 'writeWorkspace'; readonly id: number; readonly workspace: WorkspaceView };

export type TuningResponseMessage =
  | { readonly type: 'propose'; readonly id: number; readonly result: ProposalResult }
  | { readonly type: 'fieldValues'; readonly id: number; readonly field: string; readonly values: FieldValueCount[] }
  | { readonly type: 'exportRule'; readonly id: number; readonly text: string }
  | {
      readonly type: 'readWorkspace';
      readonly id: number;
      readonly workspace?: WorkspaceView;
      /** Problems of the file, located (line and column); an error means no workspace. */
      readonly problems: readonly ProblemView[];
    }
  | { readonly type: 'writeWorkspace'; readonly id: number; readonly text: string };

export type WorkerRequest =
  | {
      readonly type: 'evaluate';
      readonly id: number;
      readonly input: EvaluateInput;
      readonly wantEvents: boolean;
      readonly tuning?: TuningRequest;
    }
  | { readonly type: 'trace'; readonly id: number; readonly input: EvaluateInput; readonly position: number }
  | { readonly type: 'language'; readonly id: number }
  | { readonly type: 'parseRule'; readonly id: number; readonly text: string; readonly filename?: string }
  | TuningRequestMessage
  | ExceptionsRequestMessage
  | DatasetRequest;

/** Where a problem starts in the text it points into (1-based line and UTF-16 column). */
export interface ProblemPosition {
  readonly line: number;
  readonly column: number;
}

/** A diagnostic as the problems list shows it: with its start position when it points into a text. */
export interface ProblemView extends Diagnostic {
  /** Absent for problems without a text (settings, share links). */
  readonly at?: ProblemPosition;
}

export interface EvaluateResponse {
  readonly type: 'evaluate';
  readonly id: number;
  readonly result: EvaluationResult;
  /** Problems in the events text (parse errors at their line/column). */
  readonly eventDiagnostics: readonly Diagnostic[];
  /**
   * Every problem (the events' first, then the result's) with its position, computed here so the
   * UI thread never scans the texts. Absent when the worker did not compute them.
   */
  readonly problems?: readonly ProblemView[];
  /** The `_eql/search` request that runs these inputs on a cluster (the core builds it). */
  readonly request?: string;
  /** The parsed events, when the request asked for them (the events text changed). */
  readonly events?: readonly EventView[];
  /** Fields that have a value in some loaded event, with a JSON-derived type. */
  readonly fieldsSeen?: readonly FieldView[];
  /** The tuning views, when the request asked for them. */
  readonly tuning?: TuningView;
  /** With rule exceptions: the Exceptions pane's view (items, per-item counts, problems). */
  readonly exceptions?: ExceptionsView;
  readonly ms: number;
}

export interface TraceResponse {
  readonly type: 'trace';
  readonly id: number;
  readonly entries: readonly TraceEntry[];
}

export interface LanguageResponse {
  readonly type: 'language';
  readonly id: number;
  readonly info: LanguageInfo;
}

export interface ParseRuleResponse {
  readonly type: 'parseRule';
  readonly id: number;
  readonly rule: ParsedRuleView;
}

export interface FailureResponse {
  readonly type: 'failure';
  readonly id: number;
  readonly message: string;
}

export type WorkerResponse =
  | EvaluateResponse
  | TraceResponse
  | LanguageResponse
  | ParseRuleResponse
  | FailureResponse
  | TuningResponseMessage
  | ExceptionsResponseMessage
  | DatasetResponse;

/** The response type for each request type (the final one: `progress` messages come before it). */
export type ResponseFor<R extends WorkerRequest> = R extends { type: 'evaluate' }
  ? EvaluateResponse
  : R extends { type: 'trace' }
    ? TraceResponse
    : R extends { type: 'parseRule' }
      ? ParseRuleResponse
      : R extends { type: 'language' }
        ? LanguageResponse
        : R extends { type: 'loadText' | 'loadFile' }
          ? Extract<DatasetResponse, { type: 'loaded' }>
          : R extends { type: 'run' }
            ? Extract<DatasetResponse, { type: 'ran' }>
            : R extends TuningRequestMessage
              ? Extract<TuningResponseMessage, { type: R['type'] }>
              : R extends ExceptionsRequestMessage
                ? Extract<ExceptionsResponseMessage, { type: R['type'] }>
                : Extract<DatasetResponse, { type: R['type'] }>;

/** Requests without the id the client assigns. */
export type WorkerRequestBody = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, 'id'>
    : never
  : never;
