/** Dates in one module: event-query ordering and sequences honour the mapping format; unreadable dates are warned about at the event. */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../src/core/index';
import type { EventDoc } from '../../../src/core/runtime/event';
import { expandDottedKeys } from '../../../src/core/runtime/field-access';

function docs(sources: Record<string, unknown>[]): EventDoc[] {
  return sources.map((s, i) => ({
    id: String(s.id ?? i),
    source: s,
    doc: expandDottedKeys(s),
    position: i,
    range: { start: i * 100, end: i * 100 + 50 },
  }));
}

const mapping = (format: string) =>
  JSON.stringify({
    mappings: {
      properties: {
        '@timestamp': { type: 'date', format },
        event: { properties: { category: { type: 'keyword' } } },
      },
    },
  });

describe('mapping date formats on every path', () => {
  const format = 'yyyy-MM-dd HH:mm:ss Z||dd/MMM/yyyy:HH:mm:ss';
  const events = docs([
    { id: 'late', event: { category: 'a' }, '@timestamp': '2020-01-01 10:00:00 +0000' },
    { id: 'early', event: { category: 'a' }, '@timestamp': '01/Jan/2020:09:00:00' },
    { id: 'b', event: { category: 'b' }, '@timestamp': '2020-01-01 11:00:00 +0100' },
  ]);
  test('event-query hits are ordered by the timestamp read with the format', () => {
    const r = evaluate({ rule: 'any where true', events, mapping: mapping(format), explain: false });
    expect(r.hits?.events?.map((h) => h._id)).toEqual(['early', 'late', 'b']);
    expect(r.diagnostics.filter((d) => d.code === 'EVT5006')).toEqual([]);
  });
  test('sequences read the same timestamps (no event drops out)', () => {
    const r = evaluate({
      rule: 'sequence with maxspan=2h [a where true] [b where true]',
      events,
      mapping: mapping(format),
      explain: false,
    });
    expect(r.hits?.sequences?.map((s) => s.events.map((e) => e._id))).toEqual([['late', 'b']]);
  });
  test('comparisons on the date field read constants with the format', () => {
    const r = evaluate({
      rule: 'any where @timestamp > "01/Jan/2020:09:30:00"',
      events,
      mapping: mapping(format),
      explain: false,
    });
    expect(r.hits?.events?.map((h) => h._id)).toEqual(['late', 'b']);
  });
});

describe('unreadable dates', () => {
  test('an event whose date cannot be read gets a warning at the event, and is still evaluated', () => {
    const events = docs([
      { id: 'ok', event: { category: 'a' }, '@timestamp': '2020-01-01T00:00:00Z' },
      { id: 'bad', event: { category: 'a' }, '@timestamp': '2020-13-45' },
      { id: 'feb', event: { category: 'a' }, '@timestamp': '2020-02-30T00:00:00Z' },
    ]);
    const r = evaluate({ rule: 'any where true', events, explain: true });
    const warnings = r.diagnostics.filter((d) => d.code === 'EVT5006');
    expect(warnings.map((d) => [d.severity, d.source, d.range.start])).toEqual([
      ['warning', 'events', 100],
      ['warning', 'events', 200],
    ]);
    expect(warnings[0]!.message).toBe(
      'Event bad: [@timestamp] value [2020-13-45] is not a date under the format [strict_date_optional_time||epoch_millis]; Elasticsearch would reject this document at index time (failed to parse field [@timestamp] of type [date])',
    );
    expect(r.verdicts?.map((v) => v.verdict)).toEqual(['alert', 'alert', 'alert']);
  });
  test('date fields the query reads are checked too; other fields are not', () => {
    const events = docs([{ id: 'x', event: { category: 'a', created: 'soon' }, '@timestamp': 1_600_000_000_000 }]);
    const read = evaluate({ rule: 'any where event.created != null', events, explain: false });
    expect(read.diagnostics.filter((d) => d.code === 'EVT5006').map((d) => d.message)[0]).toContain('[event.created]');
    const unread = evaluate({ rule: 'any where true', events, explain: false });
    expect(unread.diagnostics.filter((d) => d.code === 'EVT5006')).toEqual([]);
  });
  test('the scan kept for an events list answers each field and format on its own, and a new list is read again', () => {
    const events = docs([
      { id: 'a', event: { category: 'a' }, '@timestamp': '01/Jan/2020:09:00:00' },
      { id: 'b', event: { category: 'a' }, '@timestamp': '2020-01-01T00:00:00Z' },
    ]);
    const ids = (r: ReturnType<typeof evaluate>) =>
      r.diagnostics.filter((d) => d.code === 'EVT5006').map((d) => d.message.slice(0, 7));
    expect(ids(evaluate({ rule: 'any where true', events, explain: false }))).toEqual(['Event a']);
    // The same list under another format: the other event is the unreadable one.
    const other = mapping('dd/MMM/yyyy:HH:mm:ss');
    expect(ids(evaluate({ rule: 'any where true', events, mapping: other, explain: false }))).toEqual(['Event b']);
    expect(ids(evaluate({ rule: 'any where true', events, explain: false }))).toEqual(['Event a']);
    // An edit makes a new list: its event is read again.
    const edited = [{ ...events[0]!, source: { '@timestamp': 1 }, doc: { '@timestamp': 1 } }, events[1]!];
    expect(ids(evaluate({ rule: 'any where true', events: edited, explain: false }))).toEqual([]);
  });
  test('past twenty events, the rest are counted in one summary, in event order', () => {
    const many = docs(
      Array.from({ length: 25 }, (_, i) => ({ id: `e${i}`, '@timestamp': i % 5 === 0 ? 'never' : 'soon' })),
    );
    const w = evaluate({ rule: 'any where true', events: many, explain: false }).diagnostics.filter(
      (d) => d.code === 'EVT5006',
    );
    expect(w).toHaveLength(21);
    expect(w.slice(0, 3).map((d) => d.message.split(':')[0])).toEqual(['Event e0', 'Event e1', 'Event e2']);
    expect(w[20]!.message).toMatch(/5/);
  });
});
