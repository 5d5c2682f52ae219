/** Fakes for the playground's ports: a worker client answering by hand, storage, address bar, timers. */
import type { Verdict } from '../../../../src/core';
import type { IStandaloneCodeEditor } from '../../../../src/monaco/types';
import type { PlaygroundPorts } from '../../../../src/ui/playground';
import type { ClientLike } from '../../../../src/ui/stores/evaluation';
import type { Outcome } from '../../../../src/worker/client';
import type { ParsedRuleView, RunInput, WorkerResponse } from '../../../../src/worker/protocol';
import { WorkerSession } from '../../../../src/worker/session';

interface Call<T> {
  readonly kind: string;
  readonly args: readonly unknown[];
  readonly resolve: (o: Outcome<T>) => void;
}

const DATA_KINDS = ['loadText', 'run', 'rows', 'sequences', 'search', 'traceAt'] as const;
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
    run: [] as Call<unknown>[],
    rows: [] as Call<unknown>[],
    sequences: [] as Call<unknown>[],
    search: [] as Call<unknown>[],
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
    run: record('run'),
    rows: record('rows'),
    sequences: record('sequences'),
    search: record('search'),
    traceAt: record('traceAt'),
    propose: record('propose'),
    exportRule: record('exportRule'),
    readWorkspace: record('readWorkspace'),
    writeWorkspace: record('writeWorkspace'),
    dispose: () => {
      disposed++;
    },
  } as unknown as ClientLike;
  const answer = (call: Call<unknown>): WorkerResponse => {
    const a = call.args;
    switch (call.kind as DataKind) {
      case 'loadText':
        return { type: 'loaded', id: 1, info: session.loadText(a[0] as string, a[1] as string | undefined) };
      case 'run':
        return { type: 'ran', id: 1, result: session.run(a[0] as RunInput, a[1] as RunInput | undefined) };
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
          positions: session.search(a[0] as string),
        };
      case 'traceAt':
        return { type: 'traceAt', id: 1, entries: session.trace(a[0] as RunInput, a[1] as number) };
    }
  };
  /** Answer the waiting events requests in order (and those they lead to), until none waits. */
  const serve = async (): Promise<void> => {
    for (let rounds = 0; rounds < 50 && pending.length > 0; rounds++) {
      while (pending.length > 0) {
        const call = pending.shift()!;
        call.resolve({ status: 'ok', value: answer(call) });
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

/** Every port, in memory. */
export function fakePorts(hash = '', draft: string | null = null) {
  const storage = { draft, backup: null as string | null };
  const address = { hash, listeners: [] as ((h: string) => void)[] };
  const clipboard: string[] = [];
  const clients: ReturnType<typeof fakeClient>[] = [];
  const timers = manualDebounce();
  const hooks: { installed: unknown[]; removed: number } = { installed: [], removed: 0 };
  const languageData: unknown[] = [];
  const downloads: { name: string; text: string; mime: string }[] = [];
  const ports: PlaygroundPorts<{ name: string; text: string }> = {
    storage: {
      loadDraft: () => storage.draft,
      saveDraft: (t) => {
        storage.draft = t;
      },
      loadBackup: () => storage.backup,
      saveBackup: (t) => {
        storage.backup = t;
      },
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
  };
  /** The user pastes another link into the address bar. */
  const navigate = (h: string) => {
    address.hash = h;
    for (const l of [...address.listeners]) l(h);
  };
  return { ports, storage, address, clipboard, clients, timers, hooks, languageData, navigate, downloads };
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
