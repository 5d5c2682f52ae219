/**
 * The id an event is shown by (rows, the detail, the event editor, sort and search): the value
 * of the list's id field (Elastic Defend's `event.id` unless the user sets another) when the
 * event has one (text, a number, or the first of an array of them), else its `_id`, else its
 * 1-based ordinal "#N", the count problems use. The core's ids (selection, links, expectations,
 * the `_id` of hits) stay as they were loaded; these are what the user reads.
 */
import type { EventDoc } from '../core';
import { idAccessor } from '../formats/event-collector';

/** "#3" for an event whose core id is its position (it had no `_id`), else that id. */
export function ordinalLabel(id: string, position: number): string {
  return id === String(position) ? `#${position + 1}` : id;
}

function shown(v: unknown): string | undefined {
  if (Array.isArray(v)) v = v[0];
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Every event's shown id under `field` ('' for none: `_id` or "#N"), by position. */
export function eventLabels(events: readonly EventDoc[], field: string): string[] {
  const get = idAccessor(field.trim() || undefined);
  const out = new Array<string>(events.length);
  for (let p = 0; p < events.length; p++) {
    const e = events[p]!;
    out[p] = (get && shown(get(e.doc))) ?? ordinalLabel(e.id, p);
  }
  return out;
}
