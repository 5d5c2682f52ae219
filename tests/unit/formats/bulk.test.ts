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

describe('the mapping', () => {
  const { schema } = schemaForEvents(events, undefined);
  const props = eventMappings(events, schema).properties as Record<string, any>;

  test('ECS and Elastic Defend types, with the .caseless sub-fields', () => {
    expect(props['@timestamp']).toEqual({ type: 'date' });
    expect(props.source.properties.ip).toEqual({ type: 'ip' });
    expect(props.process.properties.pid).toEqual({ type: 'long' });
    expect(props.process.properties.name).toMatchObject({
      type: 'keyword',
      ignore_above: 1024,
      fields: { caseless: { type: 'keyword', normalizer: 'lowercase' } },
    });
    expect(props.file.properties.Ext.properties.code_signature.type).toBe('nested');
    expect(props.file.properties.Ext.properties.code_signature.properties.trusted).toEqual({ type: 'boolean' });
  });

  test('fields no schema knows get what dynamic mapping gives them', () => {
    expect(props.custom.properties.tag).toEqual({
      type: 'text',
      fields: { keyword: { type: 'keyword', ignore_above: 256 } },
    });
    expect(props.custom.properties.score).toEqual({ type: 'float' });
  });

  test("the user's mapping wins", () => {
    const mapping = JSON.stringify({
      mappings: { properties: { custom: { properties: { tag: { type: 'keyword' } } } } },
    });
    const s = schemaForEvents(events, mapping).schema;
    const p = eventMappings(events, s).properties as Record<string, any>;
    expect(p.custom.properties.tag).toEqual({ type: 'keyword' });
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
