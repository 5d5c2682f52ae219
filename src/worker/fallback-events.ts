/**
 * A small events reader used only until src/formats/events.ts provides `parseEvents`.
 * Reads a JSON array, NDJSON, or an Elasticsearch `_search` response; a malformed element is
 * reported at its offset and the others still load.
 */
import type { Diagnostic, EventDoc, Range } from '../core';
import { expandDottedKeys } from '../core/runtime/field-access';
import type { ParseEventsResult } from './optional-modules';

export function parseEventsFallback(text: string, options: { idField?: string } = {}): ParseEventsResult {
  const diagnostics: Diagnostic[] = [];
  const raw: { value: Record<string, unknown>; range: Range; id?: string; index?: string }[] = [];
  const start = text.search(/\S/);
  if (start < 0) return { events: [], diagnostics };

  const push = (value: unknown, range: Range) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      diagnostics.push(diag('EVT5002', 'an event must be a JSON object', range));
      return;
    }
    raw.push({ value: value as Record<string, unknown>, range });
  };

  if (text[start] === '[') {
    for (const r of arrayElements(text, start)) {
      const slice = text.slice(r.start, r.end);
      try {
        push(JSON.parse(slice), r);
      } catch (e) {
        diagnostics.push(diag('EVT5001', jsonMessage(e), errorRange(e, r)));
      }
    }
  } else {
    let whole: unknown;
    let wholeOk = false;
    try {
      whole = JSON.parse(text);
      wholeOk = true;
    } catch {
      /* NDJSON below */
    }
    const hits = wholeOk ? searchHits(whole) : undefined;
    if (hits) {
      for (const h of hits) {
        const src = h._source;
        if (typeof src === 'object' && src !== null && !Array.isArray(src)) {
          raw.push({
            value: src as Record<string, unknown>,
            range: { start, end: text.length },
            ...(typeof h._id === 'string' ? { id: h._id } : {}),
            ...(typeof h._index === 'string' ? { index: h._index } : {}),
          });
        }
      }
    } else {
      let offset = 0;
      for (const line of text.split('\n')) {
        const lineStart = offset;
        offset += line.length + 1;
        const s = line.search(/\S/);
        if (s < 0) continue;
        const r = { start: lineStart + s, end: lineStart + line.trimEnd().length };
        try {
          push(JSON.parse(line), r);
        } catch (e) {
          diagnostics.push(diag('EVT5001', jsonMessage(e), errorRange(e, r)));
        }
      }
    }
  }

  const events: EventDoc[] = raw.map((r, position) => {
    const idValue = options.idField ? r.value[options.idField] : undefined;
    const id =
      idValue !== undefined && idValue !== null
        ? String(idValue)
        : r.id ?? (typeof r.value._id === 'string' ? r.value._id : String(position));
    return {
      id,
      source: r.value,
      doc: expandDottedKeys(r.value),
      position,
      range: r.range,
      ...(r.index !== undefined ? { index: r.index } : {}),
    };
  });
  return { events, diagnostics };
}

function searchHits(v: unknown): { _id?: unknown; _index?: unknown; _source?: unknown }[] | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const hits = (v as { hits?: { hits?: unknown; events?: unknown } }).hits;
  const list = hits?.hits ?? hits?.events;
  return Array.isArray(list) ? (list as { _source?: unknown }[]) : undefined;
}

/** Top-level element ranges of the array starting at `open` (string- and nesting-aware). */
function arrayElements(text: string, open: number): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let inString = false;
  let elemStart = -1;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      if (elemStart < 0) elemStart = i;
    } else if (c === '{' || c === '[') {
      if (elemStart < 0) elemStart = i;
      depth++;
    } else if (c === '}' || c === ']') {
      if (depth === 0) {
        if (elemStart >= 0) out.push(trim(text, elemStart, i));
        return out;
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      if (elemStart >= 0) out.push(trim(text, elemStart, i));
      elemStart = -1;
    } else if (elemStart < 0 && !/\s/.test(c)) elemStart = i;
  }
  if (elemStart >= 0) out.push(trim(text, elemStart, text.length));
  return out;
}

function trim(text: string, start: number, end: number): Range {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return { start, end: e };
}

function jsonMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return `malformed event: ${m.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '')}`;
}

function errorRange(e: unknown, r: Range): Range {
  const m = e instanceof Error ? /position (\d+)/.exec(e.message) : null;
  if (m) {
    const at = Math.min(r.end, r.start + Number(m[1]));
    return { start: at, end: Math.min(r.end, at + 1) > at ? at + 1 : at + 1 };
  }
  return r;
}

function diag(code: string, message: string, range: Range): Diagnostic {
  return { code, severity: 'error', message, range, source: 'events' };
}
