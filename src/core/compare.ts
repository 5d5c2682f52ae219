/**
 * Comparing the playground's hits with a real cluster's `_eql/search` response: the same events
 * (or sequences, event by event) in the same order means they agree; otherwise each event or
 * sequence only one side returned is listed. Events are identified by `_id`, or by the value of
 * an id field in `_source` (the playground's `--id-field`).
 */
import type { Hits } from './api-types';
import { compileFieldAccessor, expandDottedKeys } from './runtime/field-access';

/** The hits of an `_eql/search` response, as read by formats/eql-response.ts. */
export interface ResponseHits {
  readonly events?: readonly ResponseEvent[];
  readonly sequences?: readonly { readonly joinKeys?: readonly unknown[]; readonly events: readonly ResponseEvent[] }[];
}

export interface ResponseEvent {
  readonly id: string;
  readonly index?: string;
  readonly source: Record<string, unknown>;
  /** A missing-event placeholder of a sequence. */
  readonly missing?: boolean;
}

export interface Comparison {
  readonly agrees: boolean;
  readonly kind: 'events' | 'sequences';
  /** How many events or sequences each side returned. */
  readonly ours: number;
  readonly theirs: number;
  /** Returned by the playground only (event ids, or sequences as id lists). */
  readonly onlyOurs: readonly string[];
  /** Returned by the cluster only. */
  readonly onlyTheirs: readonly string[];
  /** Both returned the same ones, in another order. */
  readonly orderDiffers: boolean;
  /** Plain sentences for a person. */
  readonly notes: readonly string[];
}

type Ided = (e: ResponseEvent) => string;

function idReader(idField: string | undefined): Ided {
  if (idField === undefined) return (e) => e.id;
  const read = compileFieldAccessor(idField.split('.'));
  return (e) => {
    let v = read(expandDottedKeys(e.source));
    if (Array.isArray(v)) v = v[0];
    return v === undefined || v === null ? e.id : typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
}

const seqKey = (ids: readonly string[]) => `[${ids.join(', ')}]`;

function diff(ours: readonly string[], theirs: readonly string[], kind: Comparison['kind']): Comparison {
  const a = new Set(ours);
  const b = new Set(theirs);
  const onlyOurs = ours.filter((x) => !b.has(x));
  const onlyTheirs = theirs.filter((x) => !a.has(x));
  const sameSet = onlyOurs.length === 0 && onlyTheirs.length === 0 && ours.length === theirs.length;
  const orderDiffers = sameSet && ours.some((x, i) => theirs[i] !== x);
  const notes: string[] = [];
  const what = kind === 'events' ? 'event' : 'sequence';
  if (sameSet && !orderDiffers)
    notes.push(`agrees: both return the same ${ours.length} ${what}${ours.length === 1 ? '' : 's'} in the same order`);
  if (orderDiffers) notes.push(`both return the same ${what}s, in another order`);
  for (const x of onlyOurs) notes.push(`only the playground returns ${what} ${x}`);
  for (const x of onlyTheirs) notes.push(`only the cluster returns ${what} ${x}`);
  return {
    agrees: sameSet && !orderDiffers,
    kind,
    ours: ours.length,
    theirs: theirs.length,
    onlyOurs,
    onlyTheirs,
    orderDiffers,
    notes,
  };
}

/** Compare the playground's hits with a cluster's. `idField` names events by a `_source` field. */
export function compareHits(ours: Hits, theirs: ResponseHits, idField?: string): Comparison {
  const idOf = idReader(idField);
  if (ours.sequences || theirs.sequences) {
    const mine = (ours.sequences ?? []).map((s) => seqKey(s.events.map((e) => ('missing' in e ? '(missing)' : e._id))));
    const other = (theirs.sequences ?? []).map((s) => seqKey(s.events.map((e) => (e.missing ? '(missing)' : idOf(e)))));
    const r = diff(mine, other, 'sequences');
    if (!ours.sequences || !theirs.sequences) {
      return {
        ...r,
        agrees: false,
        notes: [...r.notes, `one side returned events, the other sequences: the query kinds differ`],
      };
    }
    return r;
  }
  return diff(
    (ours.events ?? []).map((h) => h._id),
    (theirs.events ?? []).map(idOf),
    'events',
  );
}
