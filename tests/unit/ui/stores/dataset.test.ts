import { describe, expect, test } from 'vitest';
import { defaultDocState } from '../../../../src/ui/state/doc-state';
import type { Notice } from '../../../../src/ui/state/startup';
import { createStore } from '../../../../src/ui/state/store';
import { createDataset, DATASET_FROM } from '../../../../src/ui/stores/dataset';
import { createDocuments } from '../../../../src/ui/stores/documents';
import { createEvaluation } from '../../../../src/ui/stores/evaluation';
import { createSelection } from '../../../../src/ui/stores/selection';
import { fakeClient, fakeEditor } from './fakes';

const ev = (i: number) =>
  JSON.stringify({
    '@timestamp': new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    event: { category: 'process', id: `p-${i}`, padding: 'x'.repeat(200) },
    process: { name: i % 10 === 0 ? 'nc' : 'bash' },
  });
/** Enough events to pass the dataset threshold. */
const big = (n = Math.ceil(DATASET_FROM / 250)) => Array.from({ length: n }, (_, i) => ev(i)).join('\n');

function setup() {
  const docs = createDocuments({ ...defaultDocState(), rule: 'process where process.name == "nc"' });
  docs.mount('rule', fakeEditor(docs.onRuleChange, docs.doc().rule));
  docs.mount('events', fakeEditor(docs.onEventsChange, docs.doc().events));
  const c = fakeClient();
  const evaluation = createEvaluation(docs, () => c.client, createSelection(docs).state);
  const notices = createStore<Notice | undefined>(undefined);
  const downloads: string[] = [];
  const dataset = createDataset(docs, evaluation, {
    client: () => c.client,
    readFileText: async (f: { name: string; text: string; size?: number }) => f.text,
    notices,
    download: (name) => downloads.push(name),
  });
  evaluation.start();
  dataset.start();
  return { docs, c, evaluation, dataset, notices, downloads };
}

describe('dataset store', () => {
  test('a large file is read by the worker with progress and evaluated there; the editor keeps no copy', async () => {
    const { docs, c, evaluation, dataset } = setup();
    await c.serve();
    const text = big();
    const file = { name: 'big.ndjson', text, size: text.length };
    const opening = dataset.openFile(file);
    expect(dataset.state.get().loading).toMatchObject({ name: 'big.ndjson', read: 0, total: text.length });
    await c.serve();
    await opening;
    await c.serve();
    expect(dataset.state.get()).toMatchObject({ mode: 'dataset', name: 'big.ndjson', loading: undefined });
    // A file's events stay in the worker: neither the document nor the events editor copies them.
    expect(docs.doc().events).toBe('');
    expect(dataset.state.get().inDocument).toBe(false);
    const r = evaluation.results.get();
    expect(r.shown?.compact.counts).toMatchObject({
      alert: Math.ceil(DATASET_FROM / 2500),
      total: text.split('\n').length,
    });
    expect(c.calls.loadText.filter((call) => call.args[2] !== true)).toHaveLength(1); // the example, at start
    const exported = dataset.getEvents();
    await c.serve();
    expect(await exported).toBe(`${text}\n`);
  });

  test('edits of the selected event go to the worker; a refused one says why and changes nothing', async () => {
    const { c, evaluation, dataset } = setup();
    const text = big();
    dataset.setEvents(text);
    await c.serve();
    const before = evaluation.results.get().shown!.compact.counts.alert;
    dataset.editSelected(1, '{"event": {"category": "process"}, "process": {"name": "nc"}}');
    await c.serve();
    expect(evaluation.results.get().shown!.compact.counts.alert).toBe(before + 1);
    dataset.editSelected(1, '{"event": ');
    await c.serve();
    expect(dataset.state.get().editProblem).toMatch(/^line 1, column \d+: /);
    expect(evaluation.results.get().shown!.compact.counts.alert).toBe(before + 1);
  });

  test('a small file becomes the events text; reset or a small setEvents leaves dataset mode', async () => {
    const { docs, c, evaluation, dataset } = setup();
    await dataset.openFile({ name: 'small.ndjson', text: `${ev(0)}\n${ev(1)}`, size: 100 });
    await c.serve();
    expect(dataset.state.get().mode).toBe('text');
    expect(docs.doc().events).toBe(`${ev(0)}\n${ev(1)}`);
    const large = big();
    dataset.setEvents(large);
    await c.serve();
    expect(dataset.state.get()).toMatchObject({ mode: 'dataset', inDocument: true });
    // A large text stays in the document (the draft keeps it), not in the events editor.
    expect(docs.doc().events).toBe(large);
    expect(dataset.getEvents()).toBe(large);
    docs.load(defaultDocState());
    await c.serve();
    expect(dataset.state.get().mode).toBe('text');
    expect(evaluation.results.get().shown?.compact.counts).toMatchObject({ alert: 4, suppressed: 9 });
    expect(dataset.getEvents()).toBe(defaultDocState().events);
  });

  test('a file that cannot be read is named in a notice; the events stay as they were', async () => {
    const { docs, c, dataset, notices } = setup();
    await c.serve();
    const before = docs.doc().events;
    const opening = dataset.openFile({ name: 'broken.ndjson', text: '', size: DATASET_FROM * 2 });
    c.settle('loadFile', { status: 'failed', message: 'the disk went away' });
    await opening;
    expect(notices.get()).toEqual({
      kind: 'import-failed',
      message: 'broken.ndjson could not be read: the disk went away',
    });
    expect(dataset.state.get()).toMatchObject({ mode: 'text', loading: undefined });
    expect(docs.doc().events).toBe(before);
  });
});
