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
