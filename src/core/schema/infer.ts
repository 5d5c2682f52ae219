/**
 * Dynamic-mapping inference from loaded events, the way Elasticsearch maps a field it has not
 * seen before: the first non-null value decides the type.
 *   string  -> date if it looks like one (date detection), else text + `.keyword` (ignore_above 256)
 *   integer -> long, other number -> float, boolean -> boolean, object -> object
 *   array   -> decided by its first non-null element
 * Later values of another kind produce a warning (Elasticsearch would coerce or reject them).
 */
import type { Range } from '../ast/nodes';
import { Input } from '../diagnostics/input';
import { diagnosticAt } from '../diagnostics/table';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { EventDoc } from '../runtime/event';
import type { FieldInfo } from './types';

type Kind = 'string' | 'date' | 'long' | 'float' | 'boolean' | 'object';

interface Node {
  kind: Kind | undefined;
  valued: boolean;
  conflictReported: boolean;
  children: Map<string, Node> | undefined;
}

export interface InferResult {
  readonly fields: FieldInfo[];
  /** Field names with a non-null, non-empty value in at least one event (sub-fields included). */
  readonly valued: ReadonlySet<string>;
  readonly diagnostics: Diagnostic[];
}

const MAX_CONFLICT_WARNINGS = 20;

// strict_date_optional_time (with at least a full date), and yyyy/MM/dd [HH:mm:ss] Z.
const ISO_DATE =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3])(:[0-5]\d(:[0-5]\d([.,]\d{1,9})?)?)?)?(Z|[+-]([01]\d|2[0-3])(:?[0-5]\d)?)?$/;
const SLASH_DATE =
  /^\d{4}\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])( ([01]\d|2[0-3]):[0-5]\d:[0-5]\d)? ?(Z|[+-]\d{2}:?\d{2})$/;

/** Whether Elasticsearch's default date detection would map this string as a date. */
export function looksLikeDate(s: string): boolean {
  if (s.length < 10 || s.length > 40) return false;
  const c = s.charCodeAt(0);
  if (c < 48 || c > 57) return false;
  return ISO_DATE.test(s) || SLASH_DATE.test(s);
}

function kindOf(v: unknown): Kind | undefined {
  switch (typeof v) {
    case 'string':
      return looksLikeDate(v) ? 'date' : 'string';
    case 'number':
      return Number.isInteger(v) ? 'long' : 'float';
    case 'boolean':
      return 'boolean';
    case 'object':
      return v === null ? undefined : 'object';
    default:
      return undefined;
  }
}

function compatible(a: Kind, b: Kind): boolean {
  if (a === b) return true;
  if ((a === 'long' || a === 'float') && (b === 'long' || b === 'float')) return true;
  // A date field accepts epoch numbers; a text field accepts anything that prints as a string.
  if (a === 'date' && (b === 'long' || b === 'float')) return true;
  if (a === 'string' && b !== 'object') return true;
  return false;
}

/**
 * How deep inference looks into an event. Elasticsearch refuses documents nested deeper than
 * its mapping depth limit (20 by default), so nothing below this level is a field anyway.
 */
const MAX_DEPTH = 100;

class Inferrer {
  readonly root: Node = { kind: 'object', valued: false, conflictReported: false, children: new Map() };
  readonly diagnostics: Diagnostic[] = [];
  private warnings = 0;
  private range: Range = { start: 0, end: 0 };

  event(e: EventDoc): void {
    this.range = e.range ?? { start: 0, end: 0 };
    this.object(this.root, e.doc, '', 0);
  }

  /** Visit an object's keys; returns true when some key had a value. Stops at MAX_DEPTH levels. */
  private object(node: Node, obj: Record<string, unknown>, prefix: string, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    let any = false;
    node.children ??= new Map();
    const children = node.children;
    for (const key in obj) {
      if (!Object.hasOwn(obj, key)) continue;
      let child = children.get(key);
      if (!child) {
        child = { kind: undefined, valued: false, conflictReported: false, children: undefined };
        children.set(key, child);
      }
      if (this.value(child, obj[key], prefix, key, depth + 1)) any = true;
    }
    return any;
  }

  private value(node: Node, v: unknown, prefix: string, key: string, depth: number): boolean {
    if (v === null || v === undefined || depth > MAX_DEPTH) return false;
    if (Array.isArray(v)) {
      let any = false;
      for (let i = 0; i < v.length; i++) if (this.value(node, v[i], prefix, key, depth + 1)) any = true;
      return any;
    }
    const kind = kindOf(v);
    if (kind === undefined) return false;
    if (node.kind === undefined) node.kind = kind;
    else if (!compatible(node.kind, kind)) this.conflict(node, prefix ? `${prefix}.${key}` : key, kind);
    let valued = true;
    if (kind === 'object')
      valued = this.object(node, v as Record<string, unknown>, prefix ? `${prefix}.${key}` : key, depth + 1);
    if (valued) node.valued = true;
    return valued;
  }

  private conflict(node: Node, name: string, kind: Kind): void {
    if (node.conflictReported || this.warnings >= MAX_CONFLICT_WARNINGS) return;
    node.conflictReported = true;
    this.warnings++;
    this.diagnostics.push(
      diagnosticAt(Input.EventsTypeConflict.kinds(name, describe(node.kind!), describe(kind)), this.range, 'events'),
    );
  }
}

function describe(k: Kind): string {
  switch (k) {
    case 'string':
      return 'a string';
    case 'date':
      return 'a date string';
    case 'long':
      return 'an integer';
    case 'float':
      return 'a decimal number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
  }
}

function emit(node: Node, name: string, fields: FieldInfo[], valued: Set<string>): void {
  if (name !== '' && node.kind !== undefined) {
    if (node.valued) valued.add(name);
    switch (node.kind) {
      case 'string':
        fields.push({ name, type: 'text', origin: 'events', keywordSubfield: 'keyword' });
        fields.push({ name: `${name}.keyword`, type: 'keyword', origin: 'events', ignoreAbove: 256 });
        if (node.valued) valued.add(`${name}.keyword`);
        break;
      case 'date':
        fields.push({ name, type: 'date', origin: 'events' });
        break;
      case 'long':
      case 'float':
      case 'boolean':
      case 'object':
        fields.push({ name, type: node.kind, origin: 'events' });
        break;
    }
  }
  if (node.children) {
    for (const [key, child] of node.children) emit(child, name ? `${name}.${key}` : key, fields, valued);
  }
}

/** Infer field types from events as Elasticsearch dynamic mapping would. */
export function inferFields(events: readonly EventDoc[]): InferResult {
  const inf = new Inferrer();
  for (let i = 0; i < events.length; i++) inf.event(events[i]!);
  const fields: FieldInfo[] = [];
  const valued = new Set<string>();
  emit(inf.root, '', fields, valued);
  return { fields, valued, diagnostics: inf.diagnostics };
}
