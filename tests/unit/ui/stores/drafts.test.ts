import { describe, expect, test } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { decodeShareHash, encodeShareHash } from '../../../../src/share';
import { openWorkspaceDb, SaveFailure } from '../../../../src/ui/platform/workspace-db';
import { createPlayground } from '../../../../src/ui/playground';
import { defaultDocState, serializeDraft, toSharePayload, type DocState } from '../../../../src/ui/state/doc-state';
import {
  readWorkspace,
  serializeWorkspace,
  type WorkspaceMeta,
  type WorkspaceStore,
} from '../../../../src/ui/state/workspaces';
import { DATASET_FROM } from '../../../../src/ui/stores/dataset';
import { openTabWorkspace, type WorkspacePorts } from '../../../../src/ui/stores/drafts';
import { channelClaims, type TabClaims } from '../../../../src/ui/platform/tab-claims';
import { fakeBrowser, fakePorts, flush, type FakeBrowser } from './fakes';

const mine: DocState = { ...defaultDocState(), rule: 'process where process.name == "mine"' };
const theirs: DocState = { ...defaultDocState(), rule: 'file where file.name == "theirs"' };
const link = encodeShareHash(toSharePayload(theirs));

/** Open a tab as the page does: the opening decided first, then the playground on it. */
async function openTab(
  browser: FakeBrowser,
  hash = '',
  tab = 'tab-1',
  adapt: (w: WorkspacePorts) => WorkspacePorts = (w) => w,
) {
  const f = fakePorts(hash, browser, tab);
  const ports = { ...f.ports, workspaces: adapt(f.ports.workspaces) };
  const opening = await openTabWorkspace(ports);
  const pg = createPlayground(ports, opening);
  const stop = pg.start();
  await pg.drafts.flush();
  const edit = async (rule: string) => {
    pg.documents.onRuleChange(rule);
    await pg.drafts.flush();
  };
  /** Reload: the page goes (saving what is pending, releasing its lock) and opens again in this tab. */
  const reload = async (newHash = f.address.hash) => {
    stop();
    await pg.drafts.flush();
    f.closeTab();
    return openTab(browser, newHash, tab, adapt);
  };
  return { f, pg, stop, edit, reload };
}

async function stored(browser: FakeBrowser, id: string): Promise<DocState | undefined> {
  const r = readWorkspace(await browser.store.load(id));
  return r.ok ? r.draft.state : undefined;
}

describe('drafts in workspaces', () => {
  test('the tab autosaves its workspace, saves when hidden, and a reload finds everything', async () => {
    const browser = fakeBrowser();
    const t = await openTab(browser);
    expect(t.pg.documents.doc()).toEqual(defaultDocState());
    expect(browser.memory.records.size).toBe(0); // the untouched example is not stored
    await t.edit('any where true');
    const id = t.pg.drafts.workspaceId();
    expect((await stored(browser, id))?.rule).toBe('any where true');
    t.pg.documents.onRuleChange('any where false');
    t.f.hide(); // switching away saves at once, without waiting for the autosave
    await flush();
    expect((await stored(browser, id))?.rule).toBe('any where false');
    const again = await t.reload();
    expect(again.pg.drafts.workspaceId()).toBe(id);
    expect(again.pg.documents.doc().rule).toBe('any where false');
    expect(again.pg.notices.get()).toBeUndefined();
  });

  test('a save of an older version does not say Saved while a newer change waits', async () => {
    const browser = fakeBrowser();
    const t = await openTab(browser);
    t.pg.documents.onRuleChange('any where 1 == 1');
    const first = t.pg.drafts.flush();
    t.pg.documents.onRuleChange('any where 2 == 2');
    await first;
    expect(t.pg.drafts.status.get()).toEqual({ state: 'pending' });
    await t.pg.drafts.flush();
    expect(t.pg.drafts.status.get()).toEqual({ state: 'saved' });
    expect((await stored(browser, t.pg.drafts.workspaceId()))?.rule).toBe('any where 2 == 2');
  });

  test('20,000 events (17 MB) go through IndexedDB and come back after a reload', async () => {
    const browser = fakeBrowser();
    browser.store = await openWorkspaceDb(new IDBFactory());
    const t = await openTab(browser);
    const line = JSON.stringify({ event: { category: 'process' }, process: { name: 'x'.repeat(800) } });
    const events = Array.from({ length: 20_000 }, () => line).join('\n');
    t.pg.documents.onEventsChange(events);
    await t.edit('process where process.name == "x"');
    const again = await t.reload();
    expect(again.pg.documents.doc().events.length).toBe(events.length);
    expect(again.pg.documents.doc().rule).toBe('process where process.name == "x"');
  });

  test('a save over the quota says so at once, offers the file, keeps the stored copy; the next good save clears it', async () => {
    const browser = fakeBrowser();
    const t = await openTab(browser);
    await t.edit('any where 1 == 1');
    const id = t.pg.drafts.workspaceId();
    browser.memory.box.fail = new SaveFailure('quota', "the browser's storage for this page is full");
    await t.edit('any where 2 == 2');
    expect(t.pg.notices.get()).toEqual({
      kind: 'save-failed',
      reason: 'quota',
      message: "the browser's storage for this page is full",
    });
    expect(t.pg.drafts.status.get()).toMatchObject({ state: 'failed', reason: 'quota' });
    expect((await stored(browser, id))?.rule).toBe('any where 1 == 1');
    // The notice's action: the workspace file, written by the worker, offered as a download.
    const downloading = t.pg.drafts.downloadWorkspace();
    await until(() => (t.f.clients[0]?.calls.writeWorkspace.length ?? 0) > 0);
    const call = t.f.clients[0]!.calls.writeWorkspace[0]!;
    call.resolve({
      status: 'ok',
      value: { type: 'writeWorkspace', id: 1, text: `${JSON.stringify(call.args[0])}\n` },
    });
    await downloading;
    expect(t.f.downloads).toHaveLength(1);
    expect(t.f.downloads[0]!.mime).toBe('application/json');
    expect(t.f.downloads[0]!.name).toMatch(/\.workspace\.json$/);
    expect(JSON.parse(t.f.downloads[0]!.text)).toMatchObject({ rule: 'any where 2 == 2' });
    // Dismissed, a failure that goes on is not repeated; once storage works again the notice goes.
    t.pg.dismissNotice();
    await t.edit('any where 3 == 3');
    expect(t.pg.notices.get()).toBeUndefined();
    browser.memory.box.fail = undefined;
    t.pg.notices.set({ kind: 'save-failed', reason: 'quota', message: 'x' });
    await t.edit('any where 4 == 4');
    expect(t.pg.notices.get()).toBeUndefined();
    expect(t.pg.drafts.status.get()).toEqual({ state: 'saved' });
    expect((await stored(browser, id))?.rule).toBe('any where 4 == 4');
  });

  test('two tabs never share a workspace: the second works on a copy, and neither overwrites the other', async () => {
    const browser = fakeBrowser();
    const one = await openTab(browser, '', 'tab-1');
    await one.edit('process where process.name == "one"');
    const two = await openTab(browser, '', 'tab-2');
    expect(two.pg.documents.doc().rule).toBe('process where process.name == "one"');
    expect(two.pg.notices.get()).toMatchObject({ kind: 'copy', of: { id: one.pg.drafts.workspaceId() } });
    expect(two.pg.drafts.workspaceId()).not.toBe(one.pg.drafts.workspaceId());
    await two.edit('process where process.name == "two"');
    await one.edit('process where process.name == "one, later"');
    expect((await stored(browser, one.pg.drafts.workspaceId()))?.rule).toBe(
      'process where process.name == "one, later"',
    );
    expect((await stored(browser, two.pg.drafts.workspaceId()))?.rule).toBe('process where process.name == "two"');
    // Each tab's reload finds its own workspace, whichever was saved last.
    expect((await one.reload()).pg.documents.doc().rule).toBe('process where process.name == "one, later"');
    expect((await two.reload()).pg.documents.doc().rule).toBe('process where process.name == "two"');
  });

  test('an earlier localStorage draft opens once as a workspace; localStorage is left as it was', async () => {
    const browser = fakeBrowser();
    const old = serializeDraft({ state: mine });
    browser.legacy.push(null, old);
    const t = await openTab(browser);
    expect(t.pg.documents.doc().rule).toBe(mine.rule);
    expect(browser.legacy).toEqual([null, old]);
    await t.edit('any where true');
    const other = await openTab(fakeBrowserWith(browser), '', 'tab-9');
    expect([...browser.memory.records.values()].filter((r) => r.meta.origin === 'migrated')).toHaveLength(1);
    expect(other.pg.documents.doc().rule).toBe('any where true');
  });
});

