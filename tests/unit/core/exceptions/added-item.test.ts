/** One more item's matches without an evaluation: the mask, and its status and problems as an evaluation would give them. */
import { describe, expect, test } from 'vitest';
import { matchAddedItem } from '../../../../src/core/index';
import { parseEvents } from '../../../../src/formats/events';
import { item, match, run } from './helpers';

const rows = [
  { id: 'a', event: { category: 'process' }, process: { name: 'bash' }, user: { name: 'root' } },
  { id: 'b', event: { category: 'process' }, process: { name: 'vim' }, user: { name: 'root' } },
  { id: 'c', event: { category: 'process' }, process: { name: 'bash' } },
];
const events = parseEvents(JSON.stringify(rows), { idField: 'id' }).events;
const AT = Date.parse('2026-06-01T00:00:00Z');

describe('matchAddedItem', () => {
  test('marks the events the item matches, whatever the current items remove', () => {
    const current = { items: [item('root', [match('user.name', 'root')])], at: AT };
    const r = matchAddedItem({ events, exceptions: current, item: item('bash', [match('process.name', 'bash')]) });
    expect(Array.from(r.matched!)).toEqual([1, 0, 1]);
    expect(r.stat.status).toBe('applied');
  });

  test('an item expired at the run start does not apply: no mask, its status and problem as an evaluation has them', () => {
    const old = item('old', [match('process.name', 'bash')], { expire_time: '2026-05-01T00:00:00Z' });
    const r = matchAddedItem({ events, item: old, at: AT });
    expect(r.matched).toBeUndefined();
    expect(r.stat.status).toBe('expired');
    const full = run('process where true', rows, [old], { at: AT });
    expect(r.diagnostics).toEqual(full.diagnostics.filter((d) => d.source === 'exceptions'));
    // Without a run start nothing expires, as in an evaluation.
    expect(matchAddedItem({ events, item: old }).matched).toBeDefined();
  });

  test('a missing value list: not applied, with the same problem as an evaluation', () => {
    const listed = item('listed', [
      { type: 'list', field: 'process.name', operator: 'included', list: { id: 'names', type: 'keyword' } },
    ]);
    const r = matchAddedItem({ events, item: listed });
    expect(r.matched).toBeUndefined();
    expect(r.stat.status).toBe('not-applied');
    const full = run('process where true', rows, [listed]);
    expect(r.diagnostics).toEqual(full.diagnostics.filter((d) => d.source === 'exceptions'));
  });
});
