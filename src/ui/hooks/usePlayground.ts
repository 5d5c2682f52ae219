/**
 * The app's state and effects: the document, live evaluation in the worker (at once when idle,
 * coalesced while busy, latest wins), drafts and share links, selection, and the automation hook.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TraceEntry } from '../../core';
import { encodeShareHash } from '../../share';
import { EvalClient, createEvalWorker } from '../../worker/client';
import type { EvaluateInput, ParsedRuleView } from '../../worker/protocol';
import { setEqlLanguageData } from '../../monaco/eql-language';
import type { IStandaloneCodeEditor } from '../../monaco/types';
import { copyText } from '../platform/clipboard';
import { clearHash, currentUrl, onHashChange, readHash, writeHash } from '../platform/location';
import { draftStorage } from '../platform/storage';
import { installPlaygroundHook } from '../platform/test-hook';
import { debounce } from '../platform/timers';
import { coalesce } from '../state/coalesce';
import { readFileText } from '../platform/files';
import {
  FORMAT_LABEL,
  displayName,
  isImportable,
  looksLikeRuleFile,
  metadataAfterEdit,
  planImport,
  replacesRule,
} from '../state/rule-import';
import {
  defaultDocState,
  parseDraft,
  serializeDraft,
  toCoreSettings,
  toSharePayload,
  type DocState,
  type UiSettings,
} from '../state/doc-state';
import { applyEvaluation, applyFailure, emptyResults, type ResultsState } from '../state/results';
import { decideStartup, type Notice } from '../state/startup';

export interface ShareInfo {
  readonly length: number;
  readonly copied: boolean;
  readonly at: number;
}

export interface TraceState {
  readonly eventId: string;
  readonly ruleText: string;
  readonly entries: readonly TraceEntry[] | undefined;
}

function inputsOf(doc: DocState): EvaluateInput {
  const indices = doc.metadata?.indices;
  return {
    rule: doc.rule,
    events: doc.events,
    settings: toCoreSettings(doc.settings),
    mapping: doc.mapping,
    ...(indices ? { indices } : {}),
  };
}

export function usePlayground() {
  const startup = useMemo(() => decideStartup(readHash(), parseDraft(draftStorage.loadDraft())), []);
  const [doc, setDoc] = useState<DocState>(startup.state);
  const [results, setResults] = useState<ResultsState>(emptyResults);
  const [notice, setNotice] = useState<Notice | undefined>(startup.notice);
  const [backup, setBackup] = useState<DocState | undefined>(startup.backup);
  const [share, setShare] = useState<ShareInfo | undefined>(undefined);
  const [trace, setTrace] = useState<TraceState | undefined>(undefined);
  const [keywords, setKeywords] = useState<readonly string[]>([]);
  const [editorsReady, setEditorsReady] = useState(0);
  /** A rule file found in the rule editor, waiting for the user's Import click. */
  const [pendingImport, setPendingImport] = useState<
    { readonly text: string; readonly parsed: ParsedRuleView } | undefined
  >(undefined);

  /** Always the latest document (updated synchronously, before React re-renders). */
  const docRef = useRef(doc);
  const resultsRef = useRef(results);
  resultsRef.current = results;
  const fromHashRef = useRef<string | undefined>(startup.fromHash);
  const clientRef = useRef<EvalClient | undefined>(undefined);
  const versionRef = useRef(0);
  const inFlightRef = useRef(0);
  const waitersRef = useRef<(() => void)[]>([]);
  const ruleEditorRef = useRef<IStandaloneCodeEditor | undefined>(undefined);
  const saverRef = useRef<{ schedule(): void; flush(): void } | undefined>(undefined);
  /** A rule file pasted over the whole rule text, until one of its reads answers. */
  const pastedWholeRef = useRef<string | undefined>(undefined);
  const eventsEditorRef = useRef<IStandaloneCodeEditor | undefined>(undefined);

  // Keep the backup draft aside in storage as soon as a shared link replaced it.
  useEffect(() => {
    if (startup.backup) draftStorage.saveBackup(serializeDraft({ state: startup.backup }));
  }, [startup]);

  /* ───────── evaluation ───────── */

  const runNow = useCallback(() => {
    const client = clientRef.current;
    if (!client) return Promise.resolve();
    const current = docRef.current;
    const version = versionRef.current;
    const input = inputsOf(current);
    const wantEvents = resultsRef.current.latestEventsText !== input.events;
    inFlightRef.current++;
    return client.evaluate(input, wantEvents).then((outcome) => {
      inFlightRef.current--;
      if (outcome.status === 'superseded') {
        setResults((r) => ({ ...r })); // re-check readiness
        return;
      }
      if (outcome.status === 'ok') {
        setResults((prev) => applyEvaluation(prev, outcome.value, { version, rule: input.rule, events: input.events }));
      } else {
        const message =
          outcome.status === 'timeout'
            ? `Evaluation took longer than ${Math.round(outcome.ms / 1000)} s and was cancelled.`
            : `Evaluation failed: ${outcome.message}`;
        setResults((prev) => applyFailure(prev, message, version));
      }
    });
  }, []);

  const scheduler = useMemo(() => coalesce(runNow), [runNow]);

  useEffect(() => {
    const client = new EvalClient({ createWorker: createEvalWorker });
    clientRef.current = client;
    void client.language().then((o) => {
      if (o.status !== 'ok') return;
      const info = o.value.info;
      setEqlLanguageData({ keywords: info.keywords, functions: info.functions, fields: info.fields });
      setKeywords(info.keywords);
    });
    runNow();
    return () => {
      scheduler.cancel();
      client.dispose();
      clientRef.current = undefined;
    };
  }, [runNow, scheduler]);

  /* ───────── readiness ───────── */

  const isSettled = useCallback(
    () => editorsReady >= 2 && resultsRef.current.version === versionRef.current && inFlightRef.current === 0,
    [editorsReady],
  );

  useEffect(() => {
    if (!isSettled()) return;
    const waiters = waitersRef.current;
    waitersRef.current = [];
    for (const w of waiters) w();
  });

  const ready = useCallback(
    () =>
      new Promise<void>((resolve) => {
        if (isSettled()) resolve();
        else waitersRef.current.push(resolve);
      }),
    [isSettled],
  );

  /* ───────── document edits ───────── */

  /** Apply a change to the document; content changes start a new inputs version. */
  const update = useCallback(
    (patch: Partial<DocState>) => {
      const prev = docRef.current;
      const next = { ...prev, ...patch };
      docRef.current = next;
      setDoc(next);
      if (
        next.rule !== prev.rule ||
        next.events !== prev.events ||
        next.mapping !== prev.mapping ||
        next.settings !== prev.settings ||
        next.metadata?.indices !== prev.metadata?.indices
      ) {
        versionRef.current++;
        scheduler.schedule();
      }
    },
    [scheduler],
  );

  const onRuleChange = useCallback(
    (text: string) => {
      const cur = docRef.current;
      if (cur.rule === text) return;
      const metadata = metadataAfterEdit(cur.metadata, text, replacesRule(cur.rule, text));
      update(metadata === cur.metadata ? { rule: text } : { rule: text, metadata });
    },
    [update],
  );
  const onEventsChange = useCallback(
    (text: string) => {
      if (docRef.current.events !== text) update({ events: text });
    },
    [update],
  );
  const setSettings = useCallback((settings: UiSettings) => update({ settings }), [update]);
  const setMapping = useCallback((mapping: string) => update({ mapping }), [update]);
  const select = useCallback(
    (id: string | undefined) => {
      if (docRef.current.selected !== id) update({ selected: id });
    },
    [update],
  );

  const setRule = useCallback(
    (text: string) => {
      const ed = ruleEditorRef.current;
      if (ed && ed.getValue() !== text) ed.setValue(text);
      else if (docRef.current.rule !== text) update({ rule: text });
    },
    [update],
  );

  const setEvents = useCallback(
    (text: string) => {
      const ed = eventsEditorRef.current;
      if (ed && ed.getValue() !== text) ed.setValue(text);
      else if (docRef.current.events !== text) update({ events: text });
    },
    [update],
  );

  /* ───────── rule import ───────── */

  /** Put an imported rule in place: query, header metadata, request settings. */
  const applyImport = useCallback(
    (parsed: ParsedRuleView) => {
      const plan = planImport(docRef.current, parsed);
      setRule(plan.rule);
      update({ rule: plan.rule, metadata: plan.metadata, settings: plan.settings, selected: undefined });
      setPendingImport(undefined);
      setNotice({ kind: 'imported', format: parsed.format, name: displayName(plan.metadata), changes: plan.changes });
    },
    [setRule, update],
  );

  const importPending = useCallback(() => {
    if (pendingImport && pendingImport.text === docRef.current.rule) applyImport(pendingImport.parsed);
  }, [pendingImport, applyImport]);

  /** A file picked or dropped onto the rule editor: import it (or load it as EQL). */
  const openRuleFile = useCallback(
    async (file: File) => {
      const client = clientRef.current;
      if (!client) return;
      const text = await readFileText(file);
      const o = await client.parseRule(text, file.name);
      if (o.status !== 'ok') {
        setNotice({ kind: 'import-failed', message: `${file.name} could not be read.` });
        return;
      }
      const parsed = o.value.rule;
      if (isImportable(parsed)) applyImport(parsed);
      else if (parsed.format === 'eql') {
        setRule(text);
        update({ metadata: undefined });
      } else {
        const why = parsed.diagnostics[0]?.message ?? 'it holds no EQL query';
        setNotice({
          kind: 'import-failed',
          message: `${file.name} looks like a ${FORMAT_LABEL[parsed.format]}, but ${why}.`,
        });
      }
    },
    [applyImport, setRule, update],
  );

  // The rule editor holds something that looks like a rule file: ask the worker, then offer it.
  useEffect(() => {
    const text = doc.rule;
    const client = clientRef.current;
    if (!client || !looksLikeRuleFile(text)) {
      setPendingImport((p) => (p ? undefined : p));
      setNotice((n) => (n?.kind === 'import-offer' ? undefined : n));
      return;
    }
    let live = true;
    void client.parseRule(text).then((o) => {
      if (!live || o.status !== 'ok' || docRef.current.rule !== text) return;
      const parsed = o.value.rule;
      if (!isImportable(parsed)) return;
      if (pastedWholeRef.current === text) {
        // The paste handler's own read was superseded by this one: import, as a paste does.
        pastedWholeRef.current = undefined;
        applyImportRef.current(parsed);
        return;
      }
      setPendingImport({ text, parsed });
      setNotice({ kind: 'import-offer', format: parsed.format, name: parsed.metadata.name });
    });
    return () => {
      live = false;
    };
  }, [doc.rule]);

  /** Replace the whole document (reset, restore draft, a pasted link). */
  const loadDoc = useCallback(
    (next: DocState) => {
      // The rule first: replacing it clears the header, then the document's own metadata goes in.
      setRule(next.rule);
      setEvents(next.events);
      update({ settings: next.settings, mapping: next.mapping, selected: next.selected, metadata: next.metadata });
    },
    [update, setRule, setEvents],
  );

  const resetToExample = useCallback(() => {
    fromHashRef.current = undefined;
    clearHash();
    loadDoc(defaultDocState());
    setNotice(undefined);
  }, [loadDoc]);

  const restoreDraft = useCallback(() => {
    const saved = backup ?? parseDraft(draftStorage.loadBackup())?.state;
    if (!saved) return;
    fromHashRef.current = undefined;
    clearHash();
    loadDoc(saved);
    // Store the restored draft at once: the backup is dropped next, and a reload must find it.
    saverRef.current?.schedule();
    saverRef.current?.flush();
    setBackup(undefined);
    draftStorage.saveBackup(null);
    setNotice({ kind: 'draft-restored' });
  }, [backup, loadDoc]);

  const dismissNotice = useCallback(() => setNotice(undefined), []);

  // A different link pasted into this tab.
  useEffect(
    () =>
      onHashChange((hash) => {
        if (hash === fromHashRef.current) return;
        const decision = decideStartup(hash, {
          state: docRef.current,
          ...(fromHashRef.current ? { fromHash: fromHashRef.current } : {}),
        });
        if (decision.notice?.kind === 'broken-link') {
          setNotice(decision.notice);
          return;
        }
        if (!decision.fromHash) return;
        if (decision.backup) {
          setBackup(decision.backup);
          draftStorage.saveBackup(serializeDraft({ state: decision.backup }));
        }
        fromHashRef.current = decision.fromHash;
        loadDoc(decision.state);
        setNotice(decision.notice);
      }),
    [loadDoc],
  );

  /* ───────── autosave ───────── */

  const saver = useMemo(
    () =>
      debounce(
        () =>
          draftStorage.saveDraft(
            serializeDraft({
              state: docRef.current,
              ...(fromHashRef.current ? { fromHash: fromHashRef.current } : {}),
            }),
          ),
        300,
      ),
    [],
  );
  saverRef.current = saver;
  useEffect(() => {
    saver.schedule();
  }, [doc, saver]);
  useEffect(() => () => saver.flush(), [saver]);

  /* ───────── share ───────── */

  const shareLink = useCallback(async () => {
    const hash = encodeShareHash(toSharePayload(docRef.current));
    fromHashRef.current = hash;
    writeHash(hash);
    saver.flush();
    const url = currentUrl();
    const copied = await copyText(url);
    setShare({ length: url.length, copied, at: Date.now() });
  }, [saver]);

  /* ───────── trace of the selected event ───────── */

  useEffect(() => {
    const id = doc.selected;
    const client = clientRef.current;
    if (!id || !client || results.stale || results.ruleText !== doc.rule) {
      setTrace(undefined);
      return;
    }
    const verdict = results.verdicts.find((v) => v.id === id);
    if (!verdict) {
      setTrace(undefined);
      return;
    }
    const ruleText = results.ruleText;
    setTrace({ eventId: id, ruleText, entries: undefined });
    let live = true;
    void client.trace(inputsOf(docRef.current), verdict.position).then((o) => {
      if (!live) return;
      setTrace({ eventId: id, ruleText, entries: o.status === 'ok' ? o.value.entries : [] });
    });
    return () => {
      live = false;
    };
  }, [doc.selected, results, doc.rule]);

  const applyImportRef = useRef(applyImport);
  applyImportRef.current = applyImport;

  /* ───────── automation hook ───────── */

  useEffect(
    () =>
      installPlaygroundHook({
        setRule,
        setEvents,
        getRule: () => ruleEditorRef.current?.getValue() ?? docRef.current.rule,
        getEvents: () => eventsEditorRef.current?.getValue() ?? docRef.current.events,
        ready,
      }),
    [setRule, setEvents, ready],
  );

  const onRuleEditorMount = useCallback((ed: IStandaloneCodeEditor) => {
    ruleEditorRef.current = ed;
    // A paste that replaced the whole text with a rule file imports it at once.
    ed.onDidPaste((e) => {
      const model = ed.getModel();
      if (!model) return;
      const text = model.getValue();
      const full = model.getFullModelRange();
      if (!e.range.equalsRange(full) || text.trim() === '') return;
      if (looksLikeRuleFile(text)) {
        pastedWholeRef.current = text;
        void clientRef.current?.parseRule(text).then((o) => {
          if (o.status !== 'ok' || pastedWholeRef.current !== text) return;
          pastedWholeRef.current = undefined;
          if (isImportable(o.value.rule) && docRef.current.rule === text) applyImportRef.current(o.value.rule);
        });
      }
    });
    // Text set through the hook before the editor existed.
    if (ed.getValue() !== docRef.current.rule) ed.setValue(docRef.current.rule);
    setEditorsReady((n) => n + 1);
  }, []);
  const onEventsEditorMount = useCallback((ed: IStandaloneCodeEditor) => {
    eventsEditorRef.current = ed;
    if (ed.getValue() !== docRef.current.events) ed.setValue(docRef.current.events);
    setEditorsReady((n) => n + 1);
  }, []);

  return {
    doc,
    results,
    notice,
    backup,
    share,
    trace,
    keywords,
    editorsReady,
    ruleEditorRef,
    eventsEditorRef,
    onRuleEditorMount,
    onEventsEditorMount,
    onRuleChange,
    onEventsChange,
    setSettings,
    setMapping,
    select,
    resetToExample,
    restoreDraft,
    dismissNotice,
    shareLink,
    importPending,
    openRuleFile,
    runNow: () => {
      scheduler.cancel();
      runNow();
    },
  };
}

export type Playground = ReturnType<typeof usePlayground>;
