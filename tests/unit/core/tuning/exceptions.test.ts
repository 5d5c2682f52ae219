/** Tuning with Kibana rule exceptions: they apply before the query, as in evaluate. */
import { describe, expect, test } from 'vitest';
import { diffVerdicts, evaluate, matchMask, proposeExclusions, type ExceptionInput } from '../../../../src/core/index';
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
