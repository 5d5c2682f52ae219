/**
 * The sequence state machine (eql-semantics.md section 9.2), one per join key:
 *
 * 1. Events that satisfy some term's filter and have a timestamp are visited in order
 *    (timestamp, tiebreaker, input order). Each event is tried against every positive stage
 *    whose filter it satisfies, the last stage first, so one event can complete or extend one
 *    candidate and start another, but never chain through itself.
 * 2. Stage 0 starts a candidate (complete at once when it is the only positive stage).
 * 3. Stage j > 0 takes the latest pending candidate of stage j-1 with the same key; that one
 *    and every older one leave stage j-1 (newest overwrites older). Because the events come
 *    in order, "the latest, then drop the rest" needs only one slot per key and stage: a
 *    candidate arriving in a stage overwrites the one waiting there. That keeps the work per
 *    event constant, whatever the number of pending candidates.
 *    The taken candidate is then rejected when the event is more than `maxspan` after its
 *    first event (a span equal to maxspan is fine), or when the latest `until` event with the
 *    same key that precedes the event lies between the candidate's last event and the event,
 *    both inclusive. Otherwise the event is appended, completing the candidate at the last stage.
 * 4. Completed candidates come out in the order of their last event.
 * 5. Missing-event terms `![...]` are checked on completed candidates (section 9.3).
 */
import type { OrderKey } from '../hits';
import { compareOrder } from '../hits';
import type { EventDoc } from '../runtime/event';
import { EqlRuntimeError } from '../runtime/values';
import type { JoinKey, StageKeys } from './keys';
import type { CompiledJoin } from './terms';

export type Fate =
  | { readonly kind: 'returned'; readonly sequence: number }
  | { readonly kind: 'outside-size' }
  /** A newer candidate with the same key reached the stage (brought by ordered event `by`). */
  | { readonly kind: 'overwritten'; readonly by: number; readonly stage: number }
  | { readonly kind: 'maxspan'; readonly by: number; readonly stage: number; readonly spanMs: number }
  | { readonly kind: 'until'; readonly by: number; readonly until: number; readonly stage: number }
  | { readonly kind: 'missing-event'; readonly stage: number; readonly event: number; readonly detail: string }
  /** Still waiting for `stage` when the events ran out. */
  | { readonly kind: 'incomplete'; readonly stage: number };

export interface Candidate {
  readonly id: number;
  readonly key: JoinKey;
  /** Ordered-event indices, one per positive stage filled so far. */
  readonly events: number[];
  fate: Fate | undefined;
}

export interface SequenceRun {
  /** Events with a timestamp that satisfy some term, in sequence order. */
  readonly ordered: readonly EventDoc[];
  readonly ts: Float64Array;
  /** Completed candidates that passed the missing-event checks, in result order. */
  readonly accepted: Candidate[];
  /** Every candidate (only when recording). */
  readonly candidates: Candidate[];
  /** Per ordered event, per stage position: why a satisfied stage was not used (recording only). */
  readonly stageNotes: Map<number, Map<number, string>>;
  /** matchBits[position * terms + term] = 1 when the event satisfied the term's filter. */
  readonly matchBits: Uint8Array;
  /** Ordered index of each event position (-1 when not ordered). */
  readonly orderedIndex: Int32Array;
  readonly timestamps: Float64Array;
  readonly errors: number;
  readonly firstError: string | undefined;
}

export interface SequenceOptions {
  readonly maxspan: number | undefined;
  readonly record: boolean;
  /** 1 for events a rule exception removed: they take part in no sequence. */
  readonly skip?: Uint8Array;
}

function describeKey(key: JoinKey): string {
  return JSON.stringify(key.parts.map((p) => p.value));
}

