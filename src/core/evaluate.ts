import type { EvaluationResult, Settings, TraceEntry } from './api-types';
import type { Diagnostic } from './diagnostics/diagnostic';
import { makeDiagnostic } from './diagnostics/diagnostic';
import type { EventDoc } from './runtime/event';

export interface EvaluateRequest {
  /** The EQL query text. */
  readonly rule: string;
  readonly events: readonly EventDoc[];
  readonly settings?: Partial<Settings>;
  /** Optional Elasticsearch `_mapping` JSON text (comment lines tolerated). */
  readonly mapping?: string;
  /** Compute per-event verdicts and clause stats (default true). */
  readonly explain?: boolean;
}

export interface CheckRequest {
  readonly rule: string;
  readonly mapping?: string;
  readonly events?: readonly EventDoc[];
  readonly settings?: Partial<Settings>;
}

const notReady = (): Diagnostic =>
  makeDiagnostic('EQL3001', 'the evaluator is not built yet', { start: 0, end: 0 });

export function evaluate(_request: EvaluateRequest): EvaluationResult {
  return {
    ok: false,
    queryKind: undefined,
    diagnostics: [notReady()],
    stats: { events: 0, parseMs: 0, compileMs: 0, evalMs: 0, explainMs: 0 },
  };
}

/** The full evaluation trace of one event (every sub-expression with its outcome). */
export function traceEvent(_request: EvaluateRequest, _eventPosition: number): readonly TraceEntry[] {
  return [];
}

/** Parse and analyse without evaluating (the CLI's `check`, the editor's markers). */
export function checkQuery(_request: CheckRequest): readonly Diagnostic[] {
  return [notReady()];
}
