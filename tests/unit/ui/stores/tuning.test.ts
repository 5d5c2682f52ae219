import { describe, expect, test } from 'vitest';
import { initialList, listOf } from '../../../../src/ui/state/result-list';
import type { Shown } from '../../../../src/ui/state/results';
import type { TuningFilter } from '../../../../src/ui/state/tuning';
import type { TuningResult } from '../../../../src/ui/stores/evaluation';
import type { IStandaloneCodeEditor } from '../../../../src/monaco/types';
import {
  defaultDocState,
  defaultUiSettings,
  fromSharePayload,
  parseDraft,
  serializeDraft,
  toSharePayload,
  type DocState,
} from '../../../../src/ui/state/doc-state';
import type { Notice } from '../../../../src/ui/state/startup';
import { createStore } from '../../../../src/ui/state/store';
import { createDocuments } from '../../../../src/ui/stores/documents';
import { createEvaluation } from '../../../../src/ui/stores/evaluation';
import { createSelection } from '../../../../src/ui/stores/selection';
import {
  createTuning,
  docFromWorkspace,
  fileStem,
  linkTuningFilter,
  tuningOfDoc,
  workspaceOfDoc,
} from '../../../../src/ui/stores/tuning';
import type {
  EvaluateInput,
  ExclusionProposal,
  ProposeInput,
  RunInput,
  TuningRequest,
  TuningView,
} from '../../../../src/worker/protocol';
import { fakeClient, flush } from './fakes';

/**
 * An editor stand-in with a model and an undo history: `executeEdits` replaces offsets (every
 * position is on line 1, column = offset + 1), and each edit between undo stops is one step.
 */
function modelEditor(onChange: (text: string) => void, text: string) {
  let value = text;
  const undo: string[] = [];
  const stops: number[] = [];
  const pos = (o: number) => ({ lineNumber: 1, column: o + 1 });
  const model = {
    getValue: () => value,
    getValueLength: () => value.length,
    getPositionAt: pos,
    getFullModelRange: () => ({ startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: value.length + 1 }),
  };
  const ed = {
    getModel: () => model,
    getValue: () => value,
    setValue: (t: string) => {
      value = t;
      onChange(t);
    },
    pushUndoStop: () => stops.push(undo.length),
    executeEdits: (_src: string, edits: { range: { startColumn: number; endColumn: number }; text: string }[]) => {
      undo.push(value);
      for (const e of edits)
        value = value.slice(0, e.range.startColumn - 1) + e.text + value.slice(e.range.endColumn - 1);
      onChange(value);
      return true;
    },
    setSelection: () => {},
    revealPositionInCenterIfOutsideViewport: () => {},
    /** Ctrl+Z: back to the text before the last edit. */
    undo: () => {
      const prev = undo.pop();
      if (prev === undefined) return;
      value = prev;
      onChange(value);
    },
    steps: () => undo.length,
  };
  return ed as typeof ed & IStandaloneCodeEditor;
}

function setup(initial: DocState = defaultDocState()) {
  const docs = createDocuments(initial);
  const c = fakeClient();
  const evaluation = createEvaluation(docs, () => c.client, createSelection(docs).state, tuningOfDoc);
  const notices = createStore<Notice | undefined>(undefined);
  const downloads: { name: string; text: string; mime: string }[] = [];
  const copied: string[] = [];
  const tuning = createTuning(docs, () => c.client, notices, {
    download: (name, text, mime) => downloads.push({ name, text, mime }),
    copyText: async (t) => {
      copied.push(t);
      return true;
    },
    readFileText: async (f: { name: string; text: string }) => f.text,
  });
  return { docs, c, evaluation, notices, tuning, downloads, copied };
}

const edited = (rule: string) => rule.replace('"/usr/bin/dpkg", ', '');

