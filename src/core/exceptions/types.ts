/**
 * Kibana rule exceptions as the playground holds them: exception items (what the exception list
 * API and Kibana's export carry), their entries, and value lists for `list` entries. The shapes
 * follow Kibana's exception list item schema (field names as in the API), so items read from an
 * export write back unchanged.
 */
import type { Range } from '../ast/nodes';

export type ExceptionOperator = 'included' | 'excluded';
export type OsType = 'linux' | 'macos' | 'windows';

/** Value list types Kibana's value lists know; only `keyword`, `ip` and `ip_range` are applied in a rule's filter. */
export type ValueListType = string;

export interface EntryMatch {
  readonly type: 'match';
  readonly field: string;
  readonly operator: ExceptionOperator;
  readonly value: string;
}

export interface EntryMatchAny {
  readonly type: 'match_any';
  readonly field: string;
  readonly operator: ExceptionOperator;
  readonly value: readonly string[];
}

export interface EntryWildcard {
  readonly type: 'wildcard';
  readonly field: string;
  readonly operator: ExceptionOperator;
  readonly value: string;
}

export interface EntryExists {
  readonly type: 'exists';
  readonly field: string;
  readonly operator: ExceptionOperator;
}

export interface EntryList {
  readonly type: 'list';
  readonly field: string;
  readonly operator: ExceptionOperator;
  readonly list: { readonly id: string; readonly type: ValueListType };
}

/** Entries allowed inside a `nested` entry. */
export type NestedChildEntry = EntryMatch | EntryMatchAny | EntryExists;

export interface EntryNested {
  readonly type: 'nested';
  /** The nested object path, e.g. `file.Ext.code_signature`. */
  readonly field: string;
  /** Fields relative to the path. */
  readonly entries: readonly NestedChildEntry[];
}

export type ExceptionEntry = EntryMatch | EntryMatchAny | EntryWildcard | EntryExists | EntryList | EntryNested;
export type EntryType = ExceptionEntry['type'];

/** Where an item came from, for located problems. */
export interface ExceptionOrigin {
  /** The file (or pane) the item was read from. */
  readonly file?: string;
  /** The item's range in that text. */
  readonly range: Range;
}

/** One exception item. Entries are ANDed; items are ORed. */
export interface ExceptionItem {
  readonly item_id: string;
  readonly list_id: string;
  readonly name: string;
  readonly description?: string;
  readonly namespace_type?: 'single' | 'agnostic';
  readonly os_types?: readonly OsType[];
  readonly entries: readonly ExceptionEntry[];
  /** ISO date; the item no longer applies to rule runs that start after it. */
  readonly expire_time?: string;
  readonly tags?: readonly string[];
  /** Every key the item was read with, for writing it back unchanged. */
  readonly raw?: Readonly<Record<string, unknown>>;
  readonly origin?: ExceptionOrigin;
}

/** An exception list container (the first line of Kibana's exception list export). */
export interface ExceptionListContainer {
  readonly list_id: string;
  readonly name: string;
  readonly description?: string;
  /** `detection`, `rule_default`, `endpoint`, ... */
  readonly type: string;
  readonly namespace_type?: 'single' | 'agnostic';
  readonly raw?: Readonly<Record<string, unknown>>;
  readonly origin?: ExceptionOrigin;
}

/** A value of a value list, with where it sits in the list's text. */
export interface ValueListValue {
  readonly value: string;
  readonly range?: Range;
}

/** A value list (Kibana "lists" API), e.g. imported from a `.txt` file with one value per line. */
export interface ValueList {
  /** The list id entries refer to (`list.id`); Kibana names an imported list after its file. */
  readonly id: string;
  /** When known (else the referring entry's `list.type` is used). */
  readonly type?: ValueListType;
  readonly values: readonly ValueListValue[];
  /** The file it came from, for located problems. */
  readonly file?: string;
}

/** What an evaluation takes: the items, the value lists they refer to, and the rule run's start time. */
export interface ExceptionInput {
  readonly items: readonly ExceptionItem[];
  readonly valueLists?: readonly ValueList[];
  /**
   * When the rule run starts (epoch milliseconds): items whose `expire_time` lies before it do
   * not apply. Without it, expiry is not checked (the core keeps no clock).
   */
  readonly at?: number;
}

/** Names one item in results. */
export interface ExceptionRef {
  readonly list_id: string;
  readonly item_id: string;
  readonly name: string;
}

/** One entry of an item that held for an event, with the event's value. */
export interface MatchedEntry {
  readonly type: EntryType;
  readonly field: string;
  readonly operator?: ExceptionOperator;
  /** The entry's value (`match`, `wildcard`: a string; `match_any`: the values). */
  readonly value?: string | readonly string[];
  readonly list?: { readonly id: string; readonly type: string };
  /** The event's value of the field (undefined when missing). */
  readonly eventValue?: unknown;
  /** For `nested`: the entries that held inside the matching nested object. */
  readonly entries?: readonly MatchedEntry[];
  /** Plain words where Query DSL semantics surprise people (a missing field under `excluded`). */
  readonly note?: string;
}

export type ExceptionStatus = 'applied' | 'expired' | 'not-applied';

/** Per item: how many events it removed, like clause counts for query exclusions. */
export interface ExceptionStat {
  readonly exception: ExceptionRef;
  readonly status: ExceptionStatus;
  /** Why Kibana would not apply the item (`not-applied`), or when it expired. */
  readonly reason?: string;
  /** Events this item removed (an event removed by two items counts for both). */
  readonly removed: number;
  /**
   * Of those, events the query itself matches: events that would alert (event queries), or that
   * satisfy some stage filter (sequences and samples).
   */
  readonly removedMatching: number;
}
