/**
 * Date values Elasticsearch could not index. A `date` or `date_nanos` field whose value no
 * alternative of the mapping `format` reads makes Elasticsearch reject the whole document at
 * index time (`failed to parse field [f] of type [date]`), so such an event could never be
 * found. The playground still shows it, and says so at the event: one warning per event, for
 * the timestamp field and every date field the query reads.
 */
import type { StatementNode } from './ast/nodes';
import { walk } from './ast/visit';
import { fieldPath } from './compile/field';
import type { Diagnostic } from './diagnostics/diagnostic';
import { Input } from './diagnostics/input';
import { diagnosticAt } from './diagnostics/table';
import type { EventDoc } from './runtime/event';
import { dateFormat } from './runtime/dates';
import { compileFieldAccessor } from './runtime/field-access';
import type { Schema } from './schema/types';

/** Individual warnings before the rest are counted in one summary. */
const MAX_LISTED = 20;

interface DateField {
  /** What the scan of a field depends on: its path, type and format. */
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly format: ReturnType<typeof dateFormat>;
  readonly read: (doc: Record<string, unknown>) => unknown;
}

function dateFields(ast: StatementNode, schema: Schema, timestampField: string): DateField[] {
  const names = new Set<string>([timestampField]);
  walk(ast, (node) => {
    if (node.kind === 'field') names.add(node.name);
  });
  const out: DateField[] = [];
  for (const name of names) {
    const info = schema.get(name);
    if (!info || (info.type !== 'date' && info.type !== 'date_nanos')) continue;
    const path = info.aliasOf ?? info.name;
    const read = compileFieldAccessor(fieldPath(path));
    const format = dateFormat(info.format);
    out.push({ key: `${path}\u0000${info.type}\u0000${format.text}`, name, type: info.type, format, read });
  }
  return out;
}

function preview(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** The first unreadable value of a date field in an event, if any. */
function badValue(f: DateField, doc: Record<string, unknown>): unknown {
  const v = f.read(doc);
  const values = Array.isArray(v) ? v : [v];
  for (const x of values) if (x !== undefined && x !== null && !f.format.parse(x)) return x;
  return undefined;
}

/**
 * The events of a list whose value of a date field the format cannot read (index to the value),
 * by field. An events list is never changed in place (an edit makes a new list), so the scan of
 * a list holds while the list lives; each keystroke in the rule would otherwise read and parse
 * every event's dates again.
 */
const scans = new WeakMap<readonly EventDoc[], Map<string, ReadonlyMap<number, unknown>>>();

function badValues(f: DateField, events: readonly EventDoc[]): ReadonlyMap<number, unknown> {
  let byField = scans.get(events);
  if (!byField) {
    byField = new Map();
    scans.set(events, byField);
  }
  let bad = byField.get(f.key);
  if (!bad) {
    const found = new Map<number, unknown>();
    for (let i = 0; i < events.length; i++) {
      const b = badValue(f, events[i]!.doc);
      if (b !== undefined) found.set(i, b);
    }
    byField.set(f.key, found);
    bad = found;
  }
  return bad;
}

/** Warnings (source `events`, at each event) for date values the mapping format cannot read. */
export function unreadableDateWarnings(
  ast: StatementNode,
  events: readonly EventDoc[],
  schema: Schema,
  timestampField: string,
): Diagnostic[] {
  const fields = dateFields(ast, schema, timestampField).map((f) => ({ f, bad: badValues(f, events) }));
  const indices = new Set<number>();
  for (const { bad } of fields) for (const i of bad.keys()) indices.add(i);
  if (indices.size === 0) return [];
  const out: Diagnostic[] = [];
  let more = 0;
  // Each event once, at its first unreadable field (in the order the fields were found).
  for (const i of [...indices].sort((a, b) => a - b)) {
    const hit = fields.find(({ bad }) => bad.has(i))!;
    if (out.length >= MAX_LISTED) {
      more++;
      continue;
    }
    const e = events[i]!;
    const m = Input.UnreadableDate.value(e.id, hit.f.name, preview(hit.bad.get(i)), hit.f.format.text, hit.f.type);
    out.push(diagnosticAt(m, e.range ?? { start: 0, end: 0 }, 'events'));
  }
  if (more > 0) {
    out.push(diagnosticAt(Input.UnreadableDate.more(more), { start: 0, end: 0 }, 'events'));
  }
  return out;
}
