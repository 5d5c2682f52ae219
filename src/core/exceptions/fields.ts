/**
 * How an exception entry sees a field: the Query DSL's view, from the field's mapping type
 * (ECS + Elastic Defend + the user's mapping + types inferred from the events). Values are read
 * as Elasticsearch indexes them: arrays flatten, nulls drop (or become `null_value`), keywords
 * longer than a mapping's `ignore_above` are not indexed, and multi-fields (`x.caseless`,
 * `x.text`, `x.keyword`) read their parent's value.
 */
import { toDomain } from '../compile/domain';
import { parseDateWithFormat } from '../runtime/dates';
import { compileCidrs, parseIp } from '../runtime/cidr';
import { compileFieldAccessor } from '../runtime/field-access';
import type { FieldInfo, Schema } from '../schema/types';
import { luceneWildcard, phraseMatches, standardTokens } from './text-match';

/** How a mapping type behaves under term-level queries. */
export type FieldKind = 'keyword' | 'text' | 'ip' | 'long' | 'double' | 'date' | 'boolean' | 'object' | 'other';

export interface FieldSpec {
  /** The full field name the entry names (nested children: path + field). */
  readonly name: string;
  readonly kind: FieldKind;
  /** The mapping type, when known. */
  readonly mappingType: string | undefined;
  /** Known to the schema or present in some event. */
  readonly known: boolean;
  /** Keyword normalizer that lower-cases (Elastic Defend's `.caseless` fields). */
  readonly lowercase: boolean;
  /** Date `format` from the mapping. */
  readonly format?: string;
  /** The indexed values, flat, nulls dropped; empty when the field is missing. */
  readonly read: (doc: Record<string, unknown>) => readonly unknown[];
  /**
   * The same without allocating: a scalar, a flat array, or undefined. Only when `read` would
   * not filter (no `ignore_above` from a mapping); otherwise undefined.
   */
  readonly raw: ((doc: Record<string, unknown>) => unknown) | undefined;
}

const MULTI_FIELD_SUFFIXES: Readonly<Record<string, FieldKind>> = {
  caseless: 'keyword',
  text: 'text',
  keyword: 'keyword',
};

export function kindOfMappingType(type: string | undefined): FieldKind {
  switch (type) {
    case undefined:
    case 'keyword':
    case 'constant_keyword':
    case 'wildcard':
    case 'version':
    case 'flattened':
      return 'keyword';
    case 'text':
    case 'match_only_text':
      return 'text';
    case 'ip':
      return 'ip';
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'unsigned_long':
      return 'long';
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
      return 'double';
    case 'date':
    case 'date_nanos':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'object':
    case 'nested':
      return 'object';
    default:
      return 'other';
  }
}

const EMPTY: readonly unknown[] = Object.freeze([]);

function flat(v: unknown): readonly unknown[] {
  if (v === undefined || v === null) return EMPTY;
  return Array.isArray(v) ? v : [v];
}

/**
 * The field spec of `name`, read from documents at `path` (the nested object's relative path
 * for children of a `nested` entry; the field's own path otherwise).
 */
export function fieldSpec(name: string, schema: Schema, path?: readonly string[]): FieldSpec {
  let info: FieldInfo | undefined = schema.get(name);
  let target = info?.name ?? name;
  let fallback: ((doc: Record<string, unknown>) => unknown) | undefined;
  let kind: FieldKind | undefined;
  const dot = name.lastIndexOf('.');
  const suffix = dot > 0 ? name.slice(dot + 1) : '';
  const parentName = dot > 0 ? name.slice(0, dot) : '';
  // Multi-fields are indexed from their parent's value; events never carry them.
  if (suffix in MULTI_FIELD_SUFFIXES) {
    const parent = schema.get(parentName);
    const parentKind = kindOfMappingType(parent?.type);
    if (parent && (parentKind === 'keyword' || parentKind === 'text')) {
      const rel = path ? path.slice(0, -1) : (parent.name ?? parentName).split('.');
      fallback = compileFieldAccessor(rel);
      if (!info) kind = MULTI_FIELD_SUFFIXES[suffix];
      info ??= { ...parent, name, type: kind === 'text' ? 'match_only_text' : 'keyword' };
      target = name;
    }
  }
  const own = compileFieldAccessor(path ?? target.split('.'));
  const mappingType = info?.type;
  kind ??= kindOfMappingType(mappingType);
  const lowercase = info?.normalizer === 'lowercase';
  const ignoreAbove = info?.origin === 'mapping' ? info.ignoreAbove : undefined;
  const nullValue = info?.nullValue;
  const known = info !== undefined || schema.isMapped(name);
  const raw =
    !fallback && nullValue === undefined
      ? own
      : (doc: Record<string, unknown>): unknown => {
          let v = own(doc);
          if ((v === undefined || v === null) && fallback) v = fallback(doc);
          return v === null ? nullValue : v;
        };
  const read = (doc: Record<string, unknown>): readonly unknown[] => {
    const values = flat(raw(doc));
    return ignoreAbove === undefined ? values : values.filter((x) => typeof x !== 'string' || x.length <= ignoreAbove);
  };
  return {
    name,
    kind,
    mappingType,
    known,
    lowercase,
    read,
    raw: ignoreAbove === undefined ? raw : undefined,
    ...(info?.format !== undefined ? { format: info.format } : {}),
  };
}

