/**
 * Tuning: the baseline the rule is compared with (the rule as loaded, or the one pinned), the
 * expected verdicts (rule tests), the tuning filters, "Exclude this value" from an event's field
 * (proposals from the worker, a preview, one undoable edit), and the tuned rule and the whole
 * workspace as files. The baseline and the expectations live in the document, so drafts, share
 * links and workspace files carry them and every change to them is evaluated.
 */
import { applyOffsetEdit, replaceAllText } from '../../monaco/edits';
import type { Expectation, RuleExportFormat, WorkspaceView } from '../../worker/protocol';
import type { VerdictKind } from '../../core';
import {
  type DocState,
  idFieldOf,
  idFieldPatch,
  readMetadata,
  readUiSettings,
  toSharePayload,
} from '../state/doc-state';
import { chosenProposal, exclusionReducer, idleExclusion, type ExclusionRequest } from '../state/exclusion';
import type { Notice } from '../state/startup';
import { createReducerStore, createStore, type Store } from '../state/store';
import {
  expectAllPlan,
  expectCurrent,
  toggleExpectation,
  type ExpectAllPlan,
  tuningRequest,
  withExpectation,
  type ExpectationMap,
  type TuningFilter,
} from '../state/tuning';
import type { Documents } from './documents';
import type { ListState } from '../state/result-list';
import { filterPositions, followClause } from '../state/tuning';
import type { ClientSource, TuningResult } from './evaluation';

export interface TuningPorts<F> {
  /** Offer a file for download. */
  readonly download: (name: string, text: string, mime: string) => void;
  readonly copyText: (text: string) => Promise<boolean>;
  readonly readFileText: (file: F) => Promise<string>;
  /** Show an opened workspace file (as a workspace of its own); default: replace the document. */
  readonly openDocument?: (doc: DocState) => void;
  /** Offer the workspace as a file, events the worker holds included; default: from the editors. */
  readonly saveDocument?: () => Promise<void>;
}

export interface TuningUi {
  /** The Changed / Unmet / clause filter on the results, if any. */
  readonly filter: TuningFilter | undefined;
  /** The side-by-side diff against the baseline is open. */
  readonly diffOpen: boolean;
  /** "Expect current verdicts" for many events, waiting for a yes: what it would set. */
  readonly confirmExpect?: { readonly plan: ExpectAllPlan; readonly rows: readonly ExpectRow[] };
}

type ExpectRow = { readonly id: string; readonly verdict: VerdictKind };

const noExpectations: ExpectationMap = {};

/** The tuning part of an evaluation request for a document (see stores/evaluation.ts). */
export function tuningOfDoc(doc: DocState) {
  return tuningRequest(doc.baseline, doc.expectations ?? noExpectations);
}

