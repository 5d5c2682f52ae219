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
    const read = compileFieldAccessor(fieldPath(info.aliasOf ?? info.name));
    out.push({ name, type: info.type, format: dateFormat(info.format), read });
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

/** Warnings (source `events`, at each event) for date values the mapping format cannot read. */
export function unreadableDateWarnings(
  ast: StatementNode,
  events: readonly EventDoc[],
  schema: Schema,
  timestampField: string,
): Diagnostic[] {
  const fields = dateFields(ast, schema, timestampField);
  if (fields.length === 0) return [];
  const out: Diagnostic[] = [];
  let more = 0;
  for (const e of events) {
    for (const f of fields) {
      const bad = badValue(f, e.doc);
      if (bad === undefined) continue;
      if (out.length >= MAX_LISTED) {
        more++;
        break;
      }
      const m = Input.UnreadableDate.value(e.id, f.name, preview(bad), f.format.text, f.type);
      out.push(diagnosticAt(m, e.range ?? { start: 0, end: 0 }, 'events'));
      break;
    }
  }
  if (more > 0) {
    out.push(diagnosticAt(Input.UnreadableDate.more(more), { start: 0, end: 0 }, 'events'));
  }
  return out;
}
