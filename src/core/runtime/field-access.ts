/**
 * Reading field values out of event documents, the way Elasticsearch sees `_source`:
 * objects nest, arrays flatten (an array of objects contributes each object's value), an empty
 * array is the same as a missing field and `null` elements are dropped.
 *
 * Result of an accessor:
 *   undefined  the field is absent (or an empty array, or a path through a missing object)
 *   null       the field is explicitly null (or an array holding only nulls)
 *   scalar     exactly one value
 *   array      several values, flat, without nulls (may be the document's own array: read-only)
 */

import { isObject } from './values';

export type FieldAccessor = (doc: Record<string, unknown>) => unknown;

const hasOwn = Object.prototype.hasOwnProperty;

/** Normalise a leaf value. Allocates only for arrays that need flattening or null removal. */
function leaf(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  const n = v.length;
  if (n === 0) return undefined;
  let clean = true;
  for (let i = 0; i < n; i++) {
    const e = v[i];
    if (e === null || e === undefined || Array.isArray(e)) {
      clean = false;
      break;
    }
  }
  if (clean) return n === 1 ? v[0] : v;
  const out: unknown[] = [];
  const sawNull = flattenInto(v, out);
  return finish(out, sawNull);
}

function finish(out: unknown[], sawNull: boolean): unknown {
  if (out.length === 0) return sawNull ? null : undefined;
  return out.length === 1 ? out[0] : out;
}

/** Push the non-null scalars (and objects) of a possibly nested array; true when a null was seen. */
function flattenInto(v: readonly unknown[], out: unknown[]): boolean {
  let sawNull = false;
  for (let i = 0; i < v.length; i++) {
    const e = v[i];
    if (e === null || e === undefined) sawNull = true;
    else if (Array.isArray(e)) sawNull = flattenInto(e, out) || sawNull;
    else out.push(e);
  }
  return sawNull;
}

/**
 * Generic walk from `value` (the value at path[i - 1]) through path[i..]. Collects every leaf into
 * `out`; returns true when an explicit null was met at the leaf level.
 */
function collect(value: unknown, path: readonly string[], i: number, out: unknown[], safe: boolean): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) {
    let sawNull = false;
    for (let j = 0; j < value.length; j++) {
      if (collect(value[j], path, i, out, safe)) sawNull = true;
    }
    return sawNull;
  }
  if (i === path.length) {
    out.push(value);
    return false;
  }
  if (typeof value !== 'object') return false;
  const key = path[i]!;
  if (safe && !hasOwn.call(value, key)) return false;
  const next = (value as Record<string, unknown>)[key];
  if (next === null) return i + 1 === path.length;
  if (i + 1 === path.length && Array.isArray(next)) return flattenInto(next, out);
  return collect(next, path, i + 1, out, safe);
}

function slowAccessor(path: readonly string[], safe: boolean): FieldAccessor {
  return (doc) => {
    const out: unknown[] = [];
    const sawNull = collect(doc, path, 0, out, safe);
    return finish(out, sawNull);
  };
}

/**
 * Build a fast reader for one field path (already split into segments, e.g. ["process", "name"]).
 * Paths of 1 to 4 segments get a specialised closure that allocates nothing for scalars; paths
 * that cross an array fall back to a general walk.
 */
export function compileFieldAccessor(path: readonly string[]): FieldAccessor {
  const p = path.slice();
  // Names that exist on Object.prototype ("constructor", "toString", ...) need own-property checks.
  const safe = p.some((k) => k in Object.prototype);
  if (safe || p.length === 0 || p.length > 4) return slowAccessor(p, true);
  const slow = slowAccessor(p, false);
  const [k0, k1, k2, k3] = p as [string, string, string, string];
  switch (p.length) {
    case 1:
      return (doc) => leaf(doc[k0]);
    case 2:
      return (doc) => {
        const a = doc[k0];
        if (isObject(a)) return leaf(a[k1]);
        return Array.isArray(a) ? slow(doc) : undefined;
      };
    case 3:
      return (doc) => {
        const a = doc[k0];
        if (isObject(a)) {
          const b = a[k1];
          if (isObject(b)) return leaf(b[k2]);
          if (!Array.isArray(b)) return undefined;
        } else if (!Array.isArray(a)) return undefined;
        return slow(doc);
      };
    default:
      return (doc) => {
        const a = doc[k0];
        if (isObject(a)) {
          const b = a[k1];
          if (isObject(b)) {
            const c = b[k2];
            if (isObject(c)) return leaf(c[k3]);
            if (!Array.isArray(c)) return undefined;
          } else if (!Array.isArray(b)) return undefined;
        } else if (!Array.isArray(a)) return undefined;
        return slow(doc);
      };
  }
}

