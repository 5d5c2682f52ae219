/** Fakes for the playground's ports: a worker client answering by hand, storage, address bar, timers. */
import type { Verdict } from '../../../../src/core';
import type { IStandaloneCodeEditor } from '../../../../src/monaco/types';
import { decodeShareHash, encodeShareHash } from '../../../../src/share';
import type { PlaygroundPorts } from '../../../../src/ui/playground';
import type { WorkspaceMeta, WorkspaceStore } from '../../../../src/ui/state/workspaces';
import type { ClientLike } from '../../../../src/ui/stores/evaluation';
import type { Outcome } from '../../../../src/worker/client';
import type { LoadFields } from '../../../../src/worker/client';
import type { ParsedRuleView, RunInput, WorkerResponse } from '../../../../src/worker/protocol';
import { WorkerSession, textChunks } from '../../../../src/worker/session';

interface Call<T> {
  readonly kind: string;
  readonly args: readonly unknown[];
  readonly resolve: (o: Outcome<T>) => void;
}

const DATA_KINDS = [
  'loadText',
  'loadFile',
  'run',
  'rows',
  'sequences',
  'search',
  'labels',
  'traceAt',
  'editEvent',
  'exportEvents',
] as const;
type DataKind = (typeof DATA_KINDS)[number];

/**
 * A worker client answering by hand: every request waits in `calls` until the test resolves it,
 * or `serve()` answers the events requests (loads, runs, rows, …) through a real WorkerSession,
 * in the order they were made.
 */
export function fakeClient(session = new WorkerSession()) {
  const calls = {
    evaluate: [] as Call<unknown>[],
    trace: [] as Call<unknown>[],
    language: [] as Call<unknown>[],
    parseRule: [] as Call<unknown>[],
    propose: [] as Call<unknown>[],
    exportRule: [] as Call<unknown>[],
    readWorkspace: [] as Call<unknown>[],
    writeWorkspace: [] as Call<unknown>[],
    loadText: [] as Call<unknown>[],
    loadFile: [] as Call<unknown>[],
    editEvent: [] as Call<unknown>[],
    exportEvents: [] as Call<unknown>[],
    run: [] as Call<unknown>[],
    rows: [] as Call<unknown>[],
    sequences: [] as Call<unknown>[],
    search: [] as Call<unknown>[],
    labels: [] as Call<unknown>[],
    traceAt: [] as Call<unknown>[],
  };
  const pending: Call<unknown>[] = [];
  let disposed = 0;
  const record =
    (kind: keyof typeof calls) =>
    (...args: unknown[]) =>
      new Promise<Outcome<unknown>>((resolve) => {
        const call = { kind, args, resolve };
        calls[kind].push(call);
        if ((DATA_KINDS as readonly string[]).includes(kind)) pending.push(call);
      });
  const client = {
    evaluate: record('evaluate'),
    trace: record('trace'),
    language: record('language'),
    parseRule: record('parseRule'),
    loadText: record('loadText'),
    loadFile: record('loadFile'),
    editEvent: record('editEvent'),
    exportEvents: record('exportEvents'),
    run: record('run'),
    rows: record('rows'),
    sequences: record('sequences'),
    search: record('search'),
    labels: record('labels'),
    traceAt: record('traceAt'),
    propose: record('propose'),
    exportRule: record('exportRule'),
    readWorkspace: record('readWorkspace'),
    writeWorkspace: record('writeWorkspace'),
    dispose: () => {
      disposed++;
    },
  } as unknown as ClientLike;
  const answer = async (call: Call<unknown>): Promise<WorkerResponse> => {
    const a = call.args;
    switch (call.kind as DataKind) {
      case 'loadText': {
        const f = (a[1] ?? {}) as LoadFields;
        if (a[2] === true) {
          const text = a[0] as string;
          const chunks = textChunks(text, 1000);
          const info = await session.loadChunks(chunks, text.length, 'events', f.idField, () => {}, f.labelField);
          return { type: 'loaded', id: 1, info };
        }
        return { type: 'loaded', id: 1, info: session.loadText(a[0] as string, f.idField, f.labelField) };
      }
      case 'loadFile': {
        // A stand-in file: { name, text }, read in slices as a stream would be.
        const file = a[0] as { name: string; text: string };
        const f = (a[2] ?? {}) as LoadFields;
        const progress = a[3] as ((p: unknown) => void) | undefined;
        const info = await session.loadChunks(
          textChunks(file.text, 1000),
          file.text.length,
          file.name,
          f.idField,
          (p) => progress?.({ type: 'progress', id: 1, ...p }),
          f.labelField,
        );
        return { type: 'loaded', id: 1, info };
      }
      case 'editEvent':
        return { type: 'editEvent', id: 1, ...session.edit(a[0] as number, a[1] as string) };
      case 'exportEvents':
        return { type: 'exportEvents', id: 1, text: session.exportEvents() };
      case 'run':
        return {
          type: 'ran',
          id: 1,
          result: session.run(a[0] as RunInput, a[1] as RunInput | undefined, a[3] as number[] | undefined),
        };
      case 'rows':
        return {
          type: 'rows',
          id: 1,
          datasetVersion: session.dataset.version,
          rows: session.rows(a[0] as number[]),
        };
      case 'sequences':
        return { type: 'sequences', id: 1, sequences: session.sequences(a[0] as number, a[1] as number) };
      case 'search':
        return {
          type: 'search',
          id: 1,
          datasetVersion: session.dataset.version,
          positions: session.search(a[0] as string, a[1] as string | undefined),
        };
      case 'labels':
        return { type: 'labels', id: 1, labelField: a[0] as string, ...session.labels(a[0] as string) };
      case 'traceAt':
        return { type: 'traceAt', id: 1, entries: session.trace(a[0] as RunInput, a[1] as number) };
    }
  };
  /** Answer the waiting events requests in order (and those they lead to), until none waits. */
  const serve = async (): Promise<void> => {
    for (let rounds = 0; rounds < 50 && pending.length > 0; rounds++) {
      while (pending.length > 0) {
        const call = pending.shift()!;
        call.resolve({ status: 'ok', value: await answer(call) });
      }
      await flush();
    }
  };
  /** Settle the oldest waiting events request of a kind with this outcome instead. */
  const settle = (kind: DataKind, outcome: Outcome<unknown>): void => {
    const i = pending.findIndex((c) => c.kind === kind);
    if (i < 0) throw new Error(`no ${kind} request waits`);
    pending.splice(i, 1)[0]!.resolve(outcome);
  };
  return { client, calls, session, serve, settle, pending, disposed: () => disposed };
}

