/**
 * The `_eql/search` request that runs a rule with its settings on a real cluster: for when a
 * user outgrows the browser. It is written for Kibana's Dev Tools console, which accepts a
 * `"""`-quoted query, so the rule reads as written; a rule that itself holds `"""` is written as
 * a JSON string. Only settings that differ from Elasticsearch's defaults are written, so the
 * request reads like one a person would type. With rule exceptions, `filter` carries them as
 * Kibana sends them (see exceptions/query-dsl.ts).
 */
import type { QueryDsl } from './exceptions/query-dsl';

export interface RequestSettings {
  readonly eventCategoryField: string;
  readonly timestampField: string;
  /** Empty or undefined for none. */
  readonly tiebreakerField: string | undefined;
  readonly size: number;
  readonly resultPosition: 'head' | 'tail';
  readonly maxSamplesPerKey: number;
}

export function eqlSearchRequest(
  rule: string,
  settings: RequestSettings,
  indices: readonly string[] | undefined,
  filter?: QueryDsl,
): string {
  const target = indices && indices.length > 0 ? indices.join(',') : '<index>';
  const body: Record<string, unknown> = { query: rule.trim() };
  if (settings.eventCategoryField && settings.eventCategoryField !== 'event.category')
    body.event_category_field = settings.eventCategoryField;
  if (settings.timestampField && settings.timestampField !== '@timestamp')
    body.timestamp_field = settings.timestampField;
  if (settings.tiebreakerField) body.tiebreaker_field = settings.tiebreakerField;
  if (settings.size !== 10) body.size = settings.size;
  if (settings.resultPosition !== 'tail') body.result_position = settings.resultPosition;
  if (settings.maxSamplesPerKey !== 1 && /^\s*sample\b/.test(rule.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ''))) {
    body.max_samples_per_key = settings.maxSamplesPerKey;
  }
  if (filter) body.filter = filter;
  const query = rule.trim();
  const json = JSON.stringify(body, null, 2);
  if (query.includes('"""')) return `GET /${target}/_eql/search\n${json}\n`;
  const quoted = `"query": """\n${query.replace(/^/gm, '    ')}\n  """`;
  return `GET /${target}/_eql/search\n${json.replace(/"query": "(?:[^"\\]|\\.)*"/, () => quoted)}\n`;
}
