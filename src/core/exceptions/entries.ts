/**
 * Exception entries compiled to tests on one event, with Kibana's Query DSL semantics:
 *
 *   match      match_phrase (a term on keyword, ip, numeric, date, boolean fields; a phrase on text)
 *   match_any  a should of match_phrase, one per value
 *   wildcard   wildcard query (case-sensitive; `\` escapes)
 *   exists     exists query
 *   list       terms over the list's values; ip_range lists: a range per `a-b` value, terms for CIDRs
 *   nested     nested query: every child entry holds within one object of the nested array
 *
 * `operator: excluded` wraps the entry in `must_not`, which holds for an event that lacks the
 * field: the trap this module explains in `MatchedEntry.note`.
 */
import type { Schema } from '../schema/types';
import { fieldSpec, phraseTest, rangeTest, termTest, wildcardTest, type FieldSpec, type ValueTest } from './fields';
import { unescapeWildcard } from './text-match';
import type { EntryList, EntryNested, ExceptionEntry, MatchedEntry, NestedChildEntry } from './types';

type Doc = Record<string, unknown>;

export interface CompiledEntry {
  readonly entry: ExceptionEntry;
  /** The entry (with its operator) holds for the event. */
  readonly holds: (doc: Doc) => boolean;
  /** What matched, for an entry that holds. */
  readonly explain: (doc: Doc) => MatchedEntry;
}

/** A problem compiling an entry: Elasticsearch would reject the query, or Kibana skip the item. */
export type EntryProblem =
  | { readonly kind: 'search-fails' | 'not-applied'; readonly message: string }
  | { readonly kind: 'unknown-field'; readonly field: string }
  | { readonly kind: 'backslash'; readonly field: string; readonly value: string; readonly meaning: string };

export interface EntryContext {
  readonly schema: Schema;
  /** The values of a list read as `type`, or undefined when the list is not loaded. */
  readonly listValues: (id: string, type: string) => readonly string[] | undefined;
  readonly problems: EntryProblem[];
}

/** Kibana applies value lists of these types in the rule's filter (others are skipped). */
export const PROCESSABLE_LIST_TYPES: ReadonlySet<string> = new Set(['keyword', 'ip', 'ip_range']);
/** Lists longer than this are not put in the filter (Kibana: MAXIMUM_SMALL_VALUE_LIST_SIZE). */
export const MAX_SMALL_LIST = 65536;
/** ip_range lists with more `a-b` values than this are skipped (MAXIMUM_SMALL_IP_RANGE_VALUE_LIST_DASH_SIZE). */
export const MAX_IP_RANGE_DASH = 200;

const NEVER = () => false;

function unwrap(t: ValueTest, ctx: EntryContext, field: string): (v: unknown) => boolean {
  if (t.ok) return t.test;
  ctx.problems.push({ kind: 'search-fails', message: `${field}: ${t.message}` });
  return NEVER;
}

function anyValue(spec: FieldSpec, test: (v: unknown) => boolean): (doc: Doc) => boolean {
  const raw = spec.raw;
  if (raw) {
    return (doc) => {
      const v = raw(doc);
      if (v === undefined || v === null) return false;
      if (!Array.isArray(v)) return test(v);
      for (let i = 0; i < v.length; i++) if (test(v[i])) return true;
      return false;
    };
  }
  return (doc) => {
    const values = spec.read(doc);
    for (let i = 0; i < values.length; i++) if (test(values[i])) return true;
    return false;
  };
}

function hasLeaf(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (Array.isArray(v)) return v.some(hasLeaf);
  if (typeof v === 'object') return Object.values(v as Doc).some(hasLeaf);
  return true;
}

function eventValue(spec: FieldSpec, doc: Doc): unknown {
  const v = spec.read(doc);
  return v.length === 0 ? undefined : v.length === 1 ? v[0] : v;
}

/** The plain-words note for an entry that held. */
function noteFor(entry: ExceptionEntry, value: unknown): string | undefined {
  if (entry.type === 'nested') return undefined;
  if (entry.operator === 'excluded' && value === undefined) {
    return `${entry.field} is missing from this event. An "is not" (excluded) entry is a must_not, and must_not holds for an event without the field, so this entry matches`;
  }
  if (Array.isArray(value) && value.length > 1) {
    return `${entry.field} has ${value.length} values; the query matches when any one of them does`;
  }
  return undefined;
}

function leafTest(entry: Exclude<ExceptionEntry, EntryNested | EntryList>, spec: FieldSpec, ctx: EntryContext) {
  switch (entry.type) {
    case 'match':
      return anyValue(spec, unwrap(phraseTest(spec, entry.value), ctx, entry.field));
    case 'match_any': {
      const tests = entry.value.map((v) => unwrap(phraseTest(spec, v), ctx, entry.field));
      return anyValue(spec, (v) => tests.some((t) => t(v)));
    }
    case 'wildcard': {
      const plain = unescapeWildcard(entry.value);
      if (hasLoneBackslash(entry.value)) {
        ctx.problems.push({ kind: 'backslash', field: entry.field, value: entry.value, meaning: plain.text });
      }
      return anyValue(spec, unwrap(wildcardTest(spec, entry.value), ctx, entry.field));
    }
    case 'exists':
      return (doc: Doc) => spec.read(doc).some(hasLeaf);
  }
}

/** A backslash that escapes an ordinary character (so it vanishes): likely an unescaped Windows path. */
export function hasLoneBackslash(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '\\') continue;
    const next = pattern[i + 1];
    if (next === '\\' || next === '*' || next === '?') i++;
    else if (next !== undefined) return true;
  }
  return false;
}