describe('tuning store: baseline', () => {
  test('the rule as loaded is the baseline, and every evaluation request carries it', async () => {
    const { docs, c, evaluation } = setup();
    evaluation.start();
    const first = c.calls.run[0]!.args[2] as TuningRequest;
    expect(first.baseline?.rule).toBe(defaultDocState().rule);
    expect(first.expectations).toBeUndefined();
    docs.onRuleChange(edited(docs.doc().rule));
    await c.serve();
    const second = c.calls.run[1]!.args as [RunInput, undefined, TuningRequest];
    expect(second[0].rule).not.toBe(second[2].baseline?.rule);
    expect(second[2].baseline?.rule).toBe(defaultDocState().rule);
  });

  test('a document without a baseline (an old draft) is pinned as it was loaded', () => {
    const { baseline: _, ...old } = defaultDocState();
    const { tuning, docs } = setup({ ...old, rule: 'process where true' });
    expect(docs.doc().baseline?.rule).toBe('process where true');
    expect(tuning.getBaselineRule()).toBe('process where true');
  });

  test('Set as baseline pins the rule the editor holds; Revert puts it back as one undoable edit', () => {
    const { docs, tuning } = setup();
    const ed = modelEditor(docs.onRuleChange, '');
    docs.mount('rule', ed);
    const loaded = docs.doc().rule;
    ed.setValue(edited(loaded));
    expect(tuning.getBaselineRule()).toBe(loaded);
    tuning.revertToBaseline();
    expect(docs.doc().rule).toBe(loaded);
    expect(ed.steps()).toBe(1);
    ed.undo(); // Ctrl+Z in the rule editor
    expect(docs.doc().rule).toBe(edited(loaded));
    tuning.setBaseline();
    expect(tuning.getBaselineRule()).toBe(edited(loaded));
    expect(docs.doc().baseline?.settings).toBe(docs.doc().settings);
  });

  test('Revert also restores the baseline settings', () => {
    const { docs, tuning } = setup();
    docs.patch({ settings: { ...defaultUiSettings, size: 3 } });
    tuning.revertToBaseline();
    expect(docs.doc().settings.size).toBe(10);
  });

  test('changing the baseline or the expectations is a new evaluation (ready() waits for it)', async () => {
    const { docs, tuning, c, evaluation } = setup();
    evaluation.start();
    const v0 = docs.state.get().version;
    tuning.setBaseline();
    tuning.setExpectation('apt-01', { verdict: 'alert' });
    expect(docs.state.get().version).toBe(v0 + 2);
    await c.serve();
    expect(c.calls.run.length).toBeGreaterThanOrEqual(2);
    expect((c.calls.run.at(-1)!.args[2] as TuningRequest).expectations).toEqual({ 'apt-01': { verdict: 'alert' } });
  });

  test('a document loaded without a baseline of its own (reset, a link) is its own baseline', () => {
    const { docs, tuning } = setup();
    docs.onRuleChange('process where true');
    docs.load({ ...defaultDocState(), rule: 'file where true', baseline: undefined as never });
    expect(tuning.getBaselineRule()).toBe('file where true');
  });
});

