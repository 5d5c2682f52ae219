/**
 * What every events reader does with one parsed element, whether the whole text is at hand
 * (`parseEvents`) or it arrives in chunks (`EventsStream`): check it is an object, unwrap an
 * exported search hit, give it its id, skip duplicate and missing sequence hits, and follow bulk
 * action lines.
 */
import type { Range } from '../core/ast/nodes';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { diagnosticAt, type Message } from '../core/diagnostics/table';
import type { EventDoc } from '../core/runtime/event';
import { compileFieldAccessor, expandDottedKeys } from '../core/runtime/field-access';
import { Events } from './diagnostics';
import { isObject } from '../core/runtime/values';

export interface CollectorOptions {
  /** Field whose value becomes each event's `_id` (e.g. "serial_event_id"). */
  readonly idField?: string;
}

type Json = Record<string, unknown>;

export { isObject } from '../core/runtime/values';

export function kindName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return typeof v;
  }
}

export interface HitMeta {
  readonly id?: string;
  readonly index?: string;
}

export function hitMeta(hit: Json): HitMeta {
  const id = hit._id;
  const index = hit._index;
  return {
    ...(typeof id === 'string' || typeof id === 'number' ? { id: String(id) } : {}),
    ...(typeof index === 'string' && index !== '' ? { index } : {}),
  };
}

/** The `hits` object of a search or EQL response, if `root` is one. */
export function hitsOf(root: Json): Json | undefined {
  return isObject(root.hits) ? root.hits : undefined;
}

/** The id an event gets: the id field's value, else the hit's or event's `_id`, else its position. */
export function eventId(
  accessor: ((doc: Json) => unknown) | undefined,
  doc: Json,
  src: Json,
  meta: HitMeta | undefined,
  position: number,
): string {
  if (accessor) {
    let v = accessor(doc);
    if (Array.isArray(v)) v = v[0];
    if (v !== undefined && v !== null) return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return meta?.id ?? (typeof src._id === 'string' ? src._id : undefined) ?? String(position);
}

export function idAccessor(idField: string | undefined): ((doc: Json) => unknown) | undefined {
  return idField ? compileFieldAccessor(idField.split('.')) : undefined;
}

export class EventCollector {
  readonly events: EventDoc[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly idAccessor: ((doc: Json) => unknown) | undefined;
  private seen: Set<string> | undefined;
  /** Bulk: the action line before the next document. */
  private pending: HitMeta | undefined;
  /** Bulk: the next line is an `update` body, not an event. */
  private skipNext = false;

  constructor(options: CollectorOptions) {
    this.idAccessor = idAccessor(options.idField);
  }

  error(m: Message, range: Range): void {
    this.diagnostics.push(diagnosticAt(m, range, 'events'));
  }

  /** Add one event source. `meta` comes from a search hit or a bulk action line. */
  add(source: unknown, range: Range, what: string, meta?: HitMeta): void {
    if (!isObject(source)) {
      this.error(Events.EventNotObject.notObject(what, kindName(source)), range);
      return;
    }
    // An exported search hit ({_index, _id, _source}) stands for its _source.
    if (!meta && isObject(source._source) && (typeof source._id === 'string' || typeof source._index === 'string')) {
      meta = hitMeta(source);
      source = source._source;
    }
    const src = source as Json;
    const doc = expandDottedKeys(src);
    const position = this.events.length;
    const id = eventId(this.idAccessor, doc, src, meta, position);
    this.events.push({
      id,
      source: src,
      doc,
      position,
      range,
      ...(meta?.index !== undefined ? { index: meta.index } : {}),
    });
  }

  /** A parsed search hit at `range`; `sourceRange` is where its `_source` sits, when known. */
  hit(hit: unknown, range: Range, what: string, sourceRange?: Range): void {
    if (!isObject(hit)) {
      this.error(Events.EventNotObject.notHit(what, kindName(hit)), range);
      return;
    }
    if (hit.missing === true) return; // placeholder of a missing sequence step
    const meta = hitMeta(hit);
    if (meta.id !== undefined && meta.index !== undefined) {
      const key = `${meta.index}\u0000${meta.id}`;
      this.seen ??= new Set();
      if (this.seen.has(key)) return; // the same event in several sequences
      this.seen.add(key);
    }
    if (!isObject(hit._source)) {
      this.error(Events.EventNotObject.noSource(what), range);
      return;
    }
    this.add(hit._source, sourceRange ?? range, what, meta);
  }

  /** One line of NDJSON or a bulk body (`v` undefined when the line was not valid JSON). */
  line(v: unknown, range: Range, what: string): void {
    if (this.skipNext) {
      // The body of a bulk `update` (a partial document or a script) is not an event.
      this.skipNext = false;
      return;
    }
    if (v === undefined) return;
    const action = bulkAction(v);
    if (action === 'delete') this.pending = undefined;
    else if (action === 'update') {
      this.pending = undefined;
      this.skipNext = true;
    } else if (action) this.pending = action;
    else {
      this.add(v, range, what, this.pending);
      this.pending = undefined;
    }
  }
}

/** The trimmed span of the line [from, to), or undefined for a blank or comment line. */
export function trimLine(t: string, from: number, to: number): Range | undefined {
  let s = from;
  while (s < to && isBlank(t.charCodeAt(s))) s++;
  let end = to;
  while (end > s && isBlank(t.charCodeAt(end - 1))) end--;
  const c = t.charCodeAt(s);
  const comment = c === 35 || (c === 47 && t.charCodeAt(s + 1) === 47);
  return s < end && !comment ? { start: s, end } : undefined;
}

export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xfeff;
}

/**
 * Bulk action lines: `{"index": {...}}` / `{"create": {...}}` give the next line its `_id` and
 * `_index`; `{"delete": {...}}` has no document; `{"update": {...}}` is followed by a partial
 * document, which is not an event.
 */
function bulkAction(v: unknown): HitMeta | 'delete' | 'update' | undefined {
  if (!isObject(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  const kind = keys[0]!;
  const body = v[kind];
  if (!isObject(body) || !isBulkMeta(body)) return undefined;
  if (kind === 'delete' || kind === 'update') return kind;
  if (kind !== 'index' && kind !== 'create') return undefined;
  return hitMeta(body);
}

const BULK_KEYS = new Set([
  'routing',
  'pipeline',
  'require_alias',
  'retry_on_conflict',
  'version',
  'version_type',
  'if_seq_no',
  'if_primary_term',
  'dynamic_templates',
  'op_type',
]);

/** An action's metadata holds only bulk keys (`_id`, `_index`, ...), never event fields. */
function isBulkMeta(body: Record<string, unknown>): boolean {
  return Object.keys(body).every((k) => k.startsWith('_') || BULK_KEYS.has(k));
}
