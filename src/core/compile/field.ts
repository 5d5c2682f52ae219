/**
 * Field references: resolve aliases, read the value from the document, and convert it to the
 * stored form the mapping type implies (see domain.ts). `ignore_above` and `null_value` from a
 * user mapping are honoured here.
 */
import type { FieldNode } from '../ast/nodes';
import { ipKey, ipKeyText } from '../runtime/cidr';
import { compileFieldAccessor } from '../runtime/field-access';
import type { ValueType } from '../runtime/values';
import type { Schema } from '../schema/types';
import type { CompiledValue, Doc } from './context';
import { constantValue } from './context';
import { domainOfMappingType, isIntegralMappingType, toDomain, valueTypeOfMappingType, type Domain } from './domain';

/** Split a field name into path segments (field names themselves never hold the separator). */
export function fieldPath(name: string): string[] {
  return name.split('.');
}

/** Infer a type for a field no schema knows, from a sample value. */
function typeOfSample(v: unknown): ValueType {
  if (typeof v === 'string') return 'keyword';
  if (typeof v === 'number') return Number.isInteger(v) ? 'long' : 'double';
  if (typeof v === 'boolean') return 'boolean';
  return 'unknown';
}

function convertAll(
  domain: Domain,
  v: unknown,
  ignoreAbove: number | undefined,
  keepClean = false,
  format?: string,
): unknown {
  if (Array.isArray(v)) {
    if (keepClean) {
      let clean = true;
      for (let i = 0; i < v.length; i++) {
        if (!inDomain(domain, v[i])) {
          clean = false;
          break;
        }
      }
      if (clean) return v;
    }
    const out: unknown[] = [];
    for (const e of v) {
      const c = convertOne(domain, e, ignoreAbove, format);
      if (c !== undefined) out.push(c);
    }
    if (out.length === 0) return undefined;
    return out.length === 1 ? out[0] : out;
  }
  return convertOne(domain, v, ignoreAbove, format);
}

function convertOne(domain: Domain, v: unknown, ignoreAbove: number | undefined, format?: string): unknown {
  if (v === null || v === undefined) return v;
  const c = toDomain(domain, v, format);
  if (ignoreAbove !== undefined && typeof c === 'string' && c.length > ignoreAbove) return undefined;
  return c;
}

function truncateAll(v: unknown): unknown {
  if (typeof v === 'number') return Math.trunc(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'number' ? Math.trunc(x) : x));
  return v;
}

/** Whether every element is already of the domain's JS type (so no copy is needed). */
function inDomain(domain: Domain, v: unknown): boolean {
  switch (domain) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    case 'raw':
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    default:
      return false;
  }
}

/** Functions see an ip field as its canonical text (dotted IPv4, compressed IPv6), as doc values print it. */
function ipTextAll(v: unknown): unknown {
  const one = (x: unknown) => {
    const k = typeof x === 'string' ? ipKey(x) : undefined;
    return k === undefined ? undefined : ipKeyText(k);
  };
  if (!Array.isArray(v)) return v === null || v === undefined ? v : one(v);
  const out = v.map(one).filter((x) => x !== undefined);
  return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
}

export function compileFieldRead(name: string, schema: Schema): CompiledValue {
  const info = schema.get(name);
  const target = info?.aliasOf ?? info?.name ?? name;
  const segments = fieldPath(target);
  const access = compileFieldAccessor(segments);
  const mappingType = info?.type;
  const domain = domainOfMappingType(mappingType);
  const type = valueTypeOfMappingType(mappingType);
  const ignoreAbove = info?.origin === 'mapping' ? info.ignoreAbove : undefined;
  const nullValue = info?.nullValue;
  const format = domain === 'date' || domain === 'date_nanos' ? info?.format : undefined;
  const nullStored = nullValue === undefined ? undefined : toDomain(domain, nullValue, format);

  let fn: (doc: Doc) => unknown;
  if (isIntegralMappingType(mappingType)) {
    // An integer field stores 2.9 as 2 (coerced at index time).
    fn = (doc) => {
      const v = access(doc);
      if (v === null) return nullStored !== undefined ? nullStored : null;
      if (v === undefined) return undefined;
      if (typeof v === 'number' && Number.isInteger(v)) return v;
      return truncateAll(convertAll(domain, v, ignoreAbove));
    };
  } else if (ignoreAbove === undefined && nullStored === undefined && domain === 'string') {
    // Hot path: keyword values are almost always strings already.
    fn = (doc) => {
      const v = access(doc);
      if (typeof v === 'string' || v === undefined || v === null) return v;
      return convertAll(domain, v, undefined, true);
    };
  } else if (
    ignoreAbove === undefined &&
    nullStored === undefined &&
    (domain === 'number' || domain === 'boolean' || domain === 'raw')
  ) {
    fn = (doc) => {
      const v = access(doc);
      if (v === undefined || v === null) return v;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) if (!inDomain(domain, v[i])) return convertAll(domain, v, undefined);
        return v;
      }
      return inDomain(domain, v) ? v : convertOne(domain, v, undefined);
    };
  } else {
    fn = (doc) => {
      const v = access(doc);
      if (v === null) return nullStored !== undefined ? nullStored : null;
      if (v === undefined) return undefined;
      return convertAll(domain, v, ignoreAbove, false, format);
    };
  }
  const plain = ignoreAbove === undefined && nullStored === undefined && domain === 'string';
  const text =
    domain === 'version'
      ? { plain: (doc: Doc) => convertAll('string', access(doc), ignoreAbove) }
      : domain === 'ip'
        ? { plain: (doc: Doc) => ipTextAll(access(doc)) }
        : {};
  return {
    type,
    domain: info ? domain : undefined,
    ...(format !== undefined ? { format } : {}),
    constant: false,
    value: undefined,
    fn,
    field: name,
    ...text,
    ...(plain ? { raw: access, path: segments } : {}),
  };
}

/** A field as an expression: unmapped optional fields become the literal null. */
export function compileField(node: FieldNode, schema: Schema): CompiledValue {
  if (node.optional && !isKnown(node.name, schema)) return constantValue('null', null);
  return compileFieldRead(node.name, schema);
}

/** Known to the evaluation: mapped by the user mapping or the built-in schema, or seen in the events. */
export function isKnown(name: string, schema: Schema): boolean {
  if (schema.hasUserMapping) return schema.isMapped(name);
  return schema.get(name) !== undefined || schema.isMapped(name);
}

export { typeOfSample };
