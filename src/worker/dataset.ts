/**
 * The events the worker holds: loaded from the events editor's text or from a file, by
 * position, with their ids (the id field's value) and their problems (with line and column).
 * The page never holds more than the rows it shows; it asks the worker for those.
 */
import { expandDottedKeys, fieldsSeen, findJsonError, LineIndex } from '../core';
import type { Diagnostic, EventDoc, FieldView, Message } from '../core';
import { Events } from '../formats/diagnostics';
import { eventId, idAccessor, isObject, kindName } from '../formats/event-collector';
import { MAX_EVENT_DEPTH, parseEvents, type EventsFormat } from '../formats/events';
import { inspectJson } from '../formats/json-scan';
import type { StreamResult } from '../formats/events-stream';
import { DEFAULT_ID_FIELD, type DatasetInfo, type DatasetProblem } from './protocol';
import { eventLabels } from './labels';

/** At most this many problems travel to the page (the count says how many there are). */
export const PROBLEMS_SHOWN = 1000;
/** The fields offered for completion are read from this many events (enough to see every shape). */
export const FIELDS_FROM = 10_000;

function problemOf(d: Diagnostic, line: number, column: number): DatasetProblem {
  return { code: d.code, severity: d.severity, message: d.message, line, column, range: d.range };
}

export interface DatasetSource {
  /** 'text': the events editor's text (ranges point into it); 'file': a file or a large text. */
  readonly kind: 'text' | 'file';
  readonly name?: string;
  readonly idField?: string;
  /** The field the events are shown by (labels.ts); default `event.id`. */
  readonly labelField?: string;
}

export class Dataset {
  /** Changes on every edit, so results and caches can tell which events they describe. */
  version: number;
  private searchText: (string | undefined)[] = [];
  private fieldsCache: { readonly version: number; readonly fields: FieldView[] } | undefined;
  private labelsCache: { readonly version: number; readonly field: string; readonly labels: string[] } | undefined;
  /** The field `info()` and `search()` show the events by: the last one asked for. */
  labelField: string;

  private constructor(
    private eventsList: readonly EventDoc[],
    readonly problems: readonly DatasetProblem[],
    readonly format: EventsFormat,
    readonly source: DatasetSource,
    readonly length: number,
    version: number,
  ) {
    this.version = version;
    this.labelField = source.labelField ?? DEFAULT_ID_FIELD;
  }

  static fromText(text: string, source: DatasetSource, version: number): Dataset {
    const parsed = parseEvents(text, source.idField ? { idField: source.idField } : {});
    let index: LineIndex | undefined;
    const problems = parsed.diagnostics.map((d) => {
      index ??= new LineIndex(text);
      const p = index.position(d.range.start);
      return problemOf(d, p.line, p.column);
    });
    return new Dataset(parsed.events, problems, parsed.format, source, text.length, version);
  }

  static fromStream(result: StreamResult, source: DatasetSource, version: number): Dataset {
    const problems = result.problems.map((p) => problemOf(p.diagnostic, p.line, p.column));
    return new Dataset(result.events, problems, result.format, source, result.length, version);
  }

  /** The events, by position. The array is replaced (never mutated) by an edit. */
  get events(): readonly EventDoc[] {
    return this.eventsList;
  }

  get count(): number {
    return this.eventsList.length;
  }

  ids(): string[] {
    return this.eventsList.map((e) => e.id);
  }

  /**
   * What each event is shown by under `field` (labels.ts), kept until the next edit or another
   * field; the field becomes the one later infos and searches use.
   */
  labels(field: string = this.labelField): string[] {
    this.labelField = field;
    const c = this.labelsCache;
    if (c?.version === this.version && c.field === field) return c.labels;
    const labels = eventLabels(this.eventsList, field);
    this.labelsCache = { version: this.version, field, labels };
    return labels;
  }

  /** Fields with a value in the first events, kept until the next edit. */
  fields(): FieldView[] {
    if (this.fieldsCache?.version !== this.version) {
      const events = this.eventsList.length > FIELDS_FROM ? this.eventsList.slice(0, FIELDS_FROM) : this.eventsList;
      this.fieldsCache = { version: this.version, fields: fieldsSeen(events) };
    }
    return this.fieldsCache.fields;
  }

