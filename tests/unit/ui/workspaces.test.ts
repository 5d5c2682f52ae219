import { afterEach, describe, expect, test, vi } from 'vitest';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { encodeShareHash, looksLikeShareHash, decodeShareHash } from '../../../src/share';
import { openWorkspaceDb, SaveFailure } from '../../../src/ui/platform/workspace-db';
import { defaultDocState, serializeDraft, toSharePayload, type DocState } from '../../../src/ui/state/doc-state';
import {
  decideOpening,
  linkKey,
  metaFor,
  migrateLegacyDrafts,
  readWorkspace,
  serializeWorkspace,
  workspaceTitle,
  type OpeningContext,
  type WorkspaceDraft,
  type WorkspaceStore,
} from '../../../src/ui/state/workspaces';

const mine: DocState = { ...defaultDocState(), rule: 'process where process.name == "mine"', metadata: undefined };
const shared: DocState = { ...defaultDocState(), rule: 'file where true', metadata: undefined };
const link = encodeShareHash(toSharePayload(shared));

let ids = 0;
const newId = () => `w${++ids}`;

async function put(
  store: WorkspaceStore,
  id: string,
  d: WorkspaceDraft,
  at: number,
  origin: 'example' | 'link' = 'example',
) {
  const text = serializeWorkspace(d);
  const key = d.fromHash ? linkKey(d.fromHash) : undefined;
  await store.save(metaFor(id, d.state, text, at, { createdAt: at, origin, ...(key ? { linkKey: key } : {}) }), text);
}

function ctx(store: WorkspaceStore, over: Partial<OpeningContext> = {}): OpeningContext {
  return {
    hash: '',
    decode: async (h) => decodeShareHash(h),
    looksLikeLink: looksLikeShareHash,
    store,
    tabWorkspace: undefined,
    heldElsewhere: async () => false,
    newId,
    now: 1000,
    ...over,
  };
}

afterEach(() => vi.restoreAllMocks());

describe('the IndexedDB workspace store', () => {
  test('saves, lists newest first with titles and sizes, loads; two workspaces never touch each other', async () => {
    const store = await openWorkspaceDb(new IDBFactory());
    await put(store, 'a', { state: mine }, 10);
    await put(store, 'b', { state: shared, fromHash: link }, 20, 'link');
    const list = await store.list();
    expect(list.map((w) => [w.id, w.title, w.origin])).toEqual([
      ['b', 'file where true', 'link'],
      ['a', 'process where process.name == "mine"', 'example'],
    ]);
    expect(list[0]!.linkKey).toBe(linkKey(link));
    const a = readWorkspace(await store.load('a'));
    expect(a.ok && a.draft.state).toEqual(mine);
    const b = readWorkspace(await store.load('b'));
    expect(b.ok && b.draft.fromHash).toBe(link);
    expect(await store.load('nope')).toBeUndefined();
  });

  test('holds a 17 MB workspace (the size localStorage refused)', async () => {
    const store = await openWorkspaceDb(new IDBFactory());
    const line = JSON.stringify({ event: { category: 'process' }, process: { name: 'x'.repeat(800) } });
    const events = Array.from({ length: 20_000 }, () => line).join('\n');
    expect(events.length).toBeGreaterThan(16_000_000);
    await put(store, 'big', { state: { ...mine, events } }, 5);
    const back = readWorkspace(await store.load('big'));
    expect(back.ok && back.draft.state.events.length).toBe(events.length);
  });

  test('a save over the quota rejects with a SaveFailure that says so, and the stored copy stays', async () => {
    const store = await openWorkspaceDb(new IDBFactory());
    await put(store, 'a', { state: mine }, 10);
    const real = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      if (JSON.stringify(value).length > 100_000) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return real.call(this, value, key);
    });
    const err = await put(store, 'a', { state: { ...mine, events: 'x'.repeat(200_000) } }, 11).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SaveFailure);
    expect((err as SaveFailure).reason).toBe('quota');
    expect((err as SaveFailure).message).toMatch(/storage .* is full/);
    const kept = readWorkspace(await store.load('a'));
    expect(kept.ok && kept.draft.state).toEqual(mine);
    expect((await store.list())[0]!.updatedAt).toBe(10);
  });

  test('no IndexedDB at all: opening says so', async () => {
    await expect(openWorkspaceDb(undefined as unknown as IDBFactory)).rejects.toMatchObject({ reason: 'unavailable' });
  });
});

