/**
 * Reading an events file as it arrives: text chunks in, events out, with the same formats and
 * the same per-element handling as `parseEvents` (a JSON array, NDJSON and bulk bodies, `_search`
 * and `_eql/search` responses, pretty-printed values one after another, a single object).
 *
 * Only the element being read is kept as text, so a file much larger than its events' JSON never
 * sits in memory twice. Problems carry their line and column in the file, since no editor holds
 * the text. Work is linear in the file size.
 */
import type { Range } from '../core/ast/nodes';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import type { Message } from '../core/diagnostics/table';
import type { EventDoc } from '../core/runtime/event';
import { findJsonError } from '../core/schema/json-syntax';
import { Events } from './diagnostics';
import { EventCollector, trimLine, type CollectorOptions } from './event-collector';
import { type EventsFormat, MAX_EVENT_DEPTH } from './events';
import { inspectJson } from './json-scan';

/** A problem in the file, with its 1-based line and column. */
export interface LocatedDiagnostic {
  readonly diagnostic: Diagnostic;
  readonly line: number;
  readonly column: number;
}

export interface StreamResult {
  readonly events: EventDoc[];
  readonly problems: LocatedDiagnostic[];
  readonly format: EventsFormat;
  /** Characters read. */
  readonly length: number;
}

enum Role {
  /** A top-level value: an event, unless it turns out to be a search response. */
  Top,
  /** A top-level array: its elements are events. */
  RootArr,
  /** An element of the top-level array. */
  Item,
  /** `hits` of a response. */
  HitsObj,
  /** `hits.hits`, `hits.events` or `hits.sequences[].events`: its elements are search hits. */
  HitsArr,
  SeqArr,
  Seq,
  Hit,
  Inner,
}

interface Frame {
  readonly close: number;
  readonly role: Role;
  expectKey: boolean;
  key: string | undefined;
}

const QUOTE = 34;
const BACKSLASH = 92;
const LF = 10;

function isWs(c: number): boolean {
  return c === 32 || c === LF || c === 13 || c === 9 || c === 0xfeff;
}

function childRole(parent: Frame, isObject: boolean): Role {
  const key = parent.close === 125 ? parent.key : undefined;
  switch (parent.role) {
    case Role.RootArr:
      return Role.Item;
    case Role.Top:
      return isObject && key === 'hits' ? Role.HitsObj : Role.Inner;
    case Role.HitsObj:
      if (isObject) return Role.Inner;
      return key === 'hits' || key === 'events' ? Role.HitsArr : key === 'sequences' ? Role.SeqArr : Role.Inner;
    case Role.HitsArr:
      return Role.Hit;
    case Role.SeqArr:
      return isObject ? Role.Seq : Role.Inner;
    case Role.Seq:
      return !isObject && key === 'events' ? Role.HitsArr : Role.Inner;
    default:
      return Role.Inner;
  }
}

export class EventsStream {
  private readonly collector: EventCollector;
  private readonly problems: LocatedDiagnostic[] = [];
  /** Unconsumed text; `buf[0]` is at offset `base` of the file. */
  private buf = '';
  private base = 0;
  private i = 0;
  private mode: 'structural' | 'lines' = 'structural';
  private format: EventsFormat = 'empty';
  private readonly stack: Frame[] = [];
  private inString = false;
  private strStart = -1;
  /** Start (in `buf`) of the element being read, and its role; -1 when none. */
  private elemStart = -1;
  private elemRole: Role = Role.Inner;
  private topHost = false;
  private tops = 0;
  private items = 0;
  private hits = 0;
  /** Line number at `buf[lineAt]`. */
  private line = 1;
  private lineAt = 0;
  private lineStartOff = 0;
  private elemDepth = 0;
  private elemScalar = false;
  private skipRest = false;
  private lineValues = 0;
  private length = 0;

  constructor(options: CollectorOptions = {}) {
    this.collector = new EventCollector(options);
  }

  /** Events read so far. */
  get eventCount(): number {
    return this.collector.events.length;
  }

  push(chunk: string): void {
    this.length += chunk.length;
    this.buf += chunk;
    this.scan(false);
    this.trim();
  }

  end(): StreamResult {
    this.scan(true);
    if (this.mode === 'structural') this.finishStructural();
    else if (this.lineValues <= 1) this.format = 'single';
    return {
      events: this.collector.events,
      problems: this.problems,
      format: this.format,
      length: this.length,
    };
  }

  /* ───────── positions ───────── */

