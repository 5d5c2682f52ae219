/**
 * The evaluation trace of the selected event: asked of the worker whenever the selection, the
 * rule or the results change; an answer for an older question is dropped.
 */
import type { TraceEntry } from '../../core';
import { runInputOf } from '../state/documents';
import type { ResultsState } from '../state/results';
import { createStore, type Store } from '../state/store';
import { traceTarget } from '../state/trace-target';
import type { Documents } from './documents';
import type { ClientSource } from './evaluation';

export interface TraceState {
  readonly eventId: string;
  readonly ruleText: string;
  /** Undefined while the worker traces. */
  readonly entries: readonly TraceEntry[] | undefined;
}

export function createTrace(documents: Documents, results: Store<ResultsState>, client: ClientSource) {
  const trace = createStore<TraceState | undefined>(undefined);
  let asked = 0;

  const follow = (): void => {
    const question = ++asked;
    const doc = documents.doc();
    const c = client();
    const target = c ? traceTarget(doc, results.get()) : undefined;
    if (!c || !target) {
      trace.set(undefined);
      return;
    }
    const { eventId, ruleText } = target;
    trace.set({ eventId, ruleText, entries: undefined });
    void c.traceAt(runInputOf(doc, documents.state.get().exceptionsEdited), target.position).then((o) => {
      if (question !== asked) return;
      trace.set({ eventId, ruleText, entries: o.status === 'ok' ? o.value.entries : [] });
    });
  };

  return {
    trace,
    start(): () => void {
      let key = [documents.doc().selected, results.get(), documents.doc().rule] as const;
      const onChange = () => {
        const next = [documents.doc().selected, results.get(), documents.doc().rule] as const;
        if (next.every((x, i) => Object.is(x, key[i]))) return;
        key = next;
        follow();
      };
      const stops = [documents.state.subscribe(onChange), results.subscribe(onChange)];
      follow();
      return () => {
        asked++;
        for (const s of stops) s();
      };
    },
  };
}
