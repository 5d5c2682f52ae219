/**
 * Drafts: every tab edits a workspace of its own, stored in IndexedDB (platform/workspace-db.ts)
 * and claimed with a Web Lock (platform/tab-workspace.ts). The opening (which workspace the tab
 * shows, state/workspaces.ts) is decided before the first render; this store autosaves it, says
 * at once when a save fails, switches workspaces (Recent menu, a pasted link, reset and its undo)
 * and never overwrites a stored workspace it does not own; the Recent menu renames and deletes
 * them (Undo puts a deleted one back). Work that is neither stored
 * nor downloaded is never replaced on screen: a switch waits until it is kept, and the browser
 * asks before such a tab is closed (a pending save starts then; it asks while one is under way).
 */
import { looksLikeShareHash, type DecodeResult } from '../../share';
import type { WorkspaceView } from '../../worker/protocol';
import { defaultDocState, type DocState } from '../state/doc-state';
import type { Notice } from '../state/startup';
import { createStore, watch, type Store } from '../state/store';
import {
  decideOpening,
  type DraftRead,
  linkKey,
  metaFor,
  migrateLegacyDrafts,
  readWorkspace,
  serializeWorkspace,
  type Opening,
  type WorkspaceMeta,
  type WorkspaceStore,
  workspaceTitle,
  cleanName,
  recentName,
} from '../state/workspaces';
import type { Documents } from './documents';
import { fileStem, workspaceOfDoc } from './tuning';

export interface WorkspacePorts {
  readonly store: WorkspaceStore;
  /** Hold the workspace for this tab (releasing the one held before); false when another tab has it. */
  readonly claim: (id: string) => Promise<boolean>;
  readonly heldElsewhere: (id: string) => Promise<boolean>;
  /** Another tab turns out to have held this tab's workspace first (a late answer, without Web Locks). */
  readonly onLost?: (listener: (id: string) => void) => () => void;
  /** Another tab claimed this tab's workspace and may have written to it. */
  readonly onContested?: (listener: (id: string) => void) => () => void;
  /** The workspace this tab had before a reload. */
  readonly tabWorkspace: () => string | undefined;
  readonly newId: () => string;
  readonly now: () => number;
  /** Drafts earlier versions kept in localStorage (backup first, then the draft); read, never removed. */
  readonly legacyDrafts: () => readonly (string | null)[];
}

export interface HashPort {
  readHash(): string;
  clearHash(): void;
  onHashChange(listener: (hash: string) => void): () => void;
}

export interface Debounced {
  schedule(): void;
  flush(): void;
}

export interface DraftPorts {
  readonly workspaces: WorkspacePorts;
  readonly hash: HashPort;
  readonly debounce: (fn: () => void, ms: number) => Debounced;
  /** Decode a share link off the page's thread (bounded); never rejects. */
  readonly decodeLink: (hash: string) => Promise<DecodeResult>;
  /** Called when the tab is hidden or closed (save then: it may not come back). */
  readonly onHidden: (listener: () => void) => () => void;
  /** Offer a text as a file download. */
  readonly download: (name: string, text: string, mime: string) => void;
  /**
   * Before the tab is closed or reloaded, `leaving()` is called (it may start a save); the browser
   * asks first when it says work would be lost.
   */
  readonly guardLeaving?: (leaving: () => boolean) => () => void;
  /** `p`, or the error `timedOut` makes when `p` has not settled within `ms`. */
  readonly withTimeout: <T>(p: Promise<T>, ms: number, timedOut: () => Error) => Promise<T>;
}