  /** The line of buf[at] (moving forward only); also sets `lineStartOff` to that line's start in the file. */
  private lineOf(at: number): number {
    const t = this.buf;
    for (let p = t.indexOf('\n', this.lineAt); p >= 0 && p < at; p = t.indexOf('\n', p + 1)) {
      this.line++;
      this.lineStartOff = this.base + p + 1;
    }
    this.lineAt = Math.max(this.lineAt, at);
    return this.line;
  }

  /** Give the problems the collector added since `from` a line and column (buf index `start` is on `line`). */
  private locate(from: number, start: number, line: number): void {
    const ds = this.collector.diagnostics;
    for (let k = from; k < ds.length; k++) {
      const d = ds[k]!;
      const at = Math.max(start, Math.min(d.range.start - this.base, this.buf.length));
      let l = line;
      let lineStart = this.lineStartOff;
      for (let p = this.buf.indexOf('\n', start); p >= 0 && p < at; p = this.buf.indexOf('\n', p + 1)) {
        l++;
        lineStart = this.base + p + 1;
      }
      this.problems.push({ diagnostic: d, line: l, column: this.base + at - lineStart + 1 });
    }
  }

  private range(s: number, e: number): Range {
    return { start: this.base + s, end: this.base + e };
  }

  /** Drop consumed text; keep the element (or top-level value) being read. */
  private trim(): void {
    let keep = this.i;
    if (this.elemStart >= 0) keep = Math.min(keep, this.elemStart);
    if (this.inString) keep = Math.min(keep, this.strStart - 1);
    if (keep > 0) {
      this.lineOf(keep);
      this.shift(keep);
    }
  }

  private shift(by: number): void {
    this.buf = this.buf.slice(by);
    this.base += by;
    this.i -= by;
    this.lineAt = Math.max(0, this.lineAt - by);
    if (this.elemStart >= 0) this.elemStart -= by;
    if (this.strStart >= 0) this.strStart -= by;
  }

  /* ───────── elements ───────── */

  /** Parse and hand over buf[s, e) as an element of the given role. */
  private emit(s: number, e: number, role: Role): void {
    const line = this.lineOf(s);
    const text = this.buf.slice(s, e);
    const what =
      role === Role.Item
        ? `Array element ${++this.items}`
        : role === Role.Hit
          ? `Hit ${++this.hits}`
          : `Value ${++this.tops}`;
    const before = this.collector.diagnostics.length;
    const range = this.range(s, e);
    const v = this.parse(text, s, what);
    if (v !== undefined) {
      if (role === Role.Hit) this.collector.hit(v, range, what);
      else this.collector.add(v, range, what);
    }
    this.locate(before, s, line);
  }

  private parse(text: string, s: number, what: string): unknown {
    try {
      const value: unknown = JSON.parse(text);
      return this.inspect(value, text, s, what) ? value : undefined;
    } catch {
      const err = findJsonError(text, 0, text.length);
      const range = err
        ? this.range(s + err.offset, s + Math.max(err.end, err.offset))
        : this.range(s, s + text.length);
      this.collector.error(Events.EventsSyntax.notJson(what, err?.message), range);
      return undefined;
    }
  }

  /** As parseEvents does: depth past the limit (not loaded), keys given twice, numbers past a double. */
  private inspect(value: unknown, text: string, s: number, what: string): boolean {
    if (typeof value !== 'object' || value === null) return true;
    const found = inspectJson(text, 0, text.length, MAX_EVENT_DEPTH);
    if (found.tooDeepAt >= 0) {
      const at = s + found.tooDeepAt;
      this.collector.error(Events.EventTooDeep.tooDeep(what, MAX_EVENT_DEPTH), this.range(at, at + 1));
      return false;
    }
    for (const d of found.duplicates) {
      this.collector.error(Events.DuplicateKey.duplicate(what, d.path, d.key), this.range(s + d.start, s + d.end));
    }
    for (const o of found.overflows) {
      this.collector.error(
        Events.NumberOutOfRange.overflow(what, o.text, Number(o.text)),
        this.range(s + o.start, s + o.end),
      );
    }
    return true;
  }

  private problem(s: number, e: number, m: Message): void {
    const before = this.collector.diagnostics.length;
    const line = this.lineOf(s);
    this.collector.error(m, this.range(s, e));
    this.locate(before, s, line);
  }

  /* ───────── scanning ───────── */

  private scan(final: boolean): void {
    if (this.skipRest) this.i = this.buf.length;
    else if (this.mode === 'lines') this.scanLines(final);
    else this.scanStructural(final);
  }