/** The same browser (another tab of it). */
const fakeBrowserWith = (b: FakeBrowser) => b;

describe('held events', () => {
  test('events the worker holds are stored from its copy; when it cannot give them, the stored copy stays', async () => {
    const browser = fakeBrowser();
    const f = fakePorts('', browser);
    const opening = await openTabWorkspace(f.ports);
    const pg = createPlayground(f.ports, opening);
    pg.start();
    pg.documents.onEventsChange('{"a":1}\n');
    await pg.drafts.flush();
    const id = pg.drafts.workspaceId();
    // The page now holds no events text: the worker has them.
    let held: string | undefined | Error = 'held 1\nheld 2\n';
    const { createDrafts } = await import('../../../../src/ui/stores/drafts');
    const other = fakePorts('', browser, 'tab-2');
    const o2 = await openTabWorkspace(other.ports);
    const pg2 = createPlayground(other.ports, o2);
    const drafts = createDrafts(
      other.ports,
      o2,
      pg2.documents,
      pg2.notices,
      async () => undefined,
      async () => {
        if (held instanceof Error) throw held;
        return held;
      },
    );
    drafts.start();
    pg2.documents.onEventsChange('');
    await drafts.flush();
    expect((await stored(browser, drafts.workspaceId()))?.events).toBe('held 1\nheld 2\n');
    held = new Error('worker gone');
    pg2.documents.onRuleChange('any where "later"');
    await drafts.flush();
    const kept = await stored(browser, drafts.workspaceId());
    expect([kept?.events, kept?.rule === 'any where "later"']).toEqual(['held 1\nheld 2\n', false]);
    expect(drafts.status.get()).toMatchObject({ state: 'failed', message: 'worker gone' });
    expect(pg2.notices.get()).toMatchObject({ kind: 'save-failed', message: 'worker gone' });
    expect((await stored(browser, id))?.events).toBe('{"a":1}\n');
  });
});

/** Events past the dataset threshold, as NDJSON: every tenth one is "nc". */
function datasetText(n = 5000): string {
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      event: { category: 'process', id: `p-${i}`, padding: 'x'.repeat(200) },
      process: { name: i % 10 === 0 ? 'nc' : 'bash' },
    }),
  );
  return `${lines.join('\n')}\n`;
}

/** Answer the tab's worker requests until `p` settles. */
async function served<T>(t: Awaited<ReturnType<typeof openTab>>, p: Promise<T>): Promise<T> {
  let done = false;
  const watched = p.finally(() => {
    done = true;
  });
  for (let i = 0; i < 200 && !done; i++) {
    await t.f.clients.at(-1)?.serve();
    await flush();
  }
  return watched;
}