/** Run the state machine over the events. */
export function runSequence(
  join: CompiledJoin,
  events: readonly EventDoc[],
  order: (e: EventDoc) => OrderKey | undefined,
  opts: SequenceOptions,
): SequenceRun {
  const nTerms = join.terms.length;
  const matchBits = new Uint8Array(events.length * nTerms);
  const timestamps = new Float64Array(events.length).fill(Number.NaN);
  let errors = 0;
  let firstError: string | undefined;

  // 1. Filters and ordering keys.
  const relevant: { e: EventDoc; k: OrderKey }[] = [];
  const skip = opts.skip;
  for (let i = 0; i < events.length; i++) {
    if (skip && skip[i] === 1) continue;
    const e = events[i]!;
    let any = false;
    for (let t = 0; t < nTerms; t++) {
      let m = false;
      try {
        m = join.terms[t]!.matches(e.doc);
      } catch (err) {
        if (!(err instanceof EqlRuntimeError)) throw err;
        errors++;
        firstError ??= err.message;
      }
      if (m) {
        matchBits[i * nTerms + t] = 1;
        any = true;
      }
    }
    if (!any && !opts.record) continue;
    const k = order(e);
    if (k) timestamps[i] = k.ts;
    if (any && k) relevant.push({ e, k });
  }
  relevant.sort((a, b) => compareOrder(a.k, b.k));
  const ordered = relevant.map((r) => r.e);
  const ts = Float64Array.from(relevant, (r) => r.k.ts);
  const orderedIndex = new Int32Array(events.length).fill(-1);
  ordered.forEach((e, i) => (orderedIndex[e.position] = i));

  // 2. The state machine.
  const stages = join.stages;
  const positives = stages.filter((s) => !s.missing);
  const P = positives.length;
  const slots: Map<string, Candidate>[] = positives.map(() => new Map());
  const untilLatest = new Map<string, number>();
  const missingTerms = join.terms.filter((t) => t.role === 'missing');
  const missingIndex = new Map<number, Map<string, number[]>>(missingTerms.map((t) => [t.index, new Map()]));
  const completed: Candidate[] = [];
  const candidates: Candidate[] = [];
  const stageNotes = new Map<number, Map<number, string>>();
  const record = opts.record;
  const maxspan = opts.maxspan;
  let nextId = 0;

  const note = (i: number, stage: number, text: string) => {
    let m = stageNotes.get(i);
    if (!m) stageNotes.set(i, (m = new Map()));
    if (!m.has(stage)) m.set(stage, text);
  };
  const put = (p: number, c: Candidate, by: number) => {
    const slot = slots[p]!;
    if (record) {
      const old = slot.get(c.key.id);
      if (old) old.fate = { kind: 'overwritten', by, stage: positives[p]!.position };
    }
    slot.set(c.key.id, c);
  };

  const keyCache: (StageKeys | undefined)[] = new Array<StageKeys | undefined>(nTerms);
  for (let i = 0; i < ordered.length; i++) {
    const e = ordered[i]!;
    const base = e.position * nTerms;
    keyCache.fill(undefined);
    const keysOf = (t: number): StageKeys => (keyCache[t] ??= join.terms[t]!.keys(e.doc));
    for (let p = P - 1; p >= 0; p--) {
      const stage = positives[p]!;
      const t = stage.term.index;
      if (matchBits[base + t] !== 1) continue;
      const keys = keysOf(t);
      if (!Array.isArray(keys)) {
        if (record)
          note(
            i,
            stage.position,
            `join key ${(keys as { missingField: string }).missingField} is missing or null and not optional (\`?\`), so the event cannot fill this stage`,
          );
        continue;
      }
      for (const key of keys as readonly JoinKey[]) {
        if (p === 0) {
          const c: Candidate = { id: nextId++, key, events: [i], fate: undefined };
          if (record) candidates.push(c);
          if (P === 1) completed.push(c);
          else put(0, c, i);
          continue;
        }
        const prev = slots[p - 1]!.get(key.id);
        if (!prev) {
          if (record)
            note(i, stage.position, `no pending candidate with join key ${describeKey(key)} waiting for this stage`);
          continue;
        }
        slots[p - 1]!.delete(key.id);
        if (maxspan !== undefined) {
          const span = ts[i]! - ts[prev.events[0]!]!;
          if (span > maxspan) {
            if (record) {
              prev.fate = { kind: 'maxspan', by: i, stage: stage.position, spanMs: span };
              note(
                i,
                stage.position,
                `took the pending candidate with join key ${describeKey(key)}, but ${span} ms after its first event: maxspan (${maxspan} ms) exceeded by ${span - maxspan} ms, so the candidate was dropped`,
              );
            }
            continue;
          }
        }
        if (join.until) {
          const u = untilLatest.get(key.id);
          if (u !== undefined && u >= prev.events[prev.events.length - 1]!) {
            if (record) {
              prev.fate = { kind: 'until', by: i, until: u, stage: stage.position };
              note(
                i,
                stage.position,
                `took the pending candidate with join key ${describeKey(key)}, but until event ${ordered[u]!.id} came between its last event and this one, which ends it`,
              );
            }
            continue;
          }
        }
        prev.events.push(i);
        if (p === P - 1) completed.push(prev);
        else put(p, prev, i);
      }
    }
    if (join.until && matchBits[base + join.until.index] === 1) {
      const keys = keysOf(join.until.index);
      if (Array.isArray(keys)) for (const key of keys as readonly JoinKey[]) untilLatest.set(key.id, i);
    }
    for (const mt of missingTerms) {
      if (matchBits[base + mt.index] !== 1) continue;
      const keys = keysOf(mt.index);
      if (!Array.isArray(keys)) continue;
      const idx = missingIndex.get(mt.index)!;
      for (const key of keys as readonly JoinKey[]) {
        let list = idx.get(key.id);
        if (!list) idx.set(key.id, (list = []));
        list.push(i);
      }
    }
  }
  if (record) {
    slots.forEach((slot, p) => {
      for (const c of slot.values()) c.fate ??= { kind: 'incomplete', stage: positives[p + 1]!.position };
    });
  }

  // 3. Missing-event terms.
  const accepted = missingTerms.length === 0 ? completed : completed.filter((c) => missingCheck(c));

  function firstAfter(list: readonly number[], t: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ts[list[mid]!]! > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  function lastBefore(list: readonly number[], t: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ts[list[mid]!]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  function missingCheck(c: Candidate): boolean {
    const firstPos = positives[0]!.position;
    const lastPos = positives[P - 1]!.position;
    const tsFirst = ts[c.events[0]!]!;
    const tsLast = ts[c.events[P - 1]!]!;
    let leading = false;
    let trailing = false;
    let L: number | undefined;
    let Lev = -1;
    let T: number | undefined;
    let Tev = -1;
    let pi = 0; // positives passed so far
    for (const s of stages) {
      if (!s.missing) {
        pi++;
        continue;
      }
      const list = missingIndex.get(s.term.index)!.get(c.key.id);
      if (s.position < firstPos) {
        leading = true;
        if (!list) continue;
        const k = lastBefore(list, tsFirst);
        if (k >= 0 && (L === undefined || ts[list[k]!]! > L)) {
          L = ts[list[k]!]!;
          Lev = list[k]!;
        }
      } else if (s.position > lastPos) {
        trailing = true;
        if (!list) continue;
        const k = firstAfter(list, tsLast);
        if (k < list.length && (T === undefined || ts[list[k]!]! < T)) {
          T = ts[list[k]!]!;
          Tev = list[k]!;
        }
      } else {
        if (!list) continue;
        const from = ts[c.events[pi - 1]!]!;
        const to = ts[c.events[pi]!]!;
        const k = firstAfter(list, from);
        if (k < list.length && ts[list[k]!]! < to) {
          if (record) {
            c.fate = {
              kind: 'missing-event',
              stage: s.position,
              event: list[k]!,
              detail: 'it lies strictly between the events around this missing-event stage',
            };
          }
          return false;
        }
      }
    }
    const exceeds = (d: number) => maxspan !== undefined && d > maxspan;
    const ok =
      (L === undefined && T === undefined) ||
      (leading && L === undefined) ||
      (trailing && T === undefined) ||
      (leading && trailing && exceeds(T! - L!)) ||
      (leading && !trailing && exceeds(tsLast - L!)) ||
      (!leading && trailing && exceeds(T! - tsFirst));
    if (!ok && record) {
      const useLeading = L !== undefined && (!trailing || T !== undefined) && Lev >= 0;
      const ev = useLeading ? Lev : Tev;
      const stage = stages.find(
        (s) => s.missing && (useLeading ? s.position < firstPos : s.position > lastPos),
      )!.position;
      const detail =
        leading && trailing
          ? `a window of maxspan cannot hold the sequence without a missing-stage event: the latest one before it and the earliest one after it are ${T! - L!} ms apart`
          : useLeading
            ? `it comes ${tsLast - L!} ms before the sequence's last event, within maxspan`
            : `it comes ${T! - tsFirst} ms after the sequence's first event, within maxspan`;
      c.fate = { kind: 'missing-event', stage, event: ev, detail };
    }
    return ok;
  }

  return { ordered, ts, accepted, candidates, stageNotes, matchBits, orderedIndex, timestamps, errors, firstError };
}
