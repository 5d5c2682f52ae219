/**
 * Events held as a dataset: a file opened or dropped, or a text too large for an editor to serve
 * the user, is read by the worker (streaming, with progress) and never becomes one editor
 * document. The list shows the events; the selected one opens in an editor of its own and its
 * edits go back to the worker. Small files and texts keep the editable events text. Any change
 * of the events text (reset, an example, a restored draft, `setEvents` with a small text) leaves
 * dataset mode.
 */
import type { Outcome } from '../../worker/client';
import type { LoadFields, ProgressMessage } from '../../worker/client';
import type { DatasetInfo } from '../../worker/protocol';
import { coalesce } from '../state/coalesce';
import { idFieldOf } from '../state/doc-state';
import type { Notice } from '../state/startup';
import { createStore, watch, type Store } from '../state/store';
import type { Documents } from './documents';
import type { Evaluation } from './evaluation';

/**
 * From this many characters the events are a dataset. A megabyte is about 3,000 Elastic Defend
 * events: Monaco still edits it, but its tokenizer, folding and the page's copy of the text are
 * past what typing in the rule should pay for, and the list is the better way to read them.
 */
export const DATASET_FROM = 1_000_000;

export interface LoadProgress {
  readonly name: string;
  /** Characters (bytes for a file) read so far, of `total`. */
  readonly read: number;
  readonly total: number;
  readonly events: number;
}

export interface DatasetState {
  readonly mode: 'text' | 'dataset';
  /** The file's name (or "events" for a large text). */
  readonly name: string | undefined;
  readonly count: number;
  /** Characters read. */
  readonly length: number;
  /** While a file or large text is read. */
  readonly loading: LoadProgress | undefined;
  /** Why the last edit of the selected event was refused (nothing changed). */
  readonly editProblem: string | undefined;
  /** The document (so the draft) holds the events' text: true for a text, false for a file. */
  readonly inDocument: boolean;
}

export const initialDataset: DatasetState = {
  mode: 'text',
  name: undefined,
  count: 0,
  length: 0,
  loading: undefined,
  editProblem: undefined,
  inDocument: false,
};

/** The part of the worker client the dataset store uses. */
export interface DatasetClient {
  loadText(
    text: string,
    fields?: LoadFields,
    asDataset?: boolean,
    onProgress?: (p: ProgressMessage) => void,
  ): Promise<Outcome<{ info: DatasetInfo }>>;
  loadFile(
    file: Blob,
    name: string,
    fields?: LoadFields,
    onProgress?: (p: ProgressMessage) => void,
  ): Promise<Outcome<{ info: DatasetInfo }>>;
  editEvent(
    position: number,
    text: string,
  ): Promise<Outcome<{ info: DatasetInfo; problem?: { message: string; line: number; column: number } }>>;
  exportEvents(): Promise<Outcome<{ text: string }>>;
}

export interface DatasetPorts<F> {
  readonly client: () => DatasetClient | undefined;
  readonly readFileText: (file: F) => Promise<string>;
  readonly notices: Store<Notice | undefined>;
  /** Offer a file for download. */
  readonly download: (name: string, text: string, mime: string) => void;
}

const outcomeText = (o: Outcome<unknown>): string =>
  o.status === 'failed' ? o.message : o.status === 'timeout' ? `it took longer than ${o.ms} ms` : 'it was replaced';

/** The worker's events as NDJSON ('' when it cannot say). */
async function exportedText(c: DatasetClient): Promise<string> {
  const o = await c.exportEvents();
  return o.status === 'ok' ? o.value.text : '';
}

/** Offer the worker's events as an NDJSON file named after the dataset. */
async function downloadEvents(ports: Pick<DatasetPorts<unknown>, 'client' | 'download' | 'notices'>, name: string) {
  const c = ports.client();
  const o: Outcome<{ text: string }> = c
    ? await c.exportEvents()
    : { status: 'failed', message: 'the evaluator is not running' };
  if (o.status === 'ok')
    ports.download(`${name.replace(/\.[^.]*$/, '') || 'events'}.ndjson`, o.value.text, 'application/x-ndjson');
  else
    ports.notices.set({
      kind: 'export-failed',
      message: `The events could not be downloaded: the evaluator did not give them back (${outcomeText(o)}). Try again.`,
    });
}

/** A file's size when it has one (a browser File); stand-ins without one are read as text. */
const sizeOf = (file: { readonly name: string }): number => {
  const size = (file as { readonly size?: unknown }).size;
  return typeof size === 'number' ? size : 0;
};