describe('datasets stored with their workspace', () => {
  test('a dataset is stored in IndexedDB; a reload and Undo after a reset read it into the worker again', async () => {
    const browser = fakeBrowser();
    browser.store = await openWorkspaceDb(new IDBFactory());
    const t = await openTab(browser);
    await t.edit('process where process.name == "nc"');
    const text = datasetText();
    expect(text.length).toBeGreaterThan(DATASET_FROM);
    t.pg.dataset.setEvents(text);
    await served(
      t,
      until(() => t.pg.dataset.state.get().mode === 'dataset'),
    );
    expect(t.pg.documents.doc().events).toBe(text);
    // Not "Saved" until the worker's copy is stored.
    expect(t.pg.drafts.status.get()).toEqual({ state: 'pending' });
    await served(t, t.pg.drafts.flush());
    expect(t.pg.drafts.status.get()).toEqual({ state: 'saved' });
    const id = t.pg.drafts.workspaceId();
    expect((await stored(browser, id))?.events).toBe(text);

    const again = await t.reload();
    expect(again.pg.drafts.workspaceId()).toBe(id);
    await served(
      again,
      until(() => again.pg.dataset.state.get().mode === 'dataset'),
    );
    expect(again.pg.dataset.state.get()).toMatchObject({ count: 5000, loading: undefined });
    expect(again.pg.documents.doc().events).toBe(text);
    await served(
      again,
      until(() => again.pg.evaluation.results.get().shown?.compact.counts.total === 5000),
    );
    expect(again.pg.evaluation.results.get().shown?.compact.counts).toMatchObject({ alert: 500, total: 5000 });

    await served(again, again.pg.drafts.resetToExample());
    expect(again.pg.dataset.state.get().mode).toBe('text');
    await served(again, again.pg.drafts.undoReset());
    expect(again.pg.drafts.workspaceId()).toBe(id);
    await served(
      again,
      until(() => again.pg.dataset.state.get().mode === 'dataset'),
    );
    expect(again.pg.dataset.state.get().count).toBe(5000);
    expect(again.pg.documents.doc().events).toBe(text);
    expect((await stored(browser, id))?.events).toBe(text);
  });

  test('a dataset over the quota says so at once and offers the workspace file with the held events', async () => {
    const browser = fakeBrowser();
    const t = await openTab(browser);
    await t.edit('process where process.name == "nc"');
    const id = t.pg.drafts.workspaceId();
    browser.memory.box.fail = new SaveFailure('quota', "the browser's storage for this page is full");
    const text = datasetText();
    t.pg.dataset.setEvents(text);
    await served(
      t,
      until(() => t.pg.dataset.state.get().mode === 'dataset'),
    );
    await served(t, t.pg.drafts.flush());
    expect(t.pg.notices.get()).toMatchObject({ kind: 'save-failed', reason: 'quota' });
    expect(t.pg.drafts.status.get()).toMatchObject({ state: 'failed', reason: 'quota' });
    expect((await stored(browser, id))?.events).not.toBe(text);
    const downloading = t.pg.drafts.downloadWorkspace();
    await served(
      t,
      until(() => (t.f.clients.at(-1)?.calls.writeWorkspace.length ?? 0) > 0),
    );
    const call = t.f.clients.at(-1)!.calls.writeWorkspace[0]!;
    expect((call.args[0] as { events?: string }).events).toBe(text);
    call.resolve({ status: 'ok', value: { type: 'writeWorkspace', id: 1, text: 'file\n' } });
    await downloading;
    expect(t.f.downloads.map((d) => d.text)).toEqual(['file\n']);
  });
});

describe('held events the worker cannot give back', () => {
  test('the save says it failed (not Saving… forever), keeps the stored copy, and the file says what it lacks', async () => {
    const browser = fakeBrowser();
    const t = await openTab(browser);
    await t.edit('process where process.name == "nc"');
    const id = t.pg.drafts.workspaceId();
    const text = datasetText();
    t.pg.dataset.setEvents(text);
    await served(
      t,
      until(() => t.pg.dataset.state.get().mode === 'dataset'),
    );
    const c = t.f.clients.at(-1)!;
    const saving = t.pg.drafts.flush();
    await until(() => c.pending.some((p) => p.kind === 'exportEvents'));
    c.settle('exportEvents', { status: 'failed', message: 'the evaluator crashed: out of memory' });
    await saving;
    expect(t.pg.drafts.status.get()).toMatchObject({ state: 'failed', reason: 'other' });
    expect(t.pg.notices.get()).toMatchObject({ kind: 'save-failed', reason: 'other' });
    const said = t.pg.notices.get();
    expect(said?.kind === 'save-failed' && said.message).toMatch(
      /could not be read back \(the evaluator crashed: out of memory\)/,
    );
    expect((await stored(browser, id))?.rule).toBe('process where process.name == "nc"');
    expect((await stored(browser, id))?.events).not.toBe(text);
    // The notice's download: the worker fails again, so the file is written from the document and says so.
    const downloading = t.pg.drafts.downloadWorkspace();
    await until(() => c.pending.some((p) => p.kind === 'exportEvents'));
    c.settle('exportEvents', { status: 'timeout', ms: 5000 });
    await until(() => c.calls.writeWorkspace.length > 0);
    const call = c.calls.writeWorkspace[0]!;
    expect((call.args[0] as { events?: string }).events).toBe(text);
    call.resolve({ status: 'ok', value: { type: 'writeWorkspace', id: 1, text: 'file\n' } });
    await downloading;
    expect(t.f.downloads.map((d) => d.text)).toEqual(['file\n']);
    const partial = t.pg.notices.get();
    expect(partial?.kind).toBe('export-failed');
    expect(partial?.kind === 'export-failed' && partial.message).toMatch(/without later edits.*5000 ms/);
    // The worker answers again: the next save stores the events and the header says Saved.
    t.pg.drafts.touch();
    await served(t, t.pg.drafts.flush());
    expect(t.pg.drafts.status.get()).toEqual({ state: 'saved' });
    expect((await stored(browser, id))?.events).toBe(text);
  });

  test('a failed NDJSON download of the held events says so', async () => {
    const browser = fakeBrowser();
    const t = await openTab(browser);
    t.pg.dataset.setEvents(datasetText());
    await served(
      t,
      until(() => t.pg.dataset.state.get().mode === 'dataset'),
    );
    const c = t.f.clients.at(-1)!;
    const downloading = t.pg.dataset.downloadEvents();
    await until(() => c.pending.some((p) => p.kind === 'exportEvents'));
    c.settle('exportEvents', { status: 'failed', message: 'gone' });
    await downloading;
    expect(t.f.downloads).toHaveLength(0);
    expect(t.pg.notices.get()).toMatchObject({ kind: 'export-failed', message: expect.stringMatching(/gone/) });
  });
});

