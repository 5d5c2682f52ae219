/**
 * Loading events from pasted text: a JSON array, NDJSON (also Elasticsearch bulk bodies), an
 * Elasticsearch `_search` response, an `_eql/search` response, or a single JSON object.
 *
 * Each element is parsed on its own, so a broken element becomes a located diagnostic and the
 * other events still load. Work is linear in the text size.
 */
import type { Range } from '../core/ast/nodes';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { diagnosticAt, type Message } from '../core/diagnostics/table';
import type { EventDoc } from '../core/runtime/event';
import { compileFieldAccessor, expandDottedKeys } from '../core/runtime/field-access';
import { findJsonError } from '../core/schema/json-syntax';
import { Events } from './diagnostics';
import { JsonScanner, type Span } from './json-scan';

export type EventsFormat = 'array' | 'ndjson' | 'search' | 'eql-search' | 'single' | 'empty';

export interface ParseEventsOptions {
  /** Field whose value becomes each event's `_id` (e.g. "serial_event_id"). */
  readonly idField?: string;
  /** The timestamp field (reserved for ordering checks by callers; not needed to load). */
  readonly timestampField?: string;
}

export interface ParseEventsResult {
  readonly events: EventDoc[];
  readonly diagnostics: Diagnostic[];
  readonly format: EventsFormat;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kindName(v: unknown): string {
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

interface HitMeta {
  readonly id?: string;
  readonly index?: string;
}

class Loader {
  readonly events: EventDoc[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly scanner: JsonScanner;
  private readonly idAccessor: ((doc: Json) => unknown) | undefined;
  private seen: Set<string> | undefined;

  constructor(
    readonly text: string,
    options: ParseEventsOptions,
  ) {
    this.scanner = new JsonScanner(text);
    this.idAccessor = options.idField ? compileFieldAccessor(options.idField.split('.')) : undefined;
  }

  error(m: Message, range: Range): void {
    this.diagnostics.push(diagnosticAt(m, range, 'events'));
  }

  /** Parse one element; reports and returns undefined when it is not valid JSON. */
  parse(span: Span, what: string): unknown {
    try {
      return JSON.parse(this.text.slice(span.start, span.end));
    } catch {
      const err = findJsonError(this.text, span.start, span.end);
      const range = err ? { start: err.offset, end: Math.max(err.end, err.offset) } : span;
      this.error(Events.EventsSyntax.notJson(what, err?.message), range);
      return undefined;
    }
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
    let id: string | undefined;
    if (this.idAccessor) {
      let v = this.idAccessor(doc);
      if (Array.isArray(v)) v = v[0];
      if (v !== undefined && v !== null) id = typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    if (id === undefined) id = meta?.id ?? (typeof src._id === 'string' ? src._id : undefined) ?? String(position);
    const event: EventDoc = {
      id,
      source: src,
      doc,
      position,
      range,
      ...(meta?.index !== undefined ? { index: meta.index } : {}),
    };
    this.events.push(event);
  }

  /** An already-parsed search hit at `span`. */
  hit(hit: unknown, span: Span, what: string): void {
    if (!isObject(hit)) {
      this.error(Events.EventNotObject.notHit(what, kindName(hit)), span);
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
      this.error(Events.EventNotObject.noSource(what), span);
      return;
    }
    let range: Range = span;
    if (this.text.charCodeAt(span.start) === 123) {
      const at = this.scanner.findKey(span.start, '_source');
      if (at >= 0) range = { start: at, end: this.scanner.skipValue(at) };
    }
    this.add(hit._source, range, what, meta);
  }

  /** Spans of the elements of the array at `path` (object keys) below the object at `objStart`. */
  arrayAt(objStart: number, path: readonly string[]): Span[] | undefined {
    let at = objStart;
    for (const key of path) {
      if (this.text.charCodeAt(at) !== 123) return undefined;
      at = this.scanner.findKey(at, key);
      if (at < 0) return undefined;
    }
    if (this.text.charCodeAt(at) !== 91) return undefined;
    return this.scanner.splitArray(at).elements;
  }
}

function hitMeta(hit: Json): HitMeta {
  const id = hit._id;
  const index = hit._index;
  return {
    ...(typeof id === 'string' || typeof id === 'number' ? { id: String(id) } : {}),
    ...(typeof index === 'string' && index !== '' ? { index } : {}),
  };
}

function hitsOf(root: Json): Json | undefined {
  return isObject(root.hits) ? root.hits : undefined;
}

/** Parse events text. Never throws; problems are diagnostics with ranges into `text`. */
export function parseEvents(text: string, options: ParseEventsOptions = {}): ParseEventsResult {
  const loader = new Loader(text, options);
  const sc = loader.scanner;
  const start = sc.skipWs(0);
  if (start >= text.length) return { events: [], diagnostics: [], format: 'empty' };
  const c = text.charCodeAt(start);
  let format: EventsFormat;
  if (c === 91) {
    format = 'array';
    const split = sc.splitArray(start);
    for (const p of split.problems) loader.error(Events.EventsSyntax.array(p.message), { start: p.start, end: p.end });
    split.elements.forEach((span, k) => {
      const what = `Array element ${k + 1}`;
      const v = loader.parse(span, what);
      if (v !== undefined) loader.add(v, span, what);
    });
    trailing(loader, split.end);
  } else if (c === 123) {
    const firstEnd = sc.skipValue(start);
    const next = sc.skipWs(firstEnd);
    const singleLine = text.lastIndexOf('\n', firstEnd - 1) < start;
    if (next < text.length && singleLine) {
      format = 'ndjson';
      ndjson(loader, start);
    } else if (next < text.length) {
      format = 'ndjson';
      stream(loader, start);
    } else {
      const span = { start, end: firstEnd };
      const v = loader.parse(span, 'The event');
      format = v === undefined ? 'single' : single(loader, v, span);
    }
  } else {
    format = 'single';
    const end = sc.skipValue(start);
    const span = { start, end: Math.max(end, start + 1) };
    const v = loader.parse(span, 'The input');
    if (v !== undefined) loader.add(v, span, 'The input');
    trailing(loader, end);
  }
  return { events: loader.events, diagnostics: loader.diagnostics, format };
}

function trailing(loader: Loader, end: number): void {
  const at = loader.scanner.skipWs(end);
  if (at < loader.text.length) {
    loader.error(Events.EventsSyntax.trailingText(), { start: at, end: loader.text.length });
  }
}

/** One top-level object: a search response, an EQL response, or a single event. */
function single(loader: Loader, v: unknown, span: Span): EventsFormat {
  if (isObject(v)) {
    const hits = hitsOf(v);
    if (hits && Array.isArray(hits.hits)) {
      const spans = loader.arrayAt(span.start, ['hits', 'hits']);
      hits.hits.forEach((h, k) => loader.hit(h, spans?.[k] ?? span, `Hit ${k + 1}`));
      return 'search';
    }
    if (hits && (Array.isArray(hits.events) || Array.isArray(hits.sequences))) {
      if (Array.isArray(hits.events)) {
        const spans = loader.arrayAt(span.start, ['hits', 'events']);
        hits.events.forEach((h, k) => loader.hit(h, spans?.[k] ?? span, `Event hit ${k + 1}`));
      }
      if (Array.isArray(hits.sequences)) {
        const seqSpans = loader.arrayAt(span.start, ['hits', 'sequences']);
        hits.sequences.forEach((seq, s) => {
          const seqSpan = seqSpans?.[s] ?? span;
          if (!isObject(seq) || !Array.isArray(seq.events)) {
            loader.error(Events.EventNotObject.noSequenceEvents(s + 1), seqSpan);
            return;
          }
          const spans = seqSpans ? loader.arrayAt(seqSpan.start, ['events']) : undefined;
          seq.events.forEach((h, k) => loader.hit(h, spans?.[k] ?? seqSpan, `Event ${k + 1} of sequence ${s + 1}`));
        });
      }
      return 'eql-search';
    }
  }
  loader.add(v, span, 'The event');
  return 'single';
}

/** Newline-delimited JSON: one value per line; bulk action lines give the next event its _id. */
function ndjson(loader: Loader, from: number): void {
  const t = loader.text;
  let pending: HitMeta | undefined;
  let skipNext = false;
  let i = t.lastIndexOf('\n', from - 1) + 1;
  let line = 1;
  for (let p = t.indexOf('\n'); p >= 0 && p < i; p = t.indexOf('\n', p + 1)) line++;
  for (; i < t.length; line++) {
    let e = t.indexOf('\n', i);
    if (e < 0) e = t.length;
    let s = i;
    while (s < e && isBlank(t.charCodeAt(s))) s++;
    let end = e;
    while (end > s && isBlank(t.charCodeAt(end - 1))) end--;
    const c = t.charCodeAt(s);
    const comment = c === 35 || (c === 47 && t.charCodeAt(s + 1) === 47);
    if (s < end && !comment) {
      const span = { start: s, end };
      const what = `Line ${line}`;
      const v = loader.parse(span, what);
      if (skipNext) {
        // The body of a bulk `update` (a partial document or a script) is not an event.
        skipNext = false;
      } else if (v !== undefined) {
        const action = bulkAction(v);
        if (action === 'delete') pending = undefined;
        else if (action === 'update') {
          pending = undefined;
          skipNext = true;
        } else if (action) pending = action;
        else {
          loader.add(v, span, what, pending);
          pending = undefined;
        }
      }
    }
    i = e + 1;
  }
}

function isBlank(c: number): boolean {
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

/** An action's metadata holds only bulk keys (`_id`, `_index`, ...), never event fields. */
function isBulkMeta(body: Record<string, unknown>): boolean {
  return Object.keys(body).every(
    (k) =>
      k.startsWith('_') ||
      k === 'routing' ||
      k === 'pipeline' ||
      k === 'require_alias' ||
      k === 'retry_on_conflict' ||
      k === 'version' ||
      k === 'version_type' ||
      k === 'if_seq_no' ||
      k === 'if_primary_term' ||
      k === 'dynamic_templates' ||
      k === 'op_type',
  );
}

/** Several (pretty-printed) JSON values one after another. */
function stream(loader: Loader, from: number): void {
  const sc = loader.scanner;
  const t = loader.text;
  let i = from;
  let k = 0;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (c === 44) {
      i = sc.skipWs(i + 1); // tolerate commas between objects
      continue;
    }
    const end = sc.skipValue(i);
    if (end === i) {
      loader.error(Events.EventsSyntax.between(t[i]!), { start: i, end: i + 1 });
      i = sc.skipWs(i + 1);
      continue;
    }
    const span = { start: i, end };
    const what = `Value ${++k}`;
    const v = loader.parse(span, what);
    if (v !== undefined) loader.add(v, span, what);
    i = sc.skipWs(end);
  }
}