describe('tuning store: expectations', () => {
  test('set, toggle, expect current, clear; they live in the document', () => {
    const { docs, tuning } = setup();
    tuning.setExpectation('a', { verdict: 'alert' });
    tuning.toggleExpectation('b', 'suppressed');
    expect(docs.doc().expectations).toEqual({ a: { verdict: 'alert' }, b: { verdict: 'suppressed' } });
    tuning.toggleExpectation('b', 'suppressed');
    tuning.expectCurrent([
      { id: 'c', verdict: 'no-match' },
      { id: 'd', verdict: 'error' },
    ]);
    expect(docs.doc().expectations).toEqual({ a: { verdict: 'alert' }, c: { verdict: 'no-match' } });
    expect(tuningOfDoc(docs.doc()).expectations).toEqual(docs.doc().expectations);
    tuning.clearExpectations();
    expect(tuningOfDoc(docs.doc()).expectations).toBeUndefined();
  });

  test('expect current for many events asks first: Set them sets what was counted, Cancel sets nothing', () => {
    const { docs, tuning } = setup();
    tuning.setExpectation('0', { verdict: 'no-match' });
    const rows = Array.from({ length: 2_000 }, (_, i) => ({ id: String(i), verdict: 'alert' as const }));
    tuning.expectCurrent(rows);
    expect(Object.keys(docs.doc().expectations ?? {})).toEqual(['0']);
    expect(tuning.ui.get().confirmExpect?.plan).toEqual({ set: 2_000, added: 1_999, replaced: 1, ask: true });
    tuning.cancelExpectCurrent();
    expect(tuning.ui.get().confirmExpect).toBeUndefined();
    expect(Object.keys(docs.doc().expectations ?? {})).toEqual(['0']);
    tuning.expectCurrent(rows);
    tuning.confirmExpectCurrent();
    expect(tuning.ui.get().confirmExpect).toBeUndefined();
    expect(Object.keys(docs.doc().expectations ?? {})).toHaveLength(2_000);
    expect(docs.doc().expectations?.['0']).toEqual({ verdict: 'alert' });
    // a second yes without a question does nothing
    tuning.clearExpectations();
    tuning.confirmExpectCurrent();
    expect(docs.doc().expectations ?? {}).toEqual({});
  });

  test('expectations and a pinned baseline travel in share links and drafts', () => {
    const { docs, tuning } = setup();
    tuning.setExpectation('apt-09', { verdict: 'alert' });
    docs.onRuleChange(edited(docs.doc().rule));
    const payload = toSharePayload(docs.doc());
    expect(payload.expectations).toEqual({ 'apt-09': { verdict: 'alert' } });
    expect(payload.baseline?.rule).toBe(defaultDocState().rule);
    const back = fromSharePayload(payload);
    expect(back.expectations).toEqual(docs.doc().expectations);
    expect(back.baseline).toEqual(docs.doc().baseline);
    const draft = parseDraft(serializeDraft({ state: docs.doc() }))!;
    expect(draft.state.expectations).toEqual(docs.doc().expectations);
    expect(draft.state.baseline?.rule).toBe(defaultDocState().rule);
    // A baseline that is the rule itself is not written: the link opens with its rule as baseline.
    tuning.setBaseline();
    expect(toSharePayload(docs.doc()).baseline).toBeUndefined();
    expect(fromSharePayload(toSharePayload(docs.doc())).baseline?.rule).toBe(docs.doc().rule);
  });

  test('the filters and the diff toggle', () => {
    const { tuning } = setup();
    tuning.setFilter({ kind: 'changed' });
    tuning.toggleDiff();
    expect(tuning.ui.get()).toEqual({ filter: { kind: 'changed' }, diffOpen: true });
  });
});

const proposal = (rule: string, start: number, end: number, text: string): ExclusionProposal => ({
  kind: 'add-to-list',
  title: `add ${text}`,
  exclusion: text,
  edit: { start, end, text },
  rule: rule.slice(0, start) + text + rule.slice(end),
  impact: { newlySuppressed: [{ id: 'apt-09', position: 9 }], breaksExpectations: [] },
});

describe('tuning store: exclude from event', () => {
  test('asks the worker for proposals, previews them, applies the chosen one as one edit', async () => {
    const { docs, tuning, c } = setup();
    const ed = modelEditor(docs.onRuleChange, '');
    docs.mount('rule', ed);
    tuning.setExpectation('apt-14', { verdict: 'alert' });
    const rule = docs.doc().rule;
    const request = { position: 9, eventId: 'apt-09', fields: ['process.executable'], value: '/opt/x' };
    tuning.exclude(request);
    expect(tuning.exclusion.get().phase).toBe('loading');
    const [input, asked] = c.calls.propose[0]!.args as [EvaluateInput, ProposeInput];
    expect(input.rule).toBe(rule);
    expect(asked).toEqual({
      position: 9,
      fields: ['process.executable'],
      value: '/opt/x',
      expectations: { 'apt-14': { verdict: 'alert' } },
    });
    const at = rule.indexOf('"/usr/bin/dpkg"');
    c.calls.propose[0]!.resolve({
      status: 'ok',
      value: { type: 'propose', id: 1, result: { proposals: [proposal(rule, at, at, '"/opt/x", ')], notes: [] } },
    });
    await flush();
    expect(tuning.exclusion.get().phase).toBe('ready');
    expect(tuning.applyExclusion()).toBe(true);
    expect(docs.doc().rule).toContain('"/opt/x", "/usr/bin/dpkg"');
    expect(tuning.exclusion.get().phase).toBe('idle');
    expect(ed.steps()).toBe(1);
    ed.undo();
    expect(docs.doc().rule).toBe(rule);
  });

  test('Cancel changes nothing; a proposal for a rule edited since is not applied', async () => {
    const { docs, tuning, c } = setup();
    const ed = modelEditor(docs.onRuleChange, '');
    docs.mount('rule', ed);
    const rule = docs.doc().rule;
    const request = { position: 0, eventId: 'a', fields: ['process.name'] };
    tuning.exclude(request);
    c.calls.propose[0]!.resolve({
      status: 'ok',
      value: { type: 'propose', id: 1, result: { proposals: [proposal(rule, 0, 0, 'x')], notes: [] } },
    });
    await flush();
    tuning.cancelExclusion();
    expect(tuning.exclusion.get().phase).toBe('idle');
    expect(docs.doc().rule).toBe(rule);
    tuning.exclude(request);
    c.calls.propose[1]!.resolve({
      status: 'ok',
      value: { type: 'propose', id: 2, result: { proposals: [proposal(rule, 0, 0, 'x')], notes: [] } },
    });
    await flush();
    ed.setValue(`${rule} `);
    expect(tuning.applyExclusion()).toBe(false);
    expect(docs.doc().rule).toBe(`${rule} `);
  });

  test('a failed proposal request says why', async () => {
    const { tuning, c } = setup();
    tuning.exclude({ position: 0, eventId: 'a', fields: ['x'] });
    c.calls.propose[0]!.resolve({ status: 'timeout', ms: 5000 });
    await flush();
    expect(tuning.exclusion.get()).toMatchObject({ phase: 'failed', message: 'Trying the exclusions took too long.' });
  });
});

