/**
 * Exception items compiled once per evaluation, as Kibana applies them to a rule run: expired
 * items (`expire_time` before the run's start) are dropped; items Kibana cannot put in the
 * filter (value lists missing, of another type than keyword/ip/ip_range, or too large) are not
 * applied; `os_types` adds "host.os.type or host.os.name.caseless is one of the OS types";
 * entries are ANDed, items ORed.
 */
import { Exceptions } from '../diagnostics/exceptions';
import { diagnosticAt, type Message } from '../diagnostics/table';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { parseDateWithFormat } from '../runtime/dates';
import type { Schema } from '../schema/types';
import { compileEntry, type CompiledEntry, type EntryContext, type EntryProblem } from './entries';
import type { ExceptionInput, ExceptionItem, ExceptionRef, ExceptionStat, MatchedEntry, ValueList } from './types';
import { validListValues } from './value-lists';

type Doc = Record<string, unknown>;

export interface CompiledItem {
  readonly ref: ExceptionRef;
  readonly item: ExceptionItem;
  /** Index of the item in the input (for its stat). */
  readonly index: number;
  readonly test: (doc: Doc) => boolean;
  /** The entries that held (os_types first), for an event the item removes. */
  readonly explain: (doc: Doc) => readonly MatchedEntry[];
}

export interface CompiledExceptions {
  /** The items that apply, in input order. */
  readonly items: readonly CompiledItem[];
  /** One per input item, counts zero. */
  readonly stats: ExceptionStat[];
  readonly diagnostics: readonly Diagnostic[];
}

export function refOf(item: ExceptionItem): ExceptionRef {
  return { list_id: item.list_id, item_id: item.item_id, name: item.name };
}

export function listsById(lists: readonly ValueList[] | undefined): Map<string, ValueList> {
  const m = new Map<string, ValueList>();
  for (const l of lists ?? []) {
    m.set(l.id, l);
    // Kibana names an imported list after its file: "ips.txt" is also found as "ips".
    const base = l.id.replace(/\.(txt|csv)$/i, '');
    if (!m.has(base)) m.set(base, l);
  }
  return m;
}

/** List values by id, validated once per list for the type it is read as. */
export function listReader(lists: readonly ValueList[] | undefined, diagnostics: Diagnostic[]) {
  const byId = listsById(lists);
  const cache = new Map<string, readonly string[]>();
  return (id: string, type: string): readonly string[] | undefined => {
    const list = byId.get(id);
    if (!list) return undefined;
    const key = `${list.id}\u0000${list.type ?? type}`;
    let values = cache.get(key);
    if (!values) {
      values = validListValues(list, list.type ?? type, diagnostics);
      cache.set(key, values);
    }
    return values;
  };
}

function problemMessage(item: ExceptionItem, p: EntryProblem): Message {
  switch (p.kind) {
    case 'search-fails':
      return Exceptions.SearchFails.item(item.name, item.item_id, p.message);
    case 'not-applied':
      return Exceptions.NotApplied.item(item.name, item.item_id, p.message);
    case 'unknown-field':
      return Exceptions.UnknownField.field(item.name, item.item_id, p.field);
    case 'backslash':
      return Exceptions.WildcardBackslash.value(item.name, item.item_id, p.field, p.value, p.meaning);
  }
}

/** A message placed at the item in its exceptions file. */
function itemDiagnostic(item: ExceptionItem, m: Message): Diagnostic {
  return diagnosticAt(m, item.origin?.range ?? { start: 0, end: 0 }, 'exceptions', item.origin?.file);
}

const OS_NOTE = 'from os_types: the item applies where host.os.type or host.os.name.caseless is one of its OS types';

/** The os_types condition: host.os.type or host.os.name.caseless matches one of the types. */
function osCondition(item: ExceptionItem, ctx: EntryContext): CompiledEntry[] | undefined {
  const types = item.os_types ?? [];
  if (types.length === 0) return undefined;
  const out: CompiledEntry[] = [];
  for (const field of ['host.os.type', 'host.os.name.caseless']) {
    for (const os of types) {
      const quiet: EntryContext = { ...ctx, problems: [] };
      const c = compileEntry({ type: 'match', field, operator: 'included', value: os }, quiet);
      if (c) out.push(c);
    }
  }
  return out;
}

function compileItem(
  item: ExceptionItem,
  index: number,
  ctx: EntryContext,
): { item?: CompiledItem; problems: EntryProblem[] } {
  const problems: EntryProblem[] = [];
  const local: EntryContext = { ...ctx, problems };
  const entries: CompiledEntry[] = [];
  for (const e of item.entries) {
    const c = compileEntry(e, local);
    if (!c) return { problems };
    entries.push(c);
  }
  const os = osCondition(item, local);
  const allEntries =
    entries.length === 1
      ? entries[0]!.holds
      : (doc: Doc) => {
          for (let i = 0; i < entries.length; i++) if (!entries[i]!.holds(doc)) return false;
          return true;
        };
  const anyOs = (doc: Doc) => {
    for (let i = 0; i < os!.length; i++) if (os![i]!.holds(doc)) return true;
    return false;
  };
  const test = os ? (doc: Doc) => allEntries(doc) && anyOs(doc) : allEntries;
  const explain = (doc: Doc): MatchedEntry[] => {
    const out: MatchedEntry[] = [];
    const o = os?.find((c) => c.holds(doc));
    if (o) out.push({ ...o.explain(doc), note: OS_NOTE });
    for (const e of entries) out.push(e.explain(doc));
    return out;
  };
  return { item: { ref: refOf(item), item, index, test, explain }, problems };
}

function expiredAt(item: ExceptionItem, at: number | undefined): number | undefined {
  if (at === undefined || item.expire_time === undefined) return undefined;
  const t = parseDateWithFormat(item.expire_time, undefined);
  return !Number.isNaN(t) && t < at ? t : undefined;
}

/** Compile the items that apply at `input.at`, with a stat per item and located problems. */
export function compileExceptions(input: ExceptionInput, schema: Schema): CompiledExceptions {
  const items: CompiledItem[] = [];
  const stats: ExceptionStat[] = [];
  const diagnostics: Diagnostic[] = [];
  const ctx: EntryContext = { schema, listValues: listReader(input.valueLists, diagnostics), problems: [] };
  input.items.forEach((item, index) => {
    const ref = refOf(item);
    const expired = expiredAt(item, input.at);
    if (expired !== undefined) {
      const when = new Date(expired).toISOString();
      stats.push({ exception: ref, status: 'expired', reason: `expired ${when}`, removed: 0, removedMatching: 0 });
      diagnostics.push(itemDiagnostic(item, Exceptions.Expired.item(item.name, item.item_id, when)));
      return;
    }
    const r = compileItem(item, index, ctx);
    for (const p of r.problems) diagnostics.push(itemDiagnostic(item, problemMessage(item, p)));
    if (!r.item) {
      const notApplied = r.problems.find((p) => p.kind === 'not-applied');
      const reason = notApplied && 'message' in notApplied ? notApplied.message : 'not applied';
      stats.push({ exception: ref, status: 'not-applied', reason, removed: 0, removedMatching: 0 });
      return;
    }
    stats.push({ exception: ref, status: 'applied', removed: 0, removedMatching: 0 });
    items.push(r.item);
  });
  return { items, stats, diagnostics };
}
