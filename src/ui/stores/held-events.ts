/**
 * Drafts and links of held events: when the worker holds the events (a dataset: a file opened, a
 * large text), the events editor is empty, so what is stored and shared is the worker's copy as
 * NDJSON, asked for once per version of the held events. A stored workspace whose events are
 * large enough becomes a dataset again when it opens.
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
  let cache: { readonly info: unknown; readonly text: string } | undefined;
  return async () => {
    if (dataset.state.get().mode !== 'dataset') return undefined;
    const info = evaluation.results.get().info;
    if (cache && cache.info === info) return cache.text;
    const o = await client()?.exportEvents();
    if (o?.status !== 'ok') throw new HeldEventsUnavailable('the worker did not give the held events back');
    cache = { info, text: o.value.text };
    return o.value.text;
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
  return watch(
    evaluation.results,
    (r) => r.info,
    () => {
      if (dataset.state.get().mode === 'dataset') drafts.touch();
    },
  );
}