/** Storage whose saves never answer while `stuck` is set (the writes wait in `waiting` until released). */
function stuckStore(browser: FakeBrowser) {
  const waiting: (() => void)[] = [];
  const box = { stuck: false };
  const base = browser.memory.store;
  const store: WorkspaceStore = {
    ...base,
    save: (meta, draft) =>
      box.stuck
        ? new Promise<void>((resolve) => waiting.push(() => void base.save(meta, draft).then(resolve)))
        : base.save(meta, draft),
  };
  /** The writes that waited land now. */
  const release = async () => {
    for (const w of waiting.splice(0)) w();
    await flush();
  };
  return { store, box, waiting, release };
}

describe('a save that storage never answers', () => {
  test('counts as failed once its time is up: the notice offers the file, the tab asks first, a later save clears it', async () => {
    const browser = fakeBrowser();
    const stuck = stuckStore(browser);
    const t = await openTab(browser, '', 'tab-1', (w) => ({ ...w, store: stuck.store }));
    await t.edit('any where 1 == 1');
    const id = t.pg.drafts.workspaceId();
    stuck.box.stuck = true;
    t.pg.documents.onRuleChange('any where 2 == 2');
    const saving = t.pg.drafts.flush();
    await until(() => stuck.waiting.length === 1);
    expect(t.pg.drafts.status.get()).toEqual({ state: 'pending' });
    expect(t.pg.notices.get()).toBeUndefined();
    t.f.timeOut();
    await saving;
    expect(t.pg.drafts.status.get()).toMatchObject({ state: 'failed', reason: 'unavailable' });
    expect(t.pg.notices.get()).toEqual({
      kind: 'save-failed',
      reason: 'unavailable',
      message: 'the browser’s storage did not answer within 15 seconds',
    });
    expect(t.f.wouldAsk()).toBe(true);
    // Nothing replaces it on screen meanwhile.
    const reset = t.pg.drafts.resetToExample();
    await until(() => stuck.waiting.length === 2);
    t.f.timeOut();
    await reset;
    expect(t.pg.documents.doc().rule).toBe('any where 2 == 2');
    expect(t.pg.notices.get()).toMatchObject({ message: expect.stringMatching(/the example was not opened/) });
    // Storage answers again: the next save is stored and the failure is gone.
    stuck.box.stuck = false;
    await t.edit('any where 3 == 3');
    expect(t.pg.drafts.status.get()).toEqual({ state: 'saved' });
    expect(t.pg.notices.get()).toBeUndefined();
    expect(t.f.wouldAsk()).toBe(false);
    expect((await stored(browser, id))?.rule).toBe('any where 3 == 3');
  });

  test('a timed-out write that lands after all marks the work saved, unless a newer change waits', async () => {
    const browser = fakeBrowser();
    const stuck = stuckStore(browser);
    const t = await openTab(browser, '', 'tab-1', (w) => ({ ...w, store: stuck.store }));
    await t.edit('any where 1 == 1');
    stuck.box.stuck = true;
    t.pg.documents.onRuleChange('any where 2 == 2');
    const saving = t.pg.drafts.flush();
    await until(() => stuck.waiting.length === 1);
    t.f.timeOut();
    await saving;
    expect(t.pg.drafts.status.get()).toMatchObject({ state: 'failed' });
    await stuck.release();
    expect(t.pg.drafts.status.get()).toEqual({ state: 'saved' });
    expect(t.pg.notices.get()).toBeUndefined();
    expect((await stored(browser, t.pg.drafts.workspaceId()))?.rule).toBe('any where 2 == 2');
    // Once more, with an edit made after the write timed out: that edit is not saved yet.
    t.pg.documents.onRuleChange('any where 4 == 4');
    const again = t.pg.drafts.flush();
    await until(() => stuck.waiting.length === 1);
    t.f.timeOut();
    await again;
    t.pg.documents.onRuleChange('any where 5 == 5');
    await stuck.release();
    expect(t.pg.drafts.status.get()).not.toEqual({ state: 'saved' });
    expect(t.f.wouldAsk()).toBe(true);
  });
});

describe('closing the tab while a save is due or under way', () => {
  test('a save waiting for its pause starts at once; the browser asks only until it is stored', async () => {
    const browser = fakeBrowser();
    const t = await openTab(browser);
    expect(t.f.wouldAsk()).toBe(false); // the untouched example loses nothing
    await t.edit('any where 1 == 1');
    expect(t.f.wouldAsk()).toBe(false); // stored
    const saves = browser.memory.box.saves;
    t.pg.documents.onRuleChange('any where 2 == 2'); // the autosave waits for its pause
    expect(t.f.wouldAsk()).toBe(true);
    await flush();
    expect(browser.memory.box.saves).toBe(saves + 1); // started by the close, not by the pause
    expect((await stored(browser, t.pg.drafts.workspaceId()))?.rule).toBe('any where 2 == 2');
    expect(t.pg.drafts.status.get()).toEqual({ state: 'saved' });
    expect(t.f.wouldAsk()).toBe(false);
  });

  test('a save that storage has not answered yet makes the browser ask', async () => {
    const browser = fakeBrowser();
    const stuck = stuckStore(browser);
    const t = await openTab(browser, '', 'tab-1', (w) => ({ ...w, store: stuck.store }));
    await t.edit('any where 1 == 1');
    stuck.box.stuck = true;
    t.pg.documents.onRuleChange('any where 2 == 2');
    void t.pg.drafts.flush();
    await until(() => stuck.waiting.length === 1);
    expect(t.f.wouldAsk()).toBe(true);
    await stuck.release();
    expect(t.f.wouldAsk()).toBe(false);
  });
});

