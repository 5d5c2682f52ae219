/**
 * Rule exceptions on the page: the Exceptions pane's text and value lists live in the document
 * (so every change is evaluated), files opened or dropped onto the pane, "Add rule exception"
 * from an event (a draft previewed by the worker, applied as one undoable change), the exports
 * (exception list NDJSON, the create-item API requests, the events for a real cluster) and the
 * comparison with a cluster's `_eql/search` answer.
 */
import type { BulkExportView, CompareView, ExceptionPreview, ProblemView } from '../../worker/protocol';
import type { ExceptionsDoc } from '../state/doc-state';
import {
  draftFromEvent,
  draftProblem,
  fileKind,
  itemOfDraft,
  withoutValueList,
  withValueList,
  type ExceptionDraft,
} from '../state/exception-draft';
import { createStore } from '../state/store';
import type { Documents } from './documents';
import type { ClientSource } from './evaluation';

export interface ExceptionsPorts<F> {
  readonly download: (name: string, text: string, mime: string) => void;
  readonly copyText: (text: string) => Promise<boolean>;
  readonly readFileText: (file: F) => Promise<string>;
  /** The clock an item's expiry is checked against (default: Date.now). */
  readonly now?: () => number;
}

export type PreviewState =
  | { readonly phase: 'idle' }
  /** `last`: the preview of the draft before this change, shown until the new one is there. */
  | { readonly phase: 'running'; readonly last?: ExceptionPreview }
  | { readonly phase: 'ready'; readonly preview: ExceptionPreview }
  | { readonly phase: 'failed'; readonly message: string };

export type ClusterState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running' }
  | { readonly phase: 'bulk'; readonly bulk: BulkExportView; readonly problems: readonly ProblemView[] }
  | { readonly phase: 'compared'; readonly comparison?: CompareView; readonly problems: readonly ProblemView[] }
  | { readonly phase: 'failed'; readonly message: string };

export interface ExceptionsUi {
  /** The pane shows the items as a list or the raw text. */
  readonly view: 'list' | 'text';
  /** What the pane held before each change made here (open, apply, remove), newest last. */
  readonly undo: readonly (ExceptionsDoc | undefined)[];
  readonly draft: ExceptionDraft | undefined;
  /** When the draft was last checked (its expiry must lie after it). */
  readonly checkedAt: number;
  readonly preview: PreviewState;
  /** A short message after an action (a file opened, an export copied). */
  readonly message: string | undefined;
  readonly cluster: ClusterState;
  /** A line of the text to show and select (a problem or an item picked), counted so each ask is new. */
  readonly reveal?: { readonly line: number; readonly n: number };
}

const initialUi: ExceptionsUi = {
  view: 'list',
  undo: [],
  draft: undefined,
  checkedAt: 0,
  preview: { phase: 'idle' },
  message: undefined,
  cluster: { phase: 'idle' },
};

/** A preview asked for again: what was shown stays until the answer comes. */
function running(prev: PreviewState): PreviewState {
  const last = prev.phase === 'ready' ? prev.preview : prev.phase === 'running' ? prev.last : undefined;
  return last ? { phase: 'running', last } : { phase: 'running' };
}

const failure = (o: { status: 'timeout' } | { status: 'failed'; message: string }) =>
  o.status === 'timeout' ? 'The worker took too long.' : o.message;