export const verdict = (id: string, v: Verdict['verdict'] = 'alert'): Verdict => ({
  id,
  position: Number(id),
  verdict: v,
  reasons: [],
});
export const flush = () => new Promise((r) => setTimeout(r, 0));

/** A debounce that runs only when flushed or when the test calls `fire()`. */
export function manualDebounce() {
  const timers: { fn: () => void; pending: boolean }[] = [];
  const debounce = (fn: () => void) => {
    const t = { fn, pending: false };
    timers.push(t);
    return {
      schedule: () => {
        t.pending = true;
      },
      flush: () => {
        if (t.pending) {
          t.pending = false;
          fn();
        }
      },
    };
  };
  const fire = () => {
    for (const t of timers) {
      if (!t.pending) continue;
      t.pending = false;
      t.fn();
    }
  };
  return { debounce, fire };
}

/** Workspaces in memory; `fail` makes every save reject with that error (a full disk, say). */
export function memoryStore() {
  const records = new Map<string, { meta: WorkspaceMeta; draft: string }>();
  const box = { fail: undefined as Error | undefined, saves: 0 };
  const store: WorkspaceStore = {
    list: async () => [...records.values()].map((r) => r.meta).sort((a, b) => b.updatedAt - a.updatedAt),
    load: async (id) => records.get(id)?.draft,
    save: async (meta, draft) => {
      await Promise.resolve();
      if (box.fail) throw box.fail;
      box.saves++;
      const name = meta.name ?? records.get(meta.id)?.meta.name;
      records.set(meta.id, { meta: name === undefined ? meta : { ...meta, name }, draft });
    },
    remove: async (id) => {
      await Promise.resolve();
      if (box.fail) throw box.fail;
      records.delete(id);
    },
    rename: async (id, name) => {
      await Promise.resolve();
      if (box.fail) throw box.fail;
      const r = records.get(id);
      if (!r) return;
      const { name: _, ...meta } = r.meta;
      records.set(id, { ...r, meta: name === undefined ? meta : { ...meta, name } });
    },
  };
  return { store, records, box };
}

/** Web Locks shared by the fake tabs of one browser: lock name → the tab holding it. */
export function fakeLocks() {
  const held = new Map<string, string>();
  const tab = (name: string) => ({
    claim: async (id: string) => {
      const owner = held.get(id);
      if (owner !== undefined && owner !== name) return false;
      for (const [k, v] of [...held]) if (v === name) held.delete(k);
      held.set(id, name);
      return true;
    },
    heldElsewhere: async (id: string) => {
      const owner = held.get(id);
      return owner !== undefined && owner !== name;
    },
    /** The tab closes: its locks go. */
    close: () => {
      for (const [k, v] of [...held]) if (v === name) held.delete(k);
    },
  });
  return { held, tab };
}

export interface FakeBrowser {
  readonly memory: ReturnType<typeof memoryStore>;
  /** What the tabs store into (the memory store unless a test gives another). */
  store: WorkspaceStore;
  readonly locks: ReturnType<typeof fakeLocks>;
  /** localStorage drafts of an earlier version. */
  readonly legacy: (string | null)[];
  readonly session: Map<string, string | undefined>;
  ids: number;
  now: number;
}

