import { describe, expect, test } from 'vitest';
import { displayLabel } from '../../../src/ui/state/event-label';
import {
  POSITION_ORDER_UP_TO,
  indexOfPosition,
  initialList,
  listOf,
  navigationRows,
  positionsIn,
  resolveSort,
} from '../../../src/ui/state/result-list';
import { applyLoad, applyRun, emptyResults } from '../../../src/ui/state/results';
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
  return { s, shown: r.shown! };
}

describe('result paging', () => {
  test('a short list keeps the events order, a long one opens on the alerts', () => {
    expect(resolveSort('auto', POSITION_ORDER_UP_TO)).toBe('position');
    expect(resolveSort('auto', POSITION_ORDER_UP_TO + 1)).toBe('verdict');
    expect(resolveSort('id', 5)).toBe('id');
    const short = listOf(shownFor(20).shown, 'all', initialList);
    expect([...short.entries.subarray(0, 3)]).toEqual([0, 1, 2]);
    const long = shownFor(1000).shown;
    const model = listOf(long, 'all', initialList);
    expect([...model.entries.subarray(0, 3)]).toEqual([0, 7, 14]);
    expect(listOf(long, 'all', initialList)).toBe(model); // the same answer for the same inputs
  });

  test('a window of the list is the positions to fetch; headers are left out', () => {
    const { shown } = shownFor(1000);
    const grouped = listOf(shown, 'all', { ...initialList, group: 'verdict' });
    expect(grouped.entries[0]).toBeLessThan(0); // the Alert header
    expect(positionsIn(grouped, 0, 4)).toEqual([0, 7, 14]);
    expect(positionsIn(grouped, 990, 2000)).toHaveLength(grouped.entries.length - 990);
    expect(indexOfPosition(grouped, 7)).toBe(2);
    expect(indexOfPosition(grouped, undefined)).toBe(-1);
  });

  test('a search filters the list: by ids until the worker answers, then by its positions', () => {
    const { s, shown } = shownFor(300);
    const searching = { ...initialList, query: '29' };
    expect([...listOf(shown, 'all', searching).entries].sort((a, b) => a - b)).toEqual([
      29, 129, 229, 290, 291, 292, 293, 294, 295, 296, 297, 298, 299,
    ]);
    const answered = { ...searching, query: '"nc"', matches: s.search('"nc"'), matchesFor: shown.info.version };
    expect(listOf(shown, 'all', answered).rows).toBe(43);
    expect(listOf(shown, 'no-match', answered).rows).toBe(0);
  });

  test('keyboard navigation reads the listed rows in list order', () => {
    const { shown } = shownFor(200);
    const model = listOf(shown, 'alert', initialList);
    const rows = navigationRows(shown, model);
    expect(rows).toHaveLength(29);
    expect(rows[1]).toMatchObject({ id: '7', position: 7, verdict: 'alert' });
  });

  test('rows are called by their id field, else by their number', () => {
    expect(displayLabel({ event: { id: 'ev-3' } }, 'event.id', '3', 3)).toBe('ev-3');
    expect(displayLabel({ 'event.id': 42 }, 'event.id', '3', 3)).toBe('42');
    expect(displayLabel({ event: {} }, 'event.id', '3', 3)).toBe('#4');
    expect(displayLabel({ event: {} }, 'event.id', 'doc-9', 3)).toBe('doc-9');
  });
});
