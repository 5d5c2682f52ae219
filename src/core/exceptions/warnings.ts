/**
 * Where an exception item means something else than a user expects, most often than the query
 * clause they copied it from: EQL's `:`, `like~` and `in~` ignore case, while Kibana's `match`
 * and `wildcard` entries on keyword fields do not; a backslash in a wildcard entry escapes the
 * next character; a `*` in a `match` entry is a literal star; an "is not" entry also removes
 * every event without the field; text fields are analyzed. Pure, for the editors' preview.
 */
import type { Node } from '../ast/nodes';
import { walk } from '../ast/visit';
import type { EventDoc } from '../runtime/event';
import { parseQuery } from '../parser/parse';
import { parseMapping } from '../schema/mapping';
import { buildSchema } from '../schema/schema';
import type { Schema } from '../schema/types';
import { fieldSpec } from './fields';
import type { ExceptionEntry, ExceptionItem } from './types';

export type ExceptionWarningKind =
  | 'case'
  | 'backslash'
  | 'literal-wildcard'
  | 'missing-field'
  | 'text-field'
  | 'unknown-field';

export interface ExceptionWarning {
  readonly kind: ExceptionWarningKind;
  /** Index of the entry in the item (a nested entry's children share their parent's index). */
  readonly entry: number;
  readonly field: string;
  readonly message: string;
}

export interface ExceptionWarningsRequest {
  readonly item: ExceptionItem;
  /** The rule's query: fields it compares without case make the case warnings pointed. */
  readonly rule?: string;
  readonly events: readonly EventDoc[];
  readonly mapping?: string;
}

/** Fields the query compares ignoring case (`:`, `like~`, `regex~`, `in~`), with the operator. */
function caselessUses(rule: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!rule) return out;
  const parsed = parseQuery(rule);
  if (!parsed.ast) return out;
  walk(parsed.ast, (node: Node) => {
    if (node.kind === 'match' && node.value.kind === 'field' && node.op !== 'like' && node.op !== 'regex') {
      if (!out.has(node.value.name)) out.set(node.value.name, node.op);
    } else if (node.kind === 'in' && node.caseInsensitive && node.value.kind === 'field') {
      if (!out.has(node.value.name)) out.set(node.value.name, node.negated ? 'not in~' : 'in~');
    }
    return undefined;
  });
  return out;
}

const hasLetters = (s: string) => s.toLowerCase() !== s.toUpperCase();

/** A wildcard value's backslashes that escape an ordinary character (`\W`), as written. */
function strayEscapes(pattern: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '\\') continue;
    const next = pattern[i + 1];
    if (next !== undefined && next !== '\\' && next !== '*' && next !== '?') out.push(`\\${next}`);
    i++;
  }
  return out;
}

/** What the wildcard matches once Kibana reads the escapes (`C:\Windows` → `C:Windows`). */
function unescaped(pattern: string): string {
  return pattern.replace(/\\(.)/g, '$1');
}

interface Ctx {
  readonly schema: Schema;
  readonly caseless: Map<string, string>;
  readonly events: readonly EventDoc[];
  readonly out: ExceptionWarning[];
}

function entryValues(e: ExceptionEntry): readonly string[] {
  if (e.type === 'match' || e.type === 'wildcard') return [e.value];
  if (e.type === 'match_any') return e.value;
  return [];
}

function caseWarning(ctx: Ctx, e: ExceptionEntry, index: number, name: string): void {
  const values = entryValues(e).filter(hasLetters);
  const op = ctx.caseless.get(name);
  if (values.length === 0 || op === undefined) return;
  const caselessField = `${name}.caseless`;
  const better = ctx.schema.get(caselessField)
    ? ` (${caselessField} is the lower-cased sub-field: use it with lower-case values)`
    : '';
  ctx.out.push({
    kind: 'case',
    entry: index,
    field: name,
    message: `the query compares ${name} with \`${op}\`, which ignores case, but this ${e.type} entry is case-sensitive: "${values[0]}" does not match "${values[0]!.toLowerCase() === values[0] ? values[0]!.toUpperCase() : values[0]!.toLowerCase()}"${better}`,
  });
}

