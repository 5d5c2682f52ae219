import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../../../src/core/diagnostics/diagnostic';
import { parseMapping } from '../../../../src/core/schema/mapping';
import { buildSchema } from '../../../../src/core/schema/schema';
import { CONFORMANCE_DIR, SHARED_SKIP_REASON, sharedAvailable } from '../../../conformance/harness';

const byName = (text: string) => new Map(parseMapping(text).fields.map((f) => [f.name, f]));

describe('parseMapping', () => {
  it('reads a bare properties object with nesting, multi-fields and options', () => {
    const m = byName(`{
      "properties": {
        "host": { "properties": { "name": { "type": "keyword", "ignore_above": 1024 } } },
        "msg": { "type": "text", "fields": { "raw": { "type": "keyword", "ignore_above": 256 }, "lc": { "type": "keyword", "normalizer": "lowercase" } } },
        "ts": { "type": "date", "format": "yyyy-MM-dd" },
        "opt": { "type": "keyword", "null_value": "NULL" },
        "event": { "properties": { "category": { "type": "alias", "path": "event_type" } } },
        "event_type": { "type": "[runtime_random_keyword_type]" }
      }
    }`);
    expect(m.get('host')?.type).toBe('object');
    expect(m.get('host.name')).toMatchObject({ type: 'keyword', ignoreAbove: 1024, origin: 'mapping' });
    expect(m.get('msg')).toMatchObject({ type: 'text', keywordSubfield: 'raw' });
    expect(m.get('msg.raw')).toMatchObject({ type: 'keyword', ignoreAbove: 256 });
    expect(m.get('msg.lc')).toMatchObject({ type: 'keyword', normalizer: 'lowercase' });
    expect(m.get('ts')).toMatchObject({ type: 'date', format: 'yyyy-MM-dd' });
    expect(m.get('opt')).toMatchObject({ nullValue: 'NULL' });
    expect(m.get('event.category')).toMatchObject({ type: 'alias', aliasOf: 'event_type' });
    expect(m.get('event_type')?.type).toBe('keyword');
  });

  it('accepts {mappings}, GET _mapping responses (merged) and runtime fields', () => {
    expect(byName('{"mappings":{"properties":{"a":{"type":"long"}}}}').get('a')?.type).toBe('long');
    const multi = parseMapping(`{
      "i1": { "mappings": { "properties": { "a": { "type": "long" }, "d": { "type": "date", "format": "dd-MM-yyyy" } } } },
      "i2": { "mappings": { "properties": { "b": { "type": "ip" }, "d": { "type": "date", "format": "yyyy-MM-dd" } },
                            "runtime": { "r": { "type": "long", "script": "emit(1)" } } } }
    }`);
    const f = new Map(multi.fields.map((x) => [x.name, x]));
    expect(f.get('a')?.type).toBe('long');
    expect(f.get('b')?.type).toBe('ip');
    expect(f.get('r')?.type).toBe('long');
    expect(f.get('d')?.format).toBe('dd-MM-yyyy||yyyy-MM-dd');
    expect(multi.diagnostics).toEqual([]);
  });

  it('warns about conflicting types across indices, pointing at the field', () => {
    const text =
      '{"i1":{"mappings":{"properties":{"a":{"type":"long"}}}},"i2":{"mappings":{"properties":{"a":{"type":"ip"}}}}}';
    const r = parseMapping(text);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'MAP6003', severity: 'warning', source: 'mapping' });
    expect(text.slice(r.diagnostics[0]!.range.start, r.diagnostics[0]!.range.end)).toBe('"a"');
    expect(r.diagnostics[0]!.message).toBe('Field [a] is mapped as [long] and as [ip] (index [i2]); using [long]');
  });

  it('ignores # and // comment lines and keeps error offsets in the original text', () => {
    const text = '# comment line\n// another\n{\n  "properties": {\n    "a": { "type": "long" },\n  }\n}';
    const r = parseMapping(text);
    expect(r.fields).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d).toMatchObject({ code: 'MAP6001', severity: 'error', source: 'mapping' });
    const pos = new LineIndex(text).position(d.range.start);
    expect([pos.line, pos.column]).toEqual([6, 3]);
    expect(d.message).toBe("Invalid mapping JSON: Unexpected '}': a property is missing (trailing comma?)");
  });

  it('reports a located error for unterminated input and a shape error for other JSON', () => {
    const r = parseMapping('{"properties": {"a": {"type": "long"}');
    expect(r.diagnostics[0]).toMatchObject({ code: 'MAP6001', range: { start: 37, end: 37 } });
    const s = parseMapping('[1, 2]');
    expect(s.diagnostics[0]).toMatchObject({ code: 'MAP6002', range: { start: 0, end: 6 } });
    expect(s.diagnostics[0]!.message).toBe('A mapping must be a JSON object');
    const u = parseMapping('{"foo": 1}');
    expect(u.diagnostics[0]!.code).toBe('MAP6002');
    expect(parseMapping('   ')).toEqual({ fields: [], diagnostics: [] });
  });

  it('resolves aliases through the schema', () => {
    const { fields } = parseMapping(
      '{"properties":{"event_type":{"type":"keyword"},"event":{"properties":{"category":{"type":"alias","path":"event_type"}}}}}',
    );
    const schema = buildSchema({ mappingFields: fields });
    expect(schema.get('event.category')).toMatchObject({ name: 'event_type', type: 'keyword' });
    expect(schema.isMapped('event.category')).toBe(true);
  });
});

describe.skipIf(!sharedAvailable())('conformance mappings', () => {
  it.skipIf(!existsSync(CONFORMANCE_DIR))(`every .mapping parses without diagnostics (${SHARED_SKIP_REASON})`, () => {
    const files = readdirSync(CONFORMANCE_DIR).filter((f) => f.endsWith('.mapping'));
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const f of files) {
      const r = parseMapping(readFileSync(resolve(CONFORMANCE_DIR, f), 'utf8'));
      expect(r.diagnostics, f).toEqual([]);
      expect(r.fields.length, f).toBeGreaterThan(3);
    }
  });

  it('endgame-140: placeholders become keyword, text fields get their keyword sub-field, aliases resolve', () => {
    const { fields } = parseMapping(readFileSync(resolve(CONFORMANCE_DIR, 'endgame-140.mapping'), 'utf8'));
    const m = new Map(fields.map((f) => [f.name, f]));
    expect(m.get('process_name')?.type).toBe('keyword');
    expect(m.get('file_name')).toMatchObject({ type: 'text', keywordSubfield: 'keyword' });
    expect(m.get('file_name.keyword')).toMatchObject({ type: 'keyword', ignoreAbove: 256 });
    expect(m.get('source_address')?.type).toBe('ip');
    const schema = buildSchema({ mappingFields: fields });
    expect(schema.get('event.sequence')).toMatchObject({ name: 'serial_event_id', type: 'long' });
    expect(schema.hasUserMapping).toBe(true);
  });

  it('endgame-shard-failures: the runtime section is read', () => {
    const { fields } = parseMapping(readFileSync(resolve(CONFORMANCE_DIR, 'endgame-shard-failures.mapping'), 'utf8'));
    expect(fields.find((f) => f.name === 'broken')?.type).toBe('long');
  });
});
