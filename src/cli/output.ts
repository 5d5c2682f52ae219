/** Rendering core results for the terminal: JSON shapes and the readable table. */
import type {
  CandidateNote,
  Diagnostic,
  ExceptionStat,
  MatchedEntry,
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
  /** Exception files and value lists by name (diagnostics of those name theirs in `file`). */
  readonly files?: ReadonlyMap<string, string>;
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

function textOf(d: { readonly source: Diagnostic['source']; readonly file?: string }, texts: Texts): string {
  if (d.file !== undefined && texts.files?.has(d.file)) return texts.files.get(d.file)!;
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
    ...(d.file !== undefined ? { file: d.file } : {}),
    start: idx.position(d.range.start),
    end: idx.position(d.range.end),
    ...(d.notes ? { notes: d.notes } : {}),
    ...(d.related
      ? {
          related: d.related.map((r) => {
            const at = indexFor(textOf({ source: r.source, ...(d.file !== undefined ? { file: d.file } : {}) }, texts));
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
  return {
    _id: v.id,
    verdict: v.verdict,
    ...(v.wouldBe !== undefined ? { would_be: v.wouldBe } : {}),
    reasons: v.reasons.map((r) => (r.kind === 'exception' ? exceptionReasonJson(r) : reasonJson(r, rule))),
  };
}

/** A matched entry in the JSON output's spelling (`event_value`; absent when the event lacks the field). */
function entryJson(e: MatchedEntry): Record<string, unknown> {
  const { eventValue, entries, ...rest } = e;
  return {
    ...rest,
    ...(eventValue !== undefined ? { event_value: eventValue } : {}),
    ...(entries ? { entries: entries.map(entryJson) } : {}),
  };
}

/** An exception reason: the item and the entries that held (no clause in the rule to locate). */
function exceptionReasonJson(r: Reason): Record<string, unknown> {
  return {
    kind: r.kind,
    exception: r.exception,
    entries: (r.entries ?? []).map(entryJson),
    ...(r.note !== undefined ? { note: r.note } : {}),
  };
}

/** Per exception item: whether it applied and how many events it removed. */
export function exceptionStatJson(s: ExceptionStat): Record<string, unknown> {
  return {
    ...s.exception,
    status: s.status,
    ...(s.reason !== undefined ? { reason: s.reason } : {}),
    removed: s.removed,
    removed_matching: s.removedMatching,
  };
}

export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  texts: Texts,
  out: (s: string) => void,
  file?: string,
): void {
  const place = (source: Diagnostic['source'], offset: number, own?: string): string => {
    const p = indexFor(textOf({ source, ...(own !== undefined ? { file: own } : {}) }, texts)).position(offset);
    const name =
      own !== undefined && texts.files?.has(own)
        ? own
        : file && (source === 'rule' || source === 'workspace')
          ? file
          : source;
    return `${name}:${p.line}:${p.column}`;
  };
  for (const d of diagnostics) {
    out(
      `${terminalSafe(place(d.source, d.range.start, d.file))}: ${d.severity} ${d.code}: ${terminalSafe(d.message)}\n`,
    );
    for (const n of d.notes ?? []) out(`    note: ${terminalSafe(n)}\n`);
    for (const r of d.related ?? []) {
      out(`    ${terminalSafe(place(r.source, r.range.start, d.file))}: related: ${terminalSafe(r.message)}\n`);
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

/** One matched entry: `field is "v"`, `field is not one of [...]`, `field exists`, with the event's value. */
function entryText(e: MatchedEntry): string {
  if (e.entries) return `${e.field} (nested): ${e.entries.map(entryText).join(', ')}`;
  const not = e.operator === 'excluded' ? ' not' : '';
  let cond: string;
  switch (e.type) {
    case 'match':
      cond = `is${not} ${JSON.stringify(e.value)}`;
      break;
    case 'match_any':
      cond = `is${not} one of ${JSON.stringify(e.value)}`;
      break;
    case 'wildcard':
      cond = `${not ? 'does not match' : 'matches'} ${JSON.stringify(e.value)}`;
      break;
    case 'exists':
      cond = not ? 'does not exist' : 'exists';
      break;
    case 'list':
      cond = `is${not} in list ${e.list?.id ?? ''}`;
      break;
    default:
      cond = e.type;
  }
  const value =
    e.type === 'exists' && !not ? '' : ` (event: ${e.eventValue === undefined ? 'missing' : valueText(e.eventValue)})`;
  return `${e.field} ${cond}${value}`;
}

/** An exception reason on one line: the item and the entries that held. */
function exceptionLine(r: Reason): string {
  const name = r.exception ? `${r.exception.name} (${r.exception.item_id})` : r.clause.text;
  let line = `excepted by ${name}: ${(r.entries ?? []).map(entryText).join(' and ')}`;
  if (r.note) line += `  (${r.note})`;
  return terminalSafe(line);
}

/** One reason on one line, safe for a terminal. */
export function reasonLine(r: Reason): string {
  if (r.kind === 'exception') return exceptionLine(r);
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
    const lines = v.reasons.map(reasonLine);
    // An excepted event: the items first, then what the query alone would say.
    if (v.verdict === 'excepted' && v.wouldBe !== undefined) {
      const at = v.reasons.findIndex((r) => r.kind !== 'exception');
      lines.splice(at < 0 ? lines.length : at, 0, `query alone: ${v.wouldBe}`);
    }
    const [first, ...rest] = lines;
    out(`${terminalSafe(v.id).padEnd(idWidth)}  ${v.verdict.padEnd(10)}  ${first ?? ''}\n`);
    for (const l of rest) out(`${''.padEnd(idWidth)}  ${''.padEnd(10)}  ${l}\n`);
  }
  out(
    `${counts.alert} alert · ${counts.suppressed} suppressed · ${counts['no-match']} no match${counts.excepted ? ` · ${counts.excepted} excepted` : ''}${counts.error ? ` · ${counts.error} error` : ''}\n`,
  );
}

/** Per exception item: its status and the events it removed (like clause counts). */
export function printExceptionStats(stats: readonly ExceptionStat[], out: (s: string) => void): void {
  out('REMOVED  EXCEPTION ITEM\n');
  for (const s of stats) {
    const name = terminalSafe(`${s.exception.name} (${s.exception.item_id})`);
    const removed = s.status === 'applied' ? String(s.removed) : '-';
    let status = '';
    if (s.status !== 'applied') status = `  not applied: ${terminalSafe(s.reason ?? s.status)}`;
    else if (s.removed === 0) status = '  removes nothing';
    else if (s.removedMatching > 0) status = `  (${s.removedMatching} of them the query matches)`;
    out(`${removed.padStart(7)}  ${name}${status}\n`);
  }
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
    ...(e.excepted ? { excepted: e.excepted.map(exceptionReasonJson) } : {}),
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
    const label = e.excepted ? 'excepted' : matched.length > 0 ? matched.map(stageLabel).join(', ') : 'none';
    const lines: string[] = [];
    for (const r of e.excepted ?? []) lines.push(exceptionLine(r));
    if (e.note) lines.push(e.note);
    for (const s of matched) if (s.note) lines.push(`${stageLabel(s)}: ${s.note}`);
    for (const c of e.candidates)
      lines.push(`candidate ${c.candidate} (${c.role} at stage ${c.stage + 1}): ${c.message}`);
    if (matched.length === 0 && !e.excepted) {
      const first = e.stages.find((s) => s.reasons && s.reasons.length > 0);
      if (first) lines.push(`${stageLabel(first)}: ${reasonLine(first.reasons![0]!)}`);
    }
    out(`${terminalSafe(e.id).padEnd(idWidth)}  ${label.padEnd(7)}  ${terminalSafe(lines[0] ?? '')}\n`);
    for (const l of lines.slice(1)) out(`${''.padEnd(idWidth)}  ${''.padEnd(7)}  ${terminalSafe(l)}\n`);
  }
}