describe('a failed save never lets another workspace replace the work on screen', () => {
  test('Recent, reset, a pasted link and a workspace file wait until the work is stored or downloaded', async () => {
    const browser = fakeBrowser();
    const t = await openTab(browser);
    await t.edit(mine.rule);
    const mineId = t.pg.drafts.workspaceId();
    const other = await openTab(browser, link, 'tab-2');
    await other.edit('file where "other"');
    other.stop();
    await other.pg.drafts.flush();
    other.f.closeTab();
    await t.pg.drafts.refreshRecent();
    const otherMeta = t.pg.drafts.recent.get().find((m) => m.id === other.pg.drafts.workspaceId())!;
    browser.memory.box.fail = new SaveFailure('quota', "the browser's storage for this page is full");
    await t.edit('process where "not stored"');
    expect(t.f.wouldAsk()).toBe(true);
    t.pg.dismissNotice();
    const refused = (what: RegExp) => {
      const n = t.pg.notices.get();
      expect(n?.kind).toBe('save-failed');
      expect(n?.kind === 'save-failed' && n.message).toMatch(what);
      expect(t.pg.documents.doc().rule).toBe('process where "not stored"');
      expect(t.pg.drafts.workspaceId()).toBe(mineId);
    };
    expect(await t.pg.drafts.openWorkspace(otherMeta)).toBe(false);
    refused(new RegExp(`full, so “${otherMeta.title}” was not opened over your unsaved changes`));
    await t.pg.drafts.resetToExample();
    refused(/so the example was not opened over/);
    await t.pg.drafts.openAsNew({ ...theirs, metadata: { name: 'From a file' } }, 'file');
    refused(/so “From a file” was not opened over/);
    t.f.navigate(link);
    await t.pg.drafts.settled();
    refused(/so the pasted link was not opened over/);
    // Kept as a file: now another workspace may take the screen.
    const downloading = t.pg.drafts.downloadWorkspace();
    await until(() => (t.f.clients[0]?.calls.writeWorkspace.length ?? 0) > 0);
    t.f.clients[0]!.calls.writeWorkspace[0]!.resolve({
      status: 'ok',
      value: { type: 'writeWorkspace', id: 1, text: 'file\n' },
    });
    await downloading;
    expect(t.f.wouldAsk()).toBe(false);
    expect(await t.pg.drafts.openWorkspace(otherMeta)).toBe(true);
    expect(t.pg.documents.doc().rule).toBe('file where "other"');
  });

  test('an untouched workspace may be replaced even when storage refuses every save', async () => {
    const browser = fakeBrowser();
    browser.memory.box.fail = new SaveFailure('unavailable', 'no storage');
    const t = await openTab(browser);
    expect(t.f.wouldAsk()).toBe(false);
    await t.pg.drafts.resetToExample();
    expect(t.pg.notices.get()).toMatchObject({ kind: 'reset' });
  });
});

describe('exports of held events', () => {
  test("the Export menu's workspace file takes the events the worker holds, not the hidden editor's", async () => {
    const browser = fakeBrowser();
    const t = await openTab(browser);
    const text = datasetText();
    await served(t, t.pg.dataset.openFile({ name: 'big.ndjson', text, size: text.length } as never));
    expect(t.pg.dataset.state.get()).toMatchObject({ mode: 'dataset', inDocument: false });
    expect(t.pg.documents.doc().events).toBe('');
    const saving = t.pg.tuning.saveWorkspace();
    await served(
      t,
      until(() => (t.f.clients.at(-1)?.calls.writeWorkspace.length ?? 0) > 0),
    );
    const call = t.f.clients.at(-1)!.calls.writeWorkspace[0]!;
    expect((call.args[0] as { events?: string }).events).toBe(t.f.clients.at(-1)!.session.exportEvents());
    expect((call.args[0] as { events?: string }).events).toContain('"p-4999"');
    call.resolve({ status: 'ok', value: { type: 'writeWorkspace', id: 1, text: 'file\n' } });
    await saving;
    expect(t.f.downloads.map((d) => d.name)).toEqual([expect.stringMatching(/\.workspace\.json$/)]);
  });

  test('a share link that cannot be made says why', async () => {
    const browser = fakeBrowser();
    const t = await openTab(browser);
    t.pg.dataset.setEvents(datasetText());
    await served(
      t,
      until(() => t.pg.dataset.state.get().mode === 'dataset'),
    );
    const c = t.f.clients.at(-1)!;
    const sharing = t.pg.share.shareLink();
    await until(() => c.pending.some((p) => p.kind === 'exportEvents'));
    c.settle('exportEvents', { status: 'failed', message: 'gone' });
    await sharing;
    expect(t.f.clipboard).toEqual([]);
    expect(t.pg.notices.get()).toMatchObject({
      kind: 'export-failed',
      message: expect.stringMatching(/^No link was made: .*gone/),
    });
  });
});

