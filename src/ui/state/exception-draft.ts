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

/** What is wrong with the draft, or undefined when it is an item. */
export function draftProblem(draft: ExceptionDraft): string | undefined {
  const on = draft.entries.filter((e) => e.on);
  if (on.length === 0) return 'Tick at least one field.';
  if (draft.name.trim() === '') return 'The item needs a name.';
  if (draft.listId.trim() === '' || draft.itemId.trim() === '') return 'The item needs a list id and an item id.';
  const empty = on.find((e) => e.type !== 'exists' && e.value.trim() === '');
  return empty ? `${empty.field} needs a value.` : undefined;
}

/** The exception item the draft describes (undefined while it has a problem). */
export function itemOfDraft(draft: ExceptionDraft): ExceptionItem | undefined {
  if (draftProblem(draft)) return undefined;
  return {
    item_id: draft.itemId.trim(),
    list_id: draft.listId.trim(),
    name: draft.name.trim(),
    description: `Added in the EQL playground from event ${draft.eventId}`,
    namespace_type: 'single',
    os_types: [],
    tags: [],
    entries: draft.entries.filter((e) => e.on).map(entryOf),
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
