/**
 * Evaluation requests and their results. The worker holds the events (the events editor's text is
 * loaded into it when it changes) and evaluates every inputs version against them (at once when
 * idle, coalesced while busy, latest wins), answering with a compact evaluation; the rows the
 * list shows (and the selected one, and the hits of the Elasticsearch tab) are fetched for it
 * before it is shown, and more as the list scrolls. `ready()` resolves once the results on
 * screen are for the current inputs, nothing is being fetched, and both editors are mounted.
 */
import type { EvalClient, Outcome } from '../../worker/client';
import type {
  CompactEvaluation,
  DatasetInfo,
  RowDetail,
  SequenceDetail,
  TuningRequest,
  TuningView,
} from '../../worker/protocol';
import { coalesce } from '../state/coalesce';
import { defaultListView, idFieldOf, listViewPatch, type DocState } from '../state/doc-state';
import { DEFAULT_ID_FIELD } from '../state/event-label';
import { runInputOf } from '../state/documents';
import { initialList, listOf, positionsIn, type ListState } from '../state/result-list';
import {
  applyFailure,
  applyLabels,
  applyLoad,
  applyRows,
  applyRun,
  emptyResults,
  HITS_SHOWN,
  positionOfId,
  shownLabels,
  type ResultsState,
  type Shown,
} from '../state/results';
import type { SelectionState } from '../state/selection';
import { createStore, watch, type Store } from '../state/store';
import type { Documents } from './documents';

/** The part of the worker client the stores use (a fake one in unit tests). */
export type ClientLike = Pick<
  EvalClient,
  | 'evaluate'
  | 'trace'
  | 'language'
  | 'parseRule'
  | 'dispose'
  | 'loadText'
  | 'run'
  | 'rows'
  | 'sequences'
  | 'search'
  | 'labels'
  | 'traceAt'
  | 'loadFile'
  | 'editEvent'
  | 'exportEvents'
  | 'propose'
  | 'exportRule'
  | 'readWorkspace'
  | 'writeWorkspace'
  | 'previewException'
  | 'exceptionWarnings'
  | 'exportExceptions'
  | 'exportBulk'
  | 'compare'
>;
export type ClientSource = () => ClientLike | undefined;

/** Why an evaluation gave no answer, in words. */
export function failureText(
  outcome: { status: 'timeout'; ms: number } | { status: 'failed'; message: string },
): string {
  return outcome.status === 'timeout'
    ? `Evaluation took longer than ${Math.round(outcome.ms / 1000)} s and was cancelled.`
    : `Evaluation failed: ${outcome.message}`;
}

type Failed = Exclude<Outcome<unknown>, { status: 'ok' | 'superseded' }>;
const failed = (o: Outcome<unknown>): o is Failed => o.status === 'timeout' || o.status === 'failed';

/** Rows a list window shows before it has measured itself (a tall screen's worth and some). */
export const FIRST_WINDOW = 60;
/** Most returned sequences or samples fetched for the Elasticsearch tab. */
export const SEQUENCES_SHOWN = 1000;

/** What the worker computed for tuning (baseline diff, clause impact, rule tests) and for which rule. */
export interface TuningResult {
  readonly version: number;
  readonly rule: string;
  readonly view: TuningView | undefined;
}

/** The tuning part of a request for a document (the baseline, the expected verdicts), if any. */
export type TuningProvider = (doc: DocState) => TuningRequest | undefined;

/** The state the parts of the evaluation store share. */
interface Shared {
  readonly documents: Documents;
  readonly client: ClientSource;
  readonly selection: Pick<Store<SelectionState>, 'get' | 'subscribe'>;
  readonly results: Store<ResultsState>;
  readonly list: Store<ListState>;
  readonly tuning: Store<TuningResult | undefined>;
  readonly tuningOf: TuningProvider | undefined;
  /** The entries the list shows. */
  listWindow: { start: number; end: number };
  /** The worker holds a dataset (a file, a large text) described by this events text (never in an editor). */
  held: string | undefined;
  /** Positions asked for (or held) for the evaluation on screen. */
  asked: { shown: Shown | undefined; positions: Set<number> };
  /** Requests on their way (`ready()` waits for none). */
  inFlight: number;
  /** Publish a new state (a render settles), or check readiness at once when nothing changed. */
  publish(next: ResultsState): void;
}