describe('Recent: delete with Undo, rename', () => {
  /** A browser with two stored workspaces: this tab's and one no tab has open. */
  async function twoWorkspaces(browser = fakeBrowser()) {
    const other = await openTab(browser, '', 'tab-2');
    await other.edit('process where "the other one"');
    const otherId = other.pg.drafts.workspaceId();
    other.stop();
    other.f.closeTab();
    const t = await openTab(browser, link, 'tab-1');
    await t.edit('process where "on screen"');
    await t.pg.drafts.refreshRecent();
    const meta = () => t.pg.drafts.recent.get().find((m) => m.id === otherId)!;
    return { browser, t, otherId, meta };
  }

  test('Delete removes a stored workspace, Undo puts it back as it was, name and all', async () => {
    const { browser, t, otherId, meta } = await twoWorkspaces();
    await t.pg.drafts.renameWorkspace(meta(), '  Kept \u202e for later  ');
    expect(meta().name).toBe('Kept for later');
    const before = await browser.store.load(otherId);
    expect(await t.pg.drafts.deleteWorkspace(meta())).toBe(true);
    expect(await browser.store.load(otherId)).toBeUndefined();
    expect(t.pg.drafts.recent.get().map((m) => m.id)).not.toContain(otherId);
    expect(t.pg.notices.get()).toMatchObject({ kind: 'deleted', of: { id: otherId, name: 'Kept for later' } });
    await t.pg.noticeActions.undoDelete(otherId);
    await until(() => t.pg.notices.get()?.kind === 'undeleted');
    expect(await browser.store.load(otherId)).toBe(before);
    expect(t.pg.drafts.recent.get().find((m) => m.id === otherId)?.name).toBe('Kept for later');
    // The page on screen is untouched throughout.
    expect(t.pg.documents.doc().rule).toBe('process where "on screen"');
  });

  test('the workspace on screen and one open in another tab are not deleted; a refusal by storage says so', async () => {
    const { browser, t, otherId, meta } = await twoWorkspaces();
    const mineMeta = t.pg.drafts.recent.get().find((m) => m.id === t.pg.drafts.workspaceId())!;
    expect(await t.pg.drafts.deleteWorkspace(mineMeta)).toBe(false);
    expect(await browser.store.load(mineMeta.id)).toBeDefined();
    const third = await openTab(browser, '', 'tab-3');
    await third.pg.drafts.openWorkspace(meta());
    expect(third.pg.drafts.workspaceId()).toBe(otherId);
    expect(await t.pg.drafts.deleteWorkspace(meta())).toBe(false);
    expect(t.pg.notices.get()).toMatchObject({ kind: 'storage-failed', message: expect.stringMatching(/another tab/) });
    third.stop();
    third.f.closeTab();
    browser.memory.box.fail = new SaveFailure('unavailable', 'storage went away');
    expect(await t.pg.drafts.deleteWorkspace(meta())).toBe(false);
    expect(t.pg.notices.get()).toMatchObject({
      kind: 'storage-failed',
      message: expect.stringMatching(/was not deleted: storage went away/),
    });
    expect(await browser.store.load(otherId)).toBeDefined();
  });

  test('Recent knows which workspaces another tab has open (no Delete for them), as of its last read', async () => {
    const { browser, t, otherId, meta } = await twoWorkspaces();
    expect(t.pg.drafts.elsewhere.get().size).toBe(0);
    const third = await openTab(browser, '', 'tab-3');
    await third.pg.drafts.openWorkspace(meta());
    await t.pg.drafts.refreshRecent();
    expect([...t.pg.drafts.elsewhere.get()]).toEqual([otherId]);
    // The tab's own workspace is never "elsewhere", even in the third tab's list.
    await third.pg.drafts.refreshRecent();
    expect(third.pg.drafts.elsewhere.get().has(otherId)).toBe(false);
    expect(third.pg.drafts.elsewhere.get().has(t.pg.drafts.workspaceId())).toBe(true);
    third.stop();
    third.f.closeTab();
    await t.pg.drafts.refreshRecent();
    expect(t.pg.drafts.elsewhere.get().size).toBe(0);
    expect(await t.pg.drafts.deleteWorkspace(meta())).toBe(true);
  });

  test('an Undo that storage refuses says so and offers the deleted workspace as a file', async () => {
    const { browser, t, otherId, meta } = await twoWorkspaces();
    const before = await browser.store.load(otherId);
    await t.pg.drafts.deleteWorkspace(meta());
    browser.memory.box.fail = new SaveFailure('quota', 'full');
    await t.pg.drafts.undoDelete(otherId);
    expect(t.pg.notices.get()).toMatchObject({ kind: 'deleted', of: { id: otherId }, failed: 'full' });
    t.pg.drafts.downloadDeleted(otherId);
    expect(t.f.downloads.at(-1)).toEqual({ name: `stored-workspace-${otherId}.txt`, text: before, mime: 'text/plain' });
    browser.memory.box.fail = undefined;
    await t.pg.drafts.undoDelete(otherId);
    expect(await browser.store.load(otherId)).toBe(before);
  });

  test('a name outlives the saves of the tab that has it open; an empty name gives back the title', async () => {
    const { browser, t } = await twoWorkspaces();
    const id = t.pg.drafts.workspaceId();
    const mineMeta = () => t.pg.drafts.recent.get().find((m) => m.id === id)!;
    await t.pg.drafts.renameWorkspace(mineMeta(), 'My tuning');
    await t.edit('process where "edited after the rename"');
    await t.pg.drafts.refreshRecent();
    expect(mineMeta()).toMatchObject({ name: 'My tuning', title: 'process where "edited after the rename"' });
    // Renamed from another tab while this one keeps saving.
    const other = await openTab(browser, '', 'tab-2');
    await other.pg.drafts.refreshRecent();
    await other.pg.drafts.renameWorkspace(mineMeta(), 'Named elsewhere');
    await t.edit('process where "and again"');
    expect(browser.memory.records.get(id)?.meta.name).toBe('Named elsewhere');
    await t.pg.drafts.refreshRecent();
    await t.pg.drafts.renameWorkspace(mineMeta(), '   ');
    expect(mineMeta().name).toBeUndefined();
    expect((await t.reload()).pg.documents.doc().rule).toBe('process where "and again"');
  });

  test('IndexedDB keeps a name across saves, renames and removes', async () => {
    const store = await openWorkspaceDb(new IDBFactory());
    const meta: WorkspaceMeta = { id: 'a', title: 't', createdAt: 1, updatedAt: 1, size: 1, origin: 'example' };
    await store.save(meta, 'one');
    await store.rename('a', 'Named');
    await store.save({ ...meta, updatedAt: 2 }, 'two');
    expect(await store.list()).toEqual([{ ...meta, updatedAt: 2, name: 'Named' }]);
    await store.rename('a', undefined);
    expect((await store.list())[0]).toEqual({ ...meta, updatedAt: 2 });
    await store.rename('missing', 'x');
    await store.remove('a');
    expect([await store.list(), await store.load('a')]).toEqual([[], undefined]);
    await store.save({ ...meta, name: 'Back' }, 'two');
    expect((await store.list())[0]?.name).toBe('Back');
  });
});

