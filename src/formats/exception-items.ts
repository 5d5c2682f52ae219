/**
 * Validating one exception item (or list container) object the way Kibana's exception list
 * schemas do, with problems located in the text: a bad item is left out with an error, a
 * missing piece of metadata Kibana requires is a warning and the item still loads.
 */
import type { Range } from '../core/ast/nodes';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { diagnosticAt, type Message } from '../core/diagnostics/table';
import { ExceptionFiles } from './diagnostics';
import type { ExceptionEntry, ExceptionItem, ExceptionListContainer, NestedChildEntry, OsType } from '../core/index';
import type { JsonScanner } from './json-scan';
import { isObject } from '../core/runtime/values';

type Json = Record<string, unknown>;

export { isObject } from '../core/runtime/values';

/** Reports problems at a value's place in the text. */
export class Locator {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    readonly text: string,
    readonly scanner: JsonScanner,
    readonly file: string | undefined,
  ) {}

  report(m: Message, range: Range): void {
    this.diagnostics.push(diagnosticAt(m, range, 'exceptions', this.file));
  }

  /** The range of `path` (keys and array indices) inside the object at `range`, or `range`. */
  at(range: Range, path: readonly (string | number)[]): Range {
    let start = range.start;
    for (const step of path) {
      const c = this.text.charCodeAt(start);
      if (typeof step === 'string') {
        if (c !== 123) return range;
        const v = this.scanner.findKey(start, step);
        if (v < 0) return range;
        start = v;
      } else {
        if (c !== 91) return range;
        const el = this.scanner.splitArray(start).elements[step];
        if (!el) return range;
        start = el.start;
      }
    }
    return { start, end: Math.max(start + 1, this.scanner.skipValue(start)) };
  }
}

/** An ISO 8601 date, as Kibana's `expire_time` takes it. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const I = ExceptionFiles.InvalidItem;

const OPERATORS = new Set(['included', 'excluded']);
const OS_TYPES = new Set(['linux', 'macos', 'windows']);
const CHILD_TYPES = new Set(['match', 'match_any', 'exists']);

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** One entry; a message when it does not fit Kibana's entry schema. */
function readEntry(e: unknown, nested: boolean): ExceptionEntry | string {
  if (!isObject(e)) return 'an entry must be an object';
  const { type, field, operator } = e;
  if (!nonEmpty(field)) return 'an entry needs a non-empty "field"';
  if (typeof type !== 'string') return `entry ${field}: "type" is missing`;
  if (nested && !CHILD_TYPES.has(type))
    return `entry ${field}: a nested entry may hold only match, match_any and exists entries, not ${type}`;
  if (type === 'nested') {
    if (!Array.isArray(e.entries) || e.entries.length === 0)
      return `nested entry ${field}: "entries" must be a non-empty array`;
    const children: NestedChildEntry[] = [];
    for (const c of e.entries) {
      const r = readEntry(c, true);
      if (typeof r === 'string') return `nested entry ${field}: ${r}`;
      children.push(r as NestedChildEntry);
    }
    return { type, field, entries: children };
  }
  if (typeof operator !== 'string' || !OPERATORS.has(operator))
    return `entry ${field}: "operator" must be "included" or "excluded"`;
  const op = operator as 'included' | 'excluded';
  switch (type) {
    case 'match':
    case 'wildcard':
      if (!nonEmpty(e.value)) return `entry ${field}: a ${type} entry needs a non-empty string "value"`;
      return { type, field, operator: op, value: e.value };
    case 'match_any':
      if (!Array.isArray(e.value) || e.value.length === 0 || !e.value.every(nonEmpty))
        return `entry ${field}: a match_any entry needs "value" as a non-empty array of non-empty strings`;
      return { type, field, operator: op, value: e.value as string[] };
    case 'exists':
      return { type, field, operator: op };
    case 'list': {
      const list = e.list;
      if (!isObject(list) || !nonEmpty(list.id) || !nonEmpty(list.type))
        return `entry ${field}: a list entry needs "list": {"id", "type"}`;
      return { type, field, operator: op, list: { id: list.id, type: list.type } };
    }
    default:
      return `entry ${field}: unknown entry type ${JSON.stringify(type)} (match, match_any, wildcard, exists, list, nested)`;
  }
}

