/**
 * "Add rule exception" from an event, as Kibana's does from an alert: entries pre-filled from the
 * event's field values (the fields the rule uses ticked), the operator and entry type chosen by
 * the user; the draft becomes an exception item for the worker to preview. Also which dropped or
 * opened file is a value list, and the Exceptions pane's value lists. Pure.
 */
import type { ExceptionEntry, ExceptionItem, ValueListText } from '../../worker/protocol';
import type { ExceptionsDoc } from './doc-state';
import { eventFields, showScalar, type Scalar } from './event-fields';

export type DraftEntryType = 'match' | 'match_any' | 'wildcard' | 'exists';
export type DraftOperator = 'included' | 'excluded';

export interface DraftEntry {
  readonly field: string;
  readonly on: boolean;
  readonly type: DraftEntryType;
  readonly operator: DraftOperator;
  /** `match`, `wildcard`: the value; `match_any`: one value per line. */
  readonly value: string;
  /** The event's values of the field. */
  readonly eventValues: readonly Scalar[];
  /** Ticked when the draft was made (a field the rule uses): always listed. */
  readonly suggested: boolean;
}

export interface ExceptionDraft {
  readonly eventId: string;
  readonly position: number;
  readonly name: string;
  readonly listId: string;
  readonly itemId: string;
  readonly entries: readonly DraftEntry[];
  /** When the item stops applying, as a datetime-local input holds it (local time); empty: never. */
  readonly expires?: string;
}

/** The list new items go to when the pane has none. */
export const DEFAULT_LIST_ID = 'rule-exceptions';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'event';