/** A fragment that is a share link, or looks like one that was cut off (the codec says why). */
export function looksLikeLink(hash: string): boolean {
  return looksLikeShareHash(hash) || (hash.length > 1 && /^#?[A-Za-z0-9_-]{20,}$/.test(hash));
}

/**
 * Which workspace this tab opens (before the first render): earlier localStorage drafts become
 * workspaces once, the opening is decided, and the tab claims it (a copy when another tab won).
 */
export async function openTabWorkspace(
  ports: Pick<DraftPorts, 'workspaces' | 'hash' | 'decodeLink'>,
): Promise<Opening> {
  const w = ports.workspaces;
  await migrateLegacyDrafts(w.store, w.legacyDrafts(), w.newId, w.now()).catch(() => 0);
  const opening = await decideOpening({
    hash: ports.hash.readHash(),
    decode: ports.decodeLink,
    looksLikeLink,
    store: w.store,
    tabWorkspace: w.tabWorkspace(),
    heldElsewhere: w.heldElsewhere,
    newId: w.newId,
    now: w.now(),
  });
  if (await w.claim(opening.id)) return opening;
  // Another tab took it in the meantime: work on a copy.
  const id = w.newId();
  await w.claim(id);
  return { ...opening, id, stored: false, base: { ...opening.base, createdAt: w.now(), origin: 'copy' } };
}

/** The example in a new workspace (nothing stored yet): the opening when storage is not consulted. */
export function exampleOpening(id: string, now: number): Opening {
  return { id, state: defaultDocState(), base: { createdAt: now, origin: 'example' }, stored: false };
}

/** The events the worker holds as text (undefined when the editor holds them); may reject. */
export type HeldEvents = () => Promise<string | undefined>;

export type SaveStatus =
  | { readonly state: 'saved' | 'pending' }
  | { readonly state: 'failed'; readonly reason: 'quota' | 'unavailable' | 'other'; readonly message: string };

interface Current {
  readonly id: string;
  readonly base: Opening['base'];
  readonly fromHash: string | undefined;
}

/**
 * The file a workspace view becomes when the worker cannot write it (same format, events
 * verbatim). Its expectations stay keyed by the events' own ids, so it goes without `idField`.
 */
function plainWorkspaceFile(view: WorkspaceView): string {
  const { idField, ...rest } = view;
  const plain = view.expectations && Object.keys(view.expectations).length > 0 ? rest : view;
  return `${JSON.stringify({ kind: 'eql-playground-workspace', version: 1, ...plain }, null, 2)}\n`;
}

function saveFailure(e: unknown): Extract<SaveStatus, { state: 'failed' }> {
  const reason =
    typeof e === 'object' && e !== null && 'reason' in e && (e.reason === 'quota' || e.reason === 'unavailable')
      ? e.reason
      : 'other';
  const message = e instanceof Error && e.message ? e.message : 'the browser refused to store it';
  return { state: 'failed', reason, message };
}

/** How long storage may take to answer a save before it counts as failed (a large one takes seconds). */
export const SAVE_TIMEOUT_MS = 15_000;

/** Storage did not answer a save in time; the write may still land later. */
export class SaveTimedOut extends Error {
  readonly reason = 'unavailable';
  constructor(ms: number) {
    super(`the browser’s storage did not answer within ${Math.round(ms / 1000)} seconds`);
    this.name = 'SaveTimedOut';
  }
}

type Refused = { readonly error: unknown; readonly late?: Promise<void> };

/**
 * Store `state` as `target`'s draft, with the events the worker holds; what went wrong when it
 * could not be (storage refused it or did not answer in time, or the worker could not give the
 * events back: then the stored copy stays as it is). A write that timed out is in `late`: it may
 * still land.
 */
async function writeDraft(
  w: WorkspacePorts,
  limit: DraftPorts['withTimeout'],
  held: HeldEvents,
  target: Current,
  state: DocState,
): Promise<Refused | undefined> {
  let write: Promise<void> | undefined;
  try {
    const events = await held();
    const whole = events === undefined ? state : { ...state, events };
    const text = serializeWorkspace({ state: whole, ...(target.fromHash ? { fromHash: target.fromHash } : {}) });
    write = w.store.save(metaFor(target.id, whole, text, w.now(), target.base), text);
    await limit(write, SAVE_TIMEOUT_MS, () => new SaveTimedOut(SAVE_TIMEOUT_MS));
    return undefined;
  } catch (error) {
    return error instanceof SaveTimedOut && write ? { error, late: write } : { error };
  }
}

/** How long the typing pause before a save is when the events are large (a dataset). */
export const LARGE_SAVE_PAUSE_MS = 2000;

/**
 * Versions of the document on screen: bumped by every change (a save of an older one does not
 * say "Saved"), and the latest one kept somewhere: stored, downloaded as a file, or (when it was
 * put on screen) still where it came from (storage, a link, a file, the example).
 */
function versions() {
  let version = 0;
  let kept = 0;
  return {
    now: () => version,
    bump: () => {
      version++;
    },
    keep: (n: number) => {
      kept = Math.max(kept, n);
    },
    isKept: () => kept === version,
  };
}

/** What a save's answer does to the indicator and the notice (a failure told once, until a save works). */
function saveOutcomes(
  tab: { readonly current: Current },
  status: Store<SaveStatus>,
  notices: Store<Notice | undefined>,
  v: ReturnType<typeof versions>,
) {
  /** The last save failed (the user has been told; told again only after one works). */
  let failing = false;
  return {
    /** A save of `target` failed: the indicator says so, and the notice at once (again only after one worked). */
    report: (target: Current, e: unknown): void => {
      const failed = saveFailure(e);
      if (target === tab.current) status.set(failed);
      if (!failing) notices.set({ kind: 'save-failed', reason: failed.reason, message: failed.message });
      failing = true;
    },
    /** Version `mine` of `target` is stored. */
    stored: (target: Current, mine: number): void => {
      failing = false;
      if (target !== tab.current) return;
      v.keep(mine);
      if (mine !== v.now()) return;
      status.set({ state: 'saved' });
      if (notices.get()?.kind === 'save-failed') notices.set(undefined);
    },
  };
}

/** The tab's workspace and its saving: autosave, one save at a time, a failure told at once. */
function createSaving(
  ports: Pick<DraftPorts, 'workspaces' | 'debounce' | 'withTimeout'>,
  opening: Opening,
  documents: Documents,
  notices: Store<Notice | undefined>,
  held: HeldEvents,
  large: () => boolean,
) {
  const w = ports.workspaces;
  const tab = { current: { id: opening.id, base: opening.base, fromHash: opening.fromHash } as Current };
  // The untouched example needs no saving (it is stored once edited); anything else is saved at start.
  const status = createStore<SaveStatus>({
    state: opening.stored || opening.base.origin === 'example' ? 'saved' : 'pending',
  });
  let chain: Promise<void> = Promise.resolve();
  const v = versions();
  const { report, stored } = saveOutcomes(tab, status, notices, v);
  const store = async (target: Current, state: DocState, mine: number): Promise<void> => {
    const refused = await writeDraft(w, ports.withTimeout, held, target, state);
    if (!refused) return stored(target, mine);
    report(target, refused.error);
    // Storage that did not answer in time may still store it: then it is kept after all.
    refused.late?.then(
      () => stored(target, mine),
      () => {},
    );
  };
  const saveNow = (): Promise<void> => {
    const target = tab.current;
    const state = documents.doc();
    const mine = v.now();
    status.set({ state: 'pending' });
    chain = chain.then(() => store(target, state, mine));
    return chain;
  };
  const saver = pacedSaver(ports.debounce, large, () => void saveNow());
  /** The document changed: a save is due (a failure stays shown until a save works). */
  const changed = (): void => {
    v.bump();
    if (status.get().state === 'saved') status.set({ state: 'pending' });
    saver.schedule();
  };
  const flush = async (): Promise<void> => {
    saver.flush();
    await chain;
  };
  /** The Recent menu's entry for the workspace on screen. */
  const metaOfCurrent = (): WorkspaceMeta => {
    const text = serializeWorkspace({ state: documents.doc() });
    return metaFor(tab.current.id, documents.doc(), text, w.now(), tab.current.base);
  };
  const keeping = {
    /**
     * Save now (`always`, so even the untouched example is stored; else only what is not kept
     * yet); true when the version on screen is kept, so another may replace it on screen.
     */
    secure: async (always = true): Promise<boolean> => {
      if (always) await saveNow();
      else {
        await flush();
        if (!v.isKept()) await saveNow();
      }
      return v.isKept();
    },
    /** The document on screen was just put there from where it is kept. */
    loaded: () => v.keep(v.now()),
    version: v.now,
    /** Version `n` was downloaded whole as a workspace file. */
    keptAsFile: v.keep,
    /**
     * The tab is about to close: a save waiting for its pause starts now. True when closing would
     * still lose work: the version on screen is not kept yet (a save under way, or one that failed
     * with no file taken since).
     */
    leaving: (): boolean => {
      saver.flush();
      return !v.isKept();
    },
  };
  return { tab, status, saveNow, saver, changed, flush, metaOfCurrent, ...keeping };
}

/** Saves 300 ms after a change; with large events (tens of megabytes per save) after a typing pause. */
function pacedSaver(debounce: DraftPorts['debounce'], large: () => boolean, save: () => void): Debounced {
  const quick = debounce(save, 300);
  const patient = debounce(save, LARGE_SAVE_PAUSE_MS);
  return {
    schedule: () => (large() ? patient : quick).schedule(),
    flush: () => {
      quick.flush();
      patient.flush();
    },
  };
}

type Saving = ReturnType<typeof createSaving>;

/** The workspace on screen could not be kept: `what` does not replace it, and the user hears why. */
function refuseSwitch(saving: Saving, notices: Store<Notice | undefined>, what: string): false {
  const s = saving.status.get();
  const failed = s.state === 'failed' ? s : { reason: 'other' as const, message: 'it could not be stored' };
  notices.set({
    kind: 'save-failed',
    reason: failed.reason,
    message: `${failed.message}, so ${what} was not opened over your unsaved changes (download them, then try again)`,
  });
  return false;
}

type Show = (next: Current, state: DocState, notice: Notice | undefined) => Promise<void>;

/** A different link pasted into this tab's address bar: it opens as its own workspace. */
function linkSwitch(ports: DraftPorts, saving: Saving, notices: Store<Notice | undefined>, show: Show) {
  const w = ports.workspaces;
  return async (hash: string): Promise<void> => {
    if (hash === saving.tab.current.fromHash || !looksLikeLink(hash)) return;
    // Stored now (even the untouched example), so the notice's "restore my draft" finds it.
    if (!(await saving.secure())) {
      refuseSwitch(saving, notices, 'the pasted link');
      return;
    }
    const previous = saving.metaOfCurrent();
    const o = await decideOpening({
      hash,
      decode: ports.decodeLink,
      looksLikeLink,
      store: w.store,
      tabWorkspace: previous.id,
      heldElsewhere: w.heldElsewhere,
      newId: w.newId,
      now: w.now(),
    });
    if (o.notice?.kind === 'broken-link' || o.id === previous.id) {
      if (o.notice) notices.set(o.notice);
      return;
    }
    await w.claim(o.id);
    const notice = o.notice?.kind === 'shared' ? { ...o.notice, previous } : o.notice;
    await show({ id: o.id, base: o.base, fromHash: o.fromHash }, o.state, notice);
  };
}

/** A stored workspace's draft, or why it cannot be read (storage failing included). */
function readStored(store: WorkspaceStore, id: string): Promise<DraftRead> {
  return store.load(id).then(readWorkspace, (e: unknown) => ({
    ok: false,
    reason: `storage could not be read: ${e instanceof Error ? e.message : String(e)}`,
  }));
}

/** The ids in `list` (but `current`) that another tab has open; one that cannot be asked about counts as free. */
async function openElsewhere(
  w: WorkspacePorts,
  list: readonly WorkspaceMeta[],
  current: string,
): Promise<ReadonlySet<string>> {
  const others = list.filter((m) => m.id !== current);
  const held = await Promise.all(others.map((m) => w.heldElsewhere(m.id).catch(() => false)));
  return new Set(others.filter((_, i) => held[i]).map((m) => m.id));
}

/** Read the Recent list, then which of its workspaces other tabs have open (the menu offers no Delete for those). */
function recentLister(
  w: WorkspacePorts,
  lists: { readonly recent: Store<readonly WorkspaceMeta[]>; readonly elsewhere: Store<ReadonlySet<string>> },
  current: () => string,
): () => Promise<readonly WorkspaceMeta[]> {
  let asked = 0;
  return async () => {
    const list = await w.store.list().catch(() => lists.recent.get());
    lists.recent.set(list);
    const mine = ++asked;
    const open = await openElsewhere(w, list, current());
    if (mine === asked) lists.elsewhere.set(open);
    return list;
  };
}

/** Another tab held this workspace first: go on in a copy, the document staying on screen. */
async function copySwitch(
  w: WorkspacePorts,
  saving: Saving,
  notices: Store<Notice | undefined>,
  workspace: Store<string>,
  refreshRecent: () => Promise<unknown>,
): Promise<void> {
  const of = saving.metaOfCurrent();
  const id = w.newId();
  await w.claim(id);
  const c = saving.tab.current;
  const base: Opening['base'] = {
    createdAt: w.now(),
    origin: 'copy',
    ...(c.base.linkKey ? { linkKey: c.base.linkKey } : {}),
  };
  saving.tab.current = { ...c, id, base };
  workspace.set(id);
  notices.set({ kind: 'copy', of });
  await saving.saveNow();
  void refreshRecent();
}

/** Switching the tab to another workspace: a stored one, a new one, a pasted link. */
function createSwitching(
  ports: DraftPorts,
  saving: Saving,
  documents: Documents,
  notices: Store<Notice | undefined>,
  lists: {
    readonly recent: Store<readonly WorkspaceMeta[]>;
    readonly unreadable: Store<Record<string, string>>;
    readonly workspace: Store<string>;
    readonly elsewhere: Store<ReadonlySet<string>>;
  },
) {
  const w = ports.workspaces;
  const refreshRecent = recentLister(w, lists, () => saving.tab.current.id);

  /** Show `state` as the tab's workspace `next`, saved at once. */
  const show: Show = async (next, state, notice) => {
    saving.tab.current = next;
    documents.load(state);
    saving.loaded();
    lists.workspace.set(next.id);
    notices.set(notice);
    await saving.saveNow();
    void refreshRecent();
  };

  const refuse = (what: string) => refuseSwitch(saving, notices, what);
  /** The work on screen is stored (even the untouched example), else `what` is refused. */
  const kept = async (what: string): Promise<boolean> => (await saving.secure()) || refuse(what);

  /** Open a stored workspace in this tab (a copy when another tab has it open). */
  const open = async (meta: WorkspaceMeta, notice?: Notice): Promise<boolean> => {
    // A large workspace is not stored again when it is already (tens of megabytes per save).
    if (!(await saving.secure(false))) return refuse(`“${recentName(meta)}”`);
    const read = await readStored(w.store, meta.id);
    if (!read.ok) {
      lists.unreadable.update((u) => ({ ...u, [meta.id]: read.reason }));
      notices.set({ kind: 'unreadable', of: meta, reason: read.reason });
      return false;
    }
    const mine = (await w.heldElsewhere(meta.id)) ? false : await w.claim(meta.id);
    const id = mine ? meta.id : w.newId();
    if (!mine) await w.claim(id);
    const base: Opening['base'] = mine
      ? meta
      : { createdAt: w.now(), origin: 'copy', ...(meta.linkKey ? { linkKey: meta.linkKey } : {}) };
    ports.hash.clearHash();
    await show(
      { id, base, fromHash: read.draft.fromHash },
      read.draft.state,
      mine ? notice : { kind: 'copy', of: meta },
    );
    return true;
  };

  /** Start a new workspace in this tab with `state` (the one on screen is kept first). */
  const begin = async (state: DocState, origin: WorkspaceMeta['origin'], notice: Notice | undefined) => {
    const id = w.newId();
    await w.claim(id);
    await show({ id, base: { createdAt: w.now(), origin }, fromHash: undefined }, state, notice);
  };

  const onHash = linkSwitch(ports, saving, notices, show);

  const moveToCopy = () => copySwitch(ports.workspaces, saving, notices, lists.workspace, refreshRecent);

  const reset = async (): Promise<void> => {
    // Stored now (even when untouched), so Undo finds it.
    if (!(await kept('the example'))) return;
    const previous = saving.metaOfCurrent();
    ports.hash.clearHash();
    await begin(defaultDocState(), 'example', { kind: 'reset', previous });
  };
  /** Reopen what a notice offers (the workspace a reset or a pasted link replaced, earlier edits). */
  const reopen = async (target: WorkspaceMeta | undefined): Promise<void> => {
    if (target && (await open(target))) notices.set({ kind: 'draft-restored' });
  };
  /** A document from elsewhere (a workspace file) in a workspace of its own; the one on screen stays stored. */
  const openAsNew = async (state: DocState, origin: WorkspaceMeta['origin']): Promise<void> => {
    if (!(await kept(`“${workspaceTitle(state)}”`))) return;
    ports.hash.clearHash();
    await begin(state, origin, { kind: 'workspace-opened', title: workspaceTitle(state) });
  };
  return { refreshRecent, open, onHash, reset, reopen, openAsNew, moveToCopy };
}

/** The workspace and stored drafts as files (a download that cannot be whole says what it lacks). */
function createDownloads(
  ports: DraftPorts,
  saving: Saving,
  documents: Documents,
  notices: Store<Notice | undefined>,
  writeFile: (view: WorkspaceView) => Promise<string | undefined>,
  held: HeldEvents,
) {
  return {
    /** The workspace as a file (docs/workspace-format.md), offered as a download. */
    async downloadWorkspace(): Promise<void> {
      // The rule as the editor holds it (the document can lag it by a keystroke).
      const doc = { ...documents.doc(), rule: documents.getRule() };
      const v = saving.version();
      const events = await held().then(
        (text) => ({ text }),
        (e: unknown) => ({ text: undefined, failed: e instanceof Error ? e.message : String(e) }),
      );
      const view = workspaceOfDoc(events.text === undefined ? doc : { ...doc, events: events.text });
      const text = (await writeFile(view).catch(() => undefined)) ?? plainWorkspaceFile(view);
      ports.download(
        `${fileStem(doc.metadata?.name?.slice(0, 200), 'eql-workspace')}.workspace.json`,
        text,
        'application/json',
      );
      if (!('failed' in events)) saving.keptAsFile(v);
      // The file has everything but the held events: say what it lacks, so no one trusts it for them.
      if ('failed' in events)
        notices.set({
          kind: 'export-failed',
          message: `The workspace file was written ${doc.events === '' ? 'without the events' : 'with the events as they were loaded, without later edits'}: ${events.failed}. Try the download again.`,
        });
    },
    /** A stored workspace that cannot be read, as it is stored (so nothing is ever out of reach). */
    async downloadStored(meta: WorkspaceMeta): Promise<void> {
      const text = await ports.workspaces.store
        .load(meta.id)
        .catch((e: unknown) => (e instanceof Error ? e : undefined));
      if (typeof text === 'string') ports.download(`stored-workspace-${meta.id}.txt`, text, 'text/plain');
      else
        notices.set({
          kind: 'export-failed',
          message: `“${meta.title}” could not be read from storage${text ? ` (${text.message})` : ': it is missing'}.`,
        });
    },
  };
}

/** The Recent menu's Delete (with Undo: the content is kept in memory) and Rename. */
function createRecentEdits(
  ports: DraftPorts,
  saving: Saving,
  notices: Store<Notice | undefined>,
  lists: { readonly unreadable: Store<Record<string, string>> },
  refreshRecent: () => Promise<unknown>,
) {
  const w = ports.workspaces;
  /** Deleted workspaces as they were stored, for Undo and for their download. */
  const deleted = new Map<string, { readonly meta: WorkspaceMeta; readonly draft: string }>();
  const failed = (what: string, e: unknown) =>
    notices.set({ kind: 'storage-failed', message: `${what}: ${e instanceof Error ? e.message : String(e)}` });
  return {
    /** Delete a stored workspace (not the one on screen, nor one open in another tab); Undo puts it back. */
    async deleteWorkspace(meta: WorkspaceMeta): Promise<boolean> {
      const name = `“${recentName(meta)}”`;
      if (meta.id === saving.tab.current.id) return false;
      if (await w.heldElsewhere(meta.id)) {
        notices.set({ kind: 'storage-failed', message: `${name} is open in another tab: close it there first.` });
        return false;
      }
      try {
        const draft = await w.store.load(meta.id);
        if (draft === undefined) throw new Error('it is missing from storage');
        await w.store.remove(meta.id);
        deleted.set(meta.id, { meta, draft });
      } catch (e) {
        failed(`${name} was not deleted`, e);
        return false;
      }
      lists.unreadable.update(({ [meta.id]: _, ...rest }) => rest);
      notices.set({ kind: 'deleted', of: meta });
      await refreshRecent();
      return true;
    },
    /** Put a deleted workspace back, as it was (its name too). */
    async undoDelete(id: string): Promise<void> {
      const d = deleted.get(id);
      if (!d) return;
      try {
        await w.store.save(d.meta, d.draft);
      } catch (e) {
        notices.set({ kind: 'deleted', of: d.meta, failed: e instanceof Error ? e.message : String(e) });
        return;
      }
      deleted.delete(id);
      notices.set({ kind: 'undeleted', of: d.meta });
      await refreshRecent();
    },
    /** A deleted workspace that could not be put back, as it was stored. */
    downloadDeleted(id: string): void {
      const d = deleted.get(id);
      if (d) ports.download(`stored-workspace-${id}.txt`, d.draft, 'text/plain');
    },
    /** Name a stored workspace (an empty name gives back its automatic title). */
    async renameWorkspace(meta: WorkspaceMeta, typed: string): Promise<void> {
      try {
        await w.store.rename(meta.id, cleanName(typed));
      } catch (e) {
        failed(`“${recentName(meta)}” was not renamed`, e);
      }
      await refreshRecent();
    },
  };
}

/** Switches under way (a pasted link decoding, a workspace loading), for `settled()`. */
function switchTracker() {
  let switching: Promise<unknown> = Promise.resolve();
  return {
    track: (p: Promise<unknown>): Promise<void> => {
      switching = Promise.all([switching, p]).catch(() => undefined);
      return p.then(() => undefined);
    },
    settled: async (): Promise<void> => {
      let last: Promise<unknown>;
      do {
        last = switching;
        await last;
      } while (last !== switching);
    },
  };
}

export function createDrafts(
  ports: DraftPorts,
  opening: Opening,
  documents: Documents,
  notices: Store<Notice | undefined>,
  writeFile: (view: WorkspaceView) => Promise<string | undefined>,
  held: HeldEvents = async () => undefined,
  /** The events are large (held by the worker or past the dataset size): saves wait for a pause. */
  large: () => boolean = () => false,
) {
  const saving = createSaving(ports, opening, documents, notices, held, large);
  const recent = createStore<readonly WorkspaceMeta[]>([]);
  /** Why stored workspaces could not be read, as found so far (they stay stored and listed). */
  const unreadable = createStore<Record<string, string>>(
    opening.notice?.kind === 'unreadable' ? { [opening.notice.of.id]: opening.notice.reason } : {},
  );
  /** The id of the workspace on screen (set once another one is loaded). */
  const workspace = createStore(opening.id);
  /** Stored workspaces another tab had open when the list was last read. */
  const elsewhere = createStore<ReadonlySet<string>>(new Set());
  const sw = createSwitching(ports, saving, documents, notices, { recent, unreadable, workspace, elsewhere });
  const { track, settled } = switchTracker();
  const noticed = <K extends Notice['kind']>(kind: K) => {
    const n = notices.get();
    return n?.kind === kind ? (n as Extract<Notice, { kind: K }>) : undefined;
  };

  return {
    status: saving.status,
    recent,
    unreadable,
    elsewhere,
    workspace,
    /** The tab's workspace id. */
    workspaceId: () => saving.tab.current.id,
    fromHash: () => saving.tab.current.fromHash,
    /** The document is now this share fragment (a link was just made): a reload keeps it. */
    markShared(hash: string): void {
      const c = saving.tab.current;
      saving.tab.current = { ...c, fromHash: hash, base: { ...c.base, linkKey: linkKey(hash) } };
      saving.changed();
    },
    /** Something stored outside the document changed (the held events): save it soon. */
    touch: saving.changed,
    /** Save now (pending changes); resolves when storage has answered. */
    flush: saving.flush,
    /** Resolves once no workspace switch is under way (the automation hook's `ready` waits for it). */
    settled,
    refreshRecent: sw.refreshRecent,
    ...createRecentEdits(ports, saving, notices, { unreadable }, sw.refreshRecent),
    start(): () => void {
      const stops = [
        watch(documents.state, (s) => s.doc, saving.changed),
        ports.hash.onHashChange((h) => void track(sw.onHash(h))),
        ports.onHidden(() => saving.saver.flush()),
        ports.guardLeaving?.(saving.leaving) ?? (() => {}),
        ports.workspaces.onLost?.((id) => {
          if (id === saving.tab.current.id) void track(sw.moveToCopy());
        }) ?? (() => {}),
        // Whatever the other tab wrote before it heard the answer, this tab's version goes over it.
        ports.workspaces.onContested?.((id) => {
          if (id === saving.tab.current.id) saving.changed();
        }) ?? (() => {}),
      ];
      // A link's content or a copy is stored at once; the untouched example waits for an edit.
      if (!opening.stored && opening.base.origin !== 'example') void saving.saveNow();
      void sw.refreshRecent();
      return () => {
        for (const s of stops) s();
        saving.saver.flush();
      };
    },
    /** Open a workspace listed in Recent; false when it cannot be read (it stays stored). */
    openWorkspace: (meta: WorkspaceMeta): Promise<boolean> => {
      const p = sw.open(meta, { kind: 'workspace-opened', title: recentName(meta) });
      void track(p);
      return p;
    },
    /** The example in a new workspace; the one it replaces stays stored and Undo reopens it. */
    resetToExample: (): Promise<void> => track(sw.reset()),
    /** Show a workspace file's document in a new workspace (the one on screen stays stored, in Recent). */
    openAsNew: (state: DocState, origin: WorkspaceMeta['origin'] = 'file'): Promise<void> =>
      track(sw.openAsNew(state, origin)),
    /** Reopen the workspace a reset replaced. */
    undoReset: (): Promise<void> => track(sw.reopen(noticed('reset')?.previous)),
    /** Back to the workspace a pasted link replaced (`previous`), or to earlier edits of this link. */
    restoreDraft: (which: 'previous' | 'edits' = 'previous'): Promise<void> =>
      track(sw.reopen(noticed('shared')?.[which])),
    ...createDownloads(ports, saving, documents, notices, writeFile, held),
  };
}

export type Drafts = ReturnType<typeof createDrafts>;
