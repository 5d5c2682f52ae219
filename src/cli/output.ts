/** Rendering core results for the terminal: JSON shapes and the readable table. */
import type { Diagnostic, Reason, Span, Verdict } from '../core/index';
import { LineIndex } from '../core/index';

export interface Texts {
  readonly rule: string;
  readonly events: string;
  readonly mapping: string;
}

const indexCache = new Map<string, LineIndex>();
function indexFor(text: string): LineIndex {
  let idx = indexCache.get(text);
  if (!idx) {
    idx = new LineIndex(text);
    indexCache.set(text, idx);
  }
  return idx;
}

function textOf(d: Diagnostic, texts: Texts): string {
  switch (d.source) {
    case 'events':
      return texts.events;
    case 'mapping':
      return texts.mapping;
    default:
      return texts.rule;
  }
}

export function diagnosticJson(d: Diagnostic, texts: Texts): Record<string, unknown> {
  const idx = indexFor(textOf(d, texts));
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    source: d.source,
    start: idx.position(d.range.start),
    end: idx.position(d.range.end),
    ...(d.notes ? { notes: d.notes } : {}),
  };
}

function spanJson(s: Span, rule: string): Record<string, unknown> {
  const idx = indexFor(rule);
  return { text: s.text, start: idx.position(s.range.start), end: idx.position(s.range.end) };
}

function reasonJson(r: Reason, rule: string): Record<string, unknown> {
  return {
    kind: r.kind,
    clause: spanJson(r.clause, rule),
    ...(r.match ? { match: spanJson(r.match, rule) } : {}),
    ...(r.field !== undefined ? { field: r.field } : {}),
    ...(r.value !== undefined ? { value: r.value } : {}),
    ...(r.note !== undefined ? { note: r.note } : {}),
    ...(r.message !== undefined ? { message: r.message } : {}),
  };
}

export function verdictJson(v: Verdict, rule: string): Record<string, unknown> {
  return { _id: v.id, verdict: v.verdict, reasons: v.reasons.map((r) => reasonJson(r, rule)) };
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], texts: Texts, out: (s: string) => void, file?: string): void {
  for (const d of diagnostics) {
    const p = indexFor(textOf(d, texts)).position(d.range.start);
    const where = file && d.source === 'rule' ? file : d.source;
    out(`${where}:${p.line}:${p.column}: ${d.severity} ${d.code}: ${d.message}\n`);
    for (const n of d.notes ?? []) out(`    note: ${n}\n`);
  }
}

/** Shorten a clause for one table line: long lists become `(...)`. */
export function shortClause(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= max) return oneLine;
  const paren = oneLine.indexOf('(');
  if (paren > 0 && paren < max - 5) return `${oneLine.slice(0, paren + 1)}...)`;
  return `${oneLine.slice(0, max - 3)}...`;
}

export function reasonLine(r: Reason): string {
  const clause = shortClause(r.clause.text);
  const parts = [r.kind === 'error' ? `error in ${clause}: ${r.message ?? ''}` : clause];
  if (r.match) parts.push(`matched ${r.match.text}`);
  if (r.field !== undefined) parts.push(`${r.field} = ${r.value === undefined ? '(missing)' : JSON.stringify(r.value)}`);
  let line = parts.join('  ');
  if (r.note) line += `  (${r.note})`;
  return line;
}

export function printVerdictTable(verdicts: readonly Verdict[], out: (s: string) => void): void {
  const idWidth = Math.min(24, Math.max(5, ...verdicts.map((v) => v.id.length)));
  const counts = { alert: 0, suppressed: 0, 'no-match': 0, error: 0 };
  out(`${'EVENT'.padEnd(idWidth)}  ${'VERDICT'.padEnd(10)}  REASON\n`);
  for (const v of verdicts) {
    counts[v.verdict]++;
    const [first, ...rest] = v.reasons;
    out(`${v.id.padEnd(idWidth)}  ${v.verdict.padEnd(10)}  ${first ? reasonLine(first) : ''}\n`);
    for (const r of rest) out(`${''.padEnd(idWidth)}  ${''.padEnd(10)}  ${reasonLine(r)}\n`);
  }
  out(`${counts.alert} alert · ${counts.suppressed} suppressed · ${counts['no-match']} no match${counts.error ? ` · ${counts.error} error` : ''}\n`);
}
