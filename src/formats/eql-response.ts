/**
 * Reading a real cluster's `_eql/search` response (as Dev Tools or curl print it) for the
 * comparison with the playground: `hits.events`, or `hits.sequences` with their `join_keys` and
 * events (missing-event placeholders kept). An error response becomes a diagnostic with
 * Elasticsearch's reason.
 */
import type { Diagnostic, ResponseEvent, ResponseHits } from '../core/index';
import { diagnosticAt, type Message } from '../core/diagnostics/table';
import { Responses } from './diagnostics';
import { findJsonError } from '../core/schema/json-syntax';
import { isObject } from '../core/runtime/values';

export interface ParsedResponse {
  readonly hits: ResponseHits | undefined;
  readonly diagnostics: Diagnostic[];
}

const R = Responses.ResponseShape;

function problem(m: Message, start = 0, end = 1): Diagnostic {
  return diagnosticAt(m, { start, end }, 'events', 'response');
}

function event(h: unknown): ResponseEvent | undefined {
  if (!isObject(h)) return undefined;
  if (h.missing === true) return { id: '', source: {}, missing: true };
  if (!isObject(h._source)) return undefined;
  return {
    id: typeof h._id === 'string' ? h._id : String(h._id ?? ''),
    ...(typeof h._index === 'string' ? { index: h._index } : {}),
    source: h._source,
  };
}

function events(list: unknown[], what: string, diagnostics: Diagnostic[]): ResponseEvent[] {
  const out: ResponseEvent[] = [];
  list.forEach((h, k) => {
    const e = event(h);
    if (e) out.push(e);
    else diagnostics.push(problem(R.badHit(`${what} ${k + 1}`)));
  });
  return out;
}

/** Read an `_eql/search` response. Never throws. */
export function parseEqlResponse(text: string): ParsedResponse {
  let v: unknown;
  const start = Math.max(0, text.indexOf('{'));
  try {
    v = JSON.parse(text.slice(start));
  } catch {
    const err = findJsonError(text, start, text.length);
    return {
      hits: undefined,
      diagnostics: [problem(R.notJson(err?.message), err?.offset ?? 0, (err?.offset ?? 0) + 1)],
    };
  }
  if (!isObject(v)) return { hits: undefined, diagnostics: [problem(R.notObject())] };
  if (isObject(v.error)) {
    const e = v.error;
    const reason = isObject(e.caused_by) && typeof e.caused_by.reason === 'string' ? e.caused_by.reason : e.reason;
    return {
      hits: undefined,
      diagnostics: [problem(R.error(String(e.type ?? 'error'), String(reason ?? '')))],
    };
  }
  const hits = v.hits;
  if (!isObject(hits) || (!Array.isArray(hits.events) && !Array.isArray(hits.sequences))) {
    return {
      hits: undefined,
      diagnostics: [problem(R.noHits())],
    };
  }
  const diagnostics: Diagnostic[] = [];
  if (Array.isArray(hits.events)) return { hits: { events: events(hits.events, 'Event', diagnostics) }, diagnostics };
  const sequences = (hits.sequences as unknown[]).flatMap((s, k) => {
    if (!isObject(s) || !Array.isArray(s.events)) {
      diagnostics.push(problem(R.badSequence(k + 1)));
      return [];
    }
    return [
      {
        ...(Array.isArray(s.join_keys) ? { joinKeys: s.join_keys } : {}),
        events: events(s.events, `Event of sequence ${k + 1}, number`, diagnostics),
      },
    ];
  });
  return { hits: { sequences }, diagnostics };
}