/** `ready()` and `settle()`: the results are for the current inputs and nothing is on its way. */
function readiness(x: Pick<Shared, 'documents' | 'results' | 'inFlight'>) {
  let waiters: (() => void)[] = [];
  const isSettled = () =>
    x.documents.editors.get().ready >= 2 &&
    x.results.get().version === x.documents.state.get().version &&
    x.inFlight === 0;
  const settle = (): void => {
    if (!isSettled()) return;
    const due = waiters;
    waiters = [];
    for (const w of due) w();
  };
  const ready = (): Promise<void> =>
    new Promise<void>((resolve) => {
      if (isSettled()) resolve();
      else waiters.push(resolve);
    });
  return { settle, ready };
}

/** The positions an evaluation needs before it is shown: the list window, the selection, the hits. */
function wanted(x: Shared, shown: Shown): number[] {
  const model = listOf(shown, x.selection.get().filter, x.list.get(), labelsFor(x, shown));
  const out = new Set(positionsIn(model, x.listWindow.start, x.listWindow.end));
  const selected = positionOfId(shown.info, x.documents.doc().selected);
  if (selected !== undefined) out.add(selected);
  if (x.selection.get().tab === 'es' && shown.compact.queryKind === 'event')
    for (const p of shown.compact.hitPositions.subarray(0, HITS_SHOWN)) if (p >= 0) out.add(p);
  return [...out];
}

/** What the events of `shown` are called now (the latest labels for its events version). */
function labelsFor(x: Shared, shown: Shown): readonly string[] {
  return shownLabels({ shown, labels: x.results.get().labels });
}

/** What showing `compact` needs fetched first (nothing when it is not shown: a rule with errors). */
async function shownWith(x: Shared, c: ClientLike, compact: CompactEvaluation, version: number, rule: string) {
  const prev = x.results.get();
  const next = applyRun(prev, compact, { version, rule });
  if (next.shown === prev.shown || !next.shown) return { version, rule };
  const shown = next.shown;
  // The rows that came with the answer (the window as it was) serve; only the others are fetched.
  const delivered = compact.rows ?? [];
  const have = new Set(delivered.map((r) => r.position));
  const missing = wanted(x, shown).filter((p) => !have.has(p));
  const [ro, so] = await Promise.all([
    missing.length > 0 ? c.rows(missing) : undefined,
    compact.queryKind !== 'event' && compact.sequenceCount > 0
      ? c.sequences(0, Math.min(compact.sequenceCount, SEQUENCES_SHOWN))
      : undefined,
  ]);
  const fetched = ro?.status === 'ok' && ro.value.datasetVersion === shown.info.version ? ro.value.rows : [];
  const rows: RowDetail[] = [...delivered, ...fetched];
  const sequences: SequenceDetail[] = so?.status === 'ok' ? [...so.value.sequences] : [];
  x.asked = { shown: undefined, positions: new Set() };
  return { version, rule, rows, sequences };
}

/** One inputs version: load the events text if it changed, run, fetch what the list shows. */
async function evaluateVersion(x: Shared): Promise<void> {
  const c = x.client();
  if (!c) return;
  const { doc, version, exceptionsEdited } = x.documents.state.get();
  x.inFlight++;
  // Each step applies to the state as it is then (a dataset may have been loaded meanwhile).
  let final: ((r: ResultsState) => ResultsState) | undefined;
  try {
    if (x.held !== undefined && doc.events !== x.held) x.held = undefined;
    const r0 = x.results.get();
    const needsLoad = x.held === undefined && (r0.info === undefined || r0.loadedText !== doc.events);
    const load = needsLoad ? c.loadText(doc.events, { labelField: idFieldOf(doc) }) : undefined;
    // The rows the list shows now are likely the ones it shows next: they come with the answer.
    const shownNow = needsLoad ? undefined : r0.shown;
    const ran = c.run(
      runInputOf(doc, exceptionsEdited),
      undefined,
      x.tuningOf?.(doc),
      shownNow ? wanted(x, shownNow) : undefined,
    );
    const lo = await load;
    if (lo && failed(lo)) {
      await ran;
      final = (r) => applyFailure(r, failureText(lo), version);
      return;
    }
    if (lo?.status === 'superseded') return;
    if (lo?.status === 'ok') x.results.set(applyLoad(x.results.get(), lo.value.info, doc.events));
    const ro = await ran;
    if (failed(ro)) final = (r) => applyFailure(r, failureText(ro), version);
    else if (ro.status === 'ok') {
      const compact = ro.value.result;
      const facts = await shownWith(x, c, compact, version, doc.rule);
      // The tuning views go out with the results, in one render (set on their own, they were a
      // render of the page of their own before the rows came).
      final = (r) => {
        if (compact.ok) x.tuning.set({ version, rule: doc.rule, view: compact.tuning });
        return applyRun(r, compact, facts);
      };
    }
  } finally {
    x.inFlight--;
    x.publish(final ? final(x.results.get()) : x.results.get());
  }
}

