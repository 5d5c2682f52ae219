/** Rendering core results for the terminal: JSON shapes and the readable table. */
import type {
  CandidateNote,
  Diagnostic,
  JoinExplanation,
  Reason,
  SequenceHit,
  Span,
  StageVerdict,
  Verdict,
} from '../core/index';
import { displayValue, LineIndex } from '../core/index';

/**
 * Text from the input (event ids, values, query excerpts, file names) made safe for a terminal:
 * control characters (C0, C1, DEL), line breaks and the bidirectional overrides are shown as
 * `\u{..}` escapes, so an event cannot move the cursor, set the title, recolour the screen or
 * fake a line of output.
 */
export function terminalSafe(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this escapes
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${c.charCodeAt(0).toString(16)}}`,
  );
}

/** The widest of `widths`, at least `min` and at most `max`, without spreading a huge array. */
function columnWidth(widths: Iterable<number>, min: number, max: number): number {
  let w = min;
  for (const x of widths) if (x > w) w = x;
  return Math.min(max, w);
}

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

function textOf(d: { readonly source: Diagnostic['source'] }, texts: Texts): string {
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
    ...(d.related
      ? {
          related: d.related.map((r) => {
            const at = indexFor(textOf(r, texts));
            return {
              message: r.message,
              source: r.source,
              start: at.position(r.range.start),
              end: at.position(r.range.end),
            };
          }),
        }
      : {}),
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

export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  texts: Texts,
  out: (s: string) => void,
  file?: string,
): void {
  const place = (source: Diagnostic['source'], offset: number): string => {
    const p = indexFor(textOf({ source }, texts)).position(offset);
    return `${file && (source === 'rule' || source === 'workspace') ? file : source}:${p.line}:${p.column}`;
  };
  for (const d of diagnostics) {
    out(`${terminalSafe(place(d.source, d.range.start))}: ${d.severity} ${d.code}: ${terminalSafe(d.message)}\n`);
    for (const n of d.notes ?? []) out(`    note: ${terminalSafe(n)}\n`);
    for (const r of d.related ?? []) {
      out(`    ${terminalSafe(place(r.source, r.range.start))}: related: ${terminalSafe(r.message)}\n`);
    }
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

/** One reason on one line, safe for a terminal. */
export function reasonLine(r: Reason): string {
  const clause = shortClause(r.clause.text);
  const parts = [r.kind === 'error' ? `error in ${clause}: ${r.message ?? ''}` : clause];
  if (r.match) parts.push(`matched ${shortClause(r.match.text)}`);
  if (r.field !== undefined) parts.push(`${r.field} = ${r.value === undefined ? '(missing)' : valueText(r.value)}`);
  let line = parts.join('  ');
  if (r.note) line += `  (${r.note})`;
  return terminalSafe(line);
}

/** A value in a table cell: JSON (numbers JSON cannot hold by name), cut short when long. */
function valueText(v: unknown): string {
  const text = displayValue(v);
  const shown = typeof v === 'string' ? JSON.stringify(text) : text;
  return shown.length > 200 ? `${shown.slice(0, 197)}...` : shown;
}

export function printVerdictTable(verdicts: readonly Verdict[], out: (s: string) => void): void {
  const idWidth = columnWidth(
    verdicts.map((v) => v.id.length),
    5,
    24,
  );
  const counts = { alert: 0, suppressed: 0, 'no-match': 0, error: 0, excepted: 0 };
  out(`${'EVENT'.padEnd(idWidth)}  ${'VERDICT'.padEnd(10)}  REASON\n`);
  for (const v of verdicts) {
    counts[v.verdict]++;
    const [first, ...rest] = v.reasons;
    out(`${terminalSafe(v.id).padEnd(idWidth)}  ${v.verdict.padEnd(10)}  ${first ? reasonLine(first) : ''}\n`);
    for (const r of rest) out(`${''.padEnd(idWidth)}  ${''.padEnd(10)}  ${reasonLine(r)}\n`);
  }
  out(
    `${counts.alert} alert · ${counts.suppressed} suppressed · ${counts['no-match']} no match${counts.error ? ` · ${counts.error} error` : ''}\n`,
  );
}

/* ───────────── sequences and samples ───────────── */

function stageVerdictJson(s: StageVerdict, rule: string): Record<string, unknown> {
  return {
    stage: s.stage,
    role: s.role,
    matched: s.matched,
    ...(s.joinKeys ? { join_keys: s.joinKeys } : {}),
    ...(s.reasons ? { reasons: s.reasons.map((r) => reasonJson(r, rule)) } : {}),
    ...(s.note !== undefined ? { note: s.note } : {}),
  };
}

function candidateJson(c: CandidateNote): Record<string, unknown> {
  return {
    candidate: c.candidate,
    stage: c.stage,
    role: c.role,
    outcome: c.outcome,
    message: c.message,
    join_keys: c.joinKeys,
    events: c.events,
    ...(c.by !== undefined ? { by: c.by } : {}),
    ...(c.blocker !== undefined ? { blocker: c.blocker } : {}),
    ...(c.exceededByMs !== undefined ? { exceeded_by_ms: c.exceededByMs } : {}),
    ...(c.sequence !== undefined ? { sequence: c.sequence } : {}),
  };
}

/** The explanation part of `run --json` for a sequence or sample (next to `hits`). */
export function joinJson(join: JoinExplanation, rule: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    stages: join.stages.map((s) => ({ stage: s.stage, term: s.term, role: s.role, text: spanJson(s.text, rule) })),
  };
  if (join.kind === 'sequence') {
    out.sequences = join.sequences.map((s) => ({
      sequence: s.sequence,
      join_keys: s.joinKeys,
      stages: s.stages,
      span_ms: s.spanMs,
      ...(s.maxspanMs !== undefined ? { maxspan_ms: s.maxspanMs } : {}),
    }));
  }
  if (join.groups) {
    out.groups = join.groups.map((g) => ({
      join_keys: g.joinKeys,
      candidates: g.candidates,
      samples: g.samples,
      fillers: g.fillers,
      complete: g.complete,
      ...(g.reason !== undefined ? { reason: g.reason } : {}),
    }));
  }
  out.events = join.events.map((e) => ({
    _id: e.id,
    ...(e.timestamp !== undefined ? { timestamp: e.timestamp } : {}),
    stages: e.stages.map((s) => stageVerdictJson(s, rule)),
    ...(e.candidates.length > 0 ? { candidates: e.candidates.map(candidateJson) } : {}),
    ...(e.note !== undefined ? { note: e.note } : {}),
  }));
  return out;
}

const stageLabel = (s: { stage: number; role: string }) =>
  s.role === 'until' ? 'until' : `${s.role === 'filter' ? 'filter' : 'stage'} ${s.stage + 1}`;

/** Readable sequences or samples: one line per result. */
export function printSequenceHits(
  sequences: readonly SequenceHit[],
  kind: 'sequence' | 'sample',
  out: (s: string) => void,
): void {
  out(`${kind === 'sample' ? 'samples' : 'sequences'}: ${sequences.length}\n`);
  sequences.forEach((s, i) => {
    const ids = s.events.map((e) => ('missing' in e && e.missing ? '(missing)' : e._id)).join(', ');
    const keys = s.join_keys ? `${displayValue(s.join_keys)}  ` : '';
    out(`  ${String(i + 1).padStart(3)}  ${terminalSafe(keys + ids)}\n`);
  });
}

/** Readable explanation: per returned sequence, per sample group, per event. */
export function printJoinExplanation(join: JoinExplanation, out: (s: string) => void): void {
  if (join.kind === 'sequence' && join.sequences.length > 0) {
    out('SEQUENCE  SPAN\n');
    for (const s of join.sequences) {
      const fill = s.stages.map((st) => `${st.stage + 1}:${st.missing ? '(missing)' : st.id}`).join(' ');
      out(
        `${String(s.sequence + 1).padEnd(8)}  ${s.spanMs} ms${s.maxspanMs !== undefined ? ` of maxspan ${s.maxspanMs} ms` : ''}  ${terminalSafe(fill)}\n`,
      );
    }
  }
  if (join.groups) {
    out('GROUP  JOIN KEYS  CANDIDATES PER FILTER  RESULT\n');
    join.groups.forEach((g, i) => {
      const result = g.samples.length > 0 ? `samples ${g.samples.map((n) => n + 1).join(', ')}` : 'none';
      out(
        `${String(i + 1).padEnd(5)}  ${terminalSafe(displayValue(g.joinKeys))}  ${g.candidates.join('/')}  ${result}${g.reason ? `  (${terminalSafe(g.reason)})` : ''}\n`,
      );
    });
  }
  const idWidth = columnWidth(
    join.events.map((e) => e.id.length),
    5,
    24,
  );
  out(`${'EVENT'.padEnd(idWidth)}  MATCHES  EXPLANATION\n`);
  for (const e of join.events) {
    const matched = e.stages.filter((s) => s.matched);
    const label = matched.length > 0 ? matched.map(stageLabel).join(', ') : 'none';
    const lines: string[] = [];
    if (e.note) lines.push(e.note);
    for (const s of matched) if (s.note) lines.push(`${stageLabel(s)}: ${s.note}`);
    for (const c of e.candidates)
      lines.push(`candidate ${c.candidate} (${c.role} at stage ${c.stage + 1}): ${c.message}`);
    if (matched.length === 0) {
      const first = e.stages.find((s) => s.reasons && s.reasons.length > 0);
      if (first) lines.push(`${stageLabel(first)}: ${reasonLine(first.reasons![0]!)}`);
    }
    out(`${terminalSafe(e.id).padEnd(idWidth)}  ${label.padEnd(7)}  ${terminalSafe(lines[0] ?? '')}\n`);
    for (const l of lines.slice(1)) out(`${''.padEnd(idWidth)}  ${''.padEnd(7)}  ${terminalSafe(l)}\n`);
  }
}
