/**
 * One numbering everywhere (rows, problems, detail, sort, search): an event is called by the
 * label the worker gives it (worker/labels.ts: the id field's value, e.g. `event.id`, else its
 * `_id`, else its 1-based ordinal "#3", the count problems use).
 */
export { DEFAULT_ID_FIELD } from '../../worker/protocol';

/** What the event at `position` is called, from the labels of the events on screen. */
export function labelAt(labels: readonly string[], position: number): string {
  return labels[position] ?? `#${position + 1}`;
}
