/**
 * The Query DSL Kibana builds from a rule's exception items and sends as the `_eql/search`
 * request's `filter` (see docs/semantics.md, "Rule exceptions", for the sources):
 *
 *   match      bool { minimum_should_match: 1, should: [ match_phrase { field: value } ] }
 *   match_any  the same with one value; else a should of one such bool per value
 *   wildcard   bool { filter: wildcard { field: value } }
 *   exists     bool { minimum_should_match: 1, should: [ exists { field } ] }
 *   list       bool { filter (must_not when excluded): terms { field: values } }
 *   ip_range   bool { should (must_not when excluded): [ range per a-b value, terms of CIDRs ], minimum_should_match: 1 }
 *   nested     nested { path, query: the child (or bool { filter: children }), score_mode: none }
 *   excluded   bool { must_not: the entry's clause } (lists and ip_range swap the occurrence instead)
 *
 * An item is its entry clause, or bool { filter: entries }; with os_types, one such bool per
 * OS type and field (host.os.type, then host.os.name.caseless). Items without value lists come
 * first, then items with value lists; expired and unprocessable items are left out. Kibana
 * negates the whole `bool { should: items }` into the request filter's `must_not`.
 */
import { MAX_IP_RANGE_DASH, MAX_SMALL_LIST, PROCESSABLE_LIST_TYPES } from './entries';
import { parseDateWithFormat } from '../runtime/dates';
import { listReader } from './compile';
import type { ExceptionEntry, ExceptionInput, ExceptionItem } from './types';

export type QueryDsl = Record<string, unknown>;

function wrapExcluded(operator: 'included' | 'excluded', clause: QueryDsl): QueryDsl {
  return operator === 'excluded' ? { bool: { must_not: clause } } : clause;
}

function phrase(field: string, value: string): QueryDsl {
  return { bool: { minimum_should_match: 1, should: [{ match_phrase: { [field]: value } }] } };
}

function listClause(
  field: string,
  operator: 'included' | 'excluded',
  type: string,
  values: readonly string[],
): QueryDsl {
  if (type === 'ip_range') {
    const clauses: QueryDsl[] = values
      .filter((v) => v.includes('-'))
      .map((v) => {
        const [gte, lte] = v.split('-');
        return { range: { [field]: { gte, lte } } };
      });
    const cidrs = values.filter((v) => !v.includes('-'));
    if (cidrs.length > 0) clauses.push({ terms: { [field]: cidrs } });
    return { bool: { [operator === 'excluded' ? 'must_not' : 'should']: clauses, minimum_should_match: 1 } };
  }
  return { bool: { [operator === 'excluded' ? 'must_not' : 'filter']: { terms: { [field]: values } } } };
}

type Lists = (id: string, type: string) => readonly string[] | undefined;

/** The clause of one entry, or undefined when Kibana could not build it (value list problems). */
function entryClause(entry: ExceptionEntry, lists: Lists, parent?: string): QueryDsl | undefined {
  const field = parent !== undefined ? `${parent}.${entry.field}` : entry.field;
  switch (entry.type) {
    case 'match':
      return wrapExcluded(entry.operator, phrase(field, entry.value));
    case 'match_any': {
      const base =
        entry.value.length === 1
          ? phrase(field, entry.value[0]!)
          : { bool: { minimum_should_match: 1, should: entry.value.map((v) => phrase(field, v)) } };
      return wrapExcluded(entry.operator, base);
    }
    case 'wildcard':
      return wrapExcluded(entry.operator, { bool: { filter: { wildcard: { [field]: entry.value } } } });
    case 'exists':
      return wrapExcluded(entry.operator, { bool: { minimum_should_match: 1, should: [{ exists: { field } }] } });
    case 'list': {
      const values = lists(entry.list.id, entry.list.type);
      if (!values || !PROCESSABLE_LIST_TYPES.has(entry.list.type) || values.length > MAX_SMALL_LIST) return undefined;
      if (entry.list.type === 'ip_range' && values.filter((v) => v.includes('-')).length > MAX_IP_RANGE_DASH)
        return undefined;
      return listClause(field, entry.operator, entry.list.type, values);
    }
    case 'nested': {
      const children = entry.entries.map((c) => entryClause(c, lists, entry.field));
      if (children.some((c) => c === undefined)) return undefined;
      const query = children.length === 1 ? children[0]! : { bool: { filter: children } };
      return { nested: { path: entry.field, query, score_mode: 'none' } };
    }
  }
}

/** The clauses one item contributes to the `should`, or undefined when Kibana skips it. */
export function itemClauses(item: ExceptionItem, lists: Lists): QueryDsl[] | undefined {
  const entries: QueryDsl[] = [];
  for (const e of item.entries) {
    const c = entryClause(e, lists);
    if (!c) return undefined;
    entries.push(c);
  }
  const os = item.os_types ?? [];
  if (os.length > 0) {
    const out: QueryDsl[] = [];
    for (const field of ['host.os.type', 'host.os.name.caseless']) {
      for (const t of os) out.push({ bool: { filter: [phrase(field, t), ...entries] } });
    }
    return out;
  }
  return entries.length === 1 ? entries : [{ bool: { filter: entries } }];
}

function hasList(e: ExceptionEntry): boolean {
  return e.type === 'list' || (e.type === 'nested' && e.entries.some(hasList));
}

/**
 * The exception filter Kibana builds (`bool.should` of the items that apply at `input.at`), or
 * undefined when no item applies.
 */
export function exceptionQuery(input: ExceptionInput): QueryDsl | undefined {
  const lists = listReader(input.valueLists, []);
  const live = input.items.filter((i) => {
    if (input.at === undefined || i.expire_time === undefined) return true;
    const t = parseDateWithFormat(i.expire_time, undefined);
    return Number.isNaN(t) || t >= input.at;
  });
  const ordered = [...live.filter((i) => !i.entries.some(hasList)), ...live.filter((i) => i.entries.some(hasList))];
  const should: QueryDsl[] = [];
  for (const item of ordered) {
    const c = itemClauses(item, lists);
    if (c) should.push(...c);
  }
  return should.length > 0 ? { bool: { should } } : undefined;
}

/**
 * The `_eql/search` request's `filter` as Kibana sends it for these exceptions: the exception
 * query negated (Kibana's `buildEsQuery` puts a negated filter in `must_not`). Kibana also adds
 * a range on the timestamp for the rule's look-back window; that part is left out here.
 */
export function exceptionRequestFilter(input: ExceptionInput): QueryDsl | undefined {
  const q = exceptionQuery(input);
  if (!q) return undefined;
  return { bool: { must: [], filter: [], should: [], must_not: [q] } };
}
