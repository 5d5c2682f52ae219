/** The Query DSL Kibana sends for exceptions (shapes per docs/semantics.md, "Rule exceptions"). */
import { describe, expect, test } from 'vitest';
import { eqlSearchRequest, exceptionQuery, exceptionRequestFilter } from '../../../../src/core/index';
import { parseValueList } from '../../../../src/formats/value-list';
import { item, match } from './helpers';

const phrase = (field: string, value: string) => ({
  bool: { minimum_should_match: 1, should: [{ match_phrase: { [field]: value } }] },
});

describe('entries', () => {
  test('match, excluded match, match_any, wildcard, exists', () => {
    const q = exceptionQuery({
      items: [
        item('a', [match('process.name', 'bash')]),
        item('b', [match('process.name', 'bash', 'excluded')]),
        item('c', [{ type: 'match_any', field: 'user.name', operator: 'included', value: ['root', 'admin'] }]),
        item('d', [{ type: 'match_any', field: 'user.name', operator: 'included', value: ['root'] }]),
        item('e', [{ type: 'wildcard', field: 'file.path', operator: 'excluded', value: '/etc/*' }]),
        item('f', [{ type: 'exists', field: 'process.parent.name', operator: 'included' }]),
      ],
    });
    expect(q).toEqual({
      bool: {
        should: [
          phrase('process.name', 'bash'),
          { bool: { must_not: phrase('process.name', 'bash') } },
          { bool: { minimum_should_match: 1, should: [phrase('user.name', 'root'), phrase('user.name', 'admin')] } },
          phrase('user.name', 'root'),
          { bool: { must_not: { bool: { filter: { wildcard: { 'file.path': '/etc/*' } } } } } },
          { bool: { minimum_should_match: 1, should: [{ exists: { field: 'process.parent.name' } }] } },
        ],
      },
    });
  });

  test('several entries are a bool filter; nested prefixes its children', () => {
    const q = exceptionQuery({
      items: [
        item('n', [
          { type: 'nested', field: 'some.parentField', entries: [match('nested.field', 'some value')] },
          match('some.not.nested.field', 'some value'),
        ]),
      ],
    });
    // The shape of Kibana's own request test for a nested item.
    expect(q).toEqual({
      bool: {
        should: [
          {
            bool: {
              filter: [
                {
                  nested: {
                    path: 'some.parentField',
                    query: phrase('some.parentField.nested.field', 'some value'),
                    score_mode: 'none',
                  },
                },
                phrase('some.not.nested.field', 'some value'),
              ],
            },
          },
        ],
      },
    });
  });

  test('lists: terms; ip_range ranges and CIDRs; items with lists come after the others', () => {
    const valueLists = [
      parseValueList('svc\nbot', { id: 'users' }),
      parseValueList('10.0.0.1-10.0.0.9\n192.168.0.0/16', { id: 'nets' }),
    ];
    const q = exceptionQuery({
      items: [
        item('l', [{ type: 'list', field: 'user.name', operator: 'excluded', list: { id: 'users', type: 'keyword' } }]),
        item('r', [{ type: 'list', field: 'source.ip', operator: 'included', list: { id: 'nets', type: 'ip_range' } }]),
        item('plain', [match('a', 'b')]),
      ],
      valueLists,
    });
    expect(q).toEqual({
      bool: {
        should: [
          phrase('a', 'b'),
          { bool: { must_not: { terms: { 'user.name': ['svc', 'bot'] } } } },
          {
            bool: {
              should: [
                { range: { 'source.ip': { gte: '10.0.0.1', lte: '10.0.0.9' } } },
                { terms: { 'source.ip': ['192.168.0.0/16'] } },
              ],
              minimum_should_match: 1,
            },
          },
        ],
      },
    });
  });
});

describe('items', () => {
  test('os_types: one bool per type and field, host.os.type first', () => {
    const q = exceptionQuery({ items: [item('o', [match('process.name', 'cron')], { os_types: ['linux', 'macos'] })] });
    const entry = phrase('process.name', 'cron');
    expect(q).toEqual({
      bool: {
        should: [
          { bool: { filter: [phrase('host.os.type', 'linux'), entry] } },
          { bool: { filter: [phrase('host.os.type', 'macos'), entry] } },
          { bool: { filter: [phrase('host.os.name.caseless', 'linux'), entry] } },
          { bool: { filter: [phrase('host.os.name.caseless', 'macos'), entry] } },
        ],
      },
    });
  });

  test('expired and unprocessable items are left out; nothing left means no filter', () => {
    const at = Date.parse('2025-01-01T00:00:00Z');
    const input = {
      items: [
        item('old', [match('a', 'b')], { expire_time: '2024-12-31T23:59:59Z' }),
        item('no list', [
          { type: 'list', field: 'a', operator: 'included', list: { id: 'missing', type: 'keyword' } } as const,
        ]),
      ],
      at,
    };
    expect(exceptionQuery(input)).toBeUndefined();
    expect(exceptionRequestFilter(input)).toBeUndefined();
  });

  test('the request filter negates the exception query as Kibana does', () => {
    const f = exceptionRequestFilter({ items: [item('a', [match('process.name', 'bash')])] });
    expect(f).toEqual({
      bool: { must: [], filter: [], should: [], must_not: [{ bool: { should: [phrase('process.name', 'bash')] } }] },
    });
  });
});

describe('the _eql/search request', () => {
  test('carries the exceptions as its filter, after the query and settings', () => {
    const filter = exceptionRequestFilter({ items: [item('a', [match('process.name', 'bash')])] });
    const settings = {
      eventCategoryField: 'event.category',
      timestampField: '@timestamp',
      tiebreakerField: undefined,
      size: 10,
      resultPosition: 'tail' as const,
      maxSamplesPerKey: 1,
    };
    const request = eqlSearchRequest('process where true', settings, ['logs-*'], filter);
    const json = JSON.parse(
      request
        .slice(request.indexOf('{'))
        .replace(/"""\n([\s\S]*?)\n {2}"""/, (_, q: string) => JSON.stringify(q.trim())),
    );
    expect(Object.keys(json)).toEqual(['query', 'filter']);
    expect(json.filter).toEqual(filter);
    expect(request.startsWith('GET /logs-*/_eql/search\n')).toBe(true);
  });
});
