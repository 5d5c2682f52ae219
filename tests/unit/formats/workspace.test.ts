import { describe, expect, test } from 'vitest';
import { LineIndex } from '../../../src/core/index';
import { defaultExample } from '../../../src/examples/default-example';
import { parseWorkspace, serializeWorkspace, WORKSPACE_VERSION } from '../../../src/formats/workspace';

const full = {
  rule: defaultExample.query,
  meta: { name: 'APT', ruleId: 'x-1', tags: ['a'] },
  settings: { size: 50, tiebreakerField: 'event.sequence' },
  mapping: '{"properties":{}}',
  idField: 'event.id',
  events: defaultExample.events,
  expectations: { 'apt-01': { verdict: 'suppressed' as const }, 'apt-14': { verdict: 'alert' as const } },
  baseline: { rule: 'file where true', settings: { size: 10 } },
};

function at(text: string, offset: number) {
  const p = new LineIndex(text).position(offset);
  return `${p.line}:${p.column}`;
}

describe('workspace files', () => {
  test('write and read back: everything kept, version and kind first', () => {
    const text = serializeWorkspace(full);
    expect(text.startsWith(`{\n  "kind": "eql-playground-workspace",\n  "version": ${WORKSPACE_VERSION},`)).toBe(true);
    const r = parseWorkspace(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.diagnostics).toEqual([]);
    expect(r.workspace).toEqual({ version: WORKSPACE_VERSION, ...full });
    expect(serializeWorkspace(r.workspace)).toBe(text);
  });

  test('rule exceptions and their value lists are written after the baseline and read back; empty ones are left out', () => {
    const exceptions = {
      text: '{"list_id":"l","item_id":"i","name":"n","type":"simple","entries":[]}\n',
      valueLists: [{ name: 'hosts.txt', text: 'web-01\nweb-02\n', type: 'keyword' }],
    };
    const text = serializeWorkspace({ ...full, exceptions });
    expect(Object.keys(JSON.parse(text)).slice(-2)).toEqual(['baseline', 'exceptions']);
    const r = parseWorkspace(text);
    expect(r.ok && r.workspace.exceptions).toEqual(exceptions);
    const empty = parseWorkspace(serializeWorkspace({ ...full, exceptions: { text: '  \n' } }));
    expect(empty.ok && 'exceptions' in empty.workspace).toBe(false);
  });

  test('a JSON array of events is stored as an array when that is lossless, else as text', () => {
    const asArray = JSON.parse(serializeWorkspace({ rule: 'any where true', events: defaultExample.events }));
    expect(Array.isArray(asArray.events)).toBe(true);
    const ndjson = '{"a":1}\n{"a":2}\n';
    const asText = JSON.parse(serializeWorkspace({ rule: 'any where true', events: ndjson }));
    expect(asText.events).toBe(ndjson);
    const compact = '[{"a":1}]';
    expect(JSON.parse(serializeWorkspace({ rule: 'r', events: compact })).events).toBe(compact);
    const r = parseWorkspace(serializeWorkspace({ rule: 'r', events: ndjson }));
    expect(r.ok && r.workspace.events).toBe(ndjson);
  });

  test('expectations: bare verdicts and named clauses; a bad entry is a located warning, the rest kept', () => {
    const text = JSON.stringify(
      {
        kind: 'eql-playground-workspace',
        version: 1,
        rule: 'any where true',
        events: [],
        expectations: { a: 'alert', b: { verdict: 'suppressed', clause: 'x == 1' }, c: 'maybe' },
      },
      null,
      2,
    );
    const r = parseWorkspace(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.workspace.expectations).toEqual({
      a: { verdict: 'alert' },
      b: { verdict: 'suppressed', clause: 'x == 1' },
    });
    expect(r.diagnostics.map((d) => [d.code, d.severity, at(text, d.range.start)])).toEqual([
      ['WSP9004', 'warning', '12:10'],
    ]);
  });

  const bad: [string, string, string, string][] = [
    ['not JSON', '{\n  "kind": "eql-playground-workspace",\n  "rule": \n}', 'WSP9001', '4:1'],
    ['not a workspace', '{"rule": "x", "events": []}', 'WSP9002', '1:1'],
    ['another kind', '{"kind": "other"}', 'WSP9002', '1:10'],
    [
      'a newer version',
      '{"kind": "eql-playground-workspace", "version": 99, "rule": "x", "events": []}',
      'WSP9003',
      '1:49',
    ],
    ['no version', '{"kind": "eql-playground-workspace", "rule": "x", "events": []}', 'WSP9002', '1:1'],
    [
      'rule not text',
      '{"kind": "eql-playground-workspace", "version": 1,\n "rule": 3, "events": []}',
      'WSP9002',
      '2:10',
    ],
    ['events missing', '{"kind": "eql-playground-workspace", "version": 1, "rule": "x"}', 'WSP9002', '1:1'],
    [
      'bad setting',
      '{"kind": "eql-playground-workspace", "version": 1, "rule": "x", "events": [], "settings": {"size": [1]}}',
      'WSP9002',
      '1:100',
    ],
    [
      'bad baseline',
      '{"kind": "eql-playground-workspace", "version": 1, "rule": "x", "events": "", "baseline": "x"}',
      'WSP9002',
      '1:91',
    ],
    [
      'expectations not an object',
      '{"kind": "eql-playground-workspace", "version": 1, "rule": "x", "events": "", "expectations": []}',
      'WSP9004',
      '1:95',
    ],
  ];
  test.each([
    ['not an object', '"exceptions": "x"', '1:93'],
    ['value lists not an array', '"exceptions": {"text": "", "valueLists": {}}', '1:120'],
    ['a value list without text', '"exceptions": {"text": "", "valueLists": [{"name": "a.txt"}]}', '1:120'],
  ])('exceptions %s: a located error and no workspace', (_, part, where) => {
    const text = `{"kind": "eql-playground-workspace", "version": 1, "rule": "x", "events": "", ${part}}`;
    const r = parseWorkspace(text);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.code).toBe('WSP9002');
    expect(at(text, r.diagnostics[0]!.range.start)).toBe(where);
  });
  test.each(bad)('%s: a located error and no workspace', (_, text, code, where) => {
    const r = parseWorkspace(text);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.code).toBe(code);
    expect(r.diagnostics[0]!.severity).toBe('error');
    expect(r.diagnostics[0]!.source).toBe('workspace');
    expect(at(text, r.diagnostics[0]!.range.start)).toBe(where);
  });
});
