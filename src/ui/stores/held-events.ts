/**
 * Drafts and links of held events: when the worker holds the events (a dataset: a file opened, a
 * large text), the events editor is empty, so what is stored and shared is the worker's copy as
 * NDJSON, asked for once per version of the held events. A stored workspace whose events are
 * large enough becomes a dataset again when it opens: on a reload, and when one is put on screen
 * later (Recent, Undo after a reset, a workspace file).
 */
import { watch } from '../state/store';
import { DATASET_FROM, type DatasetStore } from './dataset';
import type { Documents } from './documents';
import type { Drafts } from './drafts';
import type { ClientSource, Evaluation } from './evaluation';

/** The worker could not give the held events: nothing is stored in their place. */
export class HeldEventsUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HeldEventsUnavailable';
  }
}

/** The held events as text (undefined when the events editor holds them); rejects with HeldEventsUnavailable. */
export function heldEventsText(
  dataset: Pick<DatasetStore, 'state'>,
  evaluation: Pick<Evaluation, 'results'>,
  client: ClientSource,
): () => Promise<string | undefined> {
  // One answer per version of the held events, shared by every caller (the draft's save, the
  // share link, the workspace file): the client keeps one request per kind, so two callers
  // asking at once would otherwise supersede each other.
  let cache: { readonly info: unknown; readonly text: Promise<string> } | undefined;
  const ask = async (): Promise<string> => {
    let why = 'the evaluator is not running';
    for (let tries = 0; tries < 3; tries++) {
      const o = await client()?.exportEvents();
      if (o?.status === 'ok') return o.value.text;
      if (o === undefined) break;
      why =
        o.status === 'failed'
          ? o.message
          : o.status === 'timeout'
            ? `it took longer than ${o.ms} ms`
            : 'it was replaced';
      if (o.status !== 'superseded') break;
    }
    throw new HeldEventsUnavailable(`the events the evaluator holds could not be read back (${why})`);
  };
  return async () => {
    if (dataset.state.get().mode !== 'dataset') return undefined;
    const info = evaluation.results.get().info;
    if (!cache || cache.info !== info) {
      const text = ask();
      const mine = { info, text };
      cache = mine;
      // A failed answer is not kept: the next caller asks again.
      text.catch(() => {
        if (cache === mine) cache = undefined;
      });
    }
    return cache.text;
  };
}

/** Large stored events become a dataset again; every change of the held events is saved. */
export function keepHeldEvents(
  documents: Documents,
  dataset: Pick<DatasetStore, 'state' | 'setEvents'>,
  evaluation: Pick<Evaluation, 'results'>,
  drafts: Pick<Drafts, 'touch'>,
): () => void {
  const events = documents.doc().events;
  if (events.length >= DATASET_FROM) dataset.setEvents(events);
  const stopSaving = watch(
    evaluation.results,
    (r) => r.info,
    () => {
      if (dataset.state.get().mode === 'dataset') drafts.touch();
    },
  );
  // Another workspace put on screen with large events: the worker reads them (with progress),
  // unless the events editor already sent them. Until it has, the document keeps the text, so a
  // save meanwhile stores it as it is.
  const stopOpening = watch(
    documents.state,
    (s) => s.doc.events,
    (text) => {
      const d = dataset.state.get();
      if (text.length >= DATASET_FROM && d.mode === 'text' && !d.loading) dataset.setEvents(text);
    },
  );
  return () => {
    stopSaving();
    stopOpening();
  };
}