/** Fetch the rows of these positions that the evaluation on screen lacks. */
function fetchRows(x: Shared, positions: readonly number[]): void {
  const c = x.client();
  const shown = x.results.get().shown;
  if (!c || !shown) return;
  if (x.asked.shown !== shown) x.asked = { shown, positions: new Set(x.results.get().rows.keys()) };
  const asked = x.asked.positions;
  const missing = positions.filter((p) => !asked.has(p));
  if (missing.length === 0) return;
  for (const p of missing) asked.add(p);
  x.inFlight++;
  void c.rows(missing).then((o) => {
    x.inFlight--;
    if (o.status !== 'ok' || o.value.datasetVersion !== shown.info.version) {
      for (const p of missing) asked.delete(p);
      x.publish(x.results.get());
      return;
    }
    x.publish(applyRows(x.results.get(), shown, o.value.rows));
  });
}

/** Search the events in the worker (shown ids and JSON text); the list filters to the matches. */
function search(x: Shared, query: string): void {
  x.list.update((l) => ({ ...l, query }));
  const c = x.client();
  const info = x.results.get().info;
  if (!c || !info || query.trim() === '') {
    x.list.update((l) => ({ ...l, matches: undefined, matchesFor: undefined }));
    return;
  }
  const field = idFieldOf(x.documents.doc());
  x.inFlight++;
  void c.search(query, field).then((o) => {
    x.inFlight--;
    if (o.status === 'ok' && x.list.get().query === query && idFieldOf(x.documents.doc()) === field)
      x.list.update((l) => ({ ...l, matches: o.value.positions, matchesFor: o.value.datasetVersion }));
    x.publish(x.results.get());
  });
}

/**
 * The held events shown by the document's id field: when the latest labels are for another
 * field (it was changed, or a replaced worker forgot it), ask the worker for them (latest wins).
 */
function ensureLabels(x: Shared): void {
  const c = x.client();
  const field = idFieldOf(x.documents.doc());
  const labels = x.results.get().labels;
  if (!c || !labels || labels.field === field) return;
  x.inFlight++;
  void c.labels(field).then((o) => {
    x.inFlight--;
    if (o.status === 'ok' && idFieldOf(x.documents.doc()) === o.value.labelField) {
      const { datasetVersion: version, labelField, labels: next } = o.value;
      x.publish(applyLabels(x.results.get(), { version, field: labelField, labels: next }));
    } else x.publish(x.results.get());
  });
}

/** The id field changed: new labels, and the search again under them. */
function idFieldChanged(x: Shared): void {
  ensureLabels(x);
  x.list.update((l) => (l.matches ? { ...l, matches: undefined, matchesFor: undefined } : l));
  if (x.list.get().query.trim() !== '') search(x, x.list.get().query);
}

