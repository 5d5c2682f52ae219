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
import type { CompiledJoin, CompiledTerm, Stage } from './terms';

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

/** Step 1's output: which event satisfies which term, and the relevant events in order. */
interface Filtered {
  readonly matchBits: Uint8Array;
  readonly timestamps: Float64Array;
  readonly ordered: readonly EventDoc[];
  readonly ts: Float64Array;
  readonly orderedIndex: Int32Array;
  readonly errors: number;
  readonly firstError: string | undefined;
}

/** Step 1: every term's filter on every event, and the events that satisfy one, in order. */
function filterAndOrder(
  join: CompiledJoin,
  events: readonly EventDoc[],
  order: (e: EventDoc) => OrderKey | undefined,
  record: boolean,
  skip: Uint8Array | undefined,
): Filtered {
  const nTerms = join.terms.length;
  const matchBits = new Uint8Array(events.length * nTerms);
  const timestamps = new Float64Array(events.length).fill(Number.NaN);
  let errors = 0;
  let firstError: string | undefined;
  const relevant: { e: EventDoc; k: OrderKey }[] = [];
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
    if (!any && !record) continue;
    const k = order(e);
    if (k) timestamps[i] = k.ts;
    if (any && k) relevant.push({ e, k });
  }
  relevant.sort((a, b) => compareOrder(a.k, b.k));
  const ordered = relevant.map((r) => r.e);
  const ts = Float64Array.from(relevant, (r) => r.k.ts);
  const orderedIndex = new Int32Array(events.length).fill(-1);
  ordered.forEach((e, i) => {
    orderedIndex[e.position] = i;
  });
  return { matchBits, timestamps, ordered, ts, orderedIndex, errors, firstError };
}

/**
 * Binary search over ordered-event indices sorted by timestamp: the first k with
 * `ts[list[k]] > t` (list.length when none).
 */