describe('tuning store: export and workspace files', () => {
  test('exports the rule the editor holds with the header metadata, named after the rule', async () => {
    const { tuning, c, downloads, copied, docs } = setup();
    const done = tuning.exportRule('toml');
    const [format, query, meta] = c.calls.exportRule[0]!.args as [string, string, { name?: string }];
    expect([format, query, meta.name]).toEqual(['toml', docs.doc().rule, docs.doc().metadata?.name]);
    c.calls.exportRule[0]!.resolve({ status: 'ok', value: { type: 'exportRule', id: 1, text: 'T' } });
    await done;
    expect(downloads).toEqual([{ name: `${fileStem(meta.name, '')}.toml`, text: 'T', mime: 'application/toml' }]);
    expect(await tuning.copyQuery()).toBe(true);
    expect(copied).toEqual([docs.doc().rule]);
  });

  test('saves and reopens a workspace with its expectations and baseline', async () => {
    const { tuning, c, docs, downloads } = setup();
    tuning.setExpectation('apt-09', { verdict: 'alert' });
    docs.onRuleChange(edited(docs.doc().rule));
    const saving = tuning.saveWorkspace();
    const [view] = c.calls.writeWorkspace[0]!.args as [ReturnType<typeof workspaceOfDoc>];
    expect(view.expectations).toEqual({ 'apt-09': { verdict: 'alert' } });
    expect(view.baseline?.rule).toBe(defaultDocState().rule);
    c.calls.writeWorkspace[0]!.resolve({ status: 'ok', value: { type: 'writeWorkspace', id: 1, text: '{}' } });
    await saving;
    expect(downloads[0]!.name).toMatch(/\.workspace\.json$/);

    docs.onRuleChange('process where true');
    const opening = tuning.openWorkspace({ name: 'w.json', text: '{}' });
    await flush();
    c.calls.readWorkspace[0]!.resolve({
      status: 'ok',
      value: { type: 'readWorkspace', id: 2, workspace: view, problems: [] },
    });
    await opening;
    expect(docs.doc().rule).toBe(view.rule);
    expect(docs.doc().expectations).toEqual(view.expectations);
    expect(docs.doc().baseline?.rule).toBe(defaultDocState().rule);
  });

  test('a file that is not a workspace replaces nothing and says where it is wrong', async () => {
    const { tuning, c, docs, notices } = setup();
    docs.onRuleChange('process where true');
    const opening = tuning.openWorkspace({ name: 'bad.json', text: '{' });
    await flush();
    c.calls.readWorkspace[0]!.resolve({
      status: 'ok',
      value: {
        type: 'readWorkspace',
        id: 1,
        problems: [
          {
            code: 'WSP9001',
            severity: 'error',
            source: 'workspace',
            message: 'not valid JSON',
            range: { start: 1, end: 1 },
            at: { line: 1, column: 2 },
          } as never,
        ],
      },
    });
    await opening;
    expect(docs.doc().rule).toBe('process where true');
    expect(notices.get()).toEqual({
      kind: 'import-failed',
      message: 'bad.json is not a workspace file the playground can open (line 1, column 2): not valid JSON',
    });
  });

  test('a workspace without a baseline opens with its rule as the baseline', () => {
    const d = docFromWorkspace({ rule: 'r', events: '[]', settings: { size: 5 } });
    expect(d.baseline).toEqual({ rule: 'r', settings: d.settings });
    expect(d.settings.size).toBe(5);
  });

  test('a workspace file keeps the rule exceptions and their value lists; an empty pane writes none', () => {
    const exceptions = {
      text: '[{"item_id":"i","entries":[]}]',
      valueLists: [{ name: 'hosts.txt', text: 'web-01\n' }],
    };
    const doc = { ...docFromWorkspace({ rule: 'r', events: '[]' }), exceptions };
    const view = workspaceOfDoc(doc);
    expect(view.exceptions).toEqual(exceptions);
    expect(docFromWorkspace(view).exceptions).toEqual(exceptions);
    expect('exceptions' in workspaceOfDoc({ ...doc, exceptions: { text: ' ' } })).toBe(false);
  });
});