/** A file name from the rule's name ("APT Package Manager…" -> "apt-package-manager…"). */
export function fileStem(name: string | undefined, fallback: string): string {
  const stem = (name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return stem || fallback;
}

/** The document a workspace file describes (settings and metadata read as share links read them). */
export function docFromWorkspace(w: WorkspaceView): DocState {
  const settings = readUiSettings(w.settings ?? {});
  return {
    rule: w.rule,
    events: w.events,
    settings,
    mapping: w.mapping ?? '',
    selected: undefined,
    metadata: w.meta === undefined ? undefined : readMetadata(w.meta),
    ...(w.expectations ? { expectations: w.expectations } : {}),
    ...(w.exceptions ? { exceptions: w.exceptions } : {}),
    ...idFieldPatch(w.idField),
    baseline: w.baseline
      ? { rule: w.baseline.rule, settings: readUiSettings(w.baseline.settings ?? {}) }
      : { rule: w.rule, settings },
  };
}

/** The workspace file for a document (only what differs from the defaults, as links do). */
export function workspaceOfDoc(doc: DocState): WorkspaceView {
  const p = toSharePayload(doc);
  return {
    rule: doc.rule,
    ...(doc.metadata ? { meta: doc.metadata as Readonly<Record<string, unknown>> } : {}),
    ...(p.settings ? { settings: p.settings } : {}),
    ...(doc.mapping ? { mapping: doc.mapping } : {}),
    // The events' ids are what the list calls them (expectations are written keyed by them).
    ...(idFieldOf(doc) ? { idField: idFieldOf(doc) } : {}),
    events: doc.events,
    ...(p.expectations ? { expectations: p.expectations } : {}),
    ...(p.baseline ? { baseline: p.baseline } : {}),
    ...(p.exceptions ? { exceptions: p.exceptions } : {}),
  };
}

function createExclusion(documents: Documents, client: ClientSource, expectations: () => ExpectationMap) {
  const exclusion = createReducerStore(exclusionReducer, idleExclusion);
  return {
    exclusion,
    /** "Exclude this value": ask the worker for verified proposals and show their preview. */
    exclude(request: ExclusionRequest): void {
      const c = client();
      if (!c) return;
      const rule = documents.getRule();
      exclusion.dispatch({ type: 'propose', request, rule });
      const exp = expectations();
      const ask = {
        position: request.position,
        fields: request.fields,
        ...(request.value !== undefined ? { value: request.value } : {}),
        ...(Object.keys(exp).length > 0 ? { expectations: exp } : {}),
      };
      void c.propose({ ...documents.evaluateInput(), rule }, ask).then((o) => {
        if (o.status === 'ok') exclusion.dispatch({ type: 'answer', request, result: o.value.result });
        else if (o.status !== 'superseded')
          exclusion.dispatch({
            type: 'fail',
            request,
            message: o.status === 'timeout' ? 'Trying the exclusions took too long.' : o.message,
          });
      });
    },
    chooseProposal: (index: number) => exclusion.dispatch({ type: 'choose', index }),
    /** Apply the chosen proposal as one undoable edit; false when the rule changed meanwhile. */
    applyExclusion(): boolean {
      const s = exclusion.get();
      const chosen = chosenProposal(s);
      if (!chosen || s.phase !== 'ready') return false;
      const ed = documents.editors.get().rule;
      let applied = false;
      if (ed) applied = applyOffsetEdit(ed, chosen.edit, s.rule);
      else if (documents.doc().rule === s.rule) {
        documents.setRule(chosen.rule);
        applied = true;
      }
      if (applied) exclusion.dispatch({ type: 'close' });
      return applied;
    },
    cancelExclusion: () => exclusion.dispatch({ type: 'close' }),
  };
}

function createFiles<F extends { readonly name: string }>(
  documents: Documents,
  client: ClientSource,
  notices: Store<Notice | undefined>,
  ports: TuningPorts<F>,
  opened: () => void,
) {
  const doc = () => documents.doc();
  const fail = (message: string) => notices.set({ kind: 'import-failed', message });
  return {
    /** The tuned rule as a detection-rules TOML file or a Kibana rule export (NDJSON). */
    async exportRule(format: RuleExportFormat): Promise<void> {
      const c = client();
      if (!c) return;
      const d = doc();
      const s = d.settings;
      const o = await c.exportRule(format, documents.getRule(), d.metadata ?? {}, {
        ...(s.eventCategoryField !== 'event.category' ? { eventCategoryField: s.eventCategoryField } : {}),
        ...(s.timestampField !== '@timestamp' ? { timestampField: s.timestampField } : {}),
        ...(s.tiebreakerField ? { tiebreakerField: s.tiebreakerField } : {}),
      });
      if (o.status !== 'ok') return fail('The rule could not be exported.');
      const stem = fileStem(d.metadata?.name, 'eql-rule');
      if (format === 'toml') ports.download(`${stem}.toml`, o.value.text, 'application/toml');
      else ports.download(`${stem}.ndjson`, o.value.text, 'application/x-ndjson');
    },
    copyQuery: (): Promise<boolean> => ports.copyText(documents.getRule()),
    /** The whole session (rule, settings, events, expectations, baseline) as one JSON file. */
    async saveWorkspace(): Promise<void> {
      if (ports.saveDocument) return ports.saveDocument();
      const c = client();
      if (!c) return;
      const d = { ...doc(), rule: documents.getRule(), events: documents.getEvents() };
      const o = await c.writeWorkspace(workspaceOfDoc(d));
      if (o.status !== 'ok') return fail('The workspace could not be written.');
      ports.download(`${fileStem(d.metadata?.name, 'eql-workspace')}.workspace.json`, o.value.text, 'application/json');
    },
    /** Open a workspace file: it replaces the document, or, when it cannot be read, nothing. */
    async openWorkspace(file: F): Promise<void> {
      const c = client();
      if (!c) return;
      const text = await ports.readFileText(file);
      const o = await c.readWorkspace(text);
      if (o.status !== 'ok') return fail(`${file.name} could not be read.`);
      const { workspace, problems } = o.value;
      if (!workspace) {
        const p = problems.find((x) => x.severity === 'error') ?? problems[0];
        const at = p?.at ? ` (line ${p.at.line}, column ${p.at.column})` : '';
        return fail(`${file.name} is not a workspace file the playground can open${at}: ${p?.message ?? 'unknown'}`);
      }
      opened();
      (ports.openDocument ?? documents.load)(docFromWorkspace(workspace));
    },
  };
}

export function createTuning<F extends { readonly name: string }>(
  documents: Documents,
  client: ClientSource,
  notices: Store<Notice | undefined>,
  ports: TuningPorts<F>,
) {
  const ui = createStore<TuningUi>({ filter: undefined, diffOpen: false });
  const doc = () => documents.doc();
  const expectations = () => doc().expectations ?? noExpectations;
  const setExpectations = (next: ExpectationMap) => {
    if (next !== expectations()) documents.patch({ expectations: next });
  };
  const exclusion = createExclusion(documents, client, expectations);
  const files = createFiles(documents, client, notices, ports, () => {
    exclusion.cancelExclusion();
    ui.set({ filter: undefined, diffOpen: false });
  });

  // A document from before baselines existed (an old draft) is compared with itself as loaded.
  if (!doc().baseline) documents.patch({ baseline: { rule: doc().rule, settings: doc().settings } });

  return {
    ui,
    ...exclusion,
    ...files,
    /** Pin the rule (as the editor holds it) and its settings as the baseline. */
    setBaseline(): void {
      documents.patch({ baseline: { rule: documents.getRule(), settings: doc().settings } });
    },
    getBaselineRule: (): string => doc().baseline?.rule ?? doc().rule,
    /** Put the baseline rule back: one undoable edit in the rule editor (and its settings). */
    revertToBaseline(): void {
      const b = doc().baseline;
      if (!b) return;
      const ed = documents.editors.get().rule;
      if (ed) replaceAllText(ed, b.rule);
      else documents.setRule(b.rule);
      if (JSON.stringify(b.settings) !== JSON.stringify(doc().settings)) documents.patch({ settings: b.settings });
    },
    setExpectation: (id: string, e: Expectation | undefined) => setExpectations(withExpectation(expectations(), id, e)),
    toggleExpectation: (id: string, current: VerdictKind | undefined) =>
      setExpectations(toggleExpectation(expectations(), id, current)),
    /** Expect every listed event's current verdict (errors aside); for many events, ask first. */
    expectCurrent(rows: readonly ExpectRow[]): void {
      const plan = expectAllPlan(expectations(), rows);
      if (plan.ask) ui.update((u) => ({ ...u, confirmExpect: { plan, rows } }));
      else setExpectations(expectCurrent(expectations(), rows));
    },
    /** The yes to the question expectCurrent asked: set the verdicts it counted. */
    confirmExpectCurrent(): void {
      const pending = ui.get().confirmExpect;
      if (!pending) return;
      ui.update(({ confirmExpect: _, ...u }) => u);
      setExpectations(expectCurrent(expectations(), pending.rows));
    },
    cancelExpectCurrent: () => ui.update(({ confirmExpect: _, ...u }) => u),
    clearExpectations: () => setExpectations(noExpectations),
    setFilter: (filter: TuningFilter | undefined) => ui.update((u) => ({ ...u, filter })),
    toggleDiff: () => ui.update((u) => ({ ...u, diffOpen: !u.diffOpen })),
  };
}

export type Tuning = ReturnType<typeof createTuning>;

/**
 * Keep the results list restricted to what the tuning filter keeps, for the tuning views of the
 * evaluation on screen (they arrive with it); a clause filter follows its part through edits
 * while the part's text stays the same. Returns the stop function.
 */
export function linkTuningFilter(
  ui: Store<TuningUi>,
  views: Store<TuningResult | undefined>,
  list: Store<ListState>,
): () => void {
  const apply = () => {
    const only = filterPositions(ui.get().filter, views.get()?.view);
    if (only !== list.get().only) list.update((l) => ({ ...l, only }));
  };
  // A clause's (or list element's) events after an edit: the same part, by its text, in the new views.
  const refresh = () => {
    const followed = followClause(ui.get().filter, views.get()?.view);
    if (followed) ui.update((u) => ({ ...u, filter: followed }));
    else apply();
  };
  const stops = [ui.subscribe(apply), views.subscribe(refresh)];
  apply();
  return () => {
    for (const s of stops) s();
  };
}
