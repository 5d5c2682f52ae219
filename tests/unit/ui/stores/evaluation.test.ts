import { describe, expect, test } from 'vitest';
import { defaultDocState, toSharePayload } from '../../../../src/ui/state/doc-state';
import { listOf } from '../../../../src/ui/state/result-list';
import { shownLabels } from '../../../../src/ui/state/results';
import { createDocuments } from '../../../../src/ui/stores/documents';
import { createEvaluation, failureText } from '../../../../src/ui/stores/evaluation';
import { createSelection } from '../../../../src/ui/stores/selection';
import { createTrace } from '../../../../src/ui/stores/trace';
import type { RunInput } from '../../../../src/worker/protocol';
import { fakeClient, fakeEditor, flush } from './fakes';

const ev = (i: number) =>
  JSON.stringify({
    '@timestamp': new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    event: { category: 'process', id: `p-${i}` },
    process: { name: i % 10 === 0 ? 'nc' : 'bash' },
  });
const many = (n: number) => Array.from({ length: n }, (_, i) => ev(i)).join('\n');

function setup(events = many(3)) {
  const docs = createDocuments({ ...defaultDocState(), events, rule: 'process where process.name == "nc"' });
  const c = fakeClient();
  const selection = createSelection(docs);
  const evaluation = createEvaluation(docs, () => c.client, selection.state);
  return { docs, c, selection, evaluation };
}