describe('a browser without Web Locks', () => {
  /** The tab's claims over a BroadcastChannel instead of Web Locks (as tab-workspace.ts falls back to). */
  const overChannel = (name: string, tabs: TabClaims[], tab: string) => (w: WorkspacePorts) => {
    const claims = channelClaims({ channel: () => new BroadcastChannel(name), tab, waitMs: 30 });
    tabs.push(claims);
    return {
      ...w,
      claim: async (id: string) => (await claims.claim(id)) && w.claim(id),
      heldElsewhere: claims.heldElsewhere,
      onLost: claims.onLost,
      onContested: claims.onContested,
    };
  };
  /** The claims without any lock (what the page did before): every workspace counts as free. */
  const noLocks = (w: WorkspacePorts): WorkspacePorts => ({ ...w, heldElsewhere: async () => false });

  test('with every workspace free, two tabs edit one workspace and a reload shows only the last save', async () => {
    // Why the fallback exists: the first tab's edits are gone from storage.
    const browser = fakeBrowser();
    const one = await openTab(browser, '', 'tab-1', noLocks);
    await one.edit('process where "one"');
    browser.locks.held.clear();
    const two = await openTab(browser, '', 'tab-2', noLocks);
    expect(two.pg.drafts.workspaceId()).toBe(one.pg.drafts.workspaceId());
    await two.edit('process where "two"');
    expect((await stored(browser, one.pg.drafts.workspaceId()))?.rule).toBe('process where "two"');
  });

  test('over a BroadcastChannel the second tab works on a copy, and neither overwrites the other', async () => {
    const tabs: TabClaims[] = [];
    try {
      const browser = fakeBrowser();
      const one = await openTab(browser, '', 'tab-1', overChannel('drafts-a', tabs, 'a'));
      await one.edit('process where "one"');
      browser.locks.held.clear(); // the fake Web Locks play no part
      const two = await openTab(browser, '', 'tab-2', overChannel('drafts-a', tabs, 'b'));
      expect(two.pg.notices.get()).toMatchObject({ kind: 'copy', of: { id: one.pg.drafts.workspaceId() } });
      expect(two.pg.drafts.workspaceId()).not.toBe(one.pg.drafts.workspaceId());
      await two.edit('process where "two"');
      await one.edit('process where "one, later"');
      expect((await stored(browser, one.pg.drafts.workspaceId()))?.rule).toBe('process where "one, later"');
      expect((await stored(browser, two.pg.drafts.workspaceId()))?.rule).toBe('process where "two"');
    } finally {
      for (const t of tabs) t.close();
    }
  });

  test('a tab that hears late that another held its workspace goes on in a copy; the holder stores its own again', async () => {
    const browser = fakeBrowser();
    const hear: { lost?: (id: string) => void; contested?: (id: string) => void } = {};
    const one = await openTab(browser, '', 'tab-1', (w) => ({
      ...w,
      onContested: (l) => {
        hear.contested = l;
        return () => {};
      },
    }));
    await one.edit('process where "one"');
    const id = one.pg.drafts.workspaceId();
    browser.locks.held.clear();
    const two = await openTab(browser, '', 'tab-2', (w) => ({
      ...noLocks(w),
      onLost: (l) => {
        hear.lost = l;
        return () => {};
      },
    }));
    expect(two.pg.drafts.workspaceId()).toBe(id); // the answer did not come in time
    await two.edit('process where "two"');
    hear.lost?.(id);
    hear.contested?.(id);
    await two.pg.drafts.settled();
    await one.pg.drafts.flush();
    expect(two.pg.drafts.workspaceId()).not.toBe(id);
    expect(two.pg.notices.get()).toMatchObject({ kind: 'copy', of: { id } });
    expect(two.pg.documents.doc().rule).toBe('process where "two"');
    expect((await stored(browser, two.pg.drafts.workspaceId()))?.rule).toBe('process where "two"');
    expect((await stored(browser, id))?.rule).toBe('process where "one"');
  });
});

