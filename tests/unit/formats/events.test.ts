import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineIndex } from '../../../src/core/diagnostics/diagnostic';
import { parseEvents } from '../../../src/formats/events';

const at = (text: string, offset: number) => {
  const p = new LineIndex(text).position(offset);
  return [p.line, p.column];
};

describe('parseEvents', () => {
  it('loads a JSON array with ranges, positions and ids', () => {
    const text = '[\n  {"a": 1},\n  {"b": {"c": 2}}\n]';
    const r = parseEvents(text);
    expect(r.format).toBe('array');
    expect(r.diagnostics).toEqual([]);
    expect(r.events.map((e) => e.id)).toEqual(['0', '1']);
    expect(r.events.map((e) => e.position)).toEqual([0, 1]);
    expect(text.slice(r.events[1]!.range!.start, r.events[1]!.range!.end)).toBe('{"b": {"c": 2}}');
    expect(r.events[0]!.doc).toBe(r.events[0]!.source);
  });

  it('keeps loading after a broken element in the middle, with a located error', () => {
    const text = '[\n  {"a": 1},\n  {"b": 2,, "c": 3},\n  {"d": 4}\n]';
    const r = parseEvents(text);
    expect(r.events.map((e) => e.source)).toEqual([{ a: 1 }, { d: 4 }]);
    expect(r.events.map((e) => e.id)).toEqual(['0', '1']);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d).toMatchObject({ code: 'EVT5001', severity: 'error', source: 'events' });
    expect(at(text, d.range.start)).toEqual([3, 11]);
    expect(d.message).toBe(
      "Array element 2 is not valid JSON: Unexpected ',': expected a property name in double quotes",
    );
  });

  it('recovers from an unterminated string at the end of its line', () => {
    const text = '[\n{"a": "oops},\n{"b": 1}\n]';
    const r = parseEvents(text);
    expect(r.events.map((e) => e.source)).toEqual([{ b: 1 }]);
    expect(r.diagnostics[0]!.code).toBe('EVT5001');
    expect(at(text, r.diagnostics[0]!.range.start)).toEqual([2, 7]);
  });

  it('reports non-object elements and structural problems', () => {
    const text = '[{"a":1}, 42, "s", {"b":2} {"c":3},]';
    const r = parseEvents(text);
    expect(r.events.map((e) => e.source)).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
    const codes = r.diagnostics.map((d) => [d.code, d.range.start]);
    expect(codes).toEqual([
      ['EVT5001', 27], // missing comma between elements
      ['EVT5001', 34], // trailing comma
      ['EVT5002', 10],
      ['EVT5002', 14],
    ]);
    expect(r.diagnostics[2]!.message).toBe(
      'Array element 2 is a number, not a JSON object; each event must be an object',
    );
  });

  it('loads NDJSON, skipping blank and comment lines; a broken line is located', () => {
    const text = '{"a":1}\n\n// note\n{"a":2\n{"a":3}\r\n';
    const r = parseEvents(text);
    expect(r.format).toBe('ndjson');
    expect(r.events.map((e) => e.source)).toEqual([{ a: 1 }, { a: 3 }]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.message).toBe("Line 4 is not valid JSON: Unexpected end of input: expected ',' or '}'");
    expect(at(text, r.diagnostics[0]!.range.start)).toEqual([4, 7]);
    expect(text.slice(r.events[1]!.range!.start, r.events[1]!.range!.end)).toBe('{"a":3}');
  });

  it('loads NDJSON whose first line is broken, reporting that line', () => {
    for (const first of ['garbage', '{garbage', '{"a": "unterminated']) {
      const text = `${first}\n{"a":1}\n{"a":2}\n`;
      const r = parseEvents(text);
      expect(r.format, first).toBe('ndjson');
      expect(r.events.map((e) => e.source)).toEqual([{ a: 1 }, { a: 2 }]);
      expect(r.diagnostics).toHaveLength(1);
      expect(r.diagnostics[0]!.message).toMatch(/^Line 1 is (not valid JSON|an array)/);
      expect(at(text, r.diagnostics[0]!.range.start)[0]).toBe(1);
    }
    // A single broken object without a second line stays one (reported) event.
    expect(parseEvents('{"a": 1,,}').format).toBe('single');
  });

  it('warns about a key given twice, saying what Elasticsearch does with it', () => {
    const text = '{"a":1}\n{"process":{"name":"x","pid":1,"name":"y"},"b":[{"c":1,"c":2}],"d\\u0041":1,"dA":2}\n';
    const r = parseEvents(text);
    expect(r.events).toHaveLength(2);
    expect(r.events[1]!.source).toMatchObject({ process: { name: 'y' } });
    const msgs = r.diagnostics.map((d) => [d.code, d.severity, d.message, text.slice(d.range.start, d.range.end)]);
    expect(msgs).toEqual([
      [
        'EVT5011',
        'warning',
        "Line 2 has the key [process.name] more than once; Elasticsearch keeps neither value: it rejects the document (Duplicate field 'name')",
        '"name"',
      ],
      ['EVT5011', 'warning', expect.stringContaining('[b.c]'), '"c"'],
      ['EVT5011', 'warning', expect.stringContaining('[dA]'), '"dA"'],
    ]);
    // The same key in sibling objects is no repeat.
    expect(parseEvents('[{"a":{"x":1},"b":{"x":2}}]').diagnostics).toEqual([]);
  });

  it('warns about numbers beyond a double and keeps the event', () => {
    const text = '[{"big":1e400,"neg":-2E999,"fine":1e-400,"long":12345678901234567890}]';
    const r = parseEvents(text);
    expect(r.events[0]!.source).toMatchObject({ big: Infinity, neg: -Infinity, fine: 0 });
    expect(r.diagnostics.map((d) => [d.code, d.message, text.slice(d.range.start, d.range.end)])).toEqual([
      [
        'EVT5012',
        'Array element 1 has the number 1e400, beyond the range of a double: it is read as Infinity',
        '1e400',
      ],
      [
        'EVT5012',
        'Array element 1 has the number -2E999, beyond the range of a double: it is read as -Infinity',
        '-2E999',
      ],
    ]);
  });

  it('reports an event nested too deep at the bracket past the limit and loads the others', () => {
    const deep = `${'{"a":'.repeat(1500)}1${'}'.repeat(1500)}`;
    const text = `{"ok":1}\n${deep}\n{"ok":2}`;
    const r = parseEvents(text);
    expect(r.events.map((e) => e.source)).toEqual([{ ok: 1 }, { ok: 2 }]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'EVT5010', severity: 'error' });
    expect(r.diagnostics[0]!.message).toBe(
      'Line 2 is nested more than 1000 levels deep; events this deep are not loaded',
    );
    expect(at(text, r.diagnostics[0]!.range.start)).toEqual([2, 1 + 5 * 1000]);
    expect(parseEvents(`[{"a":${'['.repeat(999)}${']'.repeat(999)}}]`).diagnostics).toEqual([]);
  });

  it('takes ids from bulk action lines', () => {
    const r = parseEvents('{"index":{"_index":"logs","_id":"x1"}}\n{"a":1}\n{"create":{"_id":"x2"}}\n{"a":2}\n');
    expect(r.events.map((e) => [e.id, e.index, e.source])).toEqual([
      ['x1', 'logs', { a: 1 }],
      ['x2', undefined, { a: 2 }],
    ]);
  });

  it('loads an ES _search response, keeping _id and _index', () => {
    const text = JSON.stringify(
      {
        took: 1,
        hits: {
          total: { value: 2 },
          hits: [
            { _index: 'i1', _id: 'a', _source: { x: 1 } },
            { _index: 'i2', _id: 'b', _source: { 'p.q': 2 } },
          ],
        },
      },
      null,
      2,
    );
    const r = parseEvents(text);
    expect(r.format).toBe('search');
    expect(r.events.map((e) => [e.id, e.index])).toEqual([
      ['a', 'i1'],
      ['b', 'i2'],
    ]);
    expect(r.events[1]!.doc).toEqual({ p: { q: 2 } });
    expect(JSON.parse(text.slice(r.events[0]!.range!.start, r.events[0]!.range!.end))).toEqual({ x: 1 });
  });

  it('loads an _eql/search response: events, and sequences without missing placeholders or repeats', () => {
    const ev = (id: string) => ({ _index: 'i', _id: id, _source: { id } });
    const events = parseEvents(JSON.stringify({ hits: { events: [ev('1'), ev('2')] } }));
    expect(events.format).toBe('eql-search');
    expect(events.events.map((e) => e.id)).toEqual(['1', '2']);
    const seq = parseEvents(
      JSON.stringify({
        hits: {
          sequences: [
            { join_keys: ['k'], events: [ev('1'), { _index: '', _id: '', missing: true }, ev('3')] },
            { events: [ev('3'), ev('4')] },
          ],
        },
      }),
    );
    expect(seq.events.map((e) => e.id)).toEqual(['1', '3', '4']);
    expect(seq.diagnostics).toEqual([]);
  });

  it('uses idField when given, else _id, else the position', () => {
    expect(parseEvents('[{"sid": 7}, {"x": 1}]', { idField: 'sid' }).events.map((e) => e.id)).toEqual(['7', '1']);
    expect(parseEvents('[{"a": {"b": "k"}}]', { idField: 'a.b' }).events[0]!.id).toBe('k');
    expect(parseEvents('[{"_id": "own", "_source": {"x": 1}}]').events[0]).toMatchObject({
      id: 'own',
      source: { x: 1 },
    });
  });

  it('expands dotted keys into doc and keeps source as given', () => {
    const r = parseEvents('{"process.name": "x", "process": {"pid": 1}}');
    expect(r.format).toBe('single');
    expect(r.events[0]!.source).toEqual({ 'process.name': 'x', process: { pid: 1 } });
    expect(r.events[0]!.doc).toEqual({ process: { name: 'x', pid: 1 } });
  });

  it('handles empty text, single non-object values and pretty-printed object streams', () => {
    expect(parseEvents('  \n ')).toEqual({ events: [], diagnostics: [], format: 'empty' });
    const n = parseEvents('42');
    expect(n.diagnostics.map((d) => d.code)).toEqual(['EVT5002']);
    const s = parseEvents('{\n  "a": 1\n}\n{\n  "a": 2\n}\n');
    expect(s.format).toBe('ndjson');
    expect(s.events.map((e) => e.source)).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('reports a missing closing bracket at the end of the text', () => {
    const text = '[{"a":1}, {"b":2}';
    const r = parseEvents(text);
    expect(r.events).toHaveLength(2);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'EVT5001', range: { start: text.length, end: text.length } }),
    ]);
  });

  it('loads 100k events', () => {
    const one = JSON.stringify({
      '@timestamp': '2024-01-01T00:00:00Z',
      process: { name: 'bash', args: ['-c', 'echo "hi"'] },
      n: 1,
    });
    const text = `[\n${Array.from({ length: 100_000 }, () => one).join(',\n')}\n]`;
    const r = parseEvents(text);
    expect(r.events).toHaveLength(100_000);
    expect(r.diagnostics).toEqual([]);
    expect(r.events[99_999]!.id).toBe('99999');
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.stringMatching(/^[\s{}[\]",:a-z0-9\\/#\n]*$/)), (text) => {
        const r = parseEvents(text);
        for (const d of r.diagnostics) {
          expect(d.range.start).toBeGreaterThanOrEqual(0);
          expect(d.range.end).toBeLessThanOrEqual(text.length);
          expect(d.range.start).toBeLessThanOrEqual(d.range.end);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('bulk request bodies', () => {
  it('index/create lines name the next event; delete and update bodies are not events', () => {
    const text = [
      '{"index":{"_id":"A1"}}',
      '{"n":1}',
      '{"create":{"_id":"A2","_index":"logs"}}',
      '{"n":2}',
      '{"delete":{"_id":"A3"}}',
      '{"update":{"_id":"A1"}}',
      '{"doc":{"n":9}}',
      '{"index":{"name":"a field called index, not an action"}}',
      '',
    ].join('\n');
    const r = parseEvents(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.events.map((e) => [e.id, e.index ?? null, e.source])).toEqual([
      ['A1', null, { n: 1 }],
      ['A2', 'logs', { n: 2 }],
      ['2', null, { index: { name: 'a field called index, not an action' } }],
    ]);
  });
});
