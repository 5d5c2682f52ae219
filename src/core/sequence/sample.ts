/**
 * Samples (eql-semantics.md section 10): events are grouped by join key (a multi-valued key
 * puts an event in one group per value; optional keys allow null). For each group, one
 * distinct event per filter, listed in filter order; among qualifying events input order
 * picks, trying later ones only when an earlier choice leaves a filter without a distinct
 * event (depth first). Up to `max_samples_per_key` samples per group, groups in ascending key
 * order (null first), up to `size` samples in all. Timestamps play no part.
 *
 * Like Elasticsearch, which fetches a bounded number of events per filter and group, only the
 * first (filters x max_samples_per_key) qualifying events of each filter are considered.
 */
import type { EventDoc } from '../runtime/event';
import { EqlRuntimeError } from '../runtime/values';
import { compareKeys, type JoinKey } from './keys';
import type { CompiledJoin } from './terms';

export interface SampleGroup {
  readonly key: JoinKey;
  /** Per filter: qualifying event positions, in input order. */
  readonly lists: number[][];
  /** The samples built: per sample, one event position per filter. */
  samples: number[][];
  complete: boolean;
  reason: string | undefined;
}

export interface SampleRun {
  /** Every group, in ascending key order. */
  readonly groups: readonly SampleGroup[];
  /** Returned samples in order (group, event positions). */
  readonly samples: readonly { readonly group: SampleGroup; readonly events: readonly number[] }[];
  readonly matchBits: Uint8Array;
  /** Per event position, per filter: the key field that was missing (recording only). */
  readonly keyNotes: Map<number, Map<number, string>>;
  readonly errors: number;
  readonly firstError: string | undefined;
}

const STEP_BUDGET = 200_000;

/** Depth-first choice of distinct events, one per filter, up to `max` combinations. */
export function pickSamples(
  lists: readonly (readonly number[])[],
  max: number,
): { samples: number[][]; exhausted: boolean } {
  const out: number[][] = [];
  const chosen: number[] = [];
  let steps = 0;
  const walk = (f: number): boolean => {
    if (f === lists.length) {
      out.push(chosen.slice());
      return out.length >= max;
    }
    for (const e of lists[f]!) {
      if (++steps > STEP_BUDGET) return true;
      if (chosen.includes(e)) continue;
      chosen.push(e);
      const done = walk(f + 1);
      chosen.pop();
      if (done) return true;
    }
    return false;
  };
  if (max > 0) walk(0);
  return { samples: out, exhausted: steps > STEP_BUDGET };
}

export function runSample(
  join: CompiledJoin,
  events: readonly EventDoc[],
  size: number,
  maxPerKey: number,
  record: boolean,
  /** 1 for events a rule exception removed: they take part in no sample. */
  skip?: Uint8Array,
): SampleRun {
  const nTerms = join.terms.length;
  const matchBits = new Uint8Array(events.length * nTerms);
  const groups = new Map<string, SampleGroup>();
  const keyNotes = new Map<number, Map<number, string>>();
  let errors = 0;
  let firstError: string | undefined;
  for (let i = 0; i < events.length; i++) {
    if (skip && skip[i] === 1) continue;
    const e = events[i]!;
    for (let f = 0; f < nTerms; f++) {
      const term = join.terms[f]!;
      let m = false;
      try {
        m = term.matches(e.doc);
      } catch (err) {
        if (!(err instanceof EqlRuntimeError)) throw err;
        errors++;
        firstError ??= err.message;
      }
      if (!m) continue;
      matchBits[i * nTerms + f] = 1;
      const keys = term.keys(e.doc);
      if (!Array.isArray(keys)) {
        if (record) {
          let n = keyNotes.get(i);
          if (!n) {
            n = new Map();
            keyNotes.set(i, n);
          }
          n.set(
            f,
            `join key ${(keys as { missingField: string }).missingField} is missing or null and not optional (\`?\`), so the event belongs to no group`,
          );
        }
        continue;
      }
      for (const key of keys as readonly JoinKey[]) {
        let g = groups.get(key.id);
        if (!g) {
          g = { key, lists: Array.from({ length: nTerms }, () => []), samples: [], complete: false, reason: undefined };
          groups.set(key.id, g);
        }
        g.lists[f]!.push(e.position);
      }
    }
  }
  const sorted = [...groups.values()].sort((a, b) => compareKeys(a.key, b.key));
  const samples: { group: SampleGroup; events: number[] }[] = [];
  const cap = nTerms * Math.max(1, maxPerKey);
  for (const g of sorted) {
    const empty = g.lists.findIndex((l) => l.length === 0);
    if (empty >= 0) {
      g.reason = `no event with this key matches filter ${empty + 1}`;
      continue;
    }
    if (samples.length >= size) {
      g.complete = true;
      g.reason = `every filter has a candidate, but the result already holds size = ${size} samples`;
      continue;
    }
    const picked = pickSamples(
      g.lists.map((l) => l.slice(0, cap)),
      Math.min(maxPerKey, size - samples.length),
    );
    if (picked.samples.length === 0) {
      g.reason = picked.exhausted
        ? 'gave up looking for distinct events (too many combinations)'
        : 'one event cannot fill two filters, and the qualifying events do not give a distinct event for every filter';
      continue;
    }
    g.complete = true;
    g.samples = picked.samples;
    for (const s of picked.samples) samples.push({ group: g, events: s });
    if (samples.length >= size && picked.samples.length < maxPerKey) g.reason = `stopped at size = ${size} samples`;
  }
  return { groups: sorted, samples, matchBits, keyNotes, errors, firstError };
}