describe('links, reset and Recent', () => {
  test('a link always shows its content; a reload keeps the edits; a new opening offers them', async () => {
    const browser = fakeBrowser();
    const own = await openTab(browser);
    await own.edit(mine.rule);
    const t = await openTab(browser, link, 'tab-2');
    expect(t.pg.documents.doc().rule).toBe(theirs.rule);
    expect(t.pg.notices.get()).toMatchObject({ kind: 'shared', dropped: [] });
    await t.edit('file where file.name == "edited"');
    const reloaded = await t.reload();
    expect(reloaded.pg.documents.doc().rule).toBe('file where file.name == "edited"');
    // The same link in yet another tab: the link's content, the edits offered, then opened.
    const third = await openTab(browser, link, 'tab-3');
    expect(third.pg.documents.doc().rule).toBe(theirs.rule);
    const notice = third.pg.notices.get();
    expect(notice).toMatchObject({ kind: 'shared', edits: { id: reloaded.pg.drafts.workspaceId() } });
    await third.pg.drafts.restoreDraft('edits');
    expect(third.pg.documents.doc().rule).toBe('file where file.name == "edited"');
    // Held by the second tab, so the third has a copy of them.
    expect(third.pg.drafts.workspaceId()).not.toBe(reloaded.pg.drafts.workspaceId());
    expect((await stored(browser, own.pg.drafts.workspaceId()))?.rule).toBe(mine.rule);
  });

  test('a link pasted into the tab opens as its own workspace; the previous one can be restored', async () => {
    const browser = fakeBrowser();
    const t = await openTab(browser);
    await t.edit(mine.rule);
    const before = t.pg.drafts.workspaceId();
    t.f.navigate('#v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await until(() => t.pg.notices.get()?.kind === 'broken-link');
    expect(t.pg.documents.doc().rule).toBe(mine.rule);
    t.f.navigate(link);
    await until(() => t.pg.notices.get()?.kind === 'shared');
    expect(t.pg.documents.doc().rule).toBe(theirs.rule);
    expect(t.pg.drafts.workspaceId()).not.toBe(before);
    expect(t.pg.notices.get()).toMatchObject({ previous: { id: before } });
    await t.pg.drafts.restoreDraft('previous');
    expect(t.pg.documents.doc().rule).toBe(mine.rule);
    expect(t.pg.drafts.workspaceId()).toBe(before);
    expect(t.pg.notices.get()).toEqual({ kind: 'draft-restored' });
    expect((await stored(browser, before))?.rule).toBe(mine.rule);
  });

  test('reset and Undo from the untouched example: it is stored first, so Undo finds it', async () => {
    const browser = fakeBrowser();
    const t = await openTab(browser);
    const before = t.pg.drafts.workspaceId();
    expect(t.pg.drafts.status.get()).toEqual({ state: 'saved' });
    await t.pg.drafts.resetToExample();
    await t.pg.drafts.undoReset();
    expect(t.pg.notices.get()).toEqual({ kind: 'draft-restored' });
    expect(t.pg.drafts.workspaceId()).toBe(before);
  });

  test('reset opens the example in a new workspace; Undo brings the previous one back, also after a reload', async () => {
    const browser = fakeBrowser();
    const t = await openTab(browser, link);
    await t.edit(mine.rule);
    const before = t.pg.drafts.workspaceId();
    await t.pg.drafts.resetToExample();
    expect(t.pg.documents.doc()).toEqual(defaultDocState());
    expect(t.f.address.hash).toBe('');
    expect(t.pg.notices.get()).toMatchObject({ kind: 'reset', previous: { id: before } });
    expect((await stored(browser, before))?.rule).toBe(mine.rule);
    await t.pg.drafts.undoReset();
    expect(t.pg.documents.doc().rule).toBe(mine.rule);
    expect(t.pg.drafts.workspaceId()).toBe(before);
    // Reset again and reload without Undo: the example stays (the old workspace waits in Recent).
    await t.pg.drafts.resetToExample();
    const again = await t.reload();
    expect(again.pg.documents.doc().rule).toBe(defaultDocState().rule);
    const recent = await again.pg.drafts.refreshRecent();
    expect(recent.map((w) => w.id)).toContain(before);
  });

  test('a workspace file opens as a workspace of its own; the one on screen stays stored', async () => {
    const browser = fakeBrowser();
    const t = await openTab(browser);
    await t.edit(mine.rule);
    const before = t.pg.drafts.workspaceId();
    await t.pg.drafts.openAsNew({ ...theirs, metadata: { name: 'From a file' } }, 'file');
    expect(t.pg.documents.doc().rule).toBe(theirs.rule);
    expect(t.pg.drafts.workspaceId()).not.toBe(before);
    expect(t.pg.notices.get()).toEqual({ kind: 'workspace-opened', title: 'From a file' });
    expect((await stored(browser, before))?.rule).toBe(mine.rule);
    const meta = browser.memory.records.get(t.pg.drafts.workspaceId())?.meta;
    expect(meta).toMatchObject({ origin: 'file', title: 'From a file' });
  });

  test('Recent lists every stored workspace; an unreadable one stays stored, is marked, and can be downloaded as it is', async () => {
    const browser = fakeBrowser();
    const bad: WorkspaceMeta = {
      id: 'bad',
      title: 'From the future',
      createdAt: 1,
      updatedAt: 1,
      size: 9,
      origin: 'example',
    };
    await browser.store.save(bad, '{"v":9}');
    const good = serializeWorkspace({ state: mine });
    await browser.store.save({ ...bad, id: 'good', title: 'mine', updatedAt: 2 }, good);
    const t = await openTab(browser);
    expect(t.pg.documents.doc().rule).toBe(mine.rule);
    await until(() => t.pg.drafts.recent.get().length === 2);
    expect(await t.pg.drafts.openWorkspace(bad)).toBe(false);
    expect(t.pg.notices.get()).toMatchObject({ kind: 'unreadable', of: { id: 'bad' } });
    expect(t.pg.drafts.unreadable.get().bad).toMatch(/version 9/);
    expect(t.pg.documents.doc().rule).toBe(mine.rule);
    expect(await browser.store.load('bad')).toBe('{"v":9}');
    await t.pg.drafts.downloadStored(bad);
    expect(t.f.downloads.at(-1)).toEqual({ name: 'stored-workspace-bad.txt', text: '{"v":9}', mime: 'text/plain' });
  });

  test("each workspace keeps its list's Sort and Group across a reload; a link made of it carries neither", async () => {
    const browser = fakeBrowser();
    const t = await openTab(browser);
    await t.edit('process where true');
    t.pg.evaluation.setSort('id');
    t.pg.evaluation.setGroup('reason');
    await t.pg.drafts.flush();
    expect(t.pg.drafts.status.get()).toEqual({ state: 'saved' });
    const first = t.pg.drafts.workspaceId();
    await t.pg.share.shareLink();
    const hash = t.f.address.hash;
    expect(hash).not.toBe('');
    expect(decodeShareHash(hash)).toMatchObject({ ok: true, payload: { rule: 'process where true' } });
    const decoded = decodeShareHash(hash);
    const payload = decoded.ok ? decoded.payload : {};
    expect(Object.keys(payload)).not.toContain('list');
    expect(Object.keys(payload)).not.toContain('listView');
    // Sorting again does not put the link out of date: it is not in it.
    t.pg.evaluation.setSort('position');
    expect(t.pg.share.info.get().link).toBe('current');
    await t.pg.drafts.flush();
    const again = await t.reload();
    expect(again.pg.drafts.workspaceId()).toBe(first);
    expect(again.pg.evaluation.list.get()).toMatchObject({ sort: 'position', group: 'reason' });
    // Another workspace has its own (the defaults), and switching back brings these again.
    await again.pg.drafts.resetToExample();
    expect(again.pg.evaluation.list.get()).toMatchObject({ sort: 'auto', group: 'none' });
    await again.pg.drafts.undoReset();
    expect(again.pg.drafts.workspaceId()).toBe(first);
    expect(again.pg.evaluation.list.get()).toMatchObject({ sort: 'position', group: 'reason' });
  });

  test('share puts the document in the address bar, copies the link, and a reload keeps the state', async () => {
    const browser = fakeBrowser();
    const t = await openTab(browser);
    await t.edit(mine.rule);
    await t.pg.share.shareLink();
    expect(t.f.address.hash).toBe(encodeShareHash(toSharePayload(t.pg.documents.doc())));
    expect(t.f.clipboard).toEqual([`http://127.0.0.1/${t.f.address.hash}`]);
    await t.pg.drafts.flush();
    const r = readWorkspace(await browser.store.load(t.pg.drafts.workspaceId()));
    expect(r.ok && r.draft.fromHash).toBe(t.f.address.hash);
    await t.edit('any where "edited after sharing"');
    const again = await t.reload();
    expect(again.pg.drafts.workspaceId()).toBe(t.pg.drafts.workspaceId());
    expect(again.pg.documents.doc().rule).toBe('any where "edited after sharing"');
  });
});

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !cond(); i++) await flush();
  expect(cond()).toBe(true);
}
