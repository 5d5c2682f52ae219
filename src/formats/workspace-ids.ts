/**
 * A workspace file keys its expected verdicts by the events' ids under its `idField`, as
 * `eql-playground test` reads them; the playground keys them by the ids the events have without
 * one (their `_id`, else their position). These translate between the two, so a file the
 * playground writes means the same to the command line, and reads back to the same expectations.
 */
import type { Expectation, Expectations } from '../core/index';
import type { EventDoc } from '../core/runtime/event';
import { eventId, idAccessor } from './event-collector';

/** Each event's id under `idField` (its value, else its `_id`, else its position), by position. */
function idsUnder(events: readonly EventDoc[], idField: string): string[] {
  const get = idAccessor(idField);
  return events.map((e) => eventId(get, e.doc, e.source, { id: e.id }, e.position));
}

/** Positions by id. */
function positionsBy(ids: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  ids.forEach((id, p) => {
    const list = out.get(id);
    if (list) list.push(p);
    else out.set(id, [p]);
  });
  return out;
}

const same = (a: Expectation, b: Expectation | undefined): boolean =>
  b !== undefined && a.verdict === b.verdict && a.clause === b.clause;

/**
 * The expectations keyed by the ids under `idField`, or undefined when that would change what
 * they mean: two events one id names expect different verdicts, an id names an event that expects
 * nothing, or an id no event has becomes one some event has. Ids no event has stay as they are.
 */
export function expectationsUnder(
  events: readonly EventDoc[],
  idField: string,
  expectations: Expectations,
): Expectations | undefined {
  const under = idsUnder(events, idField);
  const byCore = positionsBy(events.map((e) => e.id));
  const byUnder = positionsBy(under);
  const out = new Map<string, Expectation>();
  const put = (key: string, x: Expectation): boolean => {
    const prev = out.get(key);
    out.set(key, x);
    return prev === undefined || same(x, prev);
  };
  for (const [id, x] of Object.entries(expectations)) {
    const positions = byCore.get(id);
    if (!positions) {
      if (byUnder.has(id) || !put(id, x)) return undefined;
    } else for (const p of positions) if (!put(under[p]!, x)) return undefined;
  }
  // Every event the file's id names must expect what the file says (the command line checks them all).
  for (const [key, x] of out)
    for (const p of byUnder.get(key) ?? []) if (!same(x, expectations[events[p]!.id])) return undefined;
  return Object.fromEntries(out);
}

/** A file's expectations (keyed by the ids under `idField`) keyed by the events' own ids; unknown ids are kept. */
export function expectationsFromFile(
  events: readonly EventDoc[],
  idField: string,
  expectations: Expectations,
): Expectations {
  const byUnder = positionsBy(idsUnder(events, idField));
  const out: Record<string, Expectation> = {};
  const put = (key: string, x: Expectation) => {
    if (!Object.hasOwn(out, key))
      Object.defineProperty(out, key, { value: x, enumerable: true, writable: true, configurable: true });
  };
  for (const [id, x] of Object.entries(expectations)) {
    const positions = byUnder.get(id);
    if (!positions) put(id, x);
    else for (const p of positions) put(events[p]!.id, x);
  }
  return out;
}
