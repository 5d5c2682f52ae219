/**
 * Messages between the UI thread and the evaluation worker. Plain data only (structured clone).
 * Every request carries an `id`; the worker answers with the same id.
 */
import type { Diagnostic, EvaluationResult, Range, Settings, TraceEntry } from '../core';

/** One input event as the UI needs it (the core's EventDoc without its expanded copy). */
export interface EventView {
  readonly id: string;
  readonly position: number;
  readonly source: Record<string, unknown>;
  readonly range?: Range;
  readonly index?: string;
}

export interface FieldView {
  readonly name: string;
  readonly type: string;
  readonly description?: string;
}

export interface FunctionView {
  readonly name: string;
  readonly signature: string;
  readonly doc: string;
  readonly nulls: string;
  readonly caseAware: boolean;
}

/** What the editor needs to know about the language (sent once at start). */
export interface LanguageInfo {
  readonly keywords: readonly string[];
  readonly functions: readonly FunctionView[];
  /** ECS + Elastic Defend fields. */
  readonly fields: readonly FieldView[];
}

export interface EvaluateInput {
  readonly rule: string;
  readonly events: string;
  readonly settings: Partial<Settings>;
  readonly mapping: string;
  /** Field whose value becomes the event id (optional). */
  readonly idField?: string;
}

/* ───────────── rule import ───────────── */

/** Rule formats the importer recognises (`eql`: plain EQL, nothing to import). */
export type RuleFormatName = 'eql' | 'docs-page' | 'toml' | 'kibana-ndjson';

export interface MitreRefView {
  readonly id?: string;
  readonly name?: string;
  readonly reference?: string;
}

export interface MitreTechniqueView extends MitreRefView {
  readonly subtechniques?: readonly MitreRefView[];
}

export interface ThreatView {
  readonly framework?: string;
  readonly tactic?: MitreRefView;
  readonly techniques?: readonly MitreTechniqueView[];
}

/** What a rule says about itself, as the header shows it. Every field is optional. */
export interface RuleMetadataView {
  readonly name?: string;
  readonly ruleId?: string;
  readonly description?: string;
  readonly severity?: string;
  readonly riskScore?: number;
  readonly indices?: readonly string[];
  /** How often the rule runs, e.g. "5m". */
  readonly interval?: string;
  /** Look-back start, e.g. "now-9m". */
  readonly from?: string;
  readonly maxSignals?: number;
  readonly references?: readonly string[];
  readonly tags?: readonly string[];
  readonly version?: number;
  readonly threat?: readonly ThreatView[];
}

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

export type WorkerRequest =
  | { readonly type: 'evaluate'; readonly id: number; readonly input: EvaluateInput; readonly wantEvents: boolean }
  | { readonly type: 'trace'; readonly id: number; readonly input: EvaluateInput; readonly position: number }
  | { readonly type: 'language'; readonly id: number }
  | { readonly type: 'parseRule'; readonly id: number; readonly text: string; readonly filename?: string };

export interface EvaluateResponse {
  readonly type: 'evaluate';
  readonly id: number;
  readonly result: EvaluationResult;
  /** Problems in the events text (parse errors at their line/column). */
  readonly eventDiagnostics: readonly Diagnostic[];
  /** The parsed events, when the request asked for them (the events text changed). */
  readonly events?: readonly EventView[];
  /** Fields that have a value in some loaded event, with a JSON-derived type. */
  readonly fieldsSeen?: readonly FieldView[];
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

export type WorkerResponse = EvaluateResponse | TraceResponse | LanguageResponse | ParseRuleResponse | FailureResponse;

/** The response type for each request type. */
export type ResponseFor<R extends WorkerRequest> = R extends { type: 'evaluate' }
  ? EvaluateResponse
  : R extends { type: 'trace' }
    ? TraceResponse
    : R extends { type: 'parseRule' }
      ? ParseRuleResponse
      : LanguageResponse;

/** Requests without the id the client assigns. */
export type WorkerRequestBody =
  | Omit<Extract<WorkerRequest, { type: 'evaluate' }>, 'id'>
  | Omit<Extract<WorkerRequest, { type: 'trace' }>, 'id'>
  | Omit<Extract<WorkerRequest, { type: 'language' }>, 'id'>
  | Omit<Extract<WorkerRequest, { type: 'parseRule' }>, 'id'>;
