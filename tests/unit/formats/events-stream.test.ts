import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineIndex } from '../../../src/core/diagnostics/diagnostic';
import { parseEvents } from '../../../src/formats/events';
import { EventsStream } from '../../../src/formats/events-stream';

/** Feed `text` in chunks cut at `cuts` (offsets), then end. */
function streamed(text: string, cuts: readonly number[] = [], idField?: string) {
  const s = new EventsStream(idField ? { idField } : {});
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    const to = Math.min(Math.max(c, at), text.length);
    s.push(text.slice(at, to));
    at = to;
  }
  s.push(text.slice(at));
  return s.end();
}

const view = (events: readonly { id: string; source: unknown; index?: string }[]) =>
  events.map((e) => ({ id: e.id, source: e.source, index: e.index }));

function sameAsText(text: string, cuts: readonly number[] = [], idField?: string): void {
  const whole = parseEvents(text, idField ? { idField } : {});
  const r = streamed(text, cuts, idField);
  expect(view(r.events)).toEqual(view(whole.events));
  expect(r.format).toBe(whole.format);
  expect(r.length).toBe(text.length);
}

const ev = (i: number) => ({
  '@timestamp': `2026-01-01T00:00:0${i % 10}Z`,
  event: { id: `e-${i}` },
  msg: `a "q" \\ ${i}`,
});

describe('EventsStream reads what parseEvents reads, in any chunking', () => {
  const ndjson = [0, 1, 2, 3].map((i) => JSON.stringify(ev(i))).join('\n');
  const array = JSON.stringify([0, 1, 2].map(ev), null, 2);
  const search = JSON.stringify({
    took: 3,
    hits: { total: { value: 2 }, hits: [0, 1].map((i) => ({ _index: 'logs', _id: `h${i}`, _source: ev(i) })) },
  });
  const eql = JSON.stringify(
    {
      hits: {
        sequences: [
          {
            join_keys: ['x'],
            events: [
              { _index: 'i', _id: 'a', _source: ev(0) },
              { _index: 'i', _id: 'b', _source: ev(1) },
            ],
          },
          {
            events: [
              { _index: 'i', _id: 'b', _source: ev(1) },
              { _index: '', _id: '', _source: {}, missing: true },
            ],
          },
        ],
      },
    },
    null,
    1,
  );
  const bulk = [
    '{"index":{"_index":"x","_id":"b1"}}',
    JSON.stringify(ev(0)),
    '{"delete":{"_id":"gone"}}',
    '{"update":{"_id":"u"}}',
    '{"doc":{"a":1}}',
    '{"create":{"_id":"b2"}}',
    JSON.stringify(ev(1)),
  ].join('\n');
  const pretty = [0, 1].map((i) => JSON.stringify(ev(i), null, 2)).join('\n');
  const single = JSON.stringify(ev(5), null, 2);
  const cases: Record<string, string> = { ndjson, array, search, eql, bulk, pretty, single, empty: '  \n' };

  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: whole, and cut at every offset`, () => {
      sameAsText(text);
      for (let k = 0; k <= text.length; k++) sameAsText(text, [k]);
    });
  }

  it('keeps the format names and the id field', () => {
    expect(streamed(eql).format).toBe('eql-search');
    expect(streamed(search).format).toBe('search');
    expect(view(streamed(search).events).map((e) => e.id)).toEqual(['h0', 'h1']);
    expect(view(streamed(ndjson, [], 'event.id').events).map((e) => e.id)).toEqual(['e-0', 'e-1', 'e-2', 'e-3']);
    sameAsText(array, [5, 40, 41], 'event.id');
  });

  it('random chunkings of random NDJSON and arrays', () => {
    const value = fc.dictionary(
      fc.string({ maxLength: 6 }),
      fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null)),
      { maxKeys: 4 },
    );
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 8 }),
        fc.array(fc.nat(400), { maxLength: 6 }),
        fc.boolean(),
        (events, cuts, asArray) => {
          const text = asArray ? JSON.stringify(events, null, 1) : events.map((e) => JSON.stringify(e)).join('\n');
          sameAsText(text, cuts);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('EventsStream problems', () => {
  it('an NDJSON line that is not JSON is reported at its line and the rest load', () => {
    const text = '{"a":1}\ngarbage here\n{"b":2}\n{"c": 3,,}\n{"d":4}';
    const r = streamed(text, [3, 12, 20]);
    expect(r.events.map((e) => e.source)).toEqual([{ a: 1 }, { b: 2 }, { d: 4 }]);
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 1],
      [4, 9],
    ]);
    expect(r.problems[0]!.diagnostic.message).toMatch(/^Line 2 is not valid JSON/);
    // the same positions as the text parser gives
    const idx = new LineIndex(text);
    expect(
      parseEvents(text)
        .diagnostics.map((d) => idx.position(d.range.start))
        .map((p) => [p.line, p.column]),
    ).toEqual(r.problems.map((p) => [p.line, p.column]));
  });

  it('a broken array element is located (line and column) and the others load', () => {
    const text = '[\n  {"a": 1},\n  {"b": 2,, "c": 3},\n  {"d": 4}\n]';
    for (const cut of [0, 10, 20, 30]) {
      const r = streamed(text, [cut]);
      expect(r.events.map((e) => e.source)).toEqual([{ a: 1 }, { d: 4 }]);
      expect(r.problems).toHaveLength(1);
      expect([r.problems[0]!.line, r.problems[0]!.column]).toEqual([3, 11]);
      expect(r.problems[0]!.diagnostic.message).toBe(
        "Array element 2 is not valid JSON: Unexpected ',': expected a property name in double quotes",
      );
    }
  });

  it('non-object elements, an unclosed array and text after the events', () => {
    const r = streamed('[{"a":1}, 42, "s",\n {"b":2}');
    expect(r.events.map((e) => e.source)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(r.problems.map((p) => p.diagnostic.message)).toEqual([
      'Array element 2 is a number, not a JSON object; each event must be an object',
      'Array element 3 is a string, not a JSON object; each event must be an object',
      'The array of events is not closed',
    ]);
    const after = streamed('[{"a":1}]\n{"b":2}');
    expect(after.events).toHaveLength(1);
    expect(after.problems.map((p) => [p.diagnostic.message, p.line])).toEqual([
      ['Unexpected text after the events', 2],
    ]);
  });

  it('counts lines across chunks for problems far into the file', () => {
    const lines = Array.from({ length: 500 }, (_, i) => (i === 377 ? '{"bad": }' : JSON.stringify({ i })));
    const text = lines.join('\r\n');
    const cuts = Array.from({ length: 60 }, (_, k) => k * 97);
    const r = streamed(text, cuts);
    expect(r.events).toHaveLength(499);
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([[378, 9]]);
  });
});

describe('EventsStream checks what JSON.parse hides, as parseEvents does', () => {
  it('reports a too deep event (not loaded), a key given twice and a number past a double', () => {
    const deep = `${'{"a":'.repeat(1200)}1${'}'.repeat(1200)}`;
    const text = `{"ok":1}\n${deep}\n{"n":1e400,"k":1,"k":2}\n`;
    const whole = parseEvents(text);
    for (const cuts of [[], [5, 4000, 6100]]) {
      const r = streamed(text, cuts);
      expect(view(r.events)).toEqual(view(whole.events));
      expect(r.events).toHaveLength(2);
      const codes = r.problems.map((p) => p.diagnostic.code);
      expect(codes.sort()).toEqual(['EVT5010', 'EVT5011', 'EVT5012']);
    }
  });
});
