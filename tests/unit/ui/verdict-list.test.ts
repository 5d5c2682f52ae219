import { describe, expect, it } from 'vitest';
import { NO_VERDICT, VERDICT_CODE, type ReasonGroup } from '../../../src/worker/protocol';
import { buildList, idOrder, reasonLabel, searchIds, type ListOptions } from '../../../src/ui/state/verdict-list';

const { alert: A, suppressed: S, 'no-match': N, error: E } = VERDICT_CODE;
const verdicts = Uint8Array.from([N, S, A, N, E, A, S, N]);
const ids = ['ev-10', 'ev-2', 'ev-1', 'x', 'ev-9', 'ev-3', 'b', 'a'];
const groups: ReasonGroup[] = [
  { kind: 'base', clause: 'host.os.type == "linux"', clauseId: 1 },
  { kind: 'exclusion', clause: 'not (...)', match: '"/usr/bin/dpkg"', clauseId: 2, matchId: 3 },
  { kind: 'alert' },
  { kind: 'error' },
  { kind: 'category' },
];
const groupOf = Uint32Array.from([0, 1, 2, 4, 3, 2, 1, 0]);
const cols = { verdicts, labels: ids, groups, groupOf };
const opts = (o: Partial<ListOptions>): ListOptions => ({ sort: 'verdict', group: 'none', filter: 'all', ...o });
const list = (o: Partial<ListOptions>) => [...buildList(cols, opts(o)).entries];

describe('verdict list model', () => {
  it('alerts first by default, then errors, suppressed, no match; input order within each', () => {
    expect(list({})).toEqual([2, 5, 4, 1, 6, 0, 3, 7]);
    expect(list({ sort: 'position' })).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('events a rule exception removed come after the suppressed ones', () => {
    const X = VERDICT_CODE.excepted;
    const m = buildList(
      { verdicts: Uint8Array.from([N, X, S, A]), labels: ['0', '1', '2', '3'] },
      opts({ group: 'verdict' }),
    );
    expect([...m.entries]).toEqual([-1, 3, -2, 2, -3, 1, -4, 0]);
    expect(m.headers.map((h) => h.label)).toEqual(['Alert', 'Suppressed', 'Excepted', 'No match']);
  });

  it('sorts by id, numbers in ids compared as numbers', () => {
    expect(list({ sort: 'id' }).map((p) => ids[p])).toEqual(['a', 'b', 'ev-1', 'ev-2', 'ev-3', 'ev-9', 'ev-10', 'x']);
  });

  it('filters by verdict and by search matches, in the chosen order', () => {
    expect(list({ filter: 'suppressed' })).toEqual([1, 6]);
    expect(list({ matches: Int32Array.from([7, 0, 5, 99, -1]) })).toEqual([5, 0, 7]);
    expect(list({ matches: [], filter: 'alert' })).toEqual([]);
  });

  it('groups by verdict with headers and counts', () => {
    const m = buildList(cols, opts({ group: 'verdict' }));
    expect(m.headers.map((h) => [h.label, h.count, h.verdict])).toEqual([
      ['Alert', 2, 'alert'],
      ['Error', 1, 'error'],
      ['Suppressed', 2, 'suppressed'],
      ['No match', 3, 'no-match'],
    ]);
    expect([...m.entries]).toEqual([-1, 2, 5, -2, 4, -3, 1, 6, -4, 0, 3, 7]);
    expect(m.rows).toBe(8);
  });

  it('groups by deciding clause: verdict rank first, larger groups first within a verdict', () => {
    const m = buildList(cols, opts({ group: 'reason', sort: 'position' }));
    expect(m.headers.map((h) => h.label)).toEqual([
      'Alert: every condition holds',
      'Error',
      'Suppressed by "/usr/bin/dpkg"',
      'No match: host.os.type == "linux" does not hold',
      'No match: another event category',
    ]);
    expect([...m.entries]).toEqual([-1, 2, 5, -2, 4, -3, 1, 6, -4, 0, 7, -5, 3]);
  });

  it('events without verdicts (rule errors) come last and say so', () => {
    const m = buildList(
      { verdicts: Uint8Array.from([NO_VERDICT, NO_VERDICT]), labels: ['0', '1'] },
      opts({ group: 'verdict' }),
    );
    expect(m.headers).toEqual([{ label: 'No verdict', count: 2 }]);
    expect(reasonLabel({ kind: 'none' }, 'no-match')).toBe('Not in any returned sequence or sample');
  });

  it('100,000 events: every event listed once under the header of its group', () => {
    const n = 100_000;
    const v = Uint8Array.from({ length: n }, (_, i) => (i * 7919) % 4);
    const big = {
      verdicts: v,
      labels: Array.from({ length: n }, (_, i) => `e-${i}`),
      groupOf: Uint32Array.from(v),
      groups,
    };
    const m = buildList(big, opts({ group: 'reason' }));
    expect(m.rows).toBe(n);
    expect(m.headers.reduce((s, h) => s + h.count, 0)).toBe(n);
    const seen = new Uint8Array(n);
    const names = ['alert', 'suppressed', 'no-match', 'error'];
    let header = -1;
    let misplaced = 0;
    for (const e of m.entries) {
      if (e < 0) header = -e - 1;
      else {
        seen[e] = seen[e]! + 1;
        if (m.headers[header]!.verdict !== names[v[e]!]) misplaced++;
      }
    }
    expect(misplaced).toBe(0);
    expect(seen.every((x) => x === 1)).toBe(true);
    const alerts = buildList(big, opts({ filter: 'alert', matches: searchIds(big.labels, 'e-9') }));
    expect(alerts.rows).toBe(big.labels.filter((id, p) => id.includes('e-9') && v[p] === 0).length);
  });

  it('ids search', () => {
    expect([...searchIds(ids, 'EV-1')]).toEqual([0, 2]);
  });

  it('sorts numeric ids as numbers: negatives, decimals and exponents too; ties keep the events order', () => {
    const nums = ['10', '-5', '2.5', '2.25', '1e3', '9', '-10', '9'];
    expect([...idOrder(nums)].map((p) => nums[p])).toEqual(['-10', '-5', '2.25', '2.5', '9', '9', '10', '1e3']);
    expect([...idOrder(nums)].slice(4, 6)).toEqual([5, 7]);
  });

  it('one id that is not a number sorts them all as text, runs of digits as numbers', () => {
    const mixed = ['10', '9', '#3', 'ev-10', 'ev-9', '100', 'EV-9'];
    expect([...idOrder(mixed)].map((p) => mixed[p])).toEqual(['#3', '9', '10', '100', 'ev-9', 'EV-9', 'ev-10']);
    const zeros = ['ev-010', 'ev-9', 'ev-09', 'ev-1a', 'ev-1'];
    expect([...idOrder(zeros)].map((p) => zeros[p])).toEqual(['ev-1', 'ev-1a', 'ev-9', 'ev-09', 'ev-010']);
  });

  it('the id order is computed once per labels array', () => {
    const a = ['3', '1', '2'];
    expect(idOrder(a)).toBe(idOrder(a));
    expect(idOrder(['3', '1', '2'])).not.toBe(idOrder(a));
  });
});