  info(): DatasetInfo {
    const problemCodes: Record<string, number> = {};
    for (const p of this.problems) problemCodes[p.code] = (problemCodes[p.code] ?? 0) + 1;
    return {
      version: this.version,
      kind: this.source.kind,
      ...(this.source.name !== undefined ? { name: this.source.name } : {}),
      format: this.format,
      count: this.count,
      length: this.length,
      problems: this.problems.slice(0, PROBLEMS_SHOWN),
      problemCount: this.problems.length,
      problemCodes,
      fields: this.fields(),
      ids: this.ids(),
      labels: this.labels(),
      labelField: this.labelField,
    };
  }

  /**
   * Replace the event at `position` with the JSON object in `text` (an edit of the selected
   * event), held to the same checks as a full parse: a text that is not a JSON object, or is
   * nested past the depth limit, changes nothing and says why, located in `text`; keys given
   * twice and numbers past a double are accepted with warnings, as when the events are loaded.
   */
  replace(
    position: number,
    text: string,
  ):
    | { readonly ok: true; readonly warnings: readonly DatasetProblem[] }
    | { readonly ok: false; readonly problem: DatasetProblem } {
    const old = this.eventsList[position];
    if (!old)
      return {
        ok: false,
        problem: this.editProblem(Events.EventsSyntax.noSuchEvent(position + 1), text, 0),
      };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const err = findJsonError(text, 0, text.length);
      return {
        ok: false,
        problem: this.editProblem(Events.EventsSyntax.notJson('The event', err?.message), text, err?.offset ?? 0),
      };
    }
    if (!isObject(value))
      return {
        ok: false,
        problem: this.editProblem(Events.EventNotObject.notObject('The event', kindName(value)), text, 0),
      };
    const found = inspectJson(text, 0, text.length, MAX_EVENT_DEPTH);
    if (found.tooDeepAt >= 0)
      return {
        ok: false,
        problem: this.editProblem(Events.EventTooDeep.tooDeep('The event', MAX_EVENT_DEPTH), text, found.tooDeepAt),
      };
    const warnings = [
      ...found.duplicates.map((d) =>
        this.editProblem(Events.DuplicateKey.duplicate('The event', d.path, d.key), text, d.start, d.end),
      ),
      ...found.overflows.map((o) =>
        this.editProblem(Events.NumberOutOfRange.overflow('The event', o.text, Number(o.text)), text, o.start, o.end),
      ),
    ];
    const doc = expandDottedKeys(value);
    const meta = old.index !== undefined ? { index: old.index } : undefined;
    const id = eventId(idAccessor(this.source.idField), doc, value, meta, position);
    const next: EventDoc = {
      id: this.source.idField || id !== String(position) ? id : old.id,
      source: value,
      doc,
      position,
      ...(old.index !== undefined ? { index: old.index } : {}),
      ...(old.range ? { range: old.range } : {}),
    };
    const events = this.eventsList.slice();
    events[position] = next;
    this.eventsList = events;
    this.searchText[position] = undefined;
    this.version++;
    return { ok: true, warnings };
  }

  private editProblem(m: Message, text: string, offset: number, end = offset + 1): DatasetProblem {
    const p = new LineIndex(text).position(offset);
    return {
      code: m.code,
      severity: m.severity,
      message: m.message,
      line: p.line,
      column: p.column,
      range: { start: offset, end },
    };
  }

  /** The events as NDJSON, one source per line, in position order. */
  toNdjson(): string {
    const lines = new Array<string>(this.eventsList.length);
    for (let i = 0; i < lines.length; i++) lines[i] = JSON.stringify(this.eventsList[i]!.source);
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  }

  /**
   * Positions of the events whose shown id (under `field`, labels.ts) or JSON text contains
   * `query` (case-insensitive), in position order. The lowered JSON text of each event is kept
   * after the first search.
   */
  search(query: string, field: string = this.labelField): Int32Array {
    const q = query.trim().toLowerCase();
    const n = this.eventsList.length;
    if (q === '') return Int32Array.from({ length: n }, (_, i) => i);
    const labels = this.labels(field);
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const e = this.eventsList[i]!;
      if (labels[i]!.toLowerCase().includes(q)) {
        out.push(i);
        continue;
      }
      let t = this.searchText[i];
      if (t === undefined) {
        t = JSON.stringify(e.source).toLowerCase();
        this.searchText[i] = t;
      }
      if (t.includes(q)) out.push(i);
    }
    return Int32Array.from(out);
  }
}
