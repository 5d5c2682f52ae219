import { describe, expect, it } from 'vitest';
import type { Expectations } from '../../../src/core';
import { parseEvents } from '../../../src/formats/events';
import { expectationsFromFile, expectationsUnder } from '../../../src/formats/workspace-ids';

const events = parseEvents(
  [
    '{"event": {"id": "e-a"}}',
    '{"event": {"id": "e-b"}}',
    '{"event": {}}',
    '{"_id": "doc-3", "event": {"id": "e-d"}}',
    '{"_id": "doc-4"}',
  ].join('\n'),
  {},
).events;

describe('workspace expectations under the file id field', () => {
  // Keyed as the playground keys them: _id, else the position.
  const page: Expectations = {
    '0': { verdict: 'alert' },
    '2': { verdict: 'suppressed', clause: 'x' },
    'doc-3': { verdict: 'no-match' },
    'doc-4': { verdict: 'excepted' },
    ghost: { verdict: 'alert' },
  };

  it('keys them by the field value, else _id, else the position, and reads them back the same', () => {
    const file = expectationsUnder(events, 'event.id', page);
    expect(file).toEqual({
      'e-a': { verdict: 'alert' },
      '2': { verdict: 'suppressed', clause: 'x' },
      'e-d': { verdict: 'no-match' },
      'doc-4': { verdict: 'excepted' },
      ghost: { verdict: 'alert' },
    });
    expect(expectationsFromFile(events, 'event.id', file!)).toEqual(page);
  });

  it('refuses a translation that would change what they mean', () => {
    const twins = parseEvents('{"event":{"id":"same"}}\n{"event":{"id":"same"}}\n{"event":{"id":"e-b"}}', {}).events;
    // Both events one id names expect the same: one key.
    expect(expectationsUnder(twins, 'event.id', { '0': { verdict: 'alert' }, '1': { verdict: 'alert' } })).toEqual({
      same: { verdict: 'alert' },
    });
    // They differ, or only one of them expects anything: the command line would check both.
    expect(expectationsUnder(twins, 'event.id', { '0': { verdict: 'alert' }, '1': { verdict: 'no-match' } })).toBe(
      undefined,
    );
    expect(expectationsUnder(twins, 'event.id', { '0': { verdict: 'alert' } })).toBeUndefined();
    // An id no event has would become the id of an event.
    expect(expectationsUnder(twins, 'event.id', { 'e-b': { verdict: 'alert' } })).toBeUndefined();
  });

  it('a file id several events have names each of them; ids no event has are kept', () => {
    const twins = parseEvents('{"event":{"id":"same"}}\n{"event":{"id":"same"}}', {}).events;
    expect(expectationsFromFile(twins, 'event.id', { same: { verdict: 'alert' }, nope: { verdict: 'alert' } })).toEqual(
      { '0': { verdict: 'alert' }, '1': { verdict: 'alert' }, nope: { verdict: 'alert' } },
    );
  });
});
