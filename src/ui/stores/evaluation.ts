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
import type { DocState } from '../state/doc-state';
import { runInputOf } from '../state/documents';
import { initialList, listOf, positionsIn, type ListState } from '../state/result-list';
import {
  applyFailure,
  applyLoad,
  applyRows,
  applyRun,
  emptyResults,
  HITS_SHOWN,
  positionOfId,
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

export function createEvaluation(
  documents: Documents,
  client: ClientSource,
  selection: Pick<Store<SelectionState>, 'get' | 'subscribe'>,
  tuningOf?: TuningProvider,
) {
  const results = createStore<ResultsState>(emptyResults);
  /** The tuning views of the last good evaluation (kept while the rule has errors). */
  const tuning = createStore<TuningResult | undefined>(undefined);
  const list = createStore<ListState>(initialList);
  let listWindow = { start: 0, end: FIRST_WINDOW };
  /** The worker holds a dataset (a file, a large text) while the events text stays empty. */
  let held = false;
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  /** Positions asked for (or held) for the evaluation on screen. */
  let asked: { shown: Shown | undefined; positions: Set<number> } = { shown: undefined, positions: new Set() };

  const isSettled = () =>
    documents.editors.get().ready >= 2 && results.get().version === documents.state.get().version && inFlight === 0;
  const settle = (): void => {
    if (!isSettled()) return;
    const due = waiters;
    waiters = [];
    for (const w of due) w();
  };
  /** Publish a new state (a render settles), or check readiness at once when nothing changed. */
  const publish = (next: ResultsState): void => {
    if (next === results.get()) settle();
    else results.set(next);
  };

  /** The positions an evaluation needs before it is shown: the list window, the selection, the hits. */
  const wanted = (shown: Shown): number[] => {
    const model = listOf(shown, selection.get().filter, list.get());
    const out = new Set(positionsIn(model, listWindow.start, listWindow.end));
    const selected = positionOfId(shown.info, documents.doc().selected);
    if (selected !== undefined) out.add(selected);
    if (selection.get().tab === 'es' && shown.compact.queryKind === 'event')
      for (const p of shown.compact.hitPositions.subarray(0, HITS_SHOWN)) if (p >= 0) out.add(p);
    return [...out];
  };

  /** Fetch what `compact` needs to be shown; undefined rows when the worker had moved on. */
  const prefetch = async (
    c: ClientLike,
    next: ResultsState,
  ): Promise<{ rows: RowDetail[]; sequences: SequenceDetail[] }> => {
    const shown = next.shown!;
    const positions = wanted(shown);
    const [ro, so] = await Promise.all([
      positions.length > 0 ? c.rows(positions) : undefined,
      shown.compact.queryKind !== 'event' && shown.compact.sequenceCount > 0
        ? c.sequences(0, Math.min(shown.compact.sequenceCount, SEQUENCES_SHOWN))
        : undefined,
    ]);
    const rows = ro?.status === 'ok' && ro.value.datasetVersion === shown.info.version ? [...ro.value.rows] : [];
    return { rows, sequences: so?.status === 'ok' ? [...so.value.sequences] : [] };
  };

  // Each step applies to the state as it is then (a dataset may have been loaded meanwhile).
  const evaluateVersion = async (): Promise<void> => {
    const c = client();
    if (!c) return;
    const { doc, version } = documents.state.get();
    inFlight++;
    let final: ((r: ResultsState) => ResultsState) | undefined;
    try {
      if (held && doc.events !== '') held = false;
      const r0 = results.get();
      const needsLoad = !held && (r0.info === undefined || r0.loadedText !== doc.events);
      const load = needsLoad ? c.loadText(doc.events) : undefined;
      const ran = c.run(runInputOf(doc), undefined, tuningOf?.(doc));
      const lo = await load;
      if (lo && failed(lo)) {
        await ran;
        final = (r) => applyFailure(r, failureText(lo), version);
        return;
      }
      if (lo?.status === 'superseded') return;
      if (lo?.status === 'ok') results.set(applyLoad(results.get(), lo.value.info, doc.events));
      const ro = await ran;
      if (failed(ro)) final = (r) => applyFailure(r, failureText(ro), version);
      else if (ro.status === 'ok') {
        const compact = ro.value.result;
        if (compact.ok) tuning.set({ version, rule: doc.rule, view: compact.tuning });
        const facts = await shownWith(c, compact, version, doc.rule);
        final = (r) => applyRun(r, compact, facts);
      }
    } finally {
      inFlight--;
      publish(final ? final(results.get()) : results.get());
    }
  };

  /** What showing `compact` needs fetched first (nothing when it is not shown: a rule with errors). */
  const shownWith = async (c: ClientLike, compact: CompactEvaluation, version: number, rule: string) => {
    const prev = results.get();
    const next = applyRun(prev, compact, { version, rule });
    if (next.shown === prev.shown || !next.shown) return { version, rule };
    const fetched = await prefetch(c, next);
    asked = { shown: undefined, positions: new Set() };
    return { version, rule, ...fetched };
  };

  /** Fetch the rows of these positions that the evaluation on screen lacks. */
  const fetchRows = (positions: readonly number[]): void => {
    const c = client();
    const shown = results.get().shown;
    if (!c || !shown) return;
    if (asked.shown !== shown) asked = { shown, positions: new Set(results.get().rows.keys()) };
    const missing = positions.filter((p) => !asked.positions.has(p));
    if (missing.length === 0) return;
    for (const p of missing) asked.positions.add(p);
    inFlight++;
    void c.rows(missing).then((o) => {
      inFlight--;
      if (o.status !== 'ok' || o.value.datasetVersion !== shown.info.version) {
        for (const p of missing) asked.positions.delete(p);
        publish(results.get());
        return;
      }
      publish(applyRows(results.get(), shown, o.value.rows));
    });
  };

  /** Search the events in the worker (ids and JSON text); the list filters to the matches. */
  const search = (query: string): void => {
    list.update((l) => ({ ...l, query }));
    const c = client();
    const info = results.get().info;
    if (!c || !info || query.trim() === '') {
      list.update((l) => ({ ...l, matches: undefined, matchesFor: undefined }));
      return;
    }
    inFlight++;
    void c.search(query).then((o) => {
      inFlight--;
      if (o.status === 'ok' && list.get().query === query)
        list.update((l) => ({ ...l, matches: o.value.positions, matchesFor: o.value.datasetVersion }));
      publish(results.get());
    });
  };

  const scheduler = coalesce(evaluateVersion);
  return {
    results,
    tuning,
    /** Sort, group and search of the list. */
    list,
    /** Start evaluating: now, and after every inputs change. Returns the stop function. */
    start(): () => void {
      const stops = [
        watch(
          documents.state,
          (s) => s.version,
          () => scheduler.schedule(),
        ),
        watch(
          documents.state,
          (s) => s.doc.selected,
          (id) => {
            const p = positionOfId(results.get().shown?.info, id);
            if (p !== undefined) fetchRows([p]);
          },
        ),
        watch(
          results,
          (r) => r.info?.version,
          () => {
            if (list.get().query.trim() !== '') search(list.get().query);
          },
        ),
        watch(
          selection,
          (s) => s.tab,
          (tab) => {
            const shown = results.get().shown;
            if (tab === 'es' && shown) fetchRows([...shown.compact.hitPositions.subarray(0, HITS_SHOWN)]);
          },
        ),
      ];
      scheduler.schedule();
      return () => {
        for (const s of stops) s();
        scheduler.cancel();
      };
    },
    search,
    /** The worker now holds a dataset (loaded by the dataset store): evaluate it, not the text. */
    holdEvents(info: DatasetInfo): void {
      held = true;
      results.update((r) => applyLoad(r, info, undefined));
    },
    /** An event of the held events changed. */
    eventsEdited(info: DatasetInfo): void {
      results.update((r) => applyLoad(r, info, r.loadedText));
      scheduler.schedule();
    },
    /** Evaluate again (coalesced), the inputs being the same. */
    rerun: () => scheduler.schedule(),
    setSort: (sort: ListState['sort']) => list.update((l) => ({ ...l, sort })),
    setGroup: (group: ListState['group']) => list.update((l) => ({ ...l, group })),
    setIdField: (idField: string) => list.update((l) => ({ ...l, idField })),
    /** Evaluate now (Ctrl+Enter), dropping a pending coalesced run. */
    runNow(): void {
      scheduler.cancel();
      void evaluateVersion();
    },
    /** The list shows entries [start, end): fetch the rows it lacks. */
    showWindow(start: number, end: number): void {
      listWindow = { start, end };
      const shown = results.get().shown;
      if (!shown) return;
      fetchRows(positionsIn(listOf(shown, selection.get().filter, list.get()), start, end));
    },
    ready: (): Promise<void> =>
      new Promise<void>((resolve) => {
        if (isSettled()) resolve();
        else waiters.push(resolve);
      }),
    /** Called after each render: resolves the `ready()` promises once the results are current. */
    settle,
  };
}

export type Evaluation = ReturnType<typeof createEvaluation>;