export function firstAfter(ts: Float64Array, list: readonly number[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[list[mid]!]! > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The last k with `ts[list[k]] < t` (-1 when none); `list` as for `firstAfter`. */
export function lastBefore(ts: Float64Array, list: readonly number[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[list[mid]!]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Around a completed sequence: the nearest missing-stage events before and after it. */
export interface MissingWindow {
  /** The sequence has missing stages before its first positive stage / after its last. */
  readonly leading: boolean;
  readonly trailing: boolean;
  /** Timestamp of the latest leading missing-stage event before the first event, if any. */
  readonly leadingTs: number | undefined;
  /** Timestamp of the earliest trailing missing-stage event after the last event, if any. */
  readonly trailingTs: number | undefined;
  readonly firstTs: number;
  readonly lastTs: number;
}

/**
 * Elasticsearch's rule for leading and trailing missing events (eql-semantics.md section 9.3):
 * the sequence stands when no such event exists, or when even the nearest ones cannot share a
 * maxspan window with it.
 */
export function missingWindowAllows(w: MissingWindow, maxspan: number | undefined): boolean {
  const exceeds = (d: number) => maxspan !== undefined && d > maxspan;
  const { leading, trailing, leadingTs: l, trailingTs: t } = w;
  return (
    (l === undefined && t === undefined) ||
    (leading && l === undefined) ||
    (trailing && t === undefined) ||
    (leading && trailing && exceeds(t! - l!)) ||
    (leading && !trailing && exceeds(w.lastTs - l!)) ||
    (!leading && trailing && exceeds(t! - w.firstTs))
  );
}

/** Ordered events of each missing-event term, by join key, in timestamp order. */
type MissingIndex = Map<number, Map<string, number[]>>;

/** Step 3: the missing-event terms of one completed candidate. */
class MissingEventCheck {
  private readonly positives: readonly Stage[];

  constructor(
    private readonly stages: readonly Stage[],
    private readonly index: MissingIndex,
    private readonly ts: Float64Array,
    private readonly maxspan: number | undefined,
    private readonly record: boolean,
  ) {
    this.positives = stages.filter((s) => !s.missing);
  }

  /** True when the candidate survives; otherwise (recording) its fate says why not. */
  accepts(c: Candidate): boolean {
    const { ts, positives } = this;
    const firstPos = positives[0]!.position;
    const lastPos = positives[positives.length - 1]!.position;
    const firstTs = ts[c.events[0]!]!;
    const lastTs = ts[c.events[positives.length - 1]!]!;
    let leading = false;
    let trailing = false;
    let leadingTs: number | undefined;
    let leadingEvent = -1;
    let trailingTs: number | undefined;
    let trailingEvent = -1;
    let passed = 0; // positive stages passed so far
    for (const s of this.stages) {
      if (!s.missing) {
        passed++;
        continue;
      }
      const list = this.index.get(s.term.index)!.get(c.key.id);
      if (s.position < firstPos) {
        leading = true;
        if (!list) continue;
        const k = lastBefore(ts, list, firstTs);
        if (k >= 0 && (leadingTs === undefined || ts[list[k]!]! > leadingTs)) {
          leadingTs = ts[list[k]!]!;
          leadingEvent = list[k]!;
        }
      } else if (s.position > lastPos) {
        trailing = true;
        if (!list) continue;
        const k = firstAfter(ts, list, lastTs);
        if (k < list.length && (trailingTs === undefined || ts[list[k]!]! < trailingTs)) {
          trailingTs = ts[list[k]!]!;
          trailingEvent = list[k]!;
        }
      } else if (list && this.between(c, s, list, passed)) return false;
    }
    const window: MissingWindow = { leading, trailing, leadingTs, trailingTs, firstTs, lastTs };
    const ok = missingWindowAllows(window, this.maxspan);
    if (!ok && this.record) this.reject(c, window, leadingEvent, trailingEvent, firstPos, lastPos);
    return ok;
  }

  /** A missing-stage event strictly between the events around stage `s` rejects the candidate. */
  private between(c: Candidate, s: Stage, list: readonly number[], passed: number): boolean {
    const { ts } = this;
    const from = ts[c.events[passed - 1]!]!;
    const to = ts[c.events[passed]!]!;
    const k = firstAfter(ts, list, from);
    if (!(k < list.length && ts[list[k]!]! < to)) return false;
    if (this.record) {
      c.fate = {
        kind: 'missing-event',
        stage: s.position,
        event: list[k]!,
        detail: 'it lies strictly between the events around this missing-event stage',
      };
    }
    return true;
  }

  private reject(
    c: Candidate,
    w: MissingWindow,
    leadingEvent: number,
    trailingEvent: number,
    firstPos: number,
    lastPos: number,
  ): void {
    const { leading, trailing, leadingTs: l, trailingTs: t } = w;
    const useLeading = l !== undefined && (!trailing || t !== undefined) && leadingEvent >= 0;
    const event = useLeading ? leadingEvent : trailingEvent;
    const stage = this.stages.find(
      (s) => s.missing && (useLeading ? s.position < firstPos : s.position > lastPos),
    )!.position;
    const detail =
      leading && trailing
        ? `a window of maxspan cannot hold the sequence without a missing-stage event: the latest one before it and the earliest one after it are ${t! - l!} ms apart`
        : useLeading
          ? `it comes ${w.lastTs - l!} ms before the sequence's last event, within maxspan`
          : `it comes ${t! - w.firstTs} ms after the sequence's first event, within maxspan`;
    c.fate = { kind: 'missing-event', stage, event, detail };
  }
}

/** Step 2: the per-key state machine over the ordered events. */
class StateMachine {
  readonly completed: Candidate[] = [];
  readonly candidates: Candidate[] = [];
  readonly stageNotes = new Map<number, Map<number, string>>();
  readonly missingIndex: MissingIndex;
  private readonly positives: readonly Stage[];
  private readonly missingTerms: readonly CompiledTerm[];
  /** One slot per positive stage and key: the candidate waiting there. */
  private readonly slots: Map<string, Candidate>[];
  /** Per key, the latest ordered event that satisfied the `until` term. */
  private readonly untilLatest = new Map<string, number>();
  private readonly keyCache: (StageKeys | undefined)[];
  private nextId = 0;

  constructor(
    private readonly join: CompiledJoin,
    private readonly f: Filtered,
    private readonly maxspan: number | undefined,
    private readonly record: boolean,
  ) {
    this.positives = join.stages.filter((s) => !s.missing);
    this.slots = this.positives.map(() => new Map());
    this.missingTerms = join.terms.filter((t) => t.role === 'missing');
    this.missingIndex = new Map(this.missingTerms.map((t) => [t.index, new Map()]));
    this.keyCache = new Array<StageKeys | undefined>(join.terms.length);
  }

  private note(i: number, stage: number, text: string): void {
    let m = this.stageNotes.get(i);
    if (!m) {
      m = new Map();
      this.stageNotes.set(i, m);
    }
    if (!m.has(stage)) m.set(stage, text);
  }

  private put(p: number, c: Candidate, by: number): void {
    const slot = this.slots[p]!;
    if (this.record) {
      const old = slot.get(c.key.id);
      if (old) old.fate = { kind: 'overwritten', by, stage: this.positives[p]!.position };
    }
    slot.set(c.key.id, c);
  }

  private keysOf(e: EventDoc, t: number): StageKeys {
    this.keyCache[t] ??= this.join.terms[t]!.keys(e.doc);
    return this.keyCache[t]!;
  }

  private matched(e: EventDoc, t: number): boolean {
    return this.f.matchBits[e.position * this.join.terms.length + t] === 1;
  }

  /** Ordered event `i`: every positive stage it satisfies (last first), then until and missing terms. */
  step(i: number): void {
    const e = this.f.ordered[i]!;
    this.keyCache.fill(undefined);
    for (let p = this.positives.length - 1; p >= 0; p--) {
      const stage = this.positives[p]!;
      if (!this.matched(e, stage.term.index)) continue;
      const keys = this.keysOf(e, stage.term.index);
      if (!Array.isArray(keys)) {
        if (this.record)
          this.note(
            i,
            stage.position,
            `join key ${(keys as { missingField: string }).missingField} is missing or null and not optional (\`?\`), so the event cannot fill this stage`,
          );
        continue;
      }
      for (const key of keys as readonly JoinKey[]) {
        if (p === 0) this.start(i, key);
        else this.extend(i, p, stage, key);
      }
    }
    this.index(e, i);
  }

  private start(i: number, key: JoinKey): void {
    const c: Candidate = { id: this.nextId++, key, events: [i], fate: undefined };
    if (this.record) this.candidates.push(c);
    if (this.positives.length === 1) this.completed.push(c);
    else this.put(0, c, i);
  }

  /** Stage p > 0: take the candidate waiting at stage p - 1, unless maxspan or until ends it. */
  private extend(i: number, p: number, stage: Stage, key: JoinKey): void {
    const prev = this.slots[p - 1]!.get(key.id);
    if (!prev) {
      if (this.record)
        this.note(i, stage.position, `no pending candidate with join key ${describeKey(key)} waiting for this stage`);
      return;
    }
    this.slots[p - 1]!.delete(key.id);
    const { ts } = this.f;
    if (this.maxspan !== undefined) {
      const span = ts[i]! - ts[prev.events[0]!]!;
      if (span > this.maxspan) {
        if (this.record) {
          prev.fate = { kind: 'maxspan', by: i, stage: stage.position, spanMs: span };
          this.note(
            i,
            stage.position,
            `took the pending candidate with join key ${describeKey(key)}, but ${span} ms after its first event: maxspan (${this.maxspan} ms) exceeded by ${span - this.maxspan} ms, so the candidate was dropped`,
          );
        }
        return;
      }
    }
    if (this.join.until) {
      const u = this.untilLatest.get(key.id);
      if (u !== undefined && u >= prev.events[prev.events.length - 1]!) {
        if (this.record) {
          prev.fate = { kind: 'until', by: i, until: u, stage: stage.position };
          this.note(
            i,
            stage.position,
            `took the pending candidate with join key ${describeKey(key)}, but until event ${this.f.ordered[u]!.id} came between its last event and this one, which ends it`,
          );
        }
        return;
      }
    }
    prev.events.push(i);
    if (p === this.positives.length - 1) this.completed.push(prev);
    else this.put(p, prev, i);
  }

  /** Remember the event for the until term and the missing-event terms it satisfies. */
  private index(e: EventDoc, i: number): void {
    const until = this.join.until;
    if (until && this.matched(e, until.index)) {
      const keys = this.keysOf(e, until.index);
      if (Array.isArray(keys)) for (const key of keys as readonly JoinKey[]) this.untilLatest.set(key.id, i);
    }
    for (const mt of this.missingTerms) {
      if (!this.matched(e, mt.index)) continue;
      const keys = this.keysOf(e, mt.index);
      if (!Array.isArray(keys)) continue;
      const idx = this.missingIndex.get(mt.index)!;
      for (const key of keys as readonly JoinKey[]) {
        let list = idx.get(key.id);
        if (!list) {
          list = [];
          idx.set(key.id, list);
        }
        list.push(i);
      }
    }
  }

  /** When recording: candidates still waiting at the end are incomplete. */
  finish(): void {
    if (!this.record) return;
    this.slots.forEach((slot, p) => {
      for (const c of slot.values()) c.fate ??= { kind: 'incomplete', stage: this.positives[p + 1]!.position };
    });
  }
}

/** Run the state machine over the events. */
export function runSequence(
  join: CompiledJoin,
  events: readonly EventDoc[],
  order: (e: EventDoc) => OrderKey | undefined,
  opts: SequenceOptions,
): SequenceRun {
  const f = filterAndOrder(join, events, order, opts.record, opts.skip);
  const machine = new StateMachine(join, f, opts.maxspan, opts.record);
  for (let i = 0; i < f.ordered.length; i++) machine.step(i);
  machine.finish();
  const hasMissing = join.terms.some((t) => t.role === 'missing');
  const check = new MissingEventCheck(join.stages, machine.missingIndex, f.ts, opts.maxspan, opts.record);
  const accepted = hasMissing ? machine.completed.filter((c) => check.accepts(c)) : machine.completed;
  const { ordered, ts, matchBits, orderedIndex, timestamps, errors, firstError } = f;
  const { candidates, stageNotes } = machine;
  return { ordered, ts, accepted, candidates, stageNotes, matchBits, orderedIndex, timestamps, errors, firstError };
}