  /** NDJSON and bulk bodies: one value per line. */
  private scanLines(final: boolean): void {
    const t = this.buf;
    let i = this.i;
    while (i < t.length) {
      let e = t.indexOf('\n', i);
      if (e < 0) {
        if (!final) break;
        e = t.length;
      }
      const span = trimLine(t, i, e);
      if (span) {
        this.lineValues++;
        const line = this.lineOf(i);
        const what = `Line ${line}`;
        const before = this.collector.diagnostics.length;
        const text = t.slice(span.start, span.end);
        this.collector.line(this.parse(text, span.start, what), this.range(span.start, span.end), what);
        this.locate(before, span.start, line);
      }
      i = e + 1;
    }
    this.i = Math.min(i, t.length);
  }

  /** Skip a string starting after its opening quote at `i`; the index after it, or -1 when it needs more text. */
  private skipString(i: number, final: boolean): number {
    const t = this.buf;
    const n = t.length;
    for (let j = i; j < n; j++) {
      const c = t.charCodeAt(j);
      if (c === BACKSLASH) {
        if (j + 1 >= n && !final) return -1;
        j++;
      } else if (c === QUOTE) return j + 1;
      else if (c === LF) return j; // unterminated: ends at the line break (the parse reports it)
    }
    return final ? n : -1;
  }

  private scanStructural(final: boolean): void {
    const t = this.buf;
    const n = t.length;
    let i = this.i;
    while (i < n) {
      if (this.inString) {
        const end = this.skipString(i, final);
        if (end < 0) break;
        this.inString = false;
        const top = this.stack[this.stack.length - 1];
        if (top?.expectKey && (top.role === Role.Top || top.role === Role.HitsObj || top.role === Role.Seq))
          top.key = t.slice(this.strStart, Math.max(this.strStart, end - 1));
        i = end;
        this.strStart = -1;
        if (this.elemStart >= 0 && this.stack.length === this.elemDepth && this.elemScalar) {
          this.endScalar(i);
        }
        continue;
      }
      const c = t.charCodeAt(i);
      if (this.stack.length === 0) {
        const next = this.topLevel(i, final);
        if (next < 0) break;
        i = next;
        continue;
      }
      const top = this.stack[this.stack.length - 1]!;
      if (this.elemScalar) {
        // A scalar element of an array of events or hits: it ends at a separator.
        if (c === 44 || c === 93 || c === 125 || isWs(c)) this.endScalar(i);
        else {
          i++;
          continue;
        }
      }
      if (c === QUOTE) {
        if (this.elemStart < 0 && (top.role === Role.RootArr || top.role === Role.HitsArr)) this.startElem(i, true);
        this.inString = true;
        this.strStart = i + 1;
        i++;
      } else if (c === 123 || c === 91) {
        this.open(i, c === 123);
        i++;
      } else if (c === 125 || c === 93) {
        this.close(i, c);
        i++;
        if (this.stack.length === 0) {
          this.afterTop(i);
          if (this.mode === 'lines') {
            this.scanLines(final);
            return;
          }
        }
      } else if (c === 58) {
        top.expectKey = false;
        i++;
      } else if (c === 44) {
        if (top.close === 125) {
          top.expectKey = true;
          top.key = undefined;
        }
        i++;
      } else {
        if (!isWs(c) && this.elemStart < 0 && (top.role === Role.RootArr || top.role === Role.HitsArr))
          this.startElem(i, true);
        i++;
      }
    }
    this.i = Math.min(i, n);
  }

  private startElem(i: number, scalar: boolean): void {
    const top = this.stack[this.stack.length - 1]!;
    this.elemStart = i;
    this.elemRole = top.role === Role.RootArr ? Role.Item : Role.Hit;
    this.elemDepth = this.stack.length;
    this.elemScalar = scalar;
  }

  private endScalar(i: number): void {
    this.emit(this.elemStart, i, this.elemRole);
    this.elemStart = -1;
    this.elemScalar = false;
  }

  private open(i: number, isObject: boolean): void {
    const parent = this.stack[this.stack.length - 1]!;
    const role = childRole(parent, isObject);
    if (role === Role.HitsArr || role === Role.SeqArr) {
      if (!this.topHost) this.format = parent.key === 'hits' ? 'search' : 'eql-search';
      else if (parent.key !== 'hits') this.format = 'eql-search';
      this.topHost = true;
      if (this.elemStart >= 0 && this.elemRole === Role.Top) this.elemStart = -1;
    }
    this.stack.push({ close: isObject ? 125 : 93, role, expectKey: isObject, key: undefined });
    if ((role === Role.Item || role === Role.Hit) && this.elemStart < 0) {
      this.elemStart = i;
      this.elemRole = role;
      this.elemDepth = this.stack.length - 1;
      this.elemScalar = false;
    }
  }