function readEntries(obj: Json, range: Range, loc: Locator): ExceptionEntry[] | undefined {
  if (!Array.isArray(obj.entries) || obj.entries.length === 0) {
    loc.report(I.entries(), loc.at(range, ['entries']));
    return undefined;
  }
  const out: ExceptionEntry[] = [];
  for (let k = 0; k < obj.entries.length; k++) {
    const r = readEntry(obj.entries[k], false);
    if (typeof r === 'string') {
      loc.report(I.entry(r), loc.at(range, ['entries', k]));
      return undefined;
    }
    out.push(r);
  }
  return out;
}

function readOsTypes(obj: Json, range: Range, loc: Locator): OsType[] | undefined | false {
  if (obj.os_types === undefined) return undefined;
  if (!Array.isArray(obj.os_types) || !obj.os_types.every((o) => typeof o === 'string' && OS_TYPES.has(o))) {
    loc.report(I.osTypes(), loc.at(range, ['os_types']));
    return false;
  }
  return obj.os_types as OsType[];
}

/** Read an item object; undefined (with an error) when it cannot be used. */
export function readItem(
  obj: Json,
  range: Range,
  loc: Locator,
  fallbackListId: string | undefined,
  ordinal: number,
): ExceptionItem | undefined {
  const entries = readEntries(obj, range, loc);
  const os = readOsTypes(obj, range, loc);
  if (!entries || os === false) return undefined;
  const listId = nonEmpty(obj.list_id) ? obj.list_id : fallbackListId;
  if (listId === undefined) {
    loc.report(I.listId(), range);
    return undefined;
  }
  if (
    obj.expire_time !== undefined &&
    (typeof obj.expire_time !== 'string' ||
      !ISO_DATE.test(obj.expire_time) ||
      Number.isNaN(Date.parse(obj.expire_time)))
  ) {
    loc.report(I.expireTime(), loc.at(range, ['expire_time']));
    return undefined;
  }
  const itemId = nonEmpty(obj.item_id) ? obj.item_id : `item-${ordinal + 1}`;
  if (!nonEmpty(obj.item_id)) loc.report(I.noItemId(itemId), range);
  const name = nonEmpty(obj.name) ? obj.name : itemId;
  if (!nonEmpty(obj.name)) loc.report(I.noName(), range);
  if (typeof obj.description !== 'string') loc.report(I.noDescription(), range);
  if (obj.type !== undefined && obj.type !== 'simple')
    loc.report(I.itemType(JSON.stringify(obj.type)), loc.at(range, ['type']));
  // Kibana's defaults when a key is absent: namespace "single", no OS types, no tags.
  const ns = obj.namespace_type === 'agnostic' ? 'agnostic' : 'single';
  return {
    item_id: itemId,
    list_id: listId,
    name,
    entries,
    ...(typeof obj.description === 'string' ? { description: obj.description } : {}),
    namespace_type: ns,
    os_types: os ?? [],
    ...(typeof obj.expire_time === 'string' ? { expire_time: obj.expire_time } : {}),
    tags: Array.isArray(obj.tags) ? obj.tags.filter((t): t is string => typeof t === 'string') : [],
    raw: obj,
    origin: { range, ...(loc.file !== undefined ? { file: loc.file } : {}) },
  };
}

/** Read a list container; undefined (with an error) when it is not one. */
export function readContainer(obj: Json, range: Range, loc: Locator): ExceptionListContainer | undefined {
  if (!nonEmpty(obj.list_id) || !nonEmpty(obj.name) || typeof obj.type !== 'string') {
    loc.report(I.list(), range);
    return undefined;
  }
  return {
    list_id: obj.list_id,
    name: obj.name,
    type: obj.type,
    ...(typeof obj.description === 'string' ? { description: obj.description } : {}),
    namespace_type: obj.namespace_type === 'agnostic' ? 'agnostic' : 'single',
    raw: obj,
    origin: { range, ...(loc.file !== undefined ? { file: loc.file } : {}) },
  };
}
