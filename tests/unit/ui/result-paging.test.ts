import { describe, expect, test } from 'vitest';
import {
  POSITION_ORDER_UP_TO,
  indexOfPosition,
  initialList,
  listOf,
  navigationRows,
  positionsIn,
  resolveSort,
} from '../../../src/ui/state/result-list';
import { applyLabels, applyLoad, applyRun, emptyResults, nameOfId, shownLabels } from '../../../src/ui/state/results';
import { WorkerSession } from '../../../src/worker/session';

const ev = (i: number) =>
  JSON.stringify({ event: { category: 'process', id: `p-${i}` }, process: { name: i % 7 === 0 ? 'nc' : 'sh' } });

function shownFor(n: number) {
  const s = new WorkerSession();
  const text = Array.from({ length: n }, (_, i) => ev(i)).join('\n');
  const r = applyRun(
    applyLoad(emptyResults, s.loadText(text), text),
    s.run({ rule: 'process where process.name == "nc"', settings: {}, mapping: '' }),
    {
      version: 1,
      rule: 'r',
    },
  );
  return { s, shown: r.shown!, labels: shownLabels(r) };
}

describe('result paging', () => {
  test('a short list keeps the events order, a long one opens on the alerts', () => {
    expect(resolveSort('auto', POSITION_ORDER_UP_TO)).toBe('position');
    expect(resolveSort('auto', POSITION_ORDER_UP_TO + 1)).toBe('verdict');
    expect(resolveSort('id', 5)).toBe('id');
    const twenty = shownFor(20);
    const short = listOf(twenty.shown, 'all', initialList, twenty.labels);
    expect([...short.entries.subarray(0, 3)]).toEqual([0, 1, 2]);
    const { shown: long, labels } = shownFor(1000);
    const model = listOf(long, 'all', initialList, labels);
    expect([...model.entries.subarray(0, 3)]).toEqual([0, 7, 14]);
    expect(listOf(long, 'all', initialList, labels)).toBe(model); // the same answer for the same inputs
  });

  test('a window of the list is the positions to fetch; headers are left out', () => {
    const { shown, labels } = shownFor(1000);
    const grouped = listOf(shown, 'all', { ...initialList, group: 'verdict' }, labels);
    expect(grouped.entries[0]).toBeLessThan(0); // the Alert header
    expect(positionsIn(grouped, 0, 4)).toEqual([0, 7, 14]);
    expect(positionsIn(grouped, 990, 2000)).toHaveLength(grouped.entries.length - 990);
    expect(indexOfPosition(grouped, 7)).toBe(2);
    expect(indexOfPosition(grouped, undefined)).toBe(-1);
  });

  test('a search filters the list: by ids until the worker answers, then by its positions', () => {
    const { s, shown, labels } = shownFor(300);
    const searching = { ...initialList, query: '29' };
    expect([...listOf(shown, 'all', searching, labels).entries].sort((a, b) => a - b)).toEqual([
      29, 129, 229, 290, 291, 292, 293, 294, 295, 296, 297, 298, 299,
    ]);
    const answered = { ...searching, query: '"nc"', matches: s.search('"nc"'), matchesFor: shown.info.version };
    expect(listOf(shown, 'all', answered, labels).rows).toBe(43);
    expect(listOf(shown, 'no-match', answered, labels).rows).toBe(0);
  });

  test('keyboard navigation reads the listed rows in list order', () => {
    const { shown, labels } = shownFor(200);
    const model = listOf(shown, 'alert', initialList, labels);
    const rows = navigationRows(shown, model);
    expect(rows).toHaveLength(29);
    expect(rows[1]).toMatchObject({ id: '7', position: 7, verdict: 'alert' });
  });

  test('sorted and searched by the shown ids, not the positions the core names events by', () => {
    // Serials out of order: the list sorts and searches by them once they are the id field.
    const serials = [30, 4, 100, 7, 25, 9];
    const text = serials
      .map((n, i) => JSON.stringify({ event: { category: 'process', id: `e-${i}` }, serial: n }))
      .join('\n');
    const s = new WorkerSession();
    const loaded = applyLoad(emptyResults, s.loadText(text), text);
    const r = applyRun(loaded, s.run({ rule: 'process where true', settings: {}, mapping: '' }), {
      version: 1,
      rule: 'r',
    });
    const byId = { ...initialList, sort: 'id' as const };
    expect([...listOf(r.shown!, 'all', byId, shownLabels(r)).entries]).toEqual([0, 1, 2, 3, 4, 5]);
    const { datasetVersion: version, labels } = s.labels('serial');
    const relabelled = applyLabels(r, { version, field: 'serial', labels });
    const sorted = listOf(r.shown!, 'all', byId, shownLabels(relabelled));
    expect([...sorted.entries].map((p) => serials[p])).toEqual([4, 7, 9, 25, 30, 100]);
    // Until the worker answers, the shown ids alone are searched: "4" is the serial 4, not position 4.
    expect([...listOf(r.shown!, 'all', { ...initialList, query: '4' }, shownLabels(relabelled)).entries]).toEqual([1]);
    // Elsewhere (sequence cards, previews) an event named by its core id is called by its label.
    expect(nameOfId(relabelled, '3')).toBe('7');
    expect(nameOfId(relabelled, 'no-such-id')).toBe('no-such-id');
    // Labels for events that changed since they were asked are dropped.
    expect(applyLabels(r, { version: version + 1, field: 'serial', labels })).toBe(r);
  });
});
