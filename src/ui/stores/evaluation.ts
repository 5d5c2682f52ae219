/**
 * Evaluation requests and their results: every inputs version is evaluated in the worker (at
 * once when idle, coalesced while busy, latest wins), and `ready()` resolves once the results on
 * screen are for the current inputs and both editors are mounted.
 */
import type { EvalClient, Outcome } from '../../worker/client';
import type { EvaluateResponse, TuningRequest, TuningView } from '../../worker/protocol';
import { coalesce } from '../state/coalesce';
import type { DocState } from '../state/doc-state';
import { inputsOf } from '../state/documents';
import { applyEvaluation, applyFailure, emptyResults, type ResultsState } from '../state/results';
import { createStore, watch } from '../state/store';
import type { Documents } from './documents';

/** The part of the worker client the stores use (a fake one in unit tests). */
export type ClientLike = Pick<
  EvalClient,
  | 'evaluate'
  | 'trace'
  | 'language'
  | 'parseRule'
  | 'dispose'
  | 'propose'
  | 'exportRule'
  | 'readWorkspace'
  | 'writeWorkspace'
>;
export type ClientSource = () => ClientLike | undefined;

/** Why an evaluation gave no answer, in words. */
export function failureText(outcome: Exclude<Outcome<EvaluateResponse>, { status: 'ok' | 'superseded' }>): string {
  return outcome.status === 'timeout'
    ? `Evaluation took longer than ${Math.round(outcome.ms / 1000)} s and was cancelled.`
    : `Evaluation failed: ${outcome.message}`;
}

/** What the worker computed for tuning (baseline diff, clause impact, rule tests) and for which rule. */
export interface TuningResult {
  readonly version: number;
  readonly rule: string;
  readonly view: TuningView | undefined;
}

/** The tuning part of a request for a document (the baseline, the expected verdicts), if any. */
export type TuningProvider = (doc: DocState) => TuningRequest | undefined;

export function createEvaluation(documents: Documents, client: ClientSource, tuningOf?: TuningProvider) {
  const results = createStore<ResultsState>(emptyResults);
  /** The tuning views of the last good evaluation (kept while the rule has errors). */
  const tuning = createStore<TuningResult | undefined>(undefined);
  let inFlight = 0;
  let waiters: (() => void)[] = [];

  const run = (): Promise<void> => {
    const c = client();
    if (!c) return Promise.resolve();
    const { doc, version } = documents.state.get();
    const input = inputsOf(doc);
    const wantEvents = results.get().latestEventsText !== input.events;
    const tuningRequest = tuningOf?.(doc);
    inFlight++;
    return c.evaluate(input, wantEvents, tuningRequest).then((outcome) => {
      inFlight--;
      if (outcome.status === 'superseded')
        results.update((r) => ({ ...r })); // re-check readiness
      else if (outcome.status === 'ok') {
        if (outcome.value.result.ok) tuning.set({ version, rule: input.rule, view: outcome.value.tuning });
        results.update((prev) =>
          applyEvaluation(prev, outcome.value, { version, rule: input.rule, events: input.events }),
        );
      } else results.update((prev) => applyFailure(prev, failureText(outcome), version));
    });
  };
  const scheduler = coalesce(run);

  const isSettled = () =>
    documents.editors.get().ready >= 2 && results.get().version === documents.state.get().version && inFlight === 0;

  return {
    results,
    tuning,
    /** Start evaluating: now, and after every inputs change. Returns the stop function. */
    start(): () => void {
      const stop = watch(
        documents.state,
        (s) => s.version,
        () => scheduler.schedule(),
      );
      void run();
      return () => {
        stop();
        scheduler.cancel();
      };
    },
    /** Evaluate now (Ctrl+Enter), dropping a pending coalesced run. */
    runNow(): void {
      scheduler.cancel();
      void run();
    },
    ready: (): Promise<void> =>
      new Promise<void>((resolve) => {
        if (isSettled()) resolve();
        else waiters.push(resolve);
      }),
    /** Called after each render: resolves the `ready()` promises once the results are current. */
    settle(): void {
      if (!isSettled()) return;
      const due = waiters;
      waiters = [];
      for (const w of due) w();
    },
  };
}

export type Evaluation = ReturnType<typeof createEvaluation>;
