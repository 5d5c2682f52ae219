/**
 * The shape of a diagnostics table: for each code, its severity, when it is reported, and the
 * factories that write its messages. Each layer keeps its own table (core: syntax.ts,
 * analysis.ts, runtime.ts, input.ts; src/formats/diagnostics.ts; src/share/messages.ts) and
 * reports only through it, so a code, its severity and its wording live in one place.
 * docs/diagnostics.md is generated from the tables (`npm run docs`; a unit test checks it).
 */
import type { Range } from '../ast/nodes';
import type { Diagnostic, RelatedLocation, Severity, SourceName } from './diagnostic';

/** A located note: another place in the text that explains the diagnostic. */
export interface Related {
  readonly message: string;
  readonly range: Range;
  /** Defaults to the diagnostic's own source. */
  readonly source?: SourceName;
}

/** What a message factory returns: the text alone, or the text with notes and related places. */
export type MessageText =
  | string
  | {
      readonly message: string;
      readonly notes?: readonly string[] | undefined;
      readonly related?: readonly Related[] | undefined;
      /** Overrides the code's severity for this one message (documented in the table's `when`). */
      readonly severity?: Severity | undefined;
    };

/** A diagnostic before it is placed: code, severity and text, without a range. */
export interface Message {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly notes?: readonly string[];
  readonly related?: readonly Related[];
}

// biome-ignore lint/suspicious/noExplicitAny: a factory may take any arguments
type Factory = (...args: any[]) => MessageText;

/** One row of a table: a code and the messages it is reported with. */
export interface CodeEntry<F extends Record<string, Factory> = Record<string, Factory>> {
  readonly code: string;
  readonly severity: Severity;
  /** When it is reported (one line for docs/diagnostics.md). */
  readonly when: string;
  readonly messages: F;
  /** Arguments for the example messages docs/diagnostics.md shows, by factory name. */
  readonly examples?: { readonly [K in keyof F]?: Parameters<F[K]> };
}

/** A code's factories, each returning a Message, plus the code and severity themselves. */
export type BoundEntry<F extends Record<string, Factory>> = {
  readonly [K in keyof F]: (...args: Parameters<F[K]>) => Message;
} & { readonly code: string; readonly severity: Severity };

export type BoundTable<T extends Record<string, CodeEntry>> = {
  readonly [N in keyof T]: BoundEntry<T[N]['messages']>;
};

/** A table as data, for the documentation and the consistency tests. */
export interface TableData {
  readonly entries: Readonly<Record<string, CodeEntry>>;
}

/** Declares one code; only here to type-check `examples` against the factories. */
export function entry<const F extends Record<string, Factory>>(def: CodeEntry<F>): CodeEntry<F> {
  return def;
}

function bind(def: CodeEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { code: def.code, severity: def.severity };
  for (const [name, factory] of Object.entries(def.messages)) {
    out[name] = (...args: unknown[]): Message => toMessage(def, factory(...args));
  }
  return out;
}

function toMessage(def: CodeEntry, text: MessageText): Message {
  if (typeof text === 'string') return { code: def.code, severity: def.severity, message: text };
  return {
    code: def.code,
    severity: text.severity ?? def.severity,
    message: text.message,
    ...(text.notes && text.notes.length > 0 ? { notes: text.notes } : {}),
    ...(text.related && text.related.length > 0 ? { related: text.related } : {}),
  };
}

/** Binds a table: `Table.Code.factory(...args)` returns a Message with the code and severity. */
export function defineDiagnostics<const T extends Record<string, CodeEntry>>(entries: T): BoundTable<T> & TableData {
  const bound: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(entries)) bound[name] = bind(def);
  Object.defineProperty(bound, 'entries', { value: entries, enumerable: false });
  return bound as BoundTable<T> & TableData;
}

/** The codes of a table by name, e.g. `{ SingleQuotes: 'EQL1002', ... }`. */
export function codesOf<B extends object>(
  table: B & TableData,
): { readonly [N in Exclude<keyof B, 'entries'>]: string } {
  const out: Record<string, string> = {};
  for (const [name, def] of Object.entries(table.entries)) out[name] = def.code;
  return out as { readonly [N in Exclude<keyof B, 'entries'>]: string };
}

/** Places a message: the Diagnostic at `range` in `source` (in `file`, when the source has several). */
export function diagnosticAt(m: Message, range: Range, source: SourceName = 'rule', file?: string): Diagnostic {
  const related: RelatedLocation[] | undefined = m.related?.map((r) => ({
    message: r.message,
    range: { start: r.range.start, end: r.range.end },
    source: r.source ?? source,
  }));
  return {
    code: m.code,
    severity: m.severity,
    message: m.message,
    range: { start: range.start, end: range.end },
    source,
    ...(m.notes && m.notes.length > 0 ? { notes: m.notes } : {}),
    ...(related && related.length > 0 ? { related } : {}),
    ...(file !== undefined ? { file } : {}),
  };
}
