import { describe, expect, test } from 'vitest';
import { eqlSearchRequest } from '../../../src/core';

const defaults = {
  eventCategoryField: 'event.category',
  timestampField: '@timestamp',
  tiebreakerField: '',
  size: 10,
  resultPosition: 'tail' as const,
  maxSamplesPerKey: 1,
};

/** Read a Dev Tools request back: the `"""` query becomes a JSON string again. */
function body(request: string): Record<string, unknown> {
  const text = request
    .slice(request.indexOf('{'))
    .replace(/"""\n([\s\S]*?)\n {2}"""/, (_, q: string) => JSON.stringify(q.replace(/^ {4}/gm, '')));
  return JSON.parse(text) as Record<string, unknown>;
}

describe('the _eql/search request for the current state', () => {
  test('the rule index patterns are the target; the query is written as typed', () => {
    const request = eqlSearchRequest('process where process.name : "a\\\\b*" and\n  true\n', defaults, [
      'logs-endpoint.events.process-*',
      'winlogbeat-*',
    ]);
    expect(request).toBe(
      'GET /logs-endpoint.events.process-*,winlogbeat-*/_eql/search\n{\n  "query": """\n    process where process.name : "a\\\\b*" and\n      true\n  """\n}\n',
    );
    expect(body(request)).toEqual({ query: 'process where process.name : "a\\\\b*" and\n  true' });
  });
  test('settings that differ from the defaults are written with their API names', () => {
    const request = eqlSearchRequest(
      'sample by host.id [a where true] [b where true]',
      {
        ...defaults,
        timestampField: 'event.ingested',
        tiebreakerField: 'event.sequence',
        size: 3,
        resultPosition: 'head',
        maxSamplesPerKey: 2,
      },
      undefined,
    );
    expect(body(request)).toEqual({
      query: 'sample by host.id [a where true] [b where true]',
      timestamp_field: 'event.ingested',
      tiebreaker_field: 'event.sequence',
      size: 3,
      result_position: 'head',
      max_samples_per_key: 2,
    });
  });
  test('a rule holding """ is written as a JSON string; without index patterns the target is a placeholder', () => {
    const request = eqlSearchRequest('any where a == """x"""', defaults, []);
    expect(request.split('\n')[0]).toBe('GET /<index>/_eql/search');
    expect(JSON.parse(request.slice(request.indexOf('{')))).toEqual({ query: 'any where a == """x"""' });
  });
});
