import { describe, expect, test } from 'vitest';
import { diffVerdicts } from '../../../../src/core/index';
import { defaultEvents, defaultRule, docs, run, without } from './helpers';

const baseline = run(defaultRule, defaultEvents);

describe('verdict diff', () => {
  test('the same rule changes nothing', () => {
    const d = diffVerdicts(baseline, run(defaultRule, defaultEvents), defaultEvents.length);
    expect(d.comparable).toBe(true);
    expect(d.changes).toEqual([]);
    expect(d.summary).toBe('no change vs baseline');
    expect([...d.changedAt].every((x) => x === -1)).toBe(true);
  });

  test('removing a list element: the event it suppressed alerts, with the baseline reason', () => {
    const current = run(without(defaultRule, '"/usr/bin/dpkg", '), defaultEvents);
    const d = diffVerdicts(baseline, current, defaultEvents.length);
    expect(d.changes).toHaveLength(1);
    const c = d.changes[0]!;
    expect(c).toMatchObject({ kind: 'verdict', verdict: 'alert', baselineVerdict: 'suppressed' });
    expect(c.message).toBe('was suppressed by `process.executable in (...)` ("/usr/bin/dpkg"), now alert');
    expect(c.baselineReasons[0]!.match?.text).toBe('"/usr/bin/dpkg"');
    expect(d.changedAt[c.position]).toBe(0);
    expect(d.deltas).toEqual({ alert: 1, suppressed: -1, 'no-match': 0, error: 0, excepted: 0 });
    expect(d.summary).toBe('+1 alert · \u22121 suppressed vs baseline');
  });

  test('editing another element of the same list does not mark the events it still suppresses', () => {
    const current = run(defaultRule.replace('"/bin/yum"', '"/bin/yum2"'), defaultEvents);
    expect(diffVerdicts(baseline, current, defaultEvents.length).changes).toEqual([]);
  });

  test('still suppressed, but by another clause, is a change of kind "clauses"', () => {
    const events = docs([
      { id: 'a', event: { category: 'process' }, process: { name: 'x', executable: '/opt/x' } },
      { id: 'b', event: { category: 'process' }, process: { name: 'y', executable: '/opt/y' } },
    ]);
    const before = run('process where not (process.name == "x" or process.executable == "/opt/y")', events);
    const after = run('process where not (process.executable == "/opt/x" or process.executable == "/opt/y")', events);
    const d = diffVerdicts(before, after, events.length);
    expect(d.changes.map((c) => [c.id, c.kind])).toEqual([['a', 'clauses']]);
    expect(d.changes[0]!.message).toBe(
      'still suppressed, was suppressed by `process.name == "x"`, now by `process.executable == "/opt/x"`',
    );
    expect(d.summary).toBe('no change vs baseline');
  });

  test('no match and error baselines are named', () => {
    const events = docs([{ id: 'a', event: { category: 'process' }, process: { name: 'x' } }]);
    const before = run('process where process.name == "y"', events);
    const after = run('process where process.name == "x"', events);
    expect(diffVerdicts(before, after, 1).changes[0]!.message).toBe(
      'was no match (`process.name == "y"` failed), now alert',
    );
  });

  test('a rule with errors on either side is not comparable', () => {
    const broken = run('process where (', defaultEvents);
    expect(diffVerdicts(baseline, broken, defaultEvents.length).comparable).toBe(false);
    expect(diffVerdicts(broken, baseline, defaultEvents.length).comparable).toBe(false);
  });

  test('sequences: appeared and disappeared, and membership changes per event', () => {
    const events = docs([
      { id: 'a', '@timestamp': 1, event: { category: 'process' }, host: { id: 'h1' }, process: { name: 'sh' } },
      { id: 'b', '@timestamp': 2, event: { category: 'file' }, host: { id: 'h1' }, file: { name: 'x' } },
      { id: 'c', '@timestamp': 3, event: { category: 'process' }, host: { id: 'h2' }, process: { name: 'sh' } },
      { id: 'd', '@timestamp': 4, event: { category: 'file' }, host: { id: 'h2' }, file: { name: 'y' } },
    ]);
    const before = run('sequence by host.id [process where true] [file where file.name == "x"]', events);
    const after = run('sequence by host.id [process where true] [file where file.name == "y"]', events);
    const d = diffVerdicts(before, after, events.length);
    expect(d.appeared.map((s) => s.ids)).toEqual([['c', 'd']]);
    expect(d.disappeared.map((s) => s.ids)).toEqual([['a', 'b']]);
    expect(d.changes.map((c) => [c.id, c.baselineVerdict, c.verdict])).toEqual([
      ['a', 'alert', 'no-match'],
      ['b', 'alert', 'no-match'],
      ['c', 'no-match', 'alert'],
      ['d', 'no-match', 'alert'],
    ]);
    expect(d.changes[0]!.message).toBe('was part of a returned sequence, now in none');
    expect(d.summary).toBe('+1 sequence · \u22121 sequence vs baseline');
  });

  test('samples: the returned samples are compared too', () => {
    const events = docs([
      { id: 'a', event: { category: 'process' }, host: { id: 'h1' } },
      { id: 'b', event: { category: 'file' }, host: { id: 'h1' } },
    ]);
    const before = run('sample by host.id [process where true] [file where true]', events);
    const after = run('sample by host.id [process where true] [file where false]', events);
    const d = diffVerdicts(before, after, events.length);
    expect(d.disappeared.map((s) => s.ids)).toEqual([['a', 'b']]);
    expect(d.summary).toBe('\u22121 sample · \u22122 alert · +2 no-match vs baseline');
  });
});