describe('stored drafts are held to the share schema', () => {
  test('wrongly typed fields are dropped with a notice; other versions and garbage are unreadable', () => {
    const text = JSON.stringify({
      v: 1,
      payload: { rule: 'any where true', events: '[]', meta: { name: 'R', threat: [{ techniques: 'oops' }] }, zzz: 1 },
    });
    const r = readWorkspace(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.draft.state.metadata).toEqual({ name: 'R', threat: [{}] });
    expect(r.notices).toEqual([
      'zzz was dropped: not a known field',
      'meta.threat[0].techniques was dropped: expected a list, found a string',
    ]);
    expect(readWorkspace('{nope')).toEqual({ ok: false, reason: 'it is not valid JSON' });
    expect(readWorkspace('{"v":7,"payload":{}}')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('version 7'),
    });
    expect(readWorkspace('{"v":1,"payload":{"rule":1,"events":""}}')).toMatchObject({ ok: false });
  });

  test("the list's Sort and Group are stored beside the payload, never in it; a choice this build does not know is dropped with a notice", () => {
    const state: DocState = { ...mine, listView: { sort: 'id', group: 'reason' } };
    const text = serializeWorkspace({ state });
    const stored = JSON.parse(text);
    expect(stored.list).toEqual({ sort: 'id', group: 'reason' });
    expect(stored.payload).toEqual(toSharePayload(mine)); // a link of it is the same
    const r = readWorkspace(text);
    expect(r.ok && r.draft.state.listView).toEqual({ sort: 'id', group: 'reason' });
    expect(r.ok && r.notices).toEqual([]);
    // The defaults are not stored at all.
    expect(JSON.parse(serializeWorkspace({ state: mine })).list).toBeUndefined();
    const odd = readWorkspace(JSON.stringify({ ...stored, list: { sort: 'severity', group: 'reason' } }));
    expect(odd.ok && odd.draft.state.listView).toBeUndefined();
    expect(odd.ok && odd.draft.state.rule).toBe(mine.rule);
    expect(odd.ok && odd.notices).toEqual([expect.stringMatching(/^list was dropped/)]);
  });

  test('titles: the rule name, else the first line of EQL that is not a comment', () => {
    expect(workspaceTitle({ ...mine, metadata: { name: 'My rule' } })).toBe('My rule');
    expect(workspaceTitle({ ...mine, rule: '// note\n\n  process where x == 1\n' })).toBe('process where x == 1');
    expect(workspaceTitle({ ...mine, rule: '' })).toBe('Empty rule');
  });
});