function lacking(ctx: Ctx, name: string): number {
  const spec = fieldSpec(name, ctx.schema);
  let n = 0;
  for (const ev of ctx.events) if (spec.read(ev.doc).length === 0) n++;
  return n;
}

function valueWarnings(ctx: Ctx, e: ExceptionEntry, index: number): void {
  if (e.type === 'wildcard') {
    const stray = strayEscapes(e.value);
    if (stray.length > 0)
      ctx.out.push({
        kind: 'backslash',
        entry: index,
        field: e.field,
        message: `a backslash escapes the next character in a wildcard entry: ${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} read as the character alone, so this matches "${unescaped(e.value)}"; write \\\\ for one backslash`,
      });
  } else if (e.type === 'match' || e.type === 'match_any') {
    const starred = entryValues(e).find((v) => /[*?]/.test(v));
    if (starred !== undefined)
      ctx.out.push({
        kind: 'literal-wildcard',
        entry: index,
        field: e.field,
        message: `a ${e.type} entry compares the whole value: the * or ? in "${starred}" is a literal character; use a wildcard entry for a pattern`,
      });
  }
}

function entryWarnings(ctx: Ctx, e: ExceptionEntry, index: number): void {
  if (e.type === 'nested') {
    if (e.entries.some((c) => c.operator === 'excluded'))
      ctx.out.push({
        kind: 'missing-field',
        entry: index,
        field: e.field,
        message: `an "is not" entry inside ${e.field} also holds for an object without the field`,
      });
    return;
  }
  const spec = fieldSpec(e.field, ctx.schema);
  if (!spec.known && lacking(ctx, e.field) === ctx.events.length)
    ctx.out.push({
      kind: 'unknown-field',
      entry: index,
      field: e.field,
      message: `no event has ${e.field} and no mapping knows it`,
    });
  if (e.operator === 'excluded') {
    const n = lacking(ctx, e.field);
    ctx.out.push({
      kind: 'missing-field',
      entry: index,
      field: e.field,
      message: `"is not" is a must_not, which holds for an event without ${e.field}: this entry also holds for every such event${n > 0 ? ` (${n} of the sample events lack it)` : ''}`,
    });
  }
  if (spec.kind === 'text' && (e.type === 'match' || e.type === 'match_any' || e.type === 'wildcard'))
    ctx.out.push({
      kind: 'text-field',
      entry: index,
      field: e.field,
      message: `${e.field} is a text field (analyzed): ${e.type === 'wildcard' ? 'the pattern is tested on each word' : 'the value is a phrase of lower-cased words'}; name ${e.field}.keyword for the exact value`,
    });
  else if (spec.kind === 'keyword' && !spec.lowercase) caseWarning(ctx, e, index, e.field);
  valueWarnings(ctx, e, index);
}

/** The warnings for one item against a schema and the query it sits beside. */
export function itemWarnings(
  item: ExceptionItem,
  schema: Schema,
  rule: string | undefined,
  events: readonly EventDoc[],
): ExceptionWarning[] {
  const ctx: Ctx = { schema, caseless: caselessUses(rule), events, out: [] };
  for (let i = 0; i < item.entries.length; i++) entryWarnings(ctx, item.entries[i]!, i);
  return ctx.out;
}

/** The warnings for one item, with the schema the evaluation uses (ECS, Defend, events, mapping). */
export function exceptionWarnings(request: ExceptionWarningsRequest): ExceptionWarning[] {
  const mapping = request.mapping?.trim() ? parseMapping(request.mapping) : undefined;
  const schema = buildSchema({ events: request.events, ...(mapping ? { mappingFields: mapping.fields } : {}) });
  return itemWarnings(request.item, schema, request.rule, request.events);
}