/** A test on one indexed value, or the error Elasticsearch would raise building the query. */
export type ValueTest =
  | { readonly ok: true; readonly test: (v: unknown) => boolean }
  | { readonly ok: false; readonly message: string };

const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

function keywordOf(spec: FieldSpec, v: unknown): string | undefined {
  const s = toDomain('string', v);
  if (s === undefined || typeof s !== 'string') return undefined;
  return spec.lowercase ? s.toLowerCase() : s;
}

function numberTest(spec: FieldSpec, value: string): ValueTest {
  if (!DECIMAL.test(value)) return { ok: false, message: `For input string: "${value}"` };
  const n = Number(value);
  // A term with a fractional part matches no value of an integer field.
  if (spec.kind === 'long' && !Number.isInteger(n)) return { ok: true, test: () => false };
  return {
    ok: true,
    test: (v) => {
      const x = toDomain('number', v);
      if (typeof x !== 'number') return false;
      return (spec.kind === 'long' ? Math.trunc(x) : x) === n;
    },
  };
}

/** ISO forms that stop before the millisecond, and how long the period they name lasts. */
const PARTIAL_DATES: readonly [RegExp, number | 'month' | 'year'][] = [
  [/^\d{4}$/, 'year'],
  [/^\d{4}-\d{2}$/, 'month'],
  [/^\d{4}-\d{2}-\d{2}$/, 86_400_000],
  [/^\d{4}-\d{2}-\d{2}T\d{2}(?:Z|[+-]\d{2}:?\d{2})?$/, 3_600_000],
  [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?:Z|[+-]\d{2}:?\d{2})?$/, 60_000],
  [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:?\d{2})?$/, 1000],
];

/**
 * The instants a date term names: a date given to the day (hour, minute, second) matches that
 * whole period, as a term query on a date field rounds its upper bound up; a full time or epoch
 * milliseconds name one millisecond. Undefined when the field's format does not read it.
 */
