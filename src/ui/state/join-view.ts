/**
 * The results view of a `sequence` or `sample` query, derived from the core's join explanation.
 * Pure: plain data in, plain data out.
 *
 * Rows keep the event-query contract: one row per input event, with verdict `alert` when the
 * event is part of a returned sequence (or sample) and `no-match` otherwise, so filters,
 * keyboard navigation and tests work the same for every query kind.
 */
import type {
  CandidateNote,
  Hits,
  JoinEventExplanation,
  JoinExplanation,
  JoinStageInfo,
  Range,
  Reason,
  SampleGroupExplanation,
  StageVerdict,
  Verdict,
} from '../../core';
import type { JoinOutline } from '../../worker/protocol';

export interface JoinRow extends Verdict {
  readonly verdict: 'alert' | 'no-match';
  /** Indices into `hits.sequences` of the returned sequences (samples) this event is part of. */
  readonly sequences: readonly number[];
  /** Stage positions whose filter the event satisfied. */
  readonly matchedStages: readonly number[];
  readonly explanation: JoinEventExplanation | undefined;
}

export interface SequenceStageCell {
  readonly stage: number;
  readonly role: JoinStageInfo['role'];
  readonly label: string;
  readonly missing: boolean;
  readonly id?: string;
  readonly position?: number;
  readonly timestamp?: number;
}

/** One returned sequence (or sample) as the list shows it. */
export interface SequenceCard {
  /** Index into `hits.sequences`. */
  readonly index: number;
  readonly joinKeys: readonly unknown[];
  readonly cells: readonly SequenceStageCell[];
  /** Sequences: last minus first event time, in ms. */
  readonly spanMs?: number;
  readonly maxspanMs?: number;
  /** Positions of the input events it holds, in stage order. */
  readonly positions: readonly number[];
}

export interface JoinSummary {
  readonly kind: 'sequence' | 'sample';
  readonly returned: number;
  readonly eventsInResults: number;
  readonly notInResults: number;
  /** Candidates that completed but fell outside `size`. */
  readonly outsideSize: number;
}

/** "S1", "S2", … for stages; "until" for the until term; "F1" … for sample filters. */
export function stageLabel(s: Pick<JoinStageInfo, 'role' | 'stage'>): string {
  if (s.role === 'until') return 'until';
  if (s.role === 'filter') return `F${s.stage + 1}`;
  return `S${s.stage + 1}`;
}

/** The stages that fill positions of a result, in order (without `until`). */
export function resultStages(join: JoinExplanation): readonly JoinStageInfo[] {
  return join.stages
    .filter((s) => s.role !== 'until')
    .slice()
    .sort((a, b) => a.stage - b.stage);
}

/** The returned sequences or samples, with their events per stage. */
export function sequenceCards(join: JoinExplanation, hits: Hits | undefined): SequenceCard[] {
  const stages = resultStages(join);
  if (join.kind === 'sequence') {
    return join.sequences.map((s) => {
      const cells = stages.map((st): SequenceStageCell => {
        const filled = s.stages.find((c) => c.stage === st.stage);
        return {
          stage: st.stage,
          role: st.role,
          label: stageLabel(st),
          missing: filled?.missing ?? st.role === 'missing',
          ...(filled?.id !== undefined ? { id: filled.id } : {}),
          ...(filled?.position !== undefined ? { position: filled.position } : {}),
          ...(filled?.timestamp !== undefined ? { timestamp: filled.timestamp } : {}),
        };
      });
      return {
        index: s.sequence,
        joinKeys: s.joinKeys,
        cells,
        spanMs: s.spanMs,
        ...(s.maxspanMs !== undefined ? { maxspanMs: s.maxspanMs } : {}),
        positions: cells.flatMap((c) => (c.position !== undefined ? [c.position] : [])),
      };
    });
  }
  const cards: SequenceCard[] = [];
  for (const g of join.groups ?? []) {
    g.samples.forEach((index, k) => {
      const fill = g.fillers[k] ?? [];
      const cells = stages.map((st): SequenceStageCell => {
        const f = fill.find((x) => x.filter === st.stage);
        return {
          stage: st.stage,
          role: st.role,
          label: stageLabel(st),
          missing: false,
          ...(f ? { id: f.id, position: f.position } : {}),
        };
      });
      cards.push({
        index,
        joinKeys: hits?.sequences?.[index]?.join_keys ?? g.joinKeys,
        cells,
        positions: fill.map((f) => f.position),
      });
    });
  }
  return cards.sort((a, b) => a.index - b.index);
}

