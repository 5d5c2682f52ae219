/**
 * Diagnostics about the inputs the core reads itself: the index mapping (MAP6xxx) and field
 * types inferred from the loaded events (EVT5005). Event files are read by src/formats,
 * whose own table holds the other EVT5xxx codes.
 */
import { defineDiagnostics, entry } from './table';
import { plural } from './wording';

export const Input = defineDiagnostics({
  EventsTypeConflict: entry({
    code: 'EVT5005',
    severity: 'warning',
    when: 'one field holds different JSON kinds across events',
    messages: {
      kinds: (field: string, first: string, now: string) =>
        `Field [${field}] was first seen as ${first} but this event has ${now}; the first value decides its type`,
    },
    examples: { kinds: ['process.pid', 'a number', 'a string'] },
  }),
  UnreadableDate: entry({
    code: 'EVT5006',
    severity: 'warning',
    when: 'a date field value its mapping `format` cannot read (at the event)',
    messages: {
      value: (event: string, field: string, value: string, format: string, type: string) =>
        `Event ${event}: [${field}] value [${value}] is not a date under the format [${format}]; Elasticsearch would reject this document at index time (failed to parse field [${field}] of type [${type}])`,
      more: (count: number) =>
        `${plural(count, 'more event')} hold date values their format cannot read; Elasticsearch would reject those documents at index time`,
    },
    examples: {
      value: ['3', '@timestamp', '2020-13-45', 'strict_date_optional_time||epoch_millis', 'date'],
    },
  }),
  MappingSyntax: entry({
    code: 'MAP6001',
    severity: 'error',
    when: 'the mapping is not valid JSON',
    messages: { json: (detail: string) => `Invalid mapping JSON: ${detail}` },
    examples: { json: ['Unexpected end of input: a value is missing'] },
  }),
  MappingShape: entry({
    code: 'MAP6002',
    severity: 'error',
    when: 'not a mapping',
    messages: {
      notObject: () => 'A mapping must be a JSON object',
      noProperties: () => '"mappings" has no "properties"',
      empty: () => 'The mapping is empty: expected "properties" or "mappings"',
      unrecognised: (index: string) =>
        `Unrecognised mapping: expected "properties", "mappings", or a GET _mapping response (index name -> {"mappings": ...}); [${index}] has no "mappings"`,
    },
    examples: { empty: [] },
  }),
  MappingConflict: entry({
    code: 'MAP6003',
    severity: 'warning',
    when: 'indices disagree on a field’s type',
    messages: {
      types: (field: string, first: string, other: string, index: string | undefined) =>
        `Field [${field}] is mapped as [${first}] and as [${other}]${index ? ` (index [${index}])` : ''}; using [${first}]`,
    },
    examples: { types: ['x', 'keyword', 'long', 'b'] },
  }),
  MappingUnsupported: entry({
    code: 'MAP6004',
    severity: 'warning',
    when: 'a mapping entry understood only partly',
    messages: {
      propertiesNotObject: (prefix: string) => `"properties" of [${prefix || '<root>'}] is not an object`,
      fieldNotObject: (field: string) => `Mapping of field [${field}] is not an object`,
      typeNotString: (field: string) => `Field [${field}] has a non-string "type"`,
      aliasWithoutPath: (field: string) => `Alias [${field}] has no "path"`,
    },
    examples: { aliasWithoutPath: ['host.alias'] },
  }),
});
