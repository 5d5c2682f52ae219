/**
 * Reading an Elasticsearch index mapping pasted by the user: the response of
 * `GET index/_mapping` (one or several indices, merged), `{ "mappings": { ... } }`, or a bare
 * `{ "properties": { ... } }`. Lines starting with `#` or `//` are ignored.
 */
import type { Range } from '../ast/nodes';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { Input } from '../diagnostics/input';
import { diagnosticAt, type Message } from '../diagnostics/table';
import { blankCommentLines, findJsonError } from './json-syntax';
import type { FieldInfo } from './types';
import { isObject } from '../runtime/values';

export interface MappingResult {
  readonly fields: FieldInfo[];
  readonly diagnostics: Diagnostic[];
}

/** Placeholder type of the ES conformance mappings; the ES loader swaps in keyword or wildcard. */
const RANDOM_KEYWORD = '[runtime_random_keyword_type]';

const KEYWORD_FAMILY = new Set(['keyword', 'constant_keyword', 'wildcard']);
const TEXT_FAMILY = new Set(['text', 'match_only_text']);

type Json = Record<string, unknown>;

function normaliseType(t: unknown): string | undefined {
  if (typeof t !== 'string') return undefined;
  return t === RANDOM_KEYWORD ? 'keyword' : t;
}

function normaliseName(n: string): string {
  return n === RANDOM_KEYWORD ? 'keyword' : n;
}

class Reader {
  readonly fields = new Map<string, FieldInfo>();
  readonly diagnostics: Diagnostic[] = [];
  /** The index currently read (for conflict messages). */
  index: string | undefined;

  constructor(private readonly text: string) {}

  /** Best-effort location of a field's key in the text, for diagnostics. */
  locate(name: string): Range {
    const last = name.slice(name.lastIndexOf('.') + 1);
    const at = this.text.indexOf(JSON.stringify(last));
    if (at < 0) return { start: 0, end: Math.min(this.text.length, 1) };
    return { start: at, end: at + last.length + 2 };
  }

  warn(m: Message, range: Range): void {
    this.diagnostics.push(diagnosticAt(m, range, 'mapping'));
  }

  add(info: FieldInfo): void {
    const prev = this.fields.get(info.name);
    if (!prev) {
      this.fields.set(info.name, info);
      return;
    }
    if (prev.type === info.type || (KEYWORD_FAMILY.has(prev.type) && KEYWORD_FAMILY.has(info.type))) {
      // Same field in another index. Different date formats merge as alternatives.
      if (prev.format && info.format && prev.format !== info.format) {
        const formats = new Set([...prev.format.split('||'), ...info.format.split('||')]);
        this.fields.set(info.name, { ...prev, format: [...formats].join('||') });
      }
      return;
    }
    if (prev.type === 'object' || info.type === 'object') return;
    this.warn(Input.MappingConflict.types(info.name, prev.type, info.type, this.index), this.locate(info.name));
  }

  properties(props: unknown, prefix: string): void {
    if (!isObject(props)) {
      this.warn(Input.MappingUnsupported.propertiesNotObject(prefix), this.locate(prefix || 'properties'));
      return;
    }
    for (const key of Object.keys(props)) {
      const def = props[key];
      const name = prefix ? `${prefix}.${key}` : key;
      if (!isObject(def)) {
        this.warn(Input.MappingUnsupported.fieldNotObject(name), this.locate(name));
        continue;
      }
      this.field(name, def);
    }
  }

