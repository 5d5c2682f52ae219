/**
 * What Elasticsearch returns: matching events in ascending order of timestamp, then tiebreaker
 * (events without one after those with one), then input order; limited by `size` from the tail
 * (default) or head, then by the `head`/`tail` pipes in turn.
 */
import type { PipeNode } from './ast/nodes';
import type { Settings } from './api-types';
import { parseDateWithFormat } from './runtime/dates';
import { compileFieldAccessor } from './runtime/field-access';
import type { EventDoc } from './runtime/event';
import { fieldPath } from './compile/field';
import type { Schema } from './schema/types';

export interface OrderKey {
  readonly ts: number;
  readonly tiebreaker: unknown;
  readonly position: number;
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

/** Build a function giving each event its ordering key under the settings. */
export function orderKeys(settings: Settings, schema: Schema): (e: EventDoc) => OrderKey {
  const tsInfo = schema.get(settings.timestampField);
  const tsAccess = compileFieldAccessor(fieldPath(tsInfo?.aliasOf ?? settings.timestampField));
  const format = tsInfo?.format;
  const tbName = settings.tiebreakerField;
  const tbInfo = tbName ? schema.get(tbName) : undefined;
  const tbAccess = tbName ? compileFieldAccessor(fieldPath(tbInfo?.aliasOf ?? tbName)) : undefined;
  return (e) => {
    const raw = first(tsAccess(e.doc));
    const ts = raw === undefined || raw === null ? Number.NEGATIVE_INFINITY : parseDateWithFormat(raw, format);
    const tb = tbAccess ? first(tbAccess(e.doc)) : undefined;
    return { ts: Number.isNaN(ts) ? Number.NEGATIVE_INFINITY : ts, tiebreaker: tb, position: e.position };
  };
}

function cmpTiebreaker(a: unknown, b: unknown): number {
  const am = a === undefined || a === null;
  const bm = b === undefined || b === null;
  if (am || bm) return am === bm ? 0 : am ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function compareOrder(a: OrderKey, b: OrderKey): number {
  if (a.ts !== b.ts) return a.ts < b.ts ? -1 : 1;
  const t = cmpTiebreaker(a.tiebreaker, b.tiebreaker);
  if (t !== 0) return t;
  return a.position - b.position;
}

/** Apply the implicit `size` limit and the pipes, keeping ascending order. */
export function applyLimits<T>(sorted: readonly T[], settings: Settings, pipes: readonly PipeNode[]): T[] {
  const direction = pipes.length > 0 ? pipes[0]!.name : settings.resultPosition;
  let out = limit(sorted, direction, settings.size);
  for (const p of pipes) out = limit(out, p.name, p.count);
  return out;
}

function limit<T>(items: readonly T[], direction: 'head' | 'tail', n: number): T[] {
  if (n <= 0) return [];
  if (items.length <= n) return items.slice();
  return direction === 'head' ? items.slice(0, n) : items.slice(items.length - n);
}
