/**
 * The sample events for a real cluster: a `_bulk` body (one `index` action per event, with the
 * event's id) and an index template mapping the fields the events use with the types the
 * playground evaluated them with (ECS, Elastic Defend, the user's mapping, or Elasticsearch's
 * dynamic mapping for the rest), so that the cluster and the playground agree. Elastic Defend's
 * `.caseless` sub-fields come with their parents (the built-in `lowercase` normalizer).
 */
import type { Diagnostic, EventDoc, FieldInfo, Schema } from '../core/index';
import { parseMapping } from '../core/schema/mapping';
import { buildSchema } from '../core/schema/schema';
import { isObject } from '../core/runtime/values';

type Json = Record<string, unknown>;

/** The `_bulk` NDJSON body: an `index` action with `_id` per event, then the event. */
export function bulkNdjson(events: readonly EventDoc[], index?: string): string {
  let out = '';
  for (const e of events) {
    const action = index !== undefined ? { _index: index, _id: e.id } : { _id: e.id };
    out += `${JSON.stringify({ index: action })}\n${JSON.stringify(e.source)}\n`;
  }
  return out;
}

/** Leaf field paths of the events, with a sample value each. */
function leafPaths(events: readonly EventDoc[]): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  const walk = (v: unknown, path: string, depth: number): void => {
    if (depth > 20 || v === null || v === undefined) return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, path, depth + 1);
      return;
    }
    if (isObject(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k, depth + 1);
      return;
    }
    if (!leaves.has(path)) leaves.set(path, v);
  };
  for (const e of events) walk(e.doc, '', 0);
  return leaves;
}

const KINDLESS = new Set(['object', 'nested', 'alias']);

/** The mapping of one leaf field. */
function leafMapping(info: FieldInfo | undefined, sample: unknown, schema: Schema, name: string): Json {
  let m: Json;
  if (info && !KINDLESS.has(info.type) && !(info.origin === 'events' && info.type === 'text')) {
    m = { type: info.type };
    if (info.ignoreAbove !== undefined) m.ignore_above = info.ignoreAbove;
    if (info.normalizer !== undefined) m.normalizer = info.normalizer;
    if (info.format !== undefined) m.format = info.format;
    if (info.nullValue !== undefined) m.null_value = info.nullValue;
  } else {
    m = dynamicMapping(sample);
  }
  const fields: Json = {};
  for (const sub of ['caseless', 'text', 'keyword']) {
    const s = schema.get(`${name}.${sub}`);
    // Sub-fields inferred from the events are dynamic mapping's own (already in `m`).
    if (!s || s.name !== `${name}.${sub}` || s.origin === 'events') continue;
    if (m.type !== 'keyword' && m.type !== 'text' && m.type !== 'match_only_text' && m.type !== 'wildcard') continue;
    if (sub === 'keyword' && m.type === 'keyword') continue;
    const sm: Json = { type: s.type };
    if (s.normalizer !== undefined) sm.normalizer = s.normalizer;
    if (s.ignoreAbove !== undefined) sm.ignore_above = s.ignoreAbove;
    fields[sub] = sm;
  }
  if (Object.keys(fields).length > 0) m.fields = fields;
  return m;
}

/** What Elasticsearch's dynamic mapping makes of a JSON value. */
function dynamicMapping(v: unknown): Json {
  if (typeof v === 'number') return { type: Number.isInteger(v) ? 'long' : 'float' };
  if (typeof v === 'boolean') return { type: 'boolean' };
  return { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } };
}

/** Put `mapping` at `path` in a properties tree, marking the ancestors mapped as nested. */
function place(root: Json, path: string, mapping: Json, isNested: (prefix: string) => boolean): void {
  const parts = path.split('.');
  let props = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const prefix = parts.slice(0, i + 1).join('.');
    let node = props[parts[i]!] as Json | undefined;
    if (!node || !isObject(node.properties)) {
      node = { ...(isNested(prefix) ? { type: 'nested' } : {}), properties: {} };
      props[parts[i]!] = node;
    }
    props = node.properties as Json;
  }
  props[parts[parts.length - 1]!] = mapping;
}

/** The `mappings` for the fields the events use. */
export function eventMappings(events: readonly EventDoc[], schema: Schema): Json {
  const leaves = leafPaths(events);
  const isNested = (prefix: string) => schema.get(prefix)?.type === 'nested';
  const properties: Json = {};
  for (const name of [...leaves.keys()].sort()) {
    place(properties, name, leafMapping(schema.get(name), leaves.get(name), schema, name), isNested);
  }
  return { properties };
}

/** `PUT _index_template/<index>` and `POST <index>/_bulk`, ready for Kibana's Dev Tools console. */
export function devToolsBulk(events: readonly EventDoc[], schema: Schema, index: string): string {
  const template = {
    index_patterns: [index],
    priority: 500,
    template: { mappings: eventMappings(events, schema) },
  };
  return [
    '# The field types the playground evaluated with (ECS, Elastic Defend, your mapping, or dynamic mapping)',
    `PUT _index_template/${index}`,
    JSON.stringify(template, null, 2),
    '',
    `# ${events.length} sample event${events.length === 1 ? '' : 's'}, with the ids the playground shows`,
    `POST ${index}/_bulk?refresh=wait_for`,
    bulkNdjson(events).trimEnd(),
    '',
  ].join('\n');
}

/** The schema the playground evaluates these events with (ECS, Elastic Defend, a mapping, inference). */
export function schemaForEvents(
  events: readonly EventDoc[],
  mapping: string | undefined,
): { schema: Schema; diagnostics: Diagnostic[] } {
  const m = mapping !== undefined && mapping.trim() !== '' ? parseMapping(mapping) : undefined;
  return {
    schema: buildSchema({ events, ...(m ? { mappingFields: m.fields } : {}) }),
    diagnostics: m ? [...m.diagnostics] : [],
  };
}