export function fakeBrowser(): FakeBrowser {
  const memory = memoryStore();
  return { memory, store: memory.store, locks: fakeLocks(), legacy: [], session: new Map(), ids: 0, now: 1000 };
}

/** Every port, in memory: one tab (`tab`) of a browser (shared storage and locks). */
export function fakePorts(hash = '', browser: FakeBrowser = fakeBrowser(), tab = 'tab-1') {
  const address = { hash, listeners: [] as ((h: string) => void)[] };
  const clipboard: string[] = [];
  const clients: ReturnType<typeof fakeClient>[] = [];
  const timers = manualDebounce();
  const hooks: { installed: unknown[]; removed: number } = { installed: [], removed: 0 };
  const languageData: unknown[] = [];
  const downloads: { name: string; text: string; mime: string }[] = [];
  const hidden: (() => void)[] = [];
  const guards: (() => boolean)[] = [];
  /** Time limits that have not run out yet (they run out when the test says). */
  const limits: (() => void)[] = [];
  const locks = browser.locks.tab(tab);
  const ports: PlaygroundPorts<{ name: string; text: string }> = {
    workspaces: {
      store: browser.store,
      claim: async (id) => {
        const ok = await locks.claim(id);
        if (ok) browser.session.set(tab, id);
        return ok;
      },
      heldElsewhere: locks.heldElsewhere,
      tabWorkspace: () => browser.session.get(tab),
      newId: () => `w${++browser.ids}`,
      now: () => ++browser.now,
      legacyDrafts: () => browser.legacy,
    },
    hash: {
      readHash: () => address.hash,
      clearHash: () => {
        address.hash = '';
      },
      onHashChange: (l) => {
        address.listeners.push(l);
        return () => address.listeners.splice(address.listeners.indexOf(l), 1);
      },
    },
    debounce: timers.debounce,
    decodeLink: async (h) => decodeShareHash(h),
    onHidden: (l) => {
      hidden.push(l);
      return () => hidden.splice(hidden.indexOf(l), 1);
    },
    createClient: () => {
      const c = fakeClient();
      clients.push(c);
      return c.client;
    },
    share: {
      writeHash: (h) => {
        address.hash = h;
      },
      currentUrl: () => `http://127.0.0.1/${address.hash}`,
      copyText: async (t) => {
        clipboard.push(t);
        return true;
      },
      now: () => 42,
      readHash: () => address.hash,
      encode: async (p) => ({ status: 'ok', value: encodeShareHash(p) }),
    },
    readFileText: async (f) => f.text,
    setLanguageData: (d) => languageData.push(d),
    installHook: (h) => {
      hooks.installed.push(h);
      return () => {
        hooks.removed++;
      };
    },
    download: (name, text, mime) => downloads.push({ name, text, mime }),
    guardLeaving: (leaving) => {
      guards.push(leaving);
      return () => guards.splice(guards.indexOf(leaving), 1);
    },
    withTimeout: <T>(p: Promise<T>, _ms: number, timedOut: () => Error) =>
      new Promise<T>((resolve, reject) => {
        limits.push(() => reject(timedOut()));
        p.then(resolve, reject);
      }),
  };
  /** The user pastes another link into the address bar. */
  const navigate = (h: string) => {
    address.hash = h;
    for (const l of [...address.listeners]) l(h);
  };
  /** The tab is hidden (switched away from, or closed). */
  const hide = () => {
    for (const l of [...hidden]) l();
  };
  return {
    ports,
    browser,
    address,
    clipboard,
    downloads,
    clients,
    timers,
    hooks,
    languageData,
    navigate,
    hide,
    /** The tab is about to close (beforeunload): would the browser ask first (work would be lost)? */
    wouldAsk: () => guards.some((g) => g()),
    /** Every time limit set so far runs out (those already settled are unaffected). */
    timeOut: () => {
      for (const l of limits.splice(0)) l();
    },
    closeTab: locks.close,
  };
}

/** A Monaco editor stand-in: holds text and reports changes the way the editor does. */
export function fakeEditor(onChange: (text: string) => void, text = '') {
  let value = text;
  const ed = {
    getValue: () => value,
    setValue: (t: string) => {
      value = t;
      onChange(t);
    },
    type: (t: string) => {
      value = t;
      onChange(t);
    },
  };
  return ed as typeof ed & IStandaloneCodeEditor;
}

export const parsedRule = (over: Partial<ParsedRuleView> = {}): ParsedRuleView => ({
  format: 'toml',
  query: 'process where process.name == "x"',
  metadata: { name: 'Imported one', severity: 'high' },
  settings: { timestampField: 'event.ingested' },
  diagnostics: [],
  ...over,
});
