/**
 * One numbering everywhere (rows, problems, detail): an event is called by its id (the id
 * field's value, e.g. `event.id`, or its `_id`); an event without one by its 1-based ordinal,
 * "#3", the same count that problems use ("Line 3", "Array element 3" in an array of events).
 * The core gives an event without an id its 0-based position as `_id`; that is what is
 * recognised here.
 */
export function eventLabel(id: string, position: number): string {
  return id === String(position) ? `#${position + 1}` : id;
}

/** The id field the app reads unless the user sets another: Elastic Defend's `event.id`. */
export const DEFAULT_ID_FIELD = 'event.id';

/**
 * What a row, the detail and the event editor call an event: its `idField` value when the event
 * has one (a string or a number), else its id or ordinal as `eventLabel` says.
 */
export function displayLabel(
  source: Record<string, unknown> | undefined,
  idField: string | undefined,
  id: string,
  position: number,
): string {
  if (source && idField) {
    let v: unknown = source;
    // The field as written (dotted keys at any level) or nested.
    if (Object.hasOwn(source, idField)) v = source[idField];
    else
      for (const part of idField.split('.'))
        v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
    if (typeof v === 'string' && v !== '') return v;
    if (typeof v === 'number') return String(v);
  }
  return eventLabel(id, position);
}