function dateTermRange(value: string, format: string | undefined): readonly [number, number] | undefined {
  const lo = parseDateWithFormat(value, format);
  if (Number.isNaN(lo)) return undefined;
  const partial = format === undefined ? PARTIAL_DATES.find(([re]) => re.test(value.trim())) : undefined;
  if (!partial) return [lo, lo];
  const span = partial[1];
  if (typeof span === 'number') return [lo, lo + span - 1];
  const d = new Date(lo);
  if (span === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return [lo, d.getTime() - 1];
}

/** `term` semantics (also `match_phrase` on a non-text field, and each value of `terms`). */
export function termTest(spec: FieldSpec, value: string): ValueTest {
  switch (spec.kind) {
    case 'keyword': {
      const want = spec.lowercase ? value.toLowerCase() : value;
      if (spec.lowercase) return { ok: true, test: (v) => keywordOf(spec, v) === want };
      return { ok: true, test: (v) => v === want || (typeof v !== 'string' && keywordOf(spec, v) === want) };
    }
    case 'text':
      // A term is not analyzed: it must equal one indexed token.
      return { ok: true, test: (v) => typeof v === 'string' && standardTokens(v).includes(value) };
    case 'ip': {
      const cidr = compileCidrs([value]);
      if (!cidr.ok) return { ok: false, message: cidr.message };
      return {
        ok: true,
        test: (v) => typeof v === 'string' && cidr.test(v),
      };
    }
    case 'long':
    case 'double':
      return numberTest(spec, value);
    case 'date': {
      const range = dateTermRange(value, spec.format);
      if (!range)
        return {
          ok: false,
          message: `failed to parse date field [${value}] with format [strict_date_optional_time||epoch_millis]`,
        };
      return {
        ok: true,
        test: (v) => {
          const t = parseDateWithFormat(v, spec.format);
          return t >= range[0] && t <= range[1];
        },
      };
    }
    case 'boolean': {
      if (value !== 'true' && value !== 'false')
        return { ok: false, message: `Can't parse boolean value [${value}], expected [true] or [false]` };
      const want = value === 'true';
      return { ok: true, test: (v) => toDomain('boolean', v) === want };
    }
    case 'object':
      // An object is not a field: the query finds nothing to match.
      return { ok: true, test: () => false };
    default:
      return { ok: false, message: `Field [${spec.name}] of type [${spec.mappingType}] does not support term queries` };
  }
}

/** `match_phrase` semantics: analyzed on text fields, a term elsewhere. */
export function phraseTest(spec: FieldSpec, value: string): ValueTest {
  if (spec.kind !== 'text') return termTest(spec, value);
  const phrase = standardTokens(value);
  return { ok: true, test: (v) => typeof v === 'string' && phraseMatches(phrase, v) };
}

/** `wildcard` semantics: keyword-like fields match the whole value, text fields each token. */
export function wildcardTest(spec: FieldSpec, pattern: string): ValueTest {
  if (spec.kind === 'keyword') {
    const m = luceneWildcard(spec.lowercase ? pattern.toLowerCase() : pattern);
    return {
      ok: true,
      test: (v) => {
        if (typeof v === 'string' && !spec.lowercase) return m(v);
        const s = keywordOf(spec, v);
        return s !== undefined && m(s);
      },
    };
  }
  if (spec.kind === 'text') {
    const m = luceneWildcard(pattern.toLowerCase());
    return { ok: true, test: (v) => typeof v === 'string' && standardTokens(v).some(m) };
  }
  if (spec.kind === 'object') return { ok: true, test: () => false };
  return {
    ok: false,
    message: `Can only use wildcard queries on keyword and text fields - not on [${spec.name}] which is of type [${spec.mappingType}]`,
  };
}

function ipRangeTest(gte: string, lte: string): ValueTest {
  const lo = parseIp(gte);
  const hi = parseIp(lte);
  if (!lo) return { ok: false, message: `'${gte}' is not an IP string literal.` };
  if (!hi) return { ok: false, message: `'${lte}' is not an IP string literal.` };
  const cmp = (a: Uint32Array, b: Uint32Array) => {
    for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return 0;
  };
  return {
    ok: true,
    test: (v) => {
      const ip = typeof v === 'string' ? parseIp(v) : null;
      return ip !== null && cmp(lo, ip) <= 0 && cmp(ip, hi) <= 0;
    },
  };
}

/** `range` with `gte` and `lte` (ip_range value lists written `a-b`). */
export function rangeTest(spec: FieldSpec, gte: string, lte: string): ValueTest {
  switch (spec.kind) {
    case 'ip':
      return ipRangeTest(gte, lte);
    case 'keyword':
    case 'text': {
      return {
        ok: true,
        test: (v) => {
          const s = spec.kind === 'keyword' ? keywordOf(spec, v) : typeof v === 'string' ? v : undefined;
          return s !== undefined && s >= gte && s <= lte;
        },
      };
    }
    case 'long':
    case 'double': {
      if (!DECIMAL.test(gte)) return { ok: false, message: `For input string: "${gte}"` };
      if (!DECIMAL.test(lte)) return { ok: false, message: `For input string: "${lte}"` };
      const lo = Number(gte);
      const hi = Number(lte);
      return {
        ok: true,
        test: (v) => {
          const x = toDomain('number', v);
          return typeof x === 'number' && x >= lo && x <= hi;
        },
      };
    }
    case 'object':
      return { ok: true, test: () => false };
    default:
      return {
        ok: false,
        message: `Field [${spec.name}] of type [${spec.mappingType}] does not support range queries on ${gte}-${lte}`,
      };
  }
}
