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

export type WorkerRequest =
  | { readonly type: 'evaluate'; readonly id: number; readonly input: EvaluateInput; readonly wantEvents: boolean }
  | { readonly type: 'trace'; readonly id: number; readonly input: EvaluateInput; readonly position: number }
  | { readonly type: 'language'; readonly id: number };

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

export interface FailureResponse {
  readonly type: 'failure';
  readonly id: number;
  readonly message: string;
}

export type WorkerResponse = EvaluateResponse | TraceResponse | LanguageResponse | FailureResponse;

/** The response type for each request type. */
export type ResponseFor<R extends WorkerRequest> = R extends { type: 'evaluate' }
  ? EvaluateResponse
  : R extends { type: 'trace' }
    ? TraceResponse
    : LanguageResponse;

/** Requests without the id the client assigns. */
export type WorkerRequestBody =
  | Omit<Extract<WorkerRequest, { type: 'evaluate' }>, 'id'>
  | Omit<Extract<WorkerRequest, { type: 'trace' }>, 'id'>
  | Omit<Extract<WorkerRequest, { type: 'language' }>, 'id'>;