/** What keeps the store's requests going: inputs versions, the selection, new events, the tab. */
function watchers(x: Shared, schedule: () => void): (() => void)[] {
  const { documents, results, list, selection } = x;
  return [
    watch(
      documents.state,
      (s) => s.version,
      () => schedule(),
    ),
    watch(
      documents.state,
      (s) => s.doc.selected,
      (id) => {
        const p = positionOfId(results.get().shown?.info, id);
        if (p !== undefined) fetchRows(x, [p]);
      },
    ),
    watch(
      results,
      (r) => r.info?.version,
      () => {
        if (list.get().query.trim() !== '') search(x, list.get().query);
      },
    ),
    watch(
      documents.state,
      (s) => idFieldOf(s.doc),
      () => idFieldChanged(x),
    ),
    watch(
      documents.state,
      (s) => s.doc.listView,
      (view) => {
        const { sort, group } = view ?? defaultListView;
        if (sort !== list.get().sort || group !== list.get().group) list.update((l) => ({ ...l, sort, group }));
      },
    ),
    watch(
      results,
      (r) => r.labels?.field,
      () => ensureLabels(x),
    ),
    watch(
      selection,
      (s) => s.tab,
      (tab) => {
        const shown = results.get().shown;
        if (tab === 'es' && shown) fetchRows(x, [...shown.compact.hitPositions.subarray(0, HITS_SHOWN)]);
      },
    ),
  ];
}

export function createEvaluation(
  documents: Documents,
  client: ClientSource,
  selection: Pick<Store<SelectionState>, 'get' | 'subscribe'>,
  tuningOf?: TuningProvider,
) {
  const results = createStore<ResultsState>(emptyResults);
  // Sort and Group live in the document (drafts keep them); the list follows it.
  const list = createStore<ListState>({ ...initialList, ...(documents.doc().listView ?? defaultListView) });
  const x: Shared = {
    documents,
    client,
    selection,
    results,
    list,
    /** The tuning views of the last good evaluation (kept while the rule has errors). */
    tuning: createStore<TuningResult | undefined>(undefined),
    tuningOf,
    listWindow: { start: 0, end: FIRST_WINDOW },
    held: undefined,
    asked: { shown: undefined, positions: new Set() },
    inFlight: 0,
    publish: (next) => {
      if (next === results.get()) settle();
      else results.set(next);
    },
  };
  const { settle, ready } = readiness(x);
  const scheduler = coalesce(() => evaluateVersion(x));
  return {
    results,
    tuning: x.tuning,
    /** Sort, group and search of the list. */
    list,
    /** Start evaluating: now, and after every inputs change. Returns the stop function. */
    start(): () => void {
      const stops = watchers(x, scheduler.schedule);
      scheduler.schedule();
      return () => {
        for (const s of stops) s();
        scheduler.cancel();
      };
    },
    search: (query: string) => search(x, query),
    /** The worker now holds a dataset (loaded by the dataset store): evaluate it, not the text. */
    holdEvents(info: DatasetInfo, text: string): void {
      x.held = text;
      results.update((r) => applyLoad(r, info, undefined));
    },
    /** An event of the held events changed. */
    eventsEdited(info: DatasetInfo): void {
      results.update((r) => applyLoad(r, info, r.loadedText));
      scheduler.schedule();
    },
    /** Evaluate again (coalesced), the inputs being the same. */
    rerun: () => scheduler.schedule(),
    setSort: (sort: ListState['sort']) => documents.patch(listViewPatch({ sort, group: list.get().group })),
    setGroup: (group: ListState['group']) => documents.patch(listViewPatch({ sort: list.get().sort, group })),
    /** Rows, the detail, sort and search call events by this field's value (kept in the document). */
    // The default is stored as no field at all, as a document read from a draft or link has it.
    setIdField: (idField: string) => {
      const f = idField.trim();
      documents.patch({ idField: f === DEFAULT_ID_FIELD ? undefined : f });
    },
    /** Evaluate now (Ctrl+Enter), dropping a pending coalesced run. */
    runNow(): void {
      scheduler.cancel();
      void evaluateVersion(x);
    },
    /** The list shows entries [start, end): fetch the rows it lacks. */
    showWindow(start: number, end: number): void {
      x.listWindow = { start, end };
      const shown = results.get().shown;
      if (!shown) return;
      const model = listOf(shown, selection.get().filter, list.get(), labelsFor(x, shown));
      fetchRows(x, positionsIn(model, start, end));
    },
    ready,
    /** Called after each render: resolves the `ready()` promises once the results are current. */
    settle,
  };
}

export type Evaluation = ReturnType<typeof createEvaluation>;