  field(name: string, def: Json): void {
    let type = normaliseType(def.type);
    if (type === undefined) {
      if (def.type !== undefined) {
        this.warn(Input.MappingUnsupported.typeNotString(name), this.locate(name));
        return;
      }
      type = 'object';
    }
    const base: { -readonly [K in keyof FieldInfo]: FieldInfo[K] } = { name, type, origin: 'mapping' };
    if (type === 'alias') {
      if (typeof def.path === 'string') base.aliasOf = def.path;
      else this.warn(Input.MappingUnsupported.aliasWithoutPath(name), this.locate(name));
    }
    if (typeof def.ignore_above === 'number') base.ignoreAbove = def.ignore_above;
    if (def.null_value !== undefined && def.null_value !== null) {
      const nv = def.null_value;
      if (typeof nv === 'string' || typeof nv === 'number' || typeof nv === 'boolean') base.nullValue = nv;
    }
    if (typeof def.format === 'string') base.format = def.format;
    if (typeof def.normalizer === 'string') base.normalizer = def.normalizer;
    if (typeof def.meta === 'object' && isObject(def.meta) && typeof def.meta.description === 'string') {
      base.description = def.meta.description;
    }
    if (isObject(def.fields)) {
      for (const subKey of Object.keys(def.fields)) {
        const sub = def.fields[subKey];
        if (!isObject(sub)) continue;
        const subName = normaliseName(subKey);
        const subType = normaliseType(sub.type) ?? 'keyword';
        if (base.keywordSubfield === undefined && TEXT_FAMILY.has(type) && KEYWORD_FAMILY.has(subType)) {
          base.keywordSubfield = subName;
        }
        this.field(`${name}.${subName}`, sub);
      }
    }
    this.add(base);
    if (def.properties !== undefined) this.properties(def.properties, name);
  }

  runtime(section: unknown): void {
    if (!isObject(section)) return;
    for (const key of Object.keys(section)) {
      const def = section[key];
      if (!isObject(def)) continue;
      const info: { -readonly [K in keyof FieldInfo]: FieldInfo[K] } = {
        name: key,
        type: normaliseType(def.type) ?? 'keyword',
        origin: 'mapping',
        description: 'Runtime field (computed by a script at search time).',
      };
      if (typeof def.format === 'string') info.format = def.format;
      this.add(info);
    }
  }

  /** A `mappings` body: `{properties, runtime, dynamic, ...}` (or an old typed `{_doc: {...}}`). */
  body(m: Json): boolean {
    if (m.properties !== undefined || m.runtime !== undefined) {
      if (m.properties !== undefined) this.properties(m.properties, '');
      this.runtime(m.runtime);
      return true;
    }
    const keys = Object.keys(m);
    if (keys.length === 0) return true;
    if (keys.length === 1 && isObject(m[keys[0]!])) {
      const inner = m[keys[0]!] as Json;
      if (inner.properties !== undefined || inner.runtime !== undefined) return this.body(inner);
    }
    return false;
  }
}

/**
 * Parse mapping text into field definitions. Multi-fields become their own entries
 * (`hostname.keyword`), and a text field records its keyword sub-field. Never throws.
 */
export function parseMapping(text: string): MappingResult {
  const cleaned = blankCommentLines(text);
  const reader = new Reader(text);
  if (cleaned.trim() === '') return { fields: [], diagnostics: [] };
  let root: unknown;
  try {
    root = JSON.parse(cleaned);
  } catch {
    const err = findJsonError(cleaned) ?? { offset: 0, end: Math.min(1, text.length), message: 'Invalid JSON' };
    return {
      fields: [],
      diagnostics: [
        diagnosticAt(Input.MappingSyntax.json(err.message), { start: err.offset, end: err.end }, 'mapping'),
      ],
    };
  }
  const whole: Range = { start: 0, end: text.length };
  const shapeError = (m: Message): MappingResult => ({ fields: [], diagnostics: [diagnosticAt(m, whole, 'mapping')] });
  if (!isObject(root)) return shapeError(Input.MappingShape.notObject());
  if (root.properties !== undefined || root.runtime !== undefined) {
    reader.body(root);
  } else if (isObject(root.mappings)) {
    if (!reader.body(root.mappings)) return shapeError(Input.MappingShape.noProperties());
  } else {
    const indices = Object.keys(root);
    if (indices.length === 0) return shapeError(Input.MappingShape.empty());
    for (const index of indices) {
      const entry = root[index];
      if (!isObject(entry) || !isObject(entry.mappings)) {
        return shapeError(Input.MappingShape.unrecognised(index));
      }
      reader.index = index;
      reader.body(entry.mappings);
    }
  }
  return { fields: [...reader.fields.values()], diagnostics: reader.diagnostics };
}
