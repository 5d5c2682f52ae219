/** Value completion: the values a field has in the loaded events, with how many events have each. */
import { compileFieldAccessor, fieldPath } from '../runtime/field-access';
import type { EventDoc } from '../runtime/event';

export interface FieldValueCount {
  readonly value: string | number | boolean;
  /** Events that have this value (an array counts once per event). */
  readonly count: number;
}

function scalars(v: unknown, out: Set<string | number | boolean>): void {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.add(v);
  else if (Array.isArray(v)) for (const x of v) scalars(x, out);
}

/** The field's values, most frequent first (ties in value order), at most `limit` of them. */
export function fieldValues(events: readonly EventDoc[], field: string, limit = 100): FieldValueCount[] {
  const read = compileFieldAccessor(fieldPath(field));
  const counts = new Map<string | number | boolean, number>();
  const seen = new Set<string | number | boolean>();
  for (const e of events) {
    const v = read(e.doc);
    if (v === undefined || v === null) continue;
    if (typeof v !== 'object') {
      counts.set(v as string | number | boolean, (counts.get(v as string | number | boolean) ?? 0) + 1);
      continue;
    }
    seen.clear();
    scalars(v, seen);
    for (const x of seen) counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  const out = [...counts].map(([value, count]) => ({ value, count }));
  out.sort((a, b) => b.count - a.count || (String(a.value) < String(b.value) ? -1 : 1));
  return out.slice(0, limit);
}