describe('evaluation store', () => {
  test('loads the events text into the worker once, runs every inputs version, coalescing edits made while busy', async () => {
    const { docs, c, evaluation } = setup();
    evaluation.start();
    expect([c.calls.loadText.length, c.calls.run.length]).toEqual([1, 1]);
    docs.onRuleChange('process where process.name == "bash"'); // a run is in flight: this waits
    docs.onRuleChange('process where true');
    docs.select('1'); // not an input
    expect(c.calls.run).toHaveLength(1);
    await c.serve();
    // One more run for both later edits, with the latest text, against the events already loaded.
    expect(c.calls.run).toHaveLength(2);
    expect((c.calls.run[1]!.args[0] as RunInput).rule).toBe('process where true');
    expect(c.calls.loadText).toHaveLength(1);
    const r = evaluation.results.get();
    expect(r).toMatchObject({ version: 2, ruleText: 'process where true', stale: false });
    expect(r.shown?.compact.counts.alert).toBe(3);
    // An events edit loads the new text before its run.
    docs.onEventsChange(many(5));
    await c.serve();
    expect(c.calls.loadText).toHaveLength(2);
    expect(evaluation.results.get().shown?.compact.counts.total).toBe(5);
  });

  test('rows come with the evaluation: the list window first, then more as it scrolls', async () => {
    const { c, evaluation } = setup(many(1000));
    evaluation.start();
    await c.serve();
    const first = evaluation.results.get();
    // Past a hundred events the list opens on the alerts: the first window is theirs.
    expect(first.rows.size).toBe(60);
    expect([...first.rows.values()].slice(0, 3).map((r) => r.verdict)).toEqual(['alert', 'alert', 'alert']);
    expect(first.rows.get(0)?.reasons).toEqual([]);
    evaluation.showWindow(200, 230);
    evaluation.showWindow(200, 230); // asked once
    expect(c.pending.filter((p) => p.kind === 'rows')).toHaveLength(1);
    await c.serve();
    const next = evaluation.results.get();
    expect(next.rows.size).toBe(90);
    expect(next.shown).toBe(first.shown);
  });

  test('an edit asks for the rows on screen with its run: when they are all there, no second round trip', async () => {
    const { docs, c, evaluation } = setup(many(1000));
    evaluation.start();
    await c.serve();
    const rowsAsked = c.calls.rows.length;
    // An exclusion that leaves the alerts as they are: the window shows the same events.
    docs.onRuleChange('process where process.name == "nc" and not process.name == "sh"');
    const asked = c.calls.run[1]!.args[3] as number[];
    expect(asked).toHaveLength(60);
    await c.serve();
    expect(c.calls.rows.length).toBe(rowsAsked);
    const r = evaluation.results.get();
    expect(r.ruleText).toContain('not process.name == "sh"');
    expect(r.rows.size).toBe(60);
    // The rows shown are the ones that came with this evaluation's answer.
    const came = r.shown?.compact.rows ?? [];
    expect(came).toHaveLength(60);
    for (const row of came) expect(r.rows.get(row.position)).toBe(row);
    // An edit that changes which events alert: the rows the window needs that did not come are fetched.
    docs.onRuleChange('process where process.name == "bash"');
    await c.serve();
    expect(c.calls.rows.length).toBe(rowsAsked + 1);
    const after = evaluation.results.get();
    expect([...after.rows.values()].filter((row) => row.verdict === 'alert').length).toBeGreaterThanOrEqual(60);
  });

  test('ready() waits for both editors, results of the current inputs and the rows being fetched', async () => {
    const { docs, c, evaluation } = setup();
    evaluation.start();
    let ready = false;
    void evaluation.ready().then(() => {
      ready = true;
    });
    await c.serve();
    evaluation.settle();
    await flush();
    expect(ready).toBe(false); // no editor yet
    docs.mount('rule', fakeEditor(docs.onRuleChange));
    docs.mount('events', fakeEditor(docs.onEventsChange));
    docs.onEventsChange(many(2));
    evaluation.settle();
    await flush();
    expect(ready).toBe(false); // the new events are not evaluated yet
    await c.serve();
    evaluation.settle();
    await flush();
    expect(ready).toBe(true);
  });

  test('a timeout or a crash keeps the results on screen, marked stale, with the reason', async () => {
    const { c, evaluation } = setup();
    evaluation.start();
    await c.serve();
    const shown = evaluation.results.get().shown;
    evaluation.runNow();
    c.settle('run', { status: 'timeout', ms: 10_000 });
    await flush();
    expect(evaluation.results.get()).toMatchObject({
      stale: true,
      failure: 'Evaluation took longer than 10 s and was cancelled.',
    });
    expect(evaluation.results.get().shown).toBe(shown);
    expect(failureText({ status: 'failed', message: 'worker crashed' })).toBe('Evaluation failed: worker crashed');
  });

  test('search filters the list to the worker answer for these events', async () => {
    const { c, evaluation } = setup(many(20));
    evaluation.start();
    await c.serve();
    evaluation.search('p-13');
    await c.serve();
    expect([...(evaluation.list.get().matches ?? [])]).toEqual([13]);
    evaluation.search('');
    expect(evaluation.list.get().matches).toBeUndefined();
  });

  test('Sort and Group live in the document: the list follows it, a loaded document brings its own, no run is made', async () => {
    const { docs, c, evaluation } = setup(many(5));
    evaluation.start();
    await c.serve();
    const runs = c.calls.run.length;
    evaluation.setSort('id');
    evaluation.setGroup('verdict');
    expect(docs.doc().listView).toEqual({ sort: 'id', group: 'verdict' });
    expect(evaluation.list.get()).toMatchObject({ sort: 'id', group: 'verdict' });
    await c.serve();
    expect(c.calls.run).toHaveLength(runs);
    // Another workspace put on screen: its own choices, or the defaults.
    docs.load({ ...defaultDocState(), listView: { sort: 'position', group: 'reason' } });
    expect(evaluation.list.get()).toMatchObject({ sort: 'position', group: 'reason' });
    docs.load(defaultDocState());
    expect(evaluation.list.get()).toMatchObject({ sort: 'auto', group: 'none' });
    // Back to the defaults by hand: nothing is stored for them.
    evaluation.setSort('verdict');
    evaluation.setSort('auto');
    expect(docs.doc().listView).toBeUndefined();
    // A store made for a document that has them starts with them.
    const docs2 = createDocuments({ ...defaultDocState(), listView: { sort: 'id', group: 'none' } });
    const other = createEvaluation(docs2, () => c.client, createSelection(docs2).state);
    expect(other.list.get()).toMatchObject({ sort: 'id', group: 'none' });
  });

  test('another id field: the worker names the events by it, and the list sorts and searches by it', async () => {
    const serials = [30, 4, 100, 7, 25, 9];
    const text = serials
      .map((n, i) => JSON.stringify({ event: { category: 'process', id: `e-${i}` }, serial: n }))
      .join('\n');
    const { docs, c, evaluation } = setup(text);
    docs.onRuleChange('process where true');
    evaluation.start();
    await c.serve();
    expect(c.calls.loadText[0]!.args[1]).toEqual({ labelField: 'event.id' });
    expect(shownLabels(evaluation.results.get())).toEqual(['e-0', 'e-1', 'e-2', 'e-3', 'e-4', 'e-5']);
    evaluation.setSort('id');
    evaluation.search('#3');
    await c.serve();
    expect([...(evaluation.list.get().matches ?? [])]).toEqual([]);
    const runs = c.calls.run.length;
    // A field no event has: each is called by its number, and the search finds "#3" again under it.
    evaluation.setIdField('no.such.field');
    await c.serve();
    expect(shownLabels(evaluation.results.get())).toEqual(['#1', '#2', '#3', '#4', '#5', '#6']);
    expect(c.calls.search.at(-1)!.args).toEqual(['#3', 'no.such.field']);
    expect([...(evaluation.list.get().matches ?? [])]).toEqual([2]);
    evaluation.setIdField(' serial ');
    expect(docs.doc().idField).toBe('serial');
    await c.serve();
    expect(c.calls.labels.map((x) => x.args[0])).toEqual(['no.such.field', 'serial']);
    expect(c.calls.run).toHaveLength(runs); // the verdicts do not depend on it
    const r = evaluation.results.get();
    expect(shownLabels(r)).toEqual(serials.map(String));
    expect([...(evaluation.list.get().matches ?? [])]).toEqual([]);
    evaluation.search('');
    const model = listOf(r.shown, 'all', evaluation.list.get(), shownLabels(r));
    expect([...model.entries].map((p) => serials[p])).toEqual([4, 7, 9, 25, 30, 100]);
    // Back to the default: nothing stored for it.
    evaluation.setIdField('event.id');
    await c.serve();
    expect(toSharePayload(docs.doc()).idField).toBeUndefined();
    expect(docs.doc().idField).toBeUndefined();
    expect(shownLabels(evaluation.results.get())[0]).toBe('e-0');
  });
});

describe('trace store', () => {
  test('traces the selected event while the results are current; drops answers to older questions', async () => {
    const { docs, c, evaluation } = setup();
    const trace = createTrace(docs, evaluation.results, () => c.client);
    evaluation.start();
    trace.start();
    await c.serve();
    expect(trace.trace.get()).toBeUndefined();
    docs.select('1');
    expect(trace.trace.get()).toMatchObject({ eventId: '1', entries: undefined });
    expect(c.calls.traceAt[0]!.args[1]).toBe(1); // the event's position
    docs.select('0');
    c.settle('traceAt', { status: 'ok', value: { type: 'traceAt', id: 1, entries: [] } });
    await flush();
    expect(trace.trace.get()).toMatchObject({ eventId: '0', entries: undefined });
    c.settle('traceAt', { status: 'failed', message: 'x' });
    await flush();
    expect(trace.trace.get()).toMatchObject({ eventId: '0', entries: [] });
    docs.onRuleChange('other where true'); // the results are for another rule now
    expect(trace.trace.get()).toBeUndefined();
  });
});
