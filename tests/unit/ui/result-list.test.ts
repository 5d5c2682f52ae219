import { describe, expect, test } from 'vitest';
import type { JoinView } from '../../../src/ui/state/join-view';
import { joinFilterOptions } from '../../../src/ui/state/join-view';
import { listKey } from '../../../src/ui/state/navigation';
import { countVerdicts, eventFilterOptions } from '../../../src/ui/state/results';
import { verdict } from './stores/fakes';

const rows = [verdict('0', 'alert'), verdict('1', 'suppressed'), verdict('2', 'no-match'), verdict('3', 'alert')];

describe('the results list shared by both query kinds', () => {
  test('keys: arrows and j/k step, Escape clears, jump letters go to the next row of their verdict', () => {
    const jumps = { s: 'suppressed', a: 'alert' } as const;
    expect(listKey('ArrowDown', rows, '0', jumps)).toEqual({ id: '1' });
    expect(listKey('k', rows, '0', jumps)).toEqual({ id: '3' });
    expect(listKey('Escape', rows, '2', jumps)).toEqual({ id: undefined });
    expect(listKey('s', rows, '3', jumps)).toEqual({ id: '1' });
    expect(listKey('a', rows, '0', jumps)).toEqual({ id: '3' });
    expect(listKey('s', rows, '3', { a: 'alert' })).toBeUndefined(); // not a key of the sequence view
    expect(listKey('x', rows, '3', jumps)).toBeUndefined();
    expect(listKey('toString', rows, '3', jumps)).toBeUndefined();
  });

  test('event filters: excepted and error only when some event has them', () => {
    const plain = eventFilterOptions(countVerdicts(rows));
    expect(plain.map((f) => `${f.key}:${f.count}`)).toEqual(['all:4', 'alert:2', 'suppressed:1', 'no-match:1']);
    const some = eventFilterOptions(countVerdicts([...rows, verdict('4', 'excepted'), verdict('5', 'error')]));
    expect(some.map((f) => f.label)).toEqual(['All', 'Alert', 'Suppressed', 'No match', 'Excepted', 'Error']);
  });

  test('sequence filters name the sequence or the sample', () => {
    const view = {
      rows: [rows[0], rows[2]],
      summary: { kind: 'sample', returned: 1, eventsInResults: 1, notInResults: 1, outsideSize: 0 },
    } as unknown as JoinView;
    expect(joinFilterOptions(view)).toEqual([
      { key: 'all', label: 'All', count: 2 },
      { key: 'alert', label: 'In a sample', count: 1 },
      { key: 'no-match', label: 'Not in a sample', count: 1 },
    ]);
  });
});
