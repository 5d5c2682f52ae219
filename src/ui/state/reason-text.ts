/**
 * One-line reason wording for a verdict, as structured parts so the UI can style code spans.
 * e.g. suppressed by `process.executable in (...)` → `"/usr/bin/dpkg"` · process.executable = `/usr/bin/dpkg`
 */
import type { Reason, Verdict } from '../../core';

export interface ReasonParts {
  readonly verb: string;
  /** The whole clause text, exactly as in the rule. */
  readonly clause: string;
  /** The narrowed element/pattern, when it differs from the clause. */
  readonly match?: string;
  readonly field?: string;
  /** The field's value as shown (`missing` when absent). */
  readonly value?: string;
  readonly note?: string;
}

/** What tells two reasons of one verdict apart (a React key, with `withKeys` for repeats). */
export function reasonKey(r: Reason): string {
  return `${r.kind}:${r.clauseId}:${r.matchId ?? ''}:${r.exception ? `${r.exception.list_id}/${r.exception.item_id}` : ''}`;
}

export function formatValue(v: unknown): string {
  if (v === undefined) return 'missing';
  if (typeof v === 'string') return v;
  // `1e400` reads as Infinity, which JSON would print as null.
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return JSON.stringify(v);
}

export function reasonParts(verdict: Verdict['verdict'], r: Reason): ReasonParts {
  if (r.kind === 'exception') return exceptionParts(r);
  const verb =
    r.kind === 'exclusion'
      ? 'suppressed by'
      : r.kind === 'category'
        ? verdict === 'alert'
          ? 'category'
          : 'wrong category:'
        : r.kind === 'error'
          ? 'error in'
          : verdict === 'alert'
            ? 'matched'
            : 'missed by';
  const match = r.match && r.match.text !== r.clause.text ? r.match.text : undefined;
  const hasField = r.field !== undefined && (r.kind !== 'category' || r.value !== undefined);
  return {
    verb,
    clause: r.clause.text,
    ...(match !== undefined ? { match } : {}),
    ...(hasField ? { field: r.field, value: formatValue(r.value) } : {}),
    ...(r.note ? { note: r.note } : r.message ? { note: r.message } : {}),
  };
}

/** An exception reason: the item, its first matched entry and the event's value there. */
function exceptionParts(r: Reason): ReasonParts {
  const entry = r.entries?.find((e) => e.type !== 'nested') ?? r.entries?.[0];
  const leaf = entry?.type === 'nested' ? (entry.entries?.[0] ?? entry) : entry;
  return {
    verb: 'excepted by',
    clause: r.exception ? `${r.exception.name} (${r.exception.item_id})` : r.clause.text,
    ...(leaf ? { field: leaf.field, value: formatValue(leaf.eventValue) } : {}),
    ...(r.note ? { note: r.note } : {}),
  };
}

/** Plain text of a reason (for titles and copying). */
export function reasonText(verdict: Verdict['verdict'], r: Reason): string {
  const p = reasonParts(verdict, r);
  let s = `${p.verb} \`${collapse(p.clause)}\``;
  if (p.match) s += ` → \`${p.match}\``;
  if (p.field !== undefined) s += ` · ${p.field} = \`${p.value}\``;
  if (p.note) s += ` (${p.note})`;
  return s;
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Shorten long text in the middle, keeping its start and end ("a in ( "x", … "z" )"). */
export function abbreviate(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil(max * 0.7);
  const tail = max - head - 3;
  return `${text.slice(0, head)} … ${text.slice(text.length - tail)}`;
}
