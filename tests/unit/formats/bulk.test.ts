/** The _bulk export: action lines with the playground's ids, and a template with the evaluated field types. */
import { describe, expect, test } from 'vitest';
import { bulkNdjson, devToolsBulk, eventMappings, schemaForEvents } from '../../../src/formats/bulk';
import { parseEvents } from '../../../src/formats/events';

const events = parseEvents(
  JSON.stringify([
    {
      '@timestamp': '2024-01-01T00:00:00Z',
      event: { id: 'e1', category: ['file'] },
      process: { name: 'vim', pid: 4 },
      file: { path: '/etc/x', Ext: { code_signature: [{ subject_name: 'X', trusted: true }] } },
      source: { ip: '10.0.0.1' },
      custom: { tag: 'hello', score: 1.5 },
    },
    { '@timestamp': '2024-01-01T00:00:01Z', 'event.id': 'e2', 'process.name': 'sed' },
  ]),
  { idField: 'event.id' },
).events;

describe('_bulk NDJSON', () => {
  test('one index action with the event id, then the event as given', () => {
    const lines = bulkNdjson(events)
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({ index: { _id: 'e1' } });
    expect(lines[2]).toEqual({ index: { _id: 'e2' } });
    expect(lines[3]).toEqual({ '@timestamp': '2024-01-01T00:00:01Z', 'event.id': 'e2', 'process.name': 'sed' });
    expect(JSON.parse(bulkNdjson(events, 'idx').split('\n')[0]!)).toEqual({ index: { _index: 'idx', _id: 'e1' } });
  });
});

/** A mapping's properties, walked by name in the tests below. */
interface MappingNode {
  readonly type?: string;
  readonly properties: Record<string, MappingNode>;
}

/** The mapping of a dotted field name (`file.Ext.code_signature`), walking the properties. */
function at(props: Record<string, MappingNode>, path: string): MappingNode {
  const [first, ...rest] = path.split('.');
  let node = props[first!];
  for (const part of rest) node = node?.properties[part];
  if (!node) throw new Error(`no mapping for ${path}`);
  return node;
}

describe('the mapping', () => {
  const { schema } = schemaForEvents(events, undefined);
  const props = eventMappings(events, schema).properties as Record<string, MappingNode>;

  test('ECS and Elastic Defend types, with the .caseless sub-fields', () => {
    expect(at(props, '@timestamp')).toEqual({ type: 'date' });
    expect(at(props, 'source.ip')).toEqual({ type: 'ip' });
    expect(at(props, 'process.pid')).toEqual({ type: 'long' });
    expect(at(props, 'process.name')).toMatchObject({
      type: 'keyword',
      ignore_above: 1024,
      fields: { caseless: { type: 'keyword', normalizer: 'lowercase' } },
    });
    expect(at(props, 'file.Ext.code_signature').type).toBe('nested');
    expect(at(props, 'file.Ext.code_signature.trusted')).toEqual({ type: 'boolean' });
  });

  test('fields no schema knows get what dynamic mapping gives them', () => {
    expect(at(props, 'custom.tag')).toEqual({
      type: 'text',
      fields: { keyword: { type: 'keyword', ignore_above: 256 } },
    });
    expect(at(props, 'custom.score')).toEqual({ type: 'float' });
  });

  test("the user's mapping wins", () => {
    const mapping = JSON.stringify({
      mappings: { properties: { custom: { properties: { tag: { type: 'keyword' } } } } },
    });
    const s = schemaForEvents(events, mapping).schema;
    const p = eventMappings(events, s).properties as Record<string, MappingNode>;
    expect(at(p, 'custom.tag')).toEqual({ type: 'keyword' });
  });

  test('Dev Tools text: the template, then the bulk request', () => {
    const text = devToolsBulk(events, schema, 'eql-playground-events');
    expect(text).toContain('PUT _index_template/eql-playground-events\n{');
    expect(text).toContain('POST eql-playground-events/_bulk?refresh=wait_for\n{"index":{"_id":"e1"}}');
    const template = JSON.parse(text.slice(text.indexOf('{'), text.indexOf('\n\n#')));
    expect(template.index_patterns).toEqual(['eql-playground-events']);
    expect(template.template.mappings.properties['@timestamp']).toEqual({ type: 'date' });
  });
});
