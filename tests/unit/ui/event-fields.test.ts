import { describe, expect, it } from 'vitest';
import { eventFields, showScalar } from '../../../src/ui/state/event-fields';

describe('eventFields: the fields of an event, for excluding a value', () => {
  it('dotted names in document order; arrays give their elements; objects in arrays merge by path', () => {
    const f = eventFields({
      '@timestamp': '2026-01-01T00:00:00Z',
      process: { name: 'dpkg', args: ['dpkg', '-i', 'dpkg'], parent: { pid: 4 } },
      'file.path': '/etc/x',
      dns: { answers: [{ name: 'a' }, { name: 'b' }] },
      gone: null,
      empty: {},
    });
    expect(f).toEqual([
      { field: '@timestamp', values: ['2026-01-01T00:00:00Z'] },
      { field: 'process.name', values: ['dpkg'] },
      { field: 'process.args', values: ['dpkg', '-i'] },
      { field: 'process.parent.pid', values: [4] },
      { field: 'file.path', values: ['/etc/x'] },
      { field: 'dns.answers.name', values: ['a', 'b'] },
      { field: 'gone', values: [null] },
    ]);
    expect(showScalar('a')).toBe('a');
    expect(showScalar(null)).toBe('null');
    expect(showScalar(true)).toBe('true');
  });

  it('large events are capped, never walked without end', () => {
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, i]));
    expect(eventFields(wide)).toHaveLength(400);
    let deep: unknown = 'v';
    for (let i = 0; i < 50; i++) deep = { a: deep };
    expect(eventFields(deep)).toEqual([]);
  });
});