/** An item id no item of the pane has yet. */
export function freshItemId(eventId: string, taken: ReadonlySet<string>): string {
  const base = `playground-${slug(eventId)}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function entryFor(field: string, values: readonly Scalar[], on: boolean): DraftEntry {
  const shown = values.filter((v) => v !== null).map(showScalar);
  const many = shown.length > 1;
  return {
    field,
    on,
    type: shown.length === 0 ? 'exists' : many ? 'match_any' : 'match',
    operator: 'included',
    value: many ? shown.join('\n') : (shown[0] ?? ''),
    eventValues: values,
    suggested: on,
  };
}

/**
 * A draft for an event: every field with a value, the rule's fields first and ticked (the id and
 * timestamp fields aside, which would except only this one event).
 */
export function draftFromEvent(
  event: { readonly id: string; readonly position: number; readonly source: Record<string, unknown> },
  ruleFields: readonly string[],
  listIds: readonly string[],
  takenIds: ReadonlySet<string>,
): ExceptionDraft {
  const fields = eventFields(event.source);
  const used = new Set(ruleFields);
  const first = fields.filter((f) => used.has(f.field));
  const rest = fields.filter((f) => !used.has(f.field));
  return {
    eventId: event.id,
    position: event.position,
    name: `Exception from event ${event.id}`,
    listId: listIds[0] ?? DEFAULT_LIST_ID,
    itemId: freshItemId(event.id, takenIds),
    entries: [
      ...first.map((f) => entryFor(f.field, f.values, true)),
      ...rest.map((f) => entryFor(f.field, f.values, false)),
    ],
  };
}

/** Change one entry of the draft. */
export function updateEntry(draft: ExceptionDraft, field: string, patch: Partial<DraftEntry>): ExceptionDraft {
  return { ...draft, entries: draft.entries.map((e) => (e.field === field ? { ...e, ...patch } : e)) };
}

function entryOf(e: DraftEntry): ExceptionEntry {
  switch (e.type) {
    case 'exists':
      return { type: 'exists', field: e.field, operator: e.operator };
    case 'match_any':
      return {
        type: 'match_any',
        field: e.field,
        operator: e.operator,
        value: e.value.split('\n').filter((v) => v.trim() !== ''),
      };
    default:
      return { type: e.type, field: e.field, operator: e.operator, value: e.value };
  }
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** A datetime-local value (`2026-12-24T18:30`, local time) as epoch ms; NaN when it is not one. */
export function parseLocalTime(value: string): number {
  const m = LOCAL_TIME.exec(value.trim());
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map((x) => Number(x ?? '0')) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const t = new Date(y, mo - 1, d, h, mi, sec, Number((m[7] ?? '0').padEnd(3, '0')));
  // Reject what Date rolls over (the 31st of April, 25 o'clock).
  const same = t.getFullYear() === y && t.getMonth() === mo - 1 && t.getDate() === d && t.getHours() === h;
  return same && t.getMinutes() === mi ? t.getTime() : Number.NaN;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Epoch ms as a datetime-local value (local time, to the minute). */
export function localTimeValue(ms: number): string {
  const t = new Date(ms);
  return `${pad(t.getFullYear(), 4)}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** The draft's expiry as Kibana's `expire_time` (ISO 8601, UTC); undefined without one or when it is not a time. */
export function draftExpireTime(draft: ExceptionDraft): string | undefined {
  const t = parseLocalTime(draft.expires ?? '');
  return draft.expires?.trim() && !Number.isNaN(t) ? new Date(t).toISOString() : undefined;
}

/** What is wrong with the expiry at `now`: not a date and time, or already past (Kibana applies no expired item). */
export function expiryProblem(draft: ExceptionDraft, now: number): string | undefined {
  const value = draft.expires?.trim() ?? '';
  if (value === '') return undefined;
  const t = parseLocalTime(value);
  if (Number.isNaN(t)) return 'The expiry is not a date and time: give the day and the time, or clear it.';
  if (t > now) return undefined;
  return `The expiry ${value.replace('T', ' ')} has passed: an expired item does not apply, so it would remove nothing. Pick a later time, or clear it for an item that does not expire.`;
}

/** What is wrong with the draft at `now`, or undefined when it is an item. */
export function draftProblem(draft: ExceptionDraft, now: number): string | undefined {
  const on = draft.entries.filter((e) => e.on);
  if (on.length === 0) return 'Tick at least one field.';
  if (draft.name.trim() === '') return 'The item needs a name.';
  if (draft.listId.trim() === '' || draft.itemId.trim() === '') return 'The item needs a list id and an item id.';
  const empty = on.find((e) => e.type !== 'exists' && e.value.trim() === '');
  return empty ? `${empty.field} needs a value.` : expiryProblem(draft, now);
}

/** The exception item the draft describes at `now` (undefined while it has a problem). */
export function itemOfDraft(draft: ExceptionDraft, now: number): ExceptionItem | undefined {
  if (draftProblem(draft, now)) return undefined;
  const expireTime = draftExpireTime(draft);
  return {
    item_id: draft.itemId.trim(),
    list_id: draft.listId.trim(),
    name: draft.name.trim(),
    description: `Added in the EQL playground from event ${draft.eventId}`,
    namespace_type: 'single',
    os_types: [],
    tags: [],
    entries: draft.entries.filter((e) => e.on).map(entryOf),
    ...(expireTime ? { expire_time: expireTime } : {}),
  };
}

/**
 * A file for the pane: a value list when it is a `.txt` or `.csv` file (Kibana's value list
 * import), unless it holds JSON; otherwise exceptions.
 */
export function fileKind(name: string, text: string): 'value-list' | 'exceptions' {
  if (!/\.(txt|csv)$/i.test(name)) return 'exceptions';
  const start = text.trimStart()[0];
  return start === '{' || start === '[' ? 'exceptions' : 'value-list';
}

/** The pane's document with a value list added (a list of the same name replaced). */
export function withValueList(doc: ExceptionsDoc | undefined, list: ValueListText): ExceptionsDoc {
  const lists = (doc?.valueLists ?? []).filter((l) => l.name !== list.name);
  return { text: doc?.text ?? '', valueLists: [...lists, list] };
}

export function withoutValueList(doc: ExceptionsDoc | undefined, name: string): ExceptionsDoc {
  return { text: doc?.text ?? '', valueLists: (doc?.valueLists ?? []).filter((l) => l.name !== name) };
}

/** One entry in words: `process.name is "bash"`, `file.path is not matching "/etc/*"`. */
export function entryText(e: ExceptionEntry): string {
  const not = 'operator' in e && e.operator === 'excluded';
  switch (e.type) {
    case 'match':
      return `${e.field} ${not ? 'is not' : 'is'} "${e.value}"`;
    case 'match_any':
      return `${e.field} ${not ? 'is not one of' : 'is one of'} ${e.value.map((v) => `"${v}"`).join(', ')}`;
    case 'wildcard':
      return `${e.field} ${not ? 'does not match' : 'matches'} "${e.value}"`;
    case 'exists':
      return `${e.field} ${not ? 'does not exist' : 'exists'}`;
    case 'list':
      return `${e.field} ${not ? 'is not in list' : 'is in list'} ${e.list.id}`;
    case 'nested':
      return `${e.field} has an object where ${e.entries.map(entryText).join(' and ')}`;
  }
}