test('the evaluation keeps the tuning views of the last good answer', async () => {
  const { c, evaluation } = setup();
  evaluation.start();
  c.settle('loadText', {
    status: 'ok',
    value: { type: 'loaded', id: 1, info: c.session.loadText(defaultDocState().events) },
  });
  await flush();
  const input = c.calls.run[0]!.args[0] as RunInput;
  const result = { ...c.session.run(input), tuning: { impact: [], elements: [] } };
  c.settle('run', { status: 'ok', value: { type: 'ran', id: 1, result } });
  await flush();
  // The rows the list shows are fetched first; the views come with the results.
  expect(evaluation.tuning.get()).toBeUndefined();
  await c.serve();
  // The views are published with the results they belong to, not before.
  expect(evaluation.results.get().version).toBe(0);
  expect(evaluation.tuning.get()).toMatchObject({ version: 0, view: { impact: [] } });
});

describe('tuning store: the tuning filter restricts the results list', () => {
  const view = {
    impact: [],
    elements: [],
    diff: {
      comparable: true,
      changes: [
        { id: '0', position: 0, kind: 'verdict', verdict: 'alert', baselineVerdict: 'suppressed', message: 'm' },
      ],
      deltas: { alert: 1, suppressed: -1, 'no-match': 0, error: 0, excepted: 0 },
      baselineCounts: { alert: 4, suppressed: 9, 'no-match': 4, error: 0, excepted: 0 },
      appeared: [],
      disappeared: [],
      summary: '+1 alert · −1 suppressed vs baseline',
    },
    expectations: {
      results: [
        { id: '3', position: 3, expected: { verdict: 'alert' }, got: 'suppressed', met: false, reason: 'r' },
        { id: '4', position: 4, expected: { verdict: 'alert' }, got: 'alert', met: true, reason: 'r' },
        { id: 'x', position: undefined, expected: { verdict: 'alert' }, got: undefined, met: false, reason: 'r' },
      ],
      met: 1,
      unmet: 2,
      unknown: 1,
    },
  } as unknown as TuningView;

  test('Changed, Unmet and a clause keep their positions; no filter keeps all; a new view updates it', () => {
    const ui = createStore<{ filter: TuningFilter | undefined; diffOpen: boolean }>({
      filter: undefined,
      diffOpen: false,
    });
    const views = createStore<TuningResult | undefined>({ version: 1, rule: 'r', view });
    const list = createStore(initialList);
    const stop = linkTuningFilter(ui, views, list);
    expect(list.get().only).toBeUndefined();
    ui.set({ filter: { kind: 'changed' }, diffOpen: false });
    expect([...list.get().only!]).toEqual([0]);
    ui.set({ filter: { kind: 'unmet' }, diffOpen: false });
    expect([...list.get().only!]).toEqual([3]);
    ui.set({ filter: { kind: 'clause', label: 'x', positions: [5, 6] }, diffOpen: false });
    expect([...list.get().only!]).toEqual([5, 6]);
    ui.set({ filter: { kind: 'changed' }, diffOpen: false });
    views.set({ version: 2, rule: 'r2', view: { ...view, diff: { ...view.diff!, changes: [] } } });
    expect([...list.get().only!]).toEqual([]);
    stop();
    ui.set({ filter: undefined, diffOpen: false });
    expect(list.get().only).toEqual(new Int32Array(0));
  });

  test('a clause filter follows its part into the next views while the text is the same', () => {
    const part = (positions: number[], b: number[] = []) => ({
      clauseId: 9,
      clause: 'process.name  in ("a", "b")',
      suppresses: positions,
      only: [],
      elements: [
        { text: '"a"', suppresses: positions.filter((x) => !b.includes(x)) },
        { text: '"b"', suppresses: b },
      ],
    });
    const ui = createStore<{ filter: TuningFilter | undefined; diffOpen: boolean }>({
      filter: { kind: 'clause', label: 'process.name in ("a", "b")', positions: [1] },
      diffOpen: false,
    });
    const views = createStore<TuningResult | undefined>({
      version: 1,
      rule: 'r',
      view: { ...view, impact: [part([1])] },
    });
    const list = createStore(initialList);
    linkTuningFilter(ui, views, list);
    views.set({ version: 2, rule: 'r2', view: { ...view, impact: [part([1, 4])] } });
    expect([...list.get().only!]).toEqual([1, 4]);
    // the part is gone (edited away): the filter keeps what it listed
    views.set({ version: 3, rule: 'r3', view: { ...view, impact: [] } });
    expect([...list.get().only!]).toEqual([1, 4]);
  });

  test('a list element filter follows that element of its part, by their texts', () => {
    const part = (a: number[], b: number[]) => ({
      clauseId: 9,
      clause: 'process.name in ("a", "b")',
      suppresses: [...a, ...b].sort(),
      only: [],
      elements: [{ text: '"a"', suppresses: a }, ...(b.length > 0 ? [{ text: '"b"', suppresses: b }] : [])],
    });
    const element = { part: 'process.name in ("a", "b")', text: '"b"' };
    const ui = createStore<{ filter: TuningFilter | undefined; diffOpen: boolean }>({
      filter: { kind: 'clause', label: '"b" of process.name in (…)', positions: [2], element },
      diffOpen: false,
    });
    const views = createStore<TuningResult | undefined>({
      version: 1,
      rule: 'r',
      view: { ...view, impact: [part([1], [2])] },
    });
    const list = createStore(initialList);
    linkTuningFilter(ui, views, list);
    expect([...list.get().only!]).toEqual([2]);
    views.set({ version: 2, rule: 'r2', view: { ...view, impact: [part([1], [2, 5])] } });
    expect([...list.get().only!]).toEqual([2, 5]);
    // the element suppresses nothing now: the list says so (empty) rather than showing old events
    views.set({ version: 3, rule: 'r3', view: { ...view, impact: [part([1, 2, 5], [])] } });
    expect([...list.get().only!]).toEqual([]);
    expect(ui.get().filter).toMatchObject({ label: '"b" of process.name in (…)', element });
  });

  test('the list model lists only the kept positions, with the verdict filter and the search', () => {
    const compact = { verdicts: Uint8Array.from([0, 1, 0, 2]), groupOf: new Uint32Array(4), groups: [] };
    const shown = { compact, info: { version: 1, ids: ['0', '1', '2', '3'] } } as unknown as Shown;
    const labels = ['a', 'b', 'c', 'd'];
    const only = Int32Array.from([0, 1, 3]);
    expect([...listOf(shown, 'all', { ...initialList, only }, labels).entries]).toEqual([0, 1, 3]);
    expect([...listOf(shown, 'alert', { ...initialList, only }, labels).entries]).toEqual([0]);
    expect([...listOf(shown, 'all', { ...initialList, only, query: 'b' }, labels).entries]).toEqual([1]);
  });
});