/** Split a field name into path segments ("process.parent.name" -> ["process","parent","name"]). */
export function fieldPath(name: string): string[] {
  return name.split('.');
}

/* ───────────── dotted keys ───────────── */

function hasDottedKeys(v: unknown, depth: number): boolean {
  if (depth > 200 || v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (hasDottedKeys(v[i], depth + 1)) return true;
    return false;
  }
  for (const k in v as Record<string, unknown>) {
    if (!hasOwn.call(v, k)) continue;
    if (k.indexOf('.') >= 0 && splittable(k)) return true;
    if (hasDottedKeys((v as Record<string, unknown>)[k], depth + 1)) return true;
  }
  return false;
}

/** "a.b" splits; keys with empty segments ("a..b", ".a", "a.") are kept as they are. */
function splittable(k: string): boolean {
  return k.length > 0 && k[0] !== '.' && k[k.length - 1] !== '.' && k.indexOf('..') < 0;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else target[key] = value;
}

class Expander {
  /** Objects this expander created, which it may therefore mutate when merging. */
  private readonly own = new WeakSet<object>();

  value(v: unknown, depth: number): unknown {
    if (v === null || typeof v !== 'object' || depth > 200) return v;
    if (Array.isArray(v)) {
      if (!hasDottedKeys(v, 0)) return v;
      return v.map((e) => this.value(e, depth + 1));
    }
    if (!hasDottedKeys(v, 0)) return v;
    const out = this.fresh();
    for (const k of Object.keys(v)) {
      const val = this.value((v as Record<string, unknown>)[k], depth + 1);
      if (k.indexOf('.') >= 0 && splittable(k)) {
        const parts = k.split('.');
        let target = out;
        for (let i = 0; i < parts.length - 1; i++) {
          const part = parts[i]!;
          const existing = hasOwn.call(target, part) ? target[part] : undefined;
          let next: Record<string, unknown>;
          if (existing === undefined) {
            next = this.fresh();
            setOwn(target, part, next);
          } else if (isObject(existing)) {
            next = this.ownCopy(existing);
            if (next !== existing) setOwn(target, part, next);
          } else {
            // A scalar already sits where an object is needed: keep the first value.
            next = this.fresh();
          }
          target = next;
        }
        this.put(target, parts[parts.length - 1]!, val);
      } else {
        this.put(out, k, val);
      }
    }
    return out;
  }

  private fresh(): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    this.own.add(o);
    return o;
  }

  private ownCopy(o: Record<string, unknown>): Record<string, unknown> {
    if (this.own.has(o)) return o;
    const c = this.fresh();
    for (const k of Object.keys(o)) setOwn(c, k, o[k]);
    return c;
  }

  private put(target: Record<string, unknown>, key: string, val: unknown): void {
    const existing = hasOwn.call(target, key) ? target[key] : undefined;
    if (existing === undefined) {
      setOwn(target, key, val);
      return;
    }
    if (isObject(existing) && isObject(val)) {
      const merged = this.ownCopy(existing);
      for (const k of Object.keys(val)) this.put(merged, k, val[k]);
      if (merged !== existing) setOwn(target, key, merged);
    }
    // Otherwise the first value stays (Elasticsearch would reject such a document).
  }
}

/**
 * Return a copy of `source` in which every dotted key ("process.name") is expanded into nested
 * objects and merged with its siblings. Returns `source` itself when no key at any depth has a dot.
 */
export function expandDottedKeys(source: Record<string, unknown>): Record<string, unknown> {
  if (!hasDottedKeys(source, 0)) return source;
  return new Expander().value(source, 0) as Record<string, unknown>;
}
