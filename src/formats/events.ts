/**
 * Loading events from pasted text: a JSON array, NDJSON (also Elasticsearch bulk bodies), an
 * Elasticsearch `_search` response, an `_eql/search` response, or a single JSON object.
 *
 * Each element is parsed on its own, so a broken element becomes a located diagnostic and the
 * other events still load. Work is linear in the text size.
 */
import type { Range } from '../core/ast/nodes';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import type { EventDoc } from '../core/runtime/event';
import { findJsonError } from '../core/schema/json-syntax';
import { EventCollector, hitsOf, isBlank, isObject, trimLine } from './event-collector';
import { Events } from './diagnostics';
import { inspectJson, JsonScanner, type Span } from './json-scan';

/**
 * Deepest nesting of objects and arrays an event may have. Deeper events are reported and not
 * loaded: printing, copying to the page and structured cloning all recurse.
 */
export const MAX_EVENT_DEPTH = 1000;

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

class Loader extends EventCollector {
  readonly scanner: JsonScanner;

  constructor(
    readonly text: string,
    options: ParseEventsOptions,
  ) {
    super(options);
    this.scanner = new JsonScanner(text);
  }

  /**
   * Parse one element; reports and returns undefined when it is not valid JSON or nested too deep.
   * Keys given twice and numbers out of a double's range are reported as warnings.
   */
  parse(span: Span, what: string): unknown {
    let value: unknown;
    try {
      value = JSON.parse(this.text.slice(span.start, span.end));
    } catch {
      const err = findJsonError(this.text, span.start, span.end);
      const range = err ? { start: err.offset, end: Math.max(err.end, err.offset) } : span;
      this.error(Events.EventsSyntax.notJson(what, err?.message), range);
      return undefined;
    }
    return this.inspect(value, span, what) ? value : undefined;
  }

  /**
   * Checks a parsed value's text for what JSON.parse hides: reports keys given twice and numbers
   * beyond a double (warnings), and returns false (with an error) when it is nested too deep.
   */
  inspect(value: unknown, span: Span, what: string): boolean {
    if (typeof value !== 'object' || value === null) return true;
    const found = inspectJson(this.text, span.start, span.end, MAX_EVENT_DEPTH);
    if (found.tooDeepAt >= 0) {
      this.error(Events.EventTooDeep.tooDeep(what, MAX_EVENT_DEPTH), {
        start: found.tooDeepAt,
        end: found.tooDeepAt + 1,
      });
      return false;
    }
    for (const d of found.duplicates) this.error(Events.DuplicateKey.duplicate(what, d.path, d.key), d);
    for (const o of found.overflows) this.error(Events.NumberOutOfRange.overflow(what, o.text, Number(o.text)), o);
    return true;
  }

  /** An already-parsed search hit at `span`; its range narrows to its `_source`. */
  hitAt(hit: unknown, span: Span, what: string): void {
    let sourceRange: Range | undefined;
    if (this.text.charCodeAt(span.start) === 123) {
      const at = this.scanner.findKey(span.start, '_source');
      if (at >= 0) sourceRange = { start: at, end: this.scanner.skipValue(at) };
    }
    this.hit(hit, span, what, sourceRange);
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
      const v = tryParse(text.slice(start, firstEnd));
      if (v === FAILED && laterLineStartsObject(text, start)) {
        // Lines of objects whose first line is broken (its brackets swallowed the rest).
        format = 'ndjson';
        ndjson(loader, start);
      } else {
        const parsed =
          v === FAILED ? loader.parse(span, 'The event') : loader.inspect(v, span, 'The event') ? v : undefined;
        format = parsed === undefined ? 'single' : single(loader, parsed, span);
      }
    }
  } else if (laterLineStartsObject(text, start)) {
    // NDJSON whose first line is broken: report that line, keep the others.
    format = 'ndjson';
    ndjson(loader, start);
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

const FAILED = Symbol('not JSON');

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return FAILED;
  }
}

/** Whether a line after the one holding `from` starts (after blanks) with `{`. */
function laterLineStartsObject(text: string, from: number): boolean {
  for (let nl = text.indexOf('\n', from); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    let i = nl + 1;
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 123) return true;
  }
  return false;
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
      hits.hits.forEach((h, k) => {
        loader.hitAt(h, spans?.[k] ?? span, `Hit ${k + 1}`);
      });
      return 'search';
    }
    if (hits && (Array.isArray(hits.events) || Array.isArray(hits.sequences))) {
      if (Array.isArray(hits.events)) {
        const spans = loader.arrayAt(span.start, ['hits', 'events']);
        hits.events.forEach((h, k) => {
          loader.hitAt(h, spans?.[k] ?? span, `Event hit ${k + 1}`);
        });
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
          seq.events.forEach((h, k) => {
            loader.hitAt(h, spans?.[k] ?? seqSpan, `Event ${k + 1} of sequence ${s + 1}`);
          });
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
  let i = t.lastIndexOf('\n', from - 1) + 1;
  let line = 1;
  for (let p = t.indexOf('\n'); p >= 0 && p < i; p = t.indexOf('\n', p + 1)) line++;
  for (; i < t.length; line++) {
    let e = t.indexOf('\n', i);
    if (e < 0) e = t.length;
    const span = trimLine(t, i, e);
    if (span) {
      const what = `Line ${line}`;
      loader.line(loader.parse(span, what), span, what);
    }
    i = e + 1;
  }
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