/** An input event's row: alert when it is part of a returned sequence or sample. */
function joinRow(
  position: number,
  id: string,
  ex: JoinEventExplanation | undefined,
  sequences: readonly number[],
): JoinRow {
  return {
    id,
    position,
    verdict: sequences.length > 0 ? 'alert' : 'no-match',
    reasons: [],
    sequences,
    matchedStages: ex ? ex.stages.filter((s) => s.matched && s.stage >= 0).map((s) => s.stage) : [],
    explanation: ex,
  };
}

/** One row per input event. */
export function joinRows(join: JoinExplanation, cards: readonly SequenceCard[], eventCount: number): JoinRow[] {
  const inSeq = membership(cards);
  const byPosition = new Map<number, JoinEventExplanation>();
  for (const e of join.events) byPosition.set(e.position, e);
  const n = Math.max(eventCount, join.events.length);
  const rows: JoinRow[] = [];
  for (let position = 0; position < n; position++) {
    const ex = byPosition.get(position);
    if (!ex && position >= eventCount) continue;
    rows.push(joinRow(position, ex?.id ?? String(position), ex, inSeq.get(position) ?? []));
  }
  return rows;
}

export function joinSummary(
  join: JoinExplanation,
  cards: readonly SequenceCard[],
  rows: readonly JoinRow[],
): JoinSummary {
  const inResults = rows.filter((r) => r.verdict === 'alert').length;
  const outside = new Set<number>();
  for (const e of join.events) for (const c of e.candidates) if (c.outcome === 'outside-size') outside.add(c.candidate);
  return {
    kind: join.kind,
    returned: cards.length,
    eventsInResults: inResults,
    notInResults: rows.length - inResults,
    outsideSize: outside.size,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 sequences · 12 events in sequences · 5 not in a sequence". */
export function joinSummaryText(s: JoinSummary): string {
  const noun = s.kind === 'sample' ? 'sample' : 'sequence';
  const parts = [
    plural(s.returned, noun),
    `${plural(s.eventsInResults, 'event')} in ${noun}s`,
    `${s.notInResults} not in a ${noun}`,
  ];
  if (s.outsideSize > 0) parts.push(`${s.outsideSize} more outside size`);
  return parts.join(' · ');
}

/** A duration the way maxspan is written: 90000 -> "1m 30s", 250 -> "250ms". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms));
  if (rest === 0) return '0s';
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
    ['ms', 1],
  ];
  const out: string[] = [];
  for (const [u, size] of units) {
    if (rest >= size) {
      out.push(`${Math.floor(rest / size)}${u}`);
      rest %= size;
    }
    if (out.length === 2) break;
  }
  return sign + out.join(' ');
}

/** "span 10s of maxspan 1m", "span 10s", or "" for samples. */
export function spanText(card: SequenceCard): string {
  if (card.spanMs === undefined) return '';
  const span = `span ${formatDuration(card.spanMs)}`;
  return card.maxspanMs !== undefined ? `${span} of maxspan ${formatDuration(card.maxspanMs)}` : span;
}

export function joinKeysText(keys: readonly unknown[]): string {
  if (keys.length === 0) return 'no join keys';
  return keys
    .map((k) => (k === null || k === undefined ? 'null' : typeof k === 'string' ? k : JSON.stringify(k)))
    .join(', ');
}

/** The stage verdicts that failed, with their reasons (for stages that have them). */
export function failedStages(ex: JoinEventExplanation): StageVerdict[] {
  return ex.stages.filter((s) => !s.matched);
}

/**
 * The one line a row shows under its header: the fate of its candidates, or what it matched, or
 * the first failing reason of the first stage.
 */
export type RowLine =
  | { readonly kind: 'candidate'; readonly note: CandidateNote }
  | { readonly kind: 'stage-note'; readonly stage: StageVerdict }
  | { readonly kind: 'reason'; readonly stage: StageVerdict; readonly reason: Reason }
  | { readonly kind: 'text'; readonly text: string };

export function rowLine(row: JoinRow): RowLine {
  const ex = row.explanation;
  if (!ex) return { kind: 'text', text: 'no explanation for this event' };
  const notes = ex.candidates;
  const returned = notes.find((c) => c.outcome === 'returned');
  const other = notes.find((c) => c.outcome !== 'returned');
  if (other && !returned) return { kind: 'candidate', note: other };
  if (returned) return { kind: 'candidate', note: returned };
  const noted = ex.stages.find((s) => s.matched && s.note);
  if (noted) return { kind: 'stage-note', stage: noted };
  if (ex.note) return { kind: 'text', text: ex.note };
  if (row.matchedStages.length > 0)
    return {
      kind: 'text',
      text: `matched ${row.matchedStages.length === 1 ? 'a stage' : 'stages'} but started no candidate`,
    };
  // The most telling failure: a stage whose category fits but whose condition fails, else the first.
  const failures = ex.stages.filter((s) => s.role !== 'until' && !s.matched && s.reasons && s.reasons.length > 0);
  const failed = failures.find((s) => s.reasons![0]!.kind !== 'category') ?? failures[0];
  if (failed) return { kind: 'reason', stage: failed, reason: failed.reasons![0]! };
  return { kind: 'text', text: 'matched no stage' };
}

export interface JoinHighlight {
  readonly range: Range;
  readonly role: 'clause' | 'match' | 'failed';
}

/** Rule-editor highlights for a selected event: the stage terms it matched (else its failed clauses). */
export function eventStageHighlights(join: JoinExplanation, row: JoinRow): JoinHighlight[] {
  const byStage = new Map(join.stages.map((s) => [`${s.role === 'until' ? -1 : s.stage}`, s]));
  const ex = row.explanation;
  if (!ex) return [];
  const matched = ex.stages.filter((s) => s.matched);
  if (matched.length > 0) {
    return matched.flatMap((s) => {
      const info = byStage.get(`${s.role === 'until' ? -1 : s.stage}`);
      return info ? [{ range: info.text.range, role: 'match' as const }] : [];
    });
  }
  const out: JoinHighlight[] = [];
  for (const s of ex.stages) for (const r of s.reasons ?? []) out.push({ range: r.clause.range, role: 'failed' });
  return out;
}

/** Rule-editor highlights for a selected sequence: every stage term it filled. */
export function sequenceStageHighlights(join: JoinExplanation, card: SequenceCard): JoinHighlight[] {
  return card.cells.flatMap((c) => {
    const info = join.stages.find((s) => s.role !== 'until' && s.stage === c.stage);
    return info ? [{ range: info.text.range, role: c.missing ? ('failed' as const) : ('clause' as const) }] : [];
  });
}

/** Per stage term: how many events satisfied its filter (for editor badges). */
export function stageMatchCounts(join: JoinExplanation): { stage: JoinStageInfo; matched: number }[] {
  const counts = new Map<string, number>();
  for (const e of join.events) {
    for (const s of e.stages) {
      if (!s.matched) continue;
      const key = `${s.role}:${s.stage}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return join.stages.map((stage) => ({ stage, matched: counts.get(`${stage.role}:${stage.stage}`) ?? 0 }));
}

/** Sample groups the event belongs to (by the keys of the filters it satisfied). */
export function groupsOfEvent(join: JoinExplanation, ex: JoinEventExplanation): SampleGroupExplanation[] {
  const keys = new Set<string>();
  for (const s of ex.stages) for (const k of s.joinKeys ?? []) keys.add(JSON.stringify(k));
  return (join.groups ?? []).filter((g) => keys.has(JSON.stringify(g.joinKeys)));
}

/** The full view for the results panel. */
export interface JoinView {
  /** The explanation; `events` holds the events' parts that are known (all, or the rows fetched). */
  readonly join: JoinExplanation;
  readonly cards: readonly SequenceCard[];
  readonly summary: JoinSummary;
  /** Per stage term: how many events satisfy its filter (editor badges). */
  readonly stageCounts: readonly { readonly stage: JoinStageInfo; readonly matched: number }[];
  /** The row of the event at a position (its explanation when known). */
  rowAt(position: number): JoinRow;
}

/** Which returned sequences (samples) each position is part of. */
function membership(cards: readonly SequenceCard[]): Map<number, number[]> {
  const inSeq = new Map<number, number[]>();
  for (const c of cards) {
    for (const p of c.positions) {
      const list = inSeq.get(p);
      if (list) {
        if (!list.includes(c.index)) list.push(c.index);
      } else inSeq.set(p, [c.index]);
    }
  }
  return inSeq;
}

export function buildJoinView(
  join: JoinExplanation,
  hits: Hits | undefined,
  eventCount: number,
): JoinView & { readonly rows: readonly JoinRow[] } {
  const cards = sequenceCards(join, hits);
  const rows = joinRows(join, cards, eventCount);
  return {
    join,
    cards,
    rows,
    summary: joinSummary(join, cards, rows),
    stageCounts: stageMatchCounts(join),
    rowAt: (p) => rows[p] ?? rows.find((r) => r.position === p)!,
  };
}

/**
 * The view from the worker's outline, the events' explanations fetched so far and the compact
 * verdicts (alert: in a returned sequence or sample): no object per event until it is shown.
 */
export function outlineJoinView(
  outline: JoinOutline,
  hits: Hits | undefined,
  known: readonly JoinEventExplanation[],
  counts: { readonly alert: number; readonly total: number },
  idAt: (position: number) => string,
): JoinView {
  const join: JoinExplanation = {
    kind: outline.kind,
    stages: outline.stages,
    sequences: outline.sequences,
    events: known,
    ...(outline.groups ? { groups: outline.groups } : {}),
  };
  const cards = sequenceCards(join, hits);
  const inSeq = membership(cards);
  const byPosition = new Map(known.map((e) => [e.position, e]));
  return {
    join,
    cards,
    summary: {
      kind: outline.kind,
      returned: cards.length,
      eventsInResults: counts.alert,
      notInResults: counts.total - counts.alert,
      outsideSize: outline.outsideSize,
    },
    stageCounts: outline.stages.map((stage, i) => ({ stage, matched: outline.stageMatches[i] ?? 0 })),
    rowAt(position) {
      const ex = byPosition.get(position);
      return joinRow(position, ex?.id ?? idAt(position), ex, inSeq.get(position) ?? []);
    },
  };
}

/** The sequence view's filters: every event, those in a returned sequence (sample), the others. */
export function joinFilterOptions(
  view: JoinView,
): { key: 'all' | 'alert' | 'no-match'; label: string; count: number }[] {
  const noun = view.summary.kind === 'sample' ? 'sample' : 'sequence';
  return [
    { key: 'all', label: 'All', count: view.summary.eventsInResults + view.summary.notInResults },
    { key: 'alert', label: `In a ${noun}`, count: view.summary.eventsInResults },
    { key: 'no-match', label: `Not in a ${noun}`, count: view.summary.notInResults },
  ];
}
