/** Reading Kibana's exception shapes, with broken lines; writing them back. */
import { describe, expect, test } from 'vitest';
import { ExceptionFiles } from '../../../src/formats/diagnostics';
import { parseExceptions } from '../../../src/formats/exceptions';
import { createItemBody, exceptionListNdjson } from '../../../src/formats/exceptions-writer';
import { parseValueList } from '../../../src/formats/value-list';

const container = {
  _version: 'WzEsMV0=',
  created_at: '2025-02-03T10:00:00.000Z',
  created_by: 'elastic',
  description: 'Exceptions for the APT rule',
  id: '5b2a2f10-0000-4000-8000-000000000001',
  immutable: false,
  list_id: 'apt-rule-exceptions',
  name: 'APT rule exceptions',
  namespace_type: 'single',
  os_types: [],
  tags: [],
  tie_breaker_id: 'a1',
  type: 'detection',
  updated_at: '2025-02-03T10:00:00.000Z',
  updated_by: 'elastic',
  version: 1,
};
const itemA = {
  _version: 'WzIsMV0=',
  comments: [
    { comment: 'ansible writes here', created_at: '2025-02-03T10:01:00.000Z', created_by: 'elastic', id: 'c1' },
  ],
  created_at: '2025-02-03T10:01:00.000Z',
  created_by: 'elastic',
  description: 'Config management',
  entries: [
    { field: 'process.name', operator: 'included', type: 'match', value: 'ansible' },
    { field: 'file.path', operator: 'included', type: 'wildcard', value: '/etc/apt/apt.conf.d/*' },
  ],
  id: '5b2a2f10-0000-4000-8000-000000000002',
  item_id: 'ansible-apt',
  list_id: 'apt-rule-exceptions',
  name: 'Ansible',
  namespace_type: 'single',
  os_types: ['linux'],
  tags: [],
  tie_breaker_id: 'b1',
  type: 'simple',
  updated_at: '2025-02-03T10:01:00.000Z',
  updated_by: 'elastic',
};
const itemB = {
  description: '',
  entries: [
    { field: 'user.name', list: { id: 'service-users.txt', type: 'keyword' }, operator: 'excluded', type: 'list' },
  ],
  item_id: 'not-service-users',
  list_id: 'apt-rule-exceptions',
  name: 'Not service users',
  type: 'simple',
  expire_time: '2026-01-01T00:00:00.000Z',
};
const summary = {
  exported_exception_list_count: 1,
  exported_exception_list_item_count: 2,
  missing_exception_list_item_count: 0,
  missing_exception_list_items: [],
  missing_exception_lists: [],
  missing_exception_lists_count: 0,
};
const exportText = `${[container, itemA, itemB, summary].map((o) => JSON.stringify(o)).join('\n')}\n`;

describe('exception list export', () => {
  test('container, items and summary', () => {
    const r = parseExceptions(exportText, { file: 'apt.ndjson' });
    expect(r.format).toBe('exception-list-export');
    expect(r.diagnostics).toEqual([]);
    expect(r.lists.map((l) => [l.list_id, l.name, l.type])).toEqual([
      ['apt-rule-exceptions', 'APT rule exceptions', 'detection'],
    ]);
    expect(r.items.map((i) => [i.item_id, i.name, i.entries.length, i.os_types])).toEqual([
      ['ansible-apt', 'Ansible', 2, ['linux']],
      ['not-service-users', 'Not service users', 1, []],
    ]);
    expect(r.items[1]!.expire_time).toBe('2026-01-01T00:00:00.000Z');
    expect(r.items[0]!.origin).toEqual({
      file: 'apt.ndjson',
      range: {
        start: exportText.indexOf('{"_version":"WzIsMV0="'),
        end: exportText.indexOf('\n', exportText.indexOf('"WzIsMV0="')),
      },
    });
  });

  test('a broken line is located; the other lines still load; the summary count is checked', () => {
    const lines = exportText.split('\n');
    lines[1] = lines[1]!.replace('"entries":[', '"entries":[[');
    const broken = lines.join('\n');
    const r = parseExceptions(broken);
    expect(r.items.map((i) => i.item_id)).toEqual(['not-service-users']);
    const syntax = r.diagnostics.find(
      (d) => d.code === ExceptionFiles.ExceptionsSyntax.code || d.code === ExceptionFiles.InvalidItem.code,
    )!;
    expect(syntax.severity).toBe('error');
    expect(syntax.range.start).toBeGreaterThanOrEqual(lines[0]!.length + 1);
    expect(syntax.range.end).toBeLessThanOrEqual(lines[0]!.length + 1 + lines[1]!.length);
    expect(r.diagnostics.some((d) => d.message.includes('counts 2 exception items, but 1 loaded'))).toBe(true);
  });

  test('an invalid entry is pointed at inside its item', () => {
    const bad = { ...itemB, entries: [{ field: 'user.name', operator: 'sometimes', type: 'match', value: 'x' }] };
    const text = JSON.stringify(bad);
    const r = parseExceptions(text);
    expect(r.items).toEqual([]);
    const d = r.diagnostics[0]!;
    expect(d.message).toContain('"operator" must be "included" or "excluded"');
    expect(text.slice(d.range.start, d.range.end)).toBe(JSON.stringify(bad.entries[0]));
  });

  test('entry schema: nested children, match_any values, os_types, expire_time', () => {
    const cases: [object, string][] = [
      [
        { type: 'nested', field: 'a', entries: [{ type: 'wildcard', field: 'b', operator: 'included', value: 'c' }] },
        'may hold only match',
      ],
      [{ type: 'match_any', field: 'a', operator: 'included', value: [] }, 'non-empty array'],
      [{ type: 'match', field: 'a', operator: 'included', value: '' }, 'non-empty string "value"'],
      [{ type: 'list', field: 'a', operator: 'included', list: { id: 'x' } }, '"list": {"id", "type"}'],
      [{ type: 'regex', field: 'a', operator: 'included', value: 'x' }, 'unknown entry type'],
    ];
    for (const [entry, message] of cases) {
      const r = parseExceptions(JSON.stringify({ ...itemB, entries: [entry] }));
      expect(r.items, message).toEqual([]);
      expect(r.diagnostics[0]!.message).toContain(message);
    }
    expect(parseExceptions(JSON.stringify({ ...itemB, os_types: ['solaris'] })).diagnostics[0]!.message).toContain(
      'os_types',
    );
    expect(parseExceptions(JSON.stringify({ ...itemB, expire_time: 'tomorrow' })).diagnostics[0]!.message).toContain(
      'expire_time',
    );
  });
});