export function createExceptions<F extends { readonly name: string }>(
  documents: Documents,
  client: ClientSource,
  ports: ExceptionsPorts<F>,
) {
  const ui = createStore<ExceptionsUi>(initialUi);
  const now = ports.now ?? Date.now;
  const current = () => documents.doc().exceptions;
  const say = (message: string | undefined) => ui.update((u) => ({ ...u, message }));
  /** Replace the pane's document, remembering the old one for Undo. */
  const change = (next: ExceptionsDoc | undefined, message?: string) => {
    const prev = current();
    ui.update((u) => ({ ...u, undo: [...u.undo.slice(-19), prev], message }));
    documents.patch({ exceptions: next });
  };

  let previewSeq = 0;
  const runPreview = (draft: ExceptionDraft) => {
    const item = itemOfDraft(draft, ui.get().checkedAt);
    const c = client();
    if (!item || !c) {
      ui.update((u) => ({ ...u, preview: { phase: 'idle' } }));
      return;
    }
    const seq = ++previewSeq;
    ui.update((u) => ({ ...u, preview: running(u.preview) }));
    const doc = documents.doc();
    const expectations = doc.expectations;
    const preview = { item, position: draft.position, ...(expectations ? { expectations } : {}) };
    void c.previewException({ ...documents.runInput(), rule: documents.getRule() }, preview).then((o) => {
      if (seq !== previewSeq || o.status === 'superseded') return;
      const next: PreviewState =
        o.status === 'ok' ? { phase: 'ready', preview: o.value.preview } : { phase: 'failed', message: failure(o) };
      ui.update((u) => ({ ...u, preview: next }));
    });
  };

  return {
    ui,
    setView: (view: ExceptionsUi['view']) => ui.update((u) => ({ ...u, view })),
    /** Show the text at a line (a problem's, an item's): the text view, the line selected. */
    showLine: (line: number) => ui.update((u) => ({ ...u, view: 'text', reveal: { line, n: (u.reveal?.n ?? 0) + 1 } })),
    dismissMessage: () => say(undefined),
    /** The raw text edited in the pane (typing is not an undo step of its own). */
    setText: (text: string): void => documents.editExceptions(text),
    /** A file opened or dropped: a `.txt` value list joins the lists, anything else replaces the text. */
    async openFile(file: F): Promise<void> {
      const text = await ports.readFileText(file);
      if (fileKind(file.name, text) === 'value-list') {
        change(withValueList(current(), { name: file.name, text }), `Value list ${file.name} added.`);
      } else {
        change({ ...(current() ?? {}), text }, `${file.name} opened.`);
        ui.update((u) => ({ ...u, view: 'list' }));
      }
    },
    removeValueList: (name: string) => change(withoutValueList(current(), name), `Value list ${name} removed.`),
    clear: () => change(undefined, 'Exceptions cleared.'),
    canUndo: () => ui.get().undo.length > 0,
    undo(): void {
      const stack = ui.get().undo;
      if (stack.length === 0) return;
      ui.update((u) => ({ ...u, undo: stack.slice(0, -1), message: 'Undone.' }));
      documents.patch({ exceptions: stack[stack.length - 1] });
    },
    /** Start "Add rule exception" for an event. */
    startAdd(
      event: { readonly id: string; readonly position: number; readonly source: Record<string, unknown> },
      ruleFields: readonly string[],
      lists: readonly string[],
      itemIds: ReadonlySet<string>,
    ): void {
      const draft = draftFromEvent(event, ruleFields, lists, itemIds);
      ui.update((u) => ({ ...u, draft, checkedAt: now(), preview: { phase: 'idle' } }));
      runPreview(draft);
    },
    updateDraft(next: ExceptionDraft): void {
      ui.update((u) => ({ ...u, draft: next, checkedAt: now() }));
      runPreview(next);
    },
    cancelAdd: () => ui.update((u) => ({ ...u, draft: undefined, preview: { phase: 'idle' } })),
    draftProblem: () => {
      const { draft, checkedAt } = ui.get();
      return draft ? draftProblem(draft, checkedAt) : undefined;
    },
    /**
     * Apply the previewed item: the text the worker wrote with it goes into the pane (undoable).
     * An expiry that has passed since the preview keeps the dialog open and says so.
     */
    applyDraft(): boolean {
      const { draft, preview } = ui.get();
      if (!draft || preview.phase !== 'ready') return false;
      const at = now();
      if (draftProblem(draft, at)) {
        ui.update((u) => ({ ...u, checkedAt: at, preview: { phase: 'idle' } }));
        return false;
      }
      change({ ...(current() ?? {}), text: preview.preview.text }, `Item "${draft.name}" added.`);
      ui.update((u) => ({ ...u, draft: undefined, preview: { phase: 'idle' } }));
      return true;
    },
    ...clusterActions(documents, client, ports, ui, say),
  };
}

function clusterActions<F>(
  documents: Documents,
  client: ClientSource,
  ports: ExceptionsPorts<F>,
  ui: ReturnType<typeof createStore<ExceptionsUi>>,
  say: (m: string | undefined) => void,
) {
  const setCluster = (cluster: ClusterState) => ui.update((u) => ({ ...u, cluster }));
  const input = () => ({ ...documents.runInput(), rule: documents.getRule() });
  return {
    /** The pane's items as a Kibana exception list file. */
    async downloadList(): Promise<void> {
      const c = client();
      const x = documents.doc().exceptions;
      if (!c || !x) return;
      const o = await c.exportExceptions({ text: x.text });
      if (o.status !== 'ok') return say(`The exceptions could not be exported: ${o.status}`);
      if (o.value.ndjson === '') return say('There is no item to export.');
      ports.download('rule-exceptions.ndjson', o.value.ndjson, 'application/x-ndjson');
      say('Exception list downloaded (Kibana: Rules › Shared exception lists › Import exception list).');
    },
    /** The create-item API requests (Dev Tools text) to the clipboard. */
    async copyApiRequests(): Promise<void> {
      const c = client();
      const x = documents.doc().exceptions;
      if (!c || !x) return;
      const o = await c.exportExceptions({ text: x.text });
      if (o.status !== 'ok' || o.value.apiBody === '') return say('There is no item to export.');
      const ok = await ports.copyText(o.value.apiBody);
      say(ok ? 'API requests copied (paste them into Kibana Dev Tools).' : 'Copying failed.');
    },
    async exportBulk(index: string): Promise<void> {
      const c = client();
      if (!c) return;
      setCluster({ phase: 'running' });
      const o = await c.exportBulk(input(), index.trim() || undefined);
      if (o.status === 'superseded') return;
      setCluster(
        o.status === 'ok'
          ? { phase: 'bulk', bulk: o.value.bulk, problems: o.value.problems }
          : { phase: 'failed', message: failure(o) },
      );
    },
    async compare(response: string, idField: string): Promise<void> {
      const c = client();
      if (!c) return;
      setCluster({ phase: 'running' });
      const o = await c.compare(input(), response, idField.trim() || undefined);
      if (o.status === 'superseded') return;
      setCluster(
        o.status === 'ok'
          ? {
              phase: 'compared',
              ...(o.value.comparison ? { comparison: o.value.comparison } : {}),
              problems: o.value.problems,
            }
          : { phase: 'failed', message: failure(o) },
      );
    },
    download: (name: string, text: string, mime: string) => ports.download(name, text, mime),
    copy: (text: string) => ports.copyText(text),
  };
}

export type Exceptions = ReturnType<typeof createExceptions>;
