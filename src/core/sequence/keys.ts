/**
 * Join keys. A stage's key is the sequence- (or sample-) level `by` fields followed by the
 * term's own `by` fields, compared position by position on typed stored values (a date as
 * epoch milliseconds under its mapping format, an ip as its address, a version by version
 * order, numbers by value, keywords exactly).
 *
 * - A missing or null non-optional key excludes the event from that stage.
 * - An optional key (`?f`) that is missing or null is the key null, and null joins null.
 * - A multi-valued field gives one key per distinct value (nulls dropped, doc-values order);
 *   several multi-valued fields give the Cartesian product, first field outermost.
 */
import type { FieldNode } from '../ast/nodes';
import type { Doc } from '../compile/context';
import { domainOfMappingType, toDomain, versionKey } from '../compile/domain';
import { fieldPath, isKnown } from '../compile/field';
import { ipKey, ipKeyText } from '../runtime/cidr';
import { compileFieldAccessor } from '../runtime/field-access';
import type { Schema } from '../schema/types';
import { formatDate, parseDateWithFormat } from '../runtime/dates';

/** One key value: `id` decides equality, `value` is what results show, `sort` orders groups. */
export interface KeyPart {
  readonly id: string;
  readonly value: unknown;
  readonly sort: number | string | null;
}

/** One join key of one event for one stage: the tuple of key values. */
export interface JoinKey {
  /** Typed identity of the whole tuple (equal ids join). */
  readonly id: string;
  readonly parts: readonly KeyPart[];
}

/** How join-key values are shown: sequences print dates in the field's format, samples as epoch ms. */
export type KeyOutput = 'sequence' | 'sample';

/** The keys of an event for a stage, or the name of the non-optional key field it lacks. */
export type StageKeys = readonly JoinKey[] | { readonly missingField: string };

const NULL_PART: KeyPart = { id: 'z', value: null, sort: null };
const NO_KEYS: readonly JoinKey[] = [{ id: '', parts: [] }];
const SEP = '\u0001';

type PartReader = (doc: Doc) => readonly KeyPart[] | undefined;

/** Compile the reader of one key field: its distinct typed values, or undefined when missing. */
export function compileKeyField(field: FieldNode, schema: Schema, output: KeyOutput): PartReader {
  const name = field.name;
  if (field.optional && !isKnown(name, schema)) {
    const only = [NULL_PART];
    return () => only;
  }
  const info = schema.get(name);
  const target = info?.aliasOf ?? info?.name ?? name;
  const access = compileFieldAccessor(fieldPath(target));
  const domain = info ? domainOfMappingType(info.type) : 'raw';
  const format = info?.format;
  const ignoreAbove = info?.origin === 'mapping' ? info.ignoreAbove : undefined;
  const nullValue = info?.nullValue;

  const convert = (x: unknown): KeyPart | undefined => {
    switch (domain) {
      case 'date':
      case 'date_nanos': {
        const t = parseDateWithFormat(x, format);
        if (Number.isNaN(t)) return undefined;
        return { id: `n${t}`, value: output === 'sample' ? t : formatDate(t, format), sort: t };
      }
      case 'ip': {
        const k = typeof x === 'string' ? ipKey(x) : undefined;
        return k === undefined ? undefined : { id: `i${k}`, value: ipKeyText(k), sort: k };
      }
      case 'version': {
        const k = versionKey(x);
        return k === undefined ? undefined : { id: `v${k}`, value: x, sort: k };
      }
      case 'string': {
        const s = toDomain('string', x);
        if (typeof s !== 'string' || (ignoreAbove !== undefined && s.length > ignoreAbove)) return undefined;
        return { id: `s${s}`, value: s, sort: s };
      }
      case 'number': {
        const n = toDomain('number', x);
        return typeof n === 'number' ? { id: `n${n}`, value: n, sort: n } : undefined;
      }
      case 'boolean': {
        const b = toDomain('boolean', x);
        return typeof b === 'boolean' ? { id: `b${b}`, value: b, sort: b ? 1 : 0 } : undefined;
      }
      default:
        if (typeof x === 'string') return { id: `s${x}`, value: x, sort: x };
        if (typeof x === 'number') return { id: `n${x}`, value: x, sort: x };
        if (typeof x === 'boolean') return { id: `b${x}`, value: x, sort: x ? 1 : 0 };
        return undefined;
    }
  };

  const missing = field.optional ? [NULL_PART] : undefined;
  return (doc) => {
    let v = access(doc);
    if (v === null && nullValue !== undefined) v = nullValue;
    if (v === undefined || v === null) return missing;
    if (!Array.isArray(v)) {
      const p = convert(v);
      return p ? [p] : missing;
    }
    const parts: KeyPart[] = [];
    const seen = new Set<string>();
    for (const x of v) {
      const p = convert(x);
      if (p && !seen.has(p.id)) {
        seen.add(p.id);
        parts.push(p);
      }
    }
    if (parts.length === 0) return missing;
    parts.sort((a, b) => compareSort(a.sort, b.sort));
    return parts;
  };
}

/** Order of key values: null first, then numbers, then strings (code unit order). */
export function compareSort(a: number | string | null, b: number | string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : 1;
}

/** Compare two key tuples position by position. */
export function compareKeys(a: JoinKey, b: JoinKey): number {
  for (let i = 0; i < a.parts.length && i < b.parts.length; i++) {
    const c = compareSort(a.parts[i]!.sort, b.parts[i]!.sort);
    if (c !== 0) return c;
  }
  return a.parts.length - b.parts.length;
}

/** Compile the key reader of a stage: `by` fields of the query, then of the term. */
export function compileStageKeys(
  fields: readonly FieldNode[],
  schema: Schema,
  output: KeyOutput,
): (doc: Doc) => StageKeys {
  if (fields.length === 0) return () => NO_KEYS;
  const readers = fields.map((f) => compileKeyField(f, schema, output));
  if (readers.length === 1) {
    const read = readers[0]!;
    const name = fields[0]!.name;
    return (doc) => {
      const parts = read(doc);
      if (!parts) return { missingField: name };
      if (parts.length === 1) return [{ id: parts[0]!.id, parts }];
      return parts.map((p) => ({ id: p.id, parts: [p] }));
    };
  }
  return (doc) => {
    let tuples: KeyPart[][] = [[]];
    for (let i = 0; i < readers.length; i++) {
      const parts = readers[i]!(doc);
      if (!parts) return { missingField: fields[i]!.name };
      if (parts.length === 1) {
        for (const t of tuples) t.push(parts[0]!);
      } else {
        const next: KeyPart[][] = [];
        for (const t of tuples) for (const p of parts) next.push([...t, p]);
        tuples = next;
      }
    }
    return tuples.map((parts) => ({ id: parts.map((p) => p.id).join(SEP), parts }));
  };
}

/** The values a result shows for a key (`join_keys`). */
export function keyValues(key: JoinKey): unknown[] {
  return key.parts.map((p) => p.value);
}