describe('which workspace a tab opens', () => {
  test('first visit: the example, in a new workspace not yet stored', async () => {
    const store = await openWorkspaceDb(new IDBFactory());
    const o = await decideOpening(ctx(store));
    expect(o).toMatchObject({ state: defaultDocState(), stored: false, base: { origin: 'example' } });
  });

  test('a reload reopens the tab’s own workspace even when another one is newer', async () => {
    const store = await openWorkspaceDb(new IDBFactory());
    await put(store, 'mine', { state: mine }, 10);
    await put(store, 'other', { state: shared }, 20);
    const o = await decideOpening(ctx(store, { tabWorkspace: 'mine' }));
    expect(o).toMatchObject({ id: 'mine', state: mine, stored: true });
    expect(o.notice).toBeUndefined();
  });

  test('a new tab opens the newest workspace, or a copy of it when another tab has it open', async () => {
    const store = await openWorkspaceDb(new IDBFactory());
    await put(store, 'old', { state: shared }, 10);
    await put(store, 'new', { state: mine }, 20);
    expect(await decideOpening(ctx(store))).toMatchObject({ id: 'new', state: mine, stored: true });
    const copy = await decideOpening(ctx(store, { heldElsewhere: async (id) => id === 'new' }));
    expect(copy.id).not.toBe('new');
    expect(copy).toMatchObject({ state: mine, stored: false, base: { origin: 'copy' } });
    expect(copy.notice).toMatchObject({ kind: 'copy', of: { id: 'new' } });
    // A duplicated tab (same session id) whose workspace the original tab holds gets a copy too.
    const dup = await decideOpening(ctx(store, { tabWorkspace: 'old', heldElsewhere: async (id) => id === 'old' }));
    expect(dup).toMatchObject({ state: shared, base: { origin: 'copy' } });
    expect(dup.id).not.toBe('old');
  });

  test('a share link always shows its content; edits of the same link elsewhere are offered, never shown', async () => {
    const store = await openWorkspaceDb(new IDBFactory());
    await put(store, 'draft', { state: mine }, 10);
    const edited = { ...shared, rule: 'file where file.name == "edited"' };
    await put(store, 'edits', { state: edited, fromHash: link }, 20, 'link');
    const o = await decideOpening(ctx(store, { hash: link }));
    expect(o.state).toEqual(shared);
    expect(o.id).not.toBe('edits');
    expect(o).toMatchObject({ fromHash: link, stored: false, base: { origin: 'link', linkKey: linkKey(link) } });
    expect(o.notice).toMatchObject({ kind: 'shared', dropped: [], edits: { id: 'edits' } });
    // Reloading the tab that has those edits keeps them.
    const reload = await decideOpening(ctx(store, { hash: link, tabWorkspace: 'edits' }));
    expect(reload).toMatchObject({ id: 'edits', state: edited, stored: true });
    // Unedited openings of the link are not offered.
    const store2 = await openWorkspaceDb(new IDBFactory());
    await put(store2, 'same', { state: shared, fromHash: link }, 20, 'link');
    expect((await decideOpening(ctx(store2, { hash: link }))).notice).toEqual({ kind: 'shared', dropped: [] });
  });

  test('a link with wrongly typed metadata opens with the field dropped and named', async () => {
    const store = await openWorkspaceDb(new IDBFactory());
    const bad = encodeShareHash({ rule: 'any where true', events: '[]', meta: { threat: [{ techniques: 'oops' }] } });
    const o = await decideOpening(ctx(store, { hash: bad }));
    expect(o.state.rule).toBe('any where true');
    expect(o.notice).toMatchObject({
      kind: 'shared',
      dropped: ['meta.threat[0].techniques was dropped: expected a list, found a string'],
    });
  });

  test('a broken link keeps the local workspace and says why', async () => {
    const store = await openWorkspaceDb(new IDBFactory());
    await put(store, 'mine', { state: mine }, 10);
    const o = await decideOpening(ctx(store, { hash: '#v1.@@@', tabWorkspace: 'mine' }));
    expect(o).toMatchObject({ id: 'mine', state: mine, notice: { kind: 'broken-link', code: 'SHR8001' } });
  });

  test('an unreadable workspace is left stored, and the example opens in a new one', async () => {
    const store = await openWorkspaceDb(new IDBFactory());
    await store.save({ id: 'bad', title: 'x', createdAt: 1, updatedAt: 1, size: 5, origin: 'example' }, '{"v":9}');
    const o = await decideOpening(ctx(store));
    expect(o.id).not.toBe('bad');
    expect(o.state).toEqual(defaultDocState());
    expect(o.notice).toMatchObject({ kind: 'unreadable', of: { id: 'bad' } });
    expect(await store.load('bad')).toBe('{"v":9}');
  });

  test('localStorage drafts of earlier versions become workspaces once', async () => {
    const store = await openWorkspaceDb(new IDBFactory());
    const backup = serializeDraft({ state: mine });
    const draft = serializeDraft({ state: shared, fromHash: link });
    expect(await migrateLegacyDrafts(store, [backup, draft, '{broken'], newId, 100)).toBe(2);
    const list = await store.list();
    expect(list.map((w) => [w.title, w.origin])).toEqual([
      ['file where true', 'migrated'],
      ['process where process.name == "mine"', 'migrated'],
    ]);
    expect(list[0]!.linkKey).toBe(linkKey(link));
    expect(await migrateLegacyDrafts(store, [backup], newId, 200)).toBe(0);
    expect(await decideOpening(ctx(store))).toMatchObject({ state: shared, fromHash: link });
  });
});
