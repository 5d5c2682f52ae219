/**
 * Applying compiled exceptions to the loaded events, before EQL sees them (Kibana sends the
 * exceptions as the `_eql/search` filter): which items remove which event, and the reasons an
 * excepted event's verdict carries.
 */
import type { Reason, Verdict } from '../api-types';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { EventDoc } from '../runtime/event';
import type { Schema } from '../schema/types';
import { compileExceptions, type CompiledExceptions, type CompiledItem } from './compile';
import type { ExceptionInput, ExceptionStat, MatchedEntry } from './types';

export interface ExceptedEvents {
  /** Per event position: the items that remove it, or undefined. */
  readonly byPosition: readonly (readonly CompiledItem[] | undefined)[];
  /** 1 where an item removes the event (for the sequence and sample runners). */
  readonly mask: Uint8Array;
  /** How many events are removed. */
  readonly count: number;
}

/** Which items remove each event. */
export function matchExceptions(compiled: CompiledExceptions, events: readonly EventDoc[]): ExceptedEvents {
  const byPosition: (CompiledItem[] | undefined)[] = new Array(events.length);
  const mask = new Uint8Array(events.length);
  const items = compiled.items;
  let count = 0;
  for (let i = 0; i < events.length; i++) {
    const doc = events[i]!.doc;
    let hit: CompiledItem[] | undefined;
    for (let k = 0; k < items.length; k++) {
      const item = items[k]!;
      if (item.test(doc)) {
        hit ??= [];
        hit.push(item);
      }
    }
    if (hit) {
      byPosition[i] = hit;
      mask[i] = 1;
      count++;
    }
  }
  return { byPosition, mask, count };
}

function missingExcluded(entries: readonly MatchedEntry[], out: string[]): void {
  for (const e of entries) {
    if (e.entries) missingExcluded(e.entries, out);
    else if (e.operator === 'excluded' && e.eventValue === undefined) out.push(e.field);
  }
}

const NO_RANGE = { start: 0, end: 0 };

/** The reasons of an excepted event: one per item that removes it. */
export function exceptionReasons(items: readonly CompiledItem[], event: EventDoc): Reason[] {
  return items.map((c) => {
    const entries = c.explain(event.doc);
    const missing: string[] = [];
    missingExcluded(entries, missing);
    const note =
      missing.length > 0
        ? `removed because ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: an "is not" entry is a must_not, and must_not holds for an event without the field`
        : undefined;
    return {
      kind: 'exception',
      clause: { text: c.ref.name, range: NO_RANGE },
      clauseId: -1,
      exception: c.ref,
      entries,
      ...(note ? { note } : {}),
    } satisfies Reason;
  });
}

export interface AppliedExceptions {
  readonly compiled: CompiledExceptions;
  readonly excepted: ExceptedEvents;
}

/** Compile and match the exceptions of a request; undefined when there are none. */
export function applyExceptions(
  input: ExceptionInput | undefined,
  schema: Schema,
  events: readonly EventDoc[],
  diagnostics: Diagnostic[],
): AppliedExceptions | undefined {
  if (!input || input.items.length === 0) return undefined;
  const compiled = compileExceptions(input, schema);
  diagnostics.push(...compiled.diagnostics);
  return { compiled, excepted: matchExceptions(compiled, events) };
}

/**
 * Per item: events removed, and of those the events `matches` accepts (the query would alert,
 * or a stage filter holds). `matches` may throw; a throwing event counts as not matching.
 */
export function exceptionStats(
  applied: AppliedExceptions,
  events: readonly EventDoc[],
  matches: (e: EventDoc) => boolean,
): ExceptionStat[] {
  const removed = new Array<number>(applied.compiled.stats.length).fill(0);
  const matching = removed.slice();
  const by = applied.excepted.byPosition;
  for (let i = 0; i < by.length; i++) {
    const items = by[i];
    if (!items) continue;
    let m = false;
    try {
      m = matches(events[i]!);
    } catch {
      m = false;
    }
    for (const c of items) {
      removed[c.index]!++;
      if (m) matching[c.index]!++;
    }
  }
  return applied.compiled.stats.map((s, i) =>
    s.status === 'applied' ? { ...s, removed: removed[i]!, removedMatching: matching[i]! } : s,
  );
}

/** The verdict of an excepted event: the exception reasons, then the query's own reasons unless it would alert. */
export function exceptedVerdict(query: Verdict, items: readonly CompiledItem[], event: EventDoc): Verdict {
  const reasons = exceptionReasons(items, event);
  const wouldBe = query.verdict === 'excepted' ? 'alert' : query.verdict;
  return {
    id: query.id,
    position: query.position,
    verdict: 'excepted',
    reasons: wouldBe === 'alert' ? reasons : [...reasons, ...query.reasons],
    wouldBe,
  };
}
