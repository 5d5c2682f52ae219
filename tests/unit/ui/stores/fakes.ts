/** Fakes for the playground's ports: a worker client answering by hand, storage, address bar, timers. */
import type { Verdict } from '../../../../src/core';
import type { IStandaloneCodeEditor } from '../../../../src/monaco/types';
import type { PlaygroundPorts } from '../../../../src/ui/playground';
import type { ClientLike } from '../../../../src/ui/stores/evaluation';
import type { Outcome } from '../../../../src/worker/client';
import type { EvaluateInput, EvaluateResponse, ParsedRuleView } from '../../../../src/worker/protocol';

interface Call<T> {
  readonly args: readonly unknown[];
  readonly resolve: (o: Outcome<T>) => void;
}

export function fakeClient() {
  const calls = {
    evaluate: [] as Call<EvaluateResponse>[],
    trace: [] as Call<unknown>[],
    language: [] as Call<unknown>[],
    parseRule: [] as Call<unknown>[],
    propose: [] as Call<unknown>[],
    exportRule: [] as Call<unknown>[],
    readWorkspace: [] as Call<unknown>[],
    writeWorkspace: [] as Call<unknown>[],
  };
  let disposed = 0;
  const record =
    <T>(list: Call<T>[]) =>
    (...args: unknown[]) =>
      new Promise<Outcome<T>>((resolve) => list.push({ args, resolve }));
  const client = {
    evaluate: record(calls.evaluate),
    trace: record(calls.trace),
    language: record(calls.language),
    parseRule: record(calls.parseRule),
    propose: record(calls.propose),
    exportRule: record(calls.exportRule),
    readWorkspace: record(calls.readWorkspace),
    writeWorkspace: record(calls.writeWorkspace),
    dispose: () => {
      disposed++;
    },
  } as unknown as ClientLike;
  return { client, calls, disposed: () => disposed };
}

export const verdict = (id: string, v: Verdict['verdict'] = 'alert'): Verdict => ({
  id,
  position: Number(id),
  verdict: v,
  reasons: [],
});

/** A good answer for these inputs: one verdict per listed id. */
export function evaluated(input: EvaluateInput, ids: readonly string[] = ['0', '1']): Outcome<EvaluateResponse> {
  return {
    status: 'ok',
    value: {
      type: 'evaluate',
      id: 1,
      result: {
        ok: true,
        queryKind: 'event',
        diagnostics: [],
        verdicts: ids.map((id) => verdict(id)),
        clauseStats: [],
        hits: { total: { value: 0, relation: 'eq' }, events: [] },
        stats: { events: ids.length, parseMs: 0, compileMs: 0, evalMs: 0, explainMs: 0 },
      },
      eventDiagnostics: [],
      events: ids.map((id, position) => ({ id, position, source: { rule: input.rule } })),
      ms: 1,
    },
  };
}

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
