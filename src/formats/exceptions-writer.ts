/**
 * Writing exceptions back for Kibana: the exception list NDJSON its "Import exception list"
 * accepts (container line, item lines, export summary), and the `POST /api/exception_lists/items`
 * request body. The import checks keys exactly, so only the keys its schemas allow are written;
 * both outputs read back into the same items.
 */
import type { ExceptionItem, ExceptionListContainer } from '../core/index';

type Json = Record<string, unknown>;

/** Keys Kibana's exception list import accepts on a list container. */
const LIST_KEYS = [
  'id',
  'list_id',
  'name',
  'description',
  'type',
  'namespace_type',
  'os_types',
  'tags',
  'meta',
  'version',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'tie_breaker_id',
  '_version',
] as const;

/** Keys Kibana's exception list import accepts on an item. */
const ITEM_KEYS = [
  'id',
  'item_id',
  'list_id',
  'name',
  'description',
  'type',
  'namespace_type',
  'os_types',
  'entries',
  'expire_time',
  'tags',
  'comments',
  'meta',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'tie_breaker_id',
  '_version',
] as const;

/** Keys the create-item API takes. */
const CREATE_KEYS = [
  'item_id',
  'list_id',
  'name',
  'description',
  'type',
  'namespace_type',
  'os_types',
  'entries',
  'expire_time',
  'tags',
  'comments',
  'meta',
] as const;

function pick(o: Json, keys: readonly string[]): Json {
  const out: Json = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** The item as an object: what it was read with, updated from its structured fields. */
function itemObject(item: ExceptionItem): Json {
  const o: Json = { ...(item.raw ?? {}) };
  o.item_id = item.item_id;
  o.list_id = item.list_id;
  o.name = item.name;
  o.description = item.description ?? (typeof o.description === 'string' ? o.description : '');
  o.type = 'simple';
  o.entries = item.entries;
  o.namespace_type = item.namespace_type ?? (o.namespace_type === 'agnostic' ? 'agnostic' : 'single');
  o.os_types = item.os_types ?? [];
  o.tags = item.tags ?? (Array.isArray(o.tags) ? o.tags : []);
  if (item.expire_time !== undefined) o.expire_time = item.expire_time;
  else delete o.expire_time;
  if (!Array.isArray(o.comments)) o.comments = [];
  return o;
}

function containerObject(list: ExceptionListContainer | undefined, listId: string): Json {
  const o: Json = { ...(list?.raw ?? {}) };
  o.list_id = listId;
  o.name = list?.name ?? listId;
  o.description = list?.description ?? (typeof o.description === 'string' ? o.description : '');
  o.type = list?.type ?? 'detection';
  o.namespace_type = list?.namespace_type ?? (o.namespace_type === 'agnostic' ? 'agnostic' : 'single');
  if (!Array.isArray(o.os_types)) o.os_types = [];
  if (!Array.isArray(o.tags)) o.tags = [];
  return o;
}

/**
 * Kibana exception list NDJSON: per list, its container line and its items; then the export
 * summary. `lists` supplies container details (name, type); lists the items name but `lists`
 * lacks get a `detection` container named after the list id.
 */
export function exceptionListNdjson(
  items: readonly ExceptionItem[],
  lists: readonly ExceptionListContainer[] = [],
): string {
  const byList = new Map<string, ExceptionItem[]>();
  for (const l of lists) byList.set(l.list_id, []);
  for (const i of items) {
    const group = byList.get(i.list_id);
    if (group) group.push(i);
    else byList.set(i.list_id, [i]);
  }
  const lines: string[] = [];
  for (const [listId, group] of byList) {
    lines.push(
      JSON.stringify(
        pick(
          containerObject(
            lists.find((l) => l.list_id === listId),
            listId,
          ),
          LIST_KEYS,
        ),
      ),
    );
    for (const i of group) lines.push(JSON.stringify(pick(itemObject(i), ITEM_KEYS)));
  }
  lines.push(
    JSON.stringify({
      exported_exception_list_count: byList.size,
      exported_exception_list_item_count: items.length,
      missing_exception_list_item_count: 0,
      missing_exception_list_items: [],
      missing_exception_lists: [],
      missing_exception_lists_count: 0,
    }),
  );
  return `${lines.join('\n')}\n`;
}

/** The body of `POST /api/exception_lists/items` for one item (comments reduced to their text). */
export function createItemBody(item: ExceptionItem): Json {
  const o = pick(itemObject(item), CREATE_KEYS);
  const comments = Array.isArray(o.comments) ? o.comments : [];
  o.comments = comments
    .filter((c): c is Json => typeof c === 'object' && c !== null && typeof (c as Json).comment === 'string')
    .map((c) => ({ comment: c.comment }));
  return o;
}
