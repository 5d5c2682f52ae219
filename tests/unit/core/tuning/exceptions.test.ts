/** Tuning with Kibana rule exceptions: they apply before the query, as in evaluate. */
import { describe, expect, test } from 'vitest';
import {
  checkExpectations,
  diffVerdicts,
  evaluate,
  matchMask,
  parseExpectations,
  proposeExclusions,
  type ExceptionInput,
} from '../../../../src/core/index';
import { docs } from './helpers';

const events = docs([
  { id: 'a', event: { category: 'process' }, process: { name: 'x' } },
  { id: 'b', event: { category: 'process' }, process: { name: 'y' } },
]);
const exceptions: ExceptionInput = {
  items: [
    {
      item_id: 'i1',
      list_id: 'l',
      name: 'known tool',
      entries: [{ type: 'match', field: 'process.name', operator: 'included', value: 'x' }],
    },
  ],
};
const rule = 'process where true';

describe('tuning and rule exceptions', () => {
  test('an excepted event never matches in the proposal mask', () => {
    expect([...matchMask({ rule, events, exceptions }).matched!]).toEqual([0, 1]);
    expect([...matchMask({ rule, events }).matched!]).toEqual([1, 1]);
  });

  test('an excepted event gets no proposal; the others are verified with the exceptions applied', () => {
    expect(proposeExclusions({ rule, events, exceptions, position: 0, fields: ['process.name'] }).notes).toEqual([
      'this event does not alert, so there is nothing to exclude',
    ]);
    const r = proposeExclusions({ rule, events, exceptions, position: 1, fields: ['process.name'] });
    expect(r.proposals[0]!.impact.newlySuppressed).toEqual([{ id: 'b', position: 1 }]);
  });

  test('the diff names the exception an event was excepted by', () => {
    const before = evaluate({ rule, events, exceptions });
    const after = evaluate({ rule, events });
    const d = diffVerdicts(before, after, events.length);
    expect(d.changes.map((c) => [c.id, c.message])).toEqual([['a', 'was excepted by `known tool`, now alert']]);
    expect(d.summary).toBe('+1 alert · \u22121 excepted vs baseline');
  });
});

describe('expectations with rule exceptions', () => {
  const result = evaluate({ rule, events, exceptions });
  test('"excepted" is an expectable verdict; a named item must be among those removing it', () => {
    const parsed = parseExpectations({
      a: 'excepted',
      b: { verdict: 'excepted', clause: 'i1' },
      c: { verdict: 'alert', clause: 'x' },
    });
    expect(parsed.expectations).toEqual({ a: { verdict: 'excepted' }, b: { verdict: 'excepted', clause: 'i1' } });
    expect(parsed.problems.map((p) => p.id)).toEqual(['c']);
    const r = checkExpectations(result, events, {
      a: { verdict: 'excepted', clause: 'i1' },
      b: { verdict: 'excepted' },
    });
    expect(r.results.map((x) => [x.id, x.met, x.got, x.reason])).toEqual([
      ['a', true, 'excepted', 'by `known tool`'],
      ['b', false, 'alert', 'no exclusion fired'],
    ]);
    // By name works too; another item's id does not.
    expect(checkExpectations(result, events, { a: { verdict: 'excepted', clause: 'known tool' } }).met).toBe(1);
    expect(checkExpectations(result, events, { a: { verdict: 'excepted', clause: 'i2' } }).unmet).toBe(1);
  });

  test('in a sequence an excepted event is "excepted", not "no-match"', () => {
    const seqEvents = docs([
      { id: 'a', '@timestamp': '2024-01-01T00:00:01Z', event: { category: 'process' }, process: { name: 'x' } },
      { id: 'b', '@timestamp': '2024-01-01T00:00:02Z', event: { category: 'process' }, process: { name: 'y' } },
      { id: 'c', '@timestamp': '2024-01-01T00:00:03Z', event: { category: 'process' }, process: { name: 'y' } },
    ]);
    const seq = evaluate({
      rule: 'sequence [process where true] [process where true]',
      events: seqEvents,
      exceptions,
    });
    const r = checkExpectations(seq, seqEvents, {
      a: { verdict: 'excepted', clause: 'i1' },
      b: { verdict: 'alert' },
      c: { verdict: 'alert' },
    });
    expect(r.results.map((x) => [x.id, x.met, x.got])).toEqual([
      ['a', true, 'excepted'],
      ['b', true, 'alert'],
      ['c', true, 'alert'],
    ]);
  });
});