describe('other shapes', () => {
  test('a rule export with exceptions_list, lists, items, an action connector and the summary', () => {
    const rule = {
      rule_id: 'r1',
      name: 'APT',
      type: 'eql',
      query: 'file where true',
      exceptions_list: [{ id: 'x', list_id: 'apt-rule-exceptions', namespace_type: 'single', type: 'detection' }],
    };
    const action = { id: 'a', type: 'action', attributes: { actionTypeId: '.email', name: 'mail' } };
    const details = {
      exported_count: 4,
      exported_rules_count: 1,
      missing_rules: [],
      missing_rules_count: 0,
      ...summary,
    };
    const text = [rule, container, itemA, itemB, action, details].map((o) => JSON.stringify(o)).join('\n');
    const r = parseExceptions(text);
    expect(r.format).toBe('rule-export');
    expect(r.ruleLists).toEqual(rule.exceptions_list);
    expect(r.items.map((i) => i.item_id)).toEqual(['ansible-apt', 'not-service-users']);
    expect(r.diagnostics.map((d) => d.code)).toEqual([ExceptionFiles.IgnoredObject.code]);
  });

  test('one item, an array of items and a _find answer, as the items API takes and gives them', () => {
    const body = { ...itemB };
    expect(parseExceptions(JSON.stringify(body, null, 2)).format).toBe('item');
    const arr = parseExceptions(JSON.stringify([itemA, 5, itemB], null, 2));
    expect(arr.format).toBe('items');
    expect(arr.items.map((i) => i.item_id)).toEqual(['ansible-apt', 'not-service-users']);
    expect(arr.diagnostics.map((d) => d.message)).toEqual(['Element 2 is not an exception item object']);
    const found = parseExceptions(JSON.stringify({ data: [itemA], page: 1, per_page: 20, total: 1 }));
    expect(found.format).toBe('find-response');
    expect(found.items.map((i) => i.item_id)).toEqual(['ansible-apt']);
  });

  test('a create body without item_id gets one, with a note', () => {
    const { item_id: _omit, ...body } = itemB;
    const r = parseExceptions(JSON.stringify(body));
    expect(r.items[0]!.item_id).toBe('item-1');
    expect(r.diagnostics[0]!.severity).toBe('info');
  });
});

describe('writing back', () => {
  test('the export re-imports unchanged and carries only keys Kibana imports', () => {
    const first = parseExceptions(exportText);
    const written = exceptionListNdjson(first.items, first.lists);
    const again = parseExceptions(written);
    expect(again.diagnostics).toEqual([]);
    const shape = (p: typeof first) => p.items.map(({ raw: _r, origin: _o, ...rest }) => rest);
    expect(shape(again)).toEqual(shape(first));
    expect(again.lists.map((l) => l.list_id)).toEqual(['apt-rule-exceptions']);
    const lines = written
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[3]).toEqual(summary);
    expect(Object.keys(lines[0])).not.toContain('immutable');
    expect(lines[2]).toMatchObject({ description: '', namespace_type: 'single', os_types: [], tags: [], comments: [] });
  });

  test('the API body re-imports unchanged', () => {
    const first = parseExceptions(exportText).items[0]!;
    const body = createItemBody(first);
    expect(Object.keys(body).sort()).toEqual(
      [
        'comments',
        'description',
        'entries',
        'item_id',
        'list_id',
        'name',
        'namespace_type',
        'os_types',
        'tags',
        'type',
      ].sort(),
    );
    expect(body.comments).toEqual([{ comment: 'ansible writes here' }]);
    const again = parseExceptions(JSON.stringify(body)).items[0]!;
    expect({ ...again, raw: undefined, origin: undefined }).toEqual({ ...first, raw: undefined, origin: undefined });
  });
});

describe('value lists', () => {
  test('one value per line; blank lines and repeats skipped; CRLF; the file name is the id', () => {
    const list = parseValueList('10.0.0.1\r\n\r\n10.0.0.2\n10.0.0.1\n', { file: '/tmp/lists/internal-ips.txt' });
    expect(list.id).toBe('internal-ips.txt');
    expect(list.values.map((v) => v.value)).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(list.values[1]!.range).toEqual({ start: 12, end: 20 });
  });
});
