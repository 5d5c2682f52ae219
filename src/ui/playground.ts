/**
 * The playground: one store per concern, wired together. No React here: App binds these
 * stores (hooks/use-store.ts) and composes its panels from them; the browser comes in as ports
 * (browser-ports.ts), so the whole wiring runs in unit tests with fakes.
 */
import type { IStandaloneCodeEditor, Monaco } from '../monaco/types';
import type { LanguageInfo } from '../worker/protocol';
import { selectedEvents } from './state/share-size';
import type { Notice } from './state/startup';
import type { Opening } from './state/workspaces';
import { createStore } from './state/store';
import { createDataset, DATASET_FROM } from './stores/dataset';
import { heldEventsText, keepHeldEvents } from './stores/held-events';
import { createDocuments } from './stores/documents';
import { createDrafts, exampleOpening, type DraftPorts, type Drafts } from './stores/drafts';
import { createEvaluation, type ClientLike } from './stores/evaluation';
import { createExceptions } from './stores/exceptions';
import { createRuleImport, importWholePastes, type RuleFile } from './stores/rule-import';
import { createSelection } from './stores/selection';
import { createShare, type Share, type SharePorts } from './stores/share';
import { createTrace } from './stores/trace';
import { createTuning, linkTuningFilter, tuningOfDoc } from './stores/tuning';

export interface AutomationHook {
  setRule(text: string): void;
  setEvents(text: string): void;
  getRule(): string;
  /** The events text, or the held dataset as NDJSON (asked of the worker). */
  getEvents(): string | Promise<string>;
  ready(): Promise<void>;
  setBaseline(): void;
  getBaselineRule(): string;
}

export interface PlaygroundPorts<F extends RuleFile = RuleFile> extends DraftPorts {
  readonly createClient: () => ClientLike;
  readonly share: SharePorts;
  readonly readFileText: (file: F) => Promise<string>;
  /** The editors' language data (keywords, functions, fields) from the worker. */
  readonly setLanguageData: (info: Pick<LanguageInfo, 'keywords' | 'functions' | 'fields'>) => void;
  /** `window.eqlPlayground`; returns the uninstall function. */
  readonly installHook: (hook: AutomationHook) => () => void;
  /** Offer a file the page made for download. */
  readonly download: (name: string, text: string, mime: string) => void;
}

/** What the notice bar's buttons do. */
function noticeActions(drafts: Drafts, share: Share) {
  return {
    restore: (which: 'previous' | 'edits') => void drafts.restoreDraft(which),
    undoReset: () => void drafts.undoReset(),
    downloadWorkspace: () => void drafts.downloadWorkspace(),
    shareRuleAndSelected: () => void share.shareRuleAndSelected(),
    undoDelete: (id: string) => void drafts.undoDelete(id),
    downloadDeleted: drafts.downloadDeleted,
  };
}

/** The workspace file written by the worker (undefined when it cannot). */
function workspaceWriter(client: () => ClientLike | undefined) {
  return async (view: Parameters<ClientLike['writeWorkspace']>[0]) => {
    const o = await client()?.writeWorkspace(view);
    return o?.status === 'ok' ? o.value.text : undefined;
  };
}

/**
 * `opening` is the tab's workspace as decided before the first render (stores/drafts.ts,
 * `openTabWorkspace`); without one the example opens in a new workspace.
 */
export function createPlayground<F extends RuleFile>(
  ports: PlaygroundPorts<F>,
  opening: Opening = exampleOpening(ports.workspaces.newId(), ports.workspaces.now()),
) {
  const notices = createStore<Notice | undefined>(opening.notice);
  const keywords = createStore<readonly string[]>([]);
  let client: ClientLike | undefined;
  const getClient = () => client;

  const documents = createDocuments(opening.state);
  const selection = createSelection(documents);
  const evaluation = createEvaluation(documents, getClient, selection.state, tuningOfDoc);
  const trace = createTrace(documents, evaluation.results, getClient);
  const writeFile = workspaceWriter(getClient);
  // The dataset store comes later (it needs the notices and evaluation); read through this.
  const held = () => heldText();
  const large = () => dataset.state.get().mode === 'dataset' || documents.doc().events.length >= DATASET_FROM;
  const drafts = createDrafts(ports, opening, documents, notices, writeFile, held, large);
  const share = createShare(ports.share, documents, drafts, notices, {
    debounce: ports.debounce,
    selected: () => selectedEvents(documents.doc().selected, evaluation.results.get()),
    held,
    large,
  });
  const ruleImport = createRuleImport(documents, notices, getClient, ports.readFileText);
  const exceptions = createExceptions(documents, getClient, {
    download: ports.download,
    copyText: ports.share.copyText,
    readFileText: ports.readFileText,
    now: ports.workspaces.now,
  });
  const dataset = createDataset(documents, evaluation, {
    client: getClient,
    readFileText: ports.readFileText,
    notices,
    download: ports.download,
  });
  const heldText = heldEventsText(dataset, evaluation, getClient);
  const tuning = createTuning(documents, getClient, notices, {
    download: ports.download,
    copyText: ports.share.copyText,
    readFileText: ports.readFileText,
    // An opened workspace file gets a workspace of its own: the one on screen stays in Recent.
    openDocument: (doc) => void drafts.openAsNew(doc, 'file'),
    saveDocument: drafts.downloadWorkspace, // with the events the worker holds
  });

  const startClient = (): (() => void) => {
    const c = ports.createClient();
    client = c;
    void c.language().then((o) => {
      if (o.status !== 'ok') return;
      const info = o.value.info;
      ports.setLanguageData({ keywords: info.keywords, functions: info.functions, fields: info.fields });
      keywords.set(info.keywords);
    });
    return () => {
      c.dispose();
      client = undefined;
    };
  };

  return {
    documents,
    evaluation,
    trace,
    drafts,
    share,
    ruleImport,
    selection,
    tuning,
    exceptions,
    dataset,
    notices,
    /** The core's keyword list, once the worker has sent it. */
    keywords,
    dismissNotice: () => notices.set(undefined),
    /** The notice bar's buttons. */
    noticeActions: noticeActions(drafts, share),
    mountRuleEditor(ed: IStandaloneCodeEditor, monaco: Monaco): void {
      importWholePastes(ed, ruleImport.pastedWholeRule);
      documents.mount('rule', ed, monaco);
    },
    mountEventsEditor: (ed: IStandaloneCodeEditor, monaco: Monaco) => documents.mount('events', ed, monaco),
    /** Start the worker, evaluation, autosave and the automation hook. Returns the stop function. */
    start(): () => void {
      const stops = [
        drafts.start(),
        share.start(),
        startClient(),
        evaluation.start(),
        dataset.start(),
        keepHeldEvents(documents, dataset, evaluation, drafts),
        ruleImport.start(),
        trace.start(),
        linkTuningFilter(tuning.ui, evaluation.tuning, evaluation.list),
        ports.installHook({
          setRule: documents.setRule,
          setEvents: dataset.setEvents,
          getRule: documents.getRule,
          getEvents: dataset.getEvents,
          // A workspace being switched to (a pasted link, Recent, Undo) comes first.
          ready: () => drafts.settled().then(evaluation.ready),
          setBaseline: tuning.setBaseline,
          getBaselineRule: tuning.getBaselineRule,
        }),
      ];
      return () => {
        for (const s of stops.reverse()) s();
      };
    },
  };
}

export type Playground = ReturnType<typeof createPlayground>;