/** Edits of the selected event, coalesced: the latest text wins while one is applied. */
function editQueue(
  ports: Pick<DatasetPorts<unknown>, 'client'>,
  state: Store<DatasetState>,
  evaluation: Pick<Evaluation, 'eventsEdited'>,
) {
  let pending: { position: number; text: string } | undefined;
  const apply = async (): Promise<void> => {
    const c = ports.client();
    const edit = pending;
    pending = undefined;
    if (!c || !edit) return;
    const o = await c.editEvent(edit.position, edit.text);
    if (o.status !== 'ok') return;
    const problem = o.value.problem;
    state.update((s) => ({
      ...s,
      editProblem: problem ? `line ${problem.line}, column ${problem.column}: ${problem.message}` : undefined,
    }));
    if (!problem) evaluation.eventsEdited(o.value.info);
  };
  const queue = coalesce(apply);
  return {
    edit(position: number, text: string): void {
      pending = { position, text };
      queue.schedule();
    },
  };
}

export function createDataset<F extends { readonly name: string }>(
  documents: Documents,
  evaluation: Evaluation,
  ports: DatasetPorts<F>,
) {
  const state = createStore<DatasetState>(initialDataset);
  /** Bumped by every load: a late answer for an older one is dropped. */
  let loads = 0;

  /** The events text the document holds for the dataset (drafts keep it; no editor shows it). */
  let heldText: string | undefined;
  /** An event was edited since: the document's text is older than the worker's events. */
  let edited = false;
  const held = (info: DatasetInfo, name: string, text: string): void => {
    heldText = text;
    edited = false;
    state.set({
      ...initialDataset,
      mode: 'dataset',
      name,
      count: info.count,
      length: info.length,
      inDocument: text !== '',
    });
    evaluation.holdEvents(info, text);
    // Into the document (drafts, links), not into the events editor.
    documents.patch({ events: text, selected: undefined });
    evaluation.rerun();
  };
  const load = async (
    name: string,
    total: number,
    start: (c: DatasetClient) => ReturnType<DatasetClient['loadFile']>,
    text?: string,
  ) => {
    const c = ports.client();
    if (!c) return;
    const mine = ++loads;
    state.update((s) => ({ ...s, loading: { name, read: 0, total, events: 0 } }));
    const o = await start(c);
    if (mine !== loads) return;
    state.update((s) => ({ ...s, loading: undefined }));
    if (o.status !== 'ok') {
      ports.notices.set({ kind: 'import-failed', message: `${name} could not be read: ${outcomeText(o)}` });
      return;
    }
    // A file's events stay in the worker: copying tens of megabytes into the document would make
    // every keystroke pay for the draft and the link meter; the pane says the draft lacks them.
    held(o.value.info, name, text ?? '');
  };
  const progress = (mine: number, name: string) => (p: ProgressMessage) => {
    if (mine === loads)
      state.update((s) => ({ ...s, loading: { name, read: p.read, total: p.total, events: p.events } }));
  };

  /** The events as a text: the editor's, or a large one read as a dataset. */
  const setEvents = (text: string): void => {
    if (text.length < DATASET_FROM) {
      documents.setEvents(text);
      return;
    }
    const fields = { labelField: idFieldOf(documents.doc()) };
    void load('events', text.length, (c) => c.loadText(text, fields, true, progress(loads, 'events')), text);
  };

  /** A picked or dropped events file: small ones become the editor's text, large ones a dataset. */
  const openFile = async (file: F): Promise<void> => {
    const size = sizeOf(file);
    if (size < DATASET_FROM) {
      const text = await ports.readFileText(file);
      setEvents(text);
      return;
    }
    const fields = { labelField: idFieldOf(documents.doc()) };
    await load(file.name, size, (c) =>
      c.loadFile(file as unknown as Blob, file.name, fields, progress(loads, file.name)),
    );
  };

  const edits = editQueue(ports, state, evaluation);

  return {
    state,
    setEvents,
    /** A picked or dropped events file: small ones become the editor's text, large ones a dataset. */
    openFile(file: F): Promise<void> {
      return openFile(file);
    },
    /** The events as text: the editor's, or the dataset as NDJSON (asked of the worker). */
    getEvents(): string | Promise<string> {
      if (state.get().mode === 'text') return documents.getEvents();
      // A file, or edited since it was loaded: the worker's events are the current ones.
      const c = ports.client();
      return (edited || !state.get().inDocument) && c ? exportedText(c) : documents.doc().events;
    },
    /** Offer the held events as an NDJSON file. */
    downloadEvents: () => downloadEvents(ports, state.get().name ?? 'events'),
    /** The selected event's editor changed. */
    editSelected(position: number, text: string): void {
      edited = true;
      edits.edit(position, text);
    },
    start(): () => void {
      // Reset, an example, a restored draft or a small setEvents: the events text is back.
      return watch(
        documents.state,
        (s) => s.doc.events,
        (events) => {
          if (state.get().mode === 'dataset' && events !== heldText) {
            loads++;
            heldText = undefined;
            edited = false;
            state.set(initialDataset);
          }
        },
      );
    },
  };
}

export type DatasetStore = ReturnType<typeof createDataset>;