/** The value test of a `list` entry, or undefined when Kibana would not apply the item. */
function listTest(entry: EntryList, spec: FieldSpec, ctx: EntryContext): ((v: unknown) => boolean) | undefined {
  const type = entry.list.type;
  if (!PROCESSABLE_LIST_TYPES.has(type)) {
    ctx.problems.push({
      kind: 'not-applied',
      message: `value list ${entry.list.id} has type ${type}; only keyword, ip and ip_range lists are applied`,
    });
    return undefined;
  }
  const values = ctx.listValues(entry.list.id, type);
  if (!values) {
    ctx.problems.push({ kind: 'not-applied', message: `value list ${entry.list.id} is not loaded` });
    return undefined;
  }
  if (values.length > MAX_SMALL_LIST) {
    ctx.problems.push({
      kind: 'not-applied',
      message: `value list ${entry.list.id} has more than ${MAX_SMALL_LIST} values`,
    });
    return undefined;
  }
  const tests: ((v: unknown) => boolean)[] = [];
  if (type === 'ip_range') {
    const dashed = values.filter((v) => v.includes('-'));
    if (dashed.length > MAX_IP_RANGE_DASH) {
      ctx.problems.push({
        kind: 'not-applied',
        message: `value list ${entry.list.id} has more than ${MAX_IP_RANGE_DASH} ranges written a-b`,
      });
      return undefined;
    }
    for (const d of dashed) {
      const [gte = '', lte = ''] = d.split('-');
      tests.push(unwrap(rangeTest(spec, gte, lte), ctx, entry.field));
    }
    for (const v of values) if (!v.includes('-')) tests.push(unwrap(termTest(spec, v), ctx, entry.field));
  } else if (spec.kind === 'keyword' && !spec.lowercase) {
    const set = new Set(values);
    tests.push((v) => {
      const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
      return s !== undefined && set.has(s);
    });
  } else {
    for (const v of values) tests.push(unwrap(termTest(spec, v), ctx, entry.field));
  }
  return (v) => tests.some((t) => t(v));
}

function describe(entry: ExceptionEntry): Pick<MatchedEntry, 'value' | 'list' | 'operator'> {
  switch (entry.type) {
    case 'nested':
      return {};
    case 'exists':
      return { operator: entry.operator };
    case 'list':
      return { operator: entry.operator, list: entry.list };
    default:
      return { operator: entry.operator, value: entry.value };
  }
}

/** Compile a non-nested entry; `path` is the relative path inside a nested object. */
function compileLeafEntry(
  entry: Exclude<ExceptionEntry, EntryNested>,
  name: string,
  ctx: EntryContext,
  path?: readonly string[],
): CompiledEntry | undefined {
  const spec = fieldSpec(name, ctx.schema, path);
  if (!spec.known) ctx.problems.push({ kind: 'unknown-field', field: name });
  let positive: (doc: Doc) => boolean;
  if (entry.type === 'list') {
    const t = listTest(entry, spec, ctx);
    if (!t) return undefined;
    positive = anyValue(spec, t);
  } else {
    positive = leafTest(entry, spec, ctx);
  }
  const holds = entry.operator === 'excluded' ? (doc: Doc) => !positive(doc) : positive;
  return {
    entry,
    holds,
    explain: (doc) => {
      const value = eventValue(spec, doc);
      const note = noteFor(entry, value);
      return {
        type: entry.type,
        field: entry.field,
        ...describe(entry),
        ...(value !== undefined ? { eventValue: value } : {}),
        ...(note ? { note } : {}),
      };
    },
  };
}

function objectsAt(path: readonly string[], doc: Doc): Doc[] {
  let cur: unknown[] = [doc];
  for (const key of path) {
    const next: unknown[] = [];
    for (const c of cur) {
      if (c === null || typeof c !== 'object' || Array.isArray(c)) continue;
      const v = (c as Doc)[key];
      if (Array.isArray(v)) next.push(...v);
      else if (v !== undefined && v !== null) next.push(v);
    }
    cur = next;
  }
  return cur.filter((c): c is Doc => c !== null && typeof c === 'object' && !Array.isArray(c));
}

function compileNested(entry: EntryNested, ctx: EntryContext): CompiledEntry | undefined {
  const mapped = ctx.schema.get(entry.field);
  if (mapped?.type !== 'nested') {
    ctx.problems.push({
      kind: 'search-fails',
      message: `[nested] nested object under path [${entry.field}] is not of nested type${mapped ? ` (it is mapped as ${mapped.type})` : ' (the path is not mapped)'}`,
    });
  }
  const path = entry.field.split('.');
  const children: CompiledEntry[] = [];
  for (const child of entry.entries) {
    const c = compileLeafEntry(child as NestedChildEntry, `${entry.field}.${child.field}`, ctx, child.field.split('.'));
    if (!c) return undefined;
    children.push(c);
  }
  const matching = (doc: Doc) => objectsAt(path, doc).find((o) => children.every((c) => c.holds(o)));
  return {
    entry,
    holds: (doc) => matching(doc) !== undefined,
    explain: (doc) => {
      const o = matching(doc);
      return { type: 'nested', field: entry.field, entries: o ? children.map((c) => c.explain(o)) : [] };
    },
  };
}

/** Compile one entry; undefined when Kibana would not apply its item (problems say why). */
export function compileEntry(entry: ExceptionEntry, ctx: EntryContext): CompiledEntry | undefined {
  return entry.type === 'nested' ? compileNested(entry, ctx) : compileLeafEntry(entry, entry.field, ctx);
}