  private close(i: number, c: number): void {
    // A bracket that matches an outer opener closes the inner ones too; one matching nothing ends the element.
    let k = this.stack.length - 1;
    while (k >= 0 && this.stack[k]!.close !== c) k--;
    if (k < 0) k = this.elemStart >= 0 ? this.elemDepth : 0;
    this.stack.length = k;
    if (this.elemStart >= 0 && this.stack.length <= this.elemDepth && this.elemRole !== Role.Top) {
      this.emit(this.elemStart, i + 1, this.elemRole);
      this.elemStart = -1;
    }
  }

  /** A top-level value ended at `i`. */
  private afterTop(i: number): void {
    if (this.elemStart >= 0 && this.elemRole === Role.Top) {
      const s = this.elemStart;
      this.elemStart = -1;
      const singleLine = this.buf.lastIndexOf('\n', i - 1) < s;
      if (this.tops === 0 && singleLine && this.buf.charCodeAt(s) === 123) {
        // NDJSON (or a bulk body): from here on one value per line, the first line included.
        this.mode = 'lines';
        this.format = 'ndjson';
        this.i = this.buf.lastIndexOf('\n', s - 1) + 1;
        this.tops = 1;
        return;
      }
      if (this.format === 'empty') this.format = 'single';
      else if (this.format === 'single') this.format = 'ndjson';
      this.emit(s, i, Role.Top);
    }
  }

  /** At depth 0: whitespace, comments, commas between values, or the start of a value. */
  private topLevel(i: number, final: boolean): number {
    const t = this.buf;
    const c = t.charCodeAt(i);
    if (isWs(c) || c === 44) return i + 1;
    if (c === 35 || (c === 47 && t.charCodeAt(i + 1) === 47)) {
      const e = t.indexOf('\n', i);
      return e >= 0 ? e + 1 : final ? t.length : -1;
    }
    if (c === 47 && t.charCodeAt(i + 1) === 42) {
      const e = t.indexOf('*/', i + 2);
      return e >= 0 ? e + 2 : final ? t.length : -1;
    }
    if (c === 47 && i + 1 >= t.length && !final) return -1;
    if (this.topHost || this.format === 'array') {
      this.problem(i, t.length, Events.EventsSyntax.trailingText());
      this.skipRest = true;
      return t.length;
    }
    if (c === 91 && this.format === 'empty') {
      this.format = 'array';
      this.stack.push({ close: 93, role: Role.RootArr, expectKey: false, key: undefined });
      return i + 1;
    }
    this.elemStart = i;
    this.elemRole = Role.Top;
    this.elemDepth = 0;
    this.elemScalar = false;
    if (c === 123 || c === 91) {
      this.stack.push({
        close: c === 123 ? 125 : 93,
        role: c === 123 ? Role.Top : Role.Inner,
        expectKey: c === 123,
        key: undefined,
      });
      return i + 1;
    }
    if (this.tops === 0 && this.format === 'empty' && c !== QUOTE) {
      // Not JSON at all: report once, in the words the text parser uses.
      this.format = 'single';
    }
    return this.topScalar(i, final);
  }

  /** A top-level scalar (a number, a string, a stray word): one value up to the next separator. */
  private topScalar(i: number, final: boolean): number {
    const t = this.buf;
    let e: number;
    if (t.charCodeAt(i) === QUOTE) {
      e = this.skipString(i + 1, final);
      if (e < 0) return -1;
    } else {
      e = i;
      while (e < t.length) {
        const c = t.charCodeAt(e);
        if (isWs(c) || c === 44 || c === 123 || c === 91) break;
        e++;
      }
      if (e >= t.length && !final) return -1;
    }
    this.elemStart = -1;
    if (this.format === 'empty') this.format = 'single';
    this.emit(i, Math.max(e, i + 1), Role.Top);
    return Math.max(e, i + 1);
  }

  private finishStructural(): void {
    if (this.stack.length === 0) return;
    const end = this.buf.length;
    if (this.elemStart >= 0) {
      const role = this.elemRole;
      this.emit(this.elemStart, end, role === Role.Top ? Role.Top : role);
      this.elemStart = -1;
    }
    const what = this.stack[0]!.role === Role.RootArr ? 'The array of events' : 'The response';
    if (this.stack[0]!.role === Role.RootArr || this.topHost)
      this.problem(Math.max(0, end - 1), end, Events.EventsSyntax.notClosed(what));
    this.stack.length = 0;
  }
}
