/**
 * The worker's state between messages: the events it holds (a Dataset), the last evaluation in
 * full (so the rows the page shows can be served), and the baseline's verdict codes. No DOM and
 * no messaging here, so it is unit-tested directly; eval.worker.ts moves messages in and out.
 */
import { eqlSearchRequest, evaluate, exceptionRequestFilter, resolveSettings, traceEvent } from '../core';
import type { EvaluationResult, JoinExplanation, Reason, TraceEntry, Verdict } from '../core';
import { EventsStream } from '../formats/events-stream';
import { Dataset } from './dataset';
import { problemViews } from './problems';
import {
  NO_VERDICT,
  VERDICT_CODE,
  VERDICT_OF_CODE,
  type CompactEvaluation,
  type DatasetInfo,
  type DatasetProblem,
  type JoinOutline,
  type ReasonGroup,
  type RowDetail,
  type RunInput,
  type SequenceDetail,
} from './protocol';

export interface LoadProgress {
  readonly read: number;
  readonly total: number;
  readonly events: number;
}

interface LastRun {
  readonly key: string;
  readonly result: EvaluationResult;
  /** Verdicts by position (event queries). */
  readonly byPosition: (Verdict | undefined)[];
  readonly codes: Uint8Array;
}

const runKey = (input: RunInput, version: number) =>
  `${version}\u0000${input.rule}\u0000${input.mapping}\u0000${JSON.stringify(input.settings)}\u0000${JSON.stringify(input.exceptions ?? null)}`;

function coreRun(input: RunInput, dataset: Dataset, now: () => number): EvaluationResult {
  return evaluate({
    rule: input.rule,
    events: dataset.events,
    settings: input.settings,
    ...(input.mapping.trim() ? { mapping: input.mapping } : {}),
    ...(input.exceptions ? { exceptions: input.exceptions } : {}),
    now,
  });
}

/** Verdict codes by position: event verdicts, or membership of a returned sequence or sample. */
function codesOf(result: EvaluationResult, count: number, byPosition: (Verdict | undefined)[]): Uint8Array {
  const codes = new Uint8Array(count).fill(NO_VERDICT);
  if (result.verdicts) {
    for (const v of result.verdicts) {
      codes[v.position] = VERDICT_CODE[v.verdict];
      byPosition[v.position] = v;
    }
  } else if (result.join) {
    const inResults = new Set<number>();
    for (const s of result.join.sequences)
      for (const st of s.stages) if (st.position !== undefined) inResults.add(st.position);
    for (const g of result.join.groups ?? []) for (const f of g.fillers) for (const x of f) inResults.add(x.position);
    for (const e of result.join.events)
      codes[e.position] = e.excepted
        ? VERDICT_CODE.excepted
        : inResults.has(e.position)
          ? VERDICT_CODE.alert
          : VERDICT_CODE['no-match'];
  }
  return codes;
}

/** Groups events by their first reason (the deciding clause and part). */
function groupsOf(count: number, codes: Uint8Array, byPosition: (Verdict | undefined)[]) {
  const groups: ReasonGroup[] = [];
  const index = new Map<string, number>();
  const groupOf = new Uint32Array(count);
  const intern = (key: string, make: () => ReasonGroup): number => {
    let g = index.get(key);
    if (g === undefined) {
      g = groups.length;
      groups.push(make());
      index.set(key, g);
    }
    return g;
  };
  const byReason = new Map<Reason, number>();
  for (let p = 0; p < count; p++) {
    const v = byPosition[p];
    const code = codes[p]!;
    if (code === NO_VERDICT) groupOf[p] = intern('none', () => ({ kind: 'none' }));
    else if (!v) groupOf[p] = intern(`seq${code}`, () => ({ kind: code === VERDICT_CODE.alert ? 'sequence' : 'none' }));
    else if (v.reasons.length === 0) groupOf[p] = intern('alert', () => ({ kind: 'alert' }));
    else {
      const r = v.reasons[0]!;
      let g = byReason.get(r);
      if (g === undefined) {
        g = intern(`${r.kind}\u0000${r.clauseId}\u0000${r.matchId ?? ''}\u0000${r.message ?? ''}`, () => ({
          kind: r.kind,
          clause: r.clause.text,
          ...(r.match ? { match: r.match.text } : {}),
          ...(r.field !== undefined ? { field: r.field } : {}),
          clauseId: r.clauseId,
          ...(r.matchId !== undefined ? { matchId: r.matchId } : {}),
        }));
        byReason.set(r, g);
      }
      groupOf[p] = g;
    }
  }
  return { groups, groupOf };
}

/** The parts of a join explanation the page needs besides the events' own (those come with rows). */
function joinOutline(join: JoinExplanation): JoinOutline {
  const matches = new Map<string, number>();
  const outside = new Set<number>();
  for (const e of join.events) {
    for (const st of e.stages)
      if (st.matched) matches.set(`${st.role}:${st.stage}`, (matches.get(`${st.role}:${st.stage}`) ?? 0) + 1);
    for (const c of e.candidates) if (c.outcome === 'outside-size') outside.add(c.candidate);
  }
  return {
    kind: join.kind,
    stages: join.stages,
    sequences: join.sequences,
    ...(join.groups ? { groups: join.groups } : {}),
    stageMatches: join.stages.map((st) => matches.get(`${st.role}:${st.stage}`) ?? 0),
    outsideSize: outside.size,
  };
}

/** A text in slices (a million characters by default ; a slice never splits a surrogate pair). */
export async function* textChunks(text: string, size = 1 << 20): AsyncGenerator<string> {
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield text.slice(i, end);
    i = end;
  }
}

export class WorkerSession {
  private datasetVersion = 0;
  dataset: Dataset = Dataset.fromText('', { kind: 'text' }, 0);
  private last: LastRun | undefined;
  /** The last run that gave verdicts (or a join): the rows on screen stay explained while the rule has errors. */
  private good: LastRun | undefined;
  private baseline: { readonly key: string; readonly codes: Uint8Array } | undefined;
  /** An evaluation asked for other than the last run's (see `evaluation`). */
  private asked: { readonly key: string; readonly result: EvaluationResult } | undefined;
  private bySource: { readonly version: number; readonly map: Map<unknown, number> } | undefined;

  constructor(private readonly now: () => number = () => 0) {}

  private replaceDataset(make: (version: number) => Dataset): DatasetInfo {
    this.dataset = make(++this.datasetVersion);
    this.last = undefined;
    this.good = undefined;
    this.baseline = undefined;
    this.asked = undefined;
    return this.dataset.info();
  }

  /** The events editor's text: ranges and problems point into it. */
  loadText(text: string, idField?: string, labelField?: string): DatasetInfo {
    const source = {
      kind: 'text' as const,
      ...(idField ? { idField } : {}),
      ...(labelField !== undefined ? { labelField } : {}),
    };
    return this.replaceDataset((v) => Dataset.fromText(text, source, v));
  }

  /** Read chunks as they come (a file's stream), reporting progress now and then. */
  async loadChunks(
    chunks: AsyncIterable<string>,
    total: number,
    name: string,
    idField: string | undefined,
    progress: (p: LoadProgress) => void,
    labelField?: string,
  ): Promise<DatasetInfo> {
    const stream = new EventsStream(idField ? { idField } : {});
    let read = 0;
    let lastReport = this.now();
    for await (const chunk of chunks) {
      stream.push(chunk);
      read += chunk.length;
      const t = this.now();
      if (t - lastReport >= 100) {
        lastReport = t;
        progress({ read, total, events: stream.eventCount });
      }
    }
    const result = stream.end();
    const source = {
      kind: 'file' as const,
      name,
      ...(idField ? { idField } : {}),
      ...(labelField !== undefined ? { labelField } : {}),
    };
    return this.replaceDataset((v) => Dataset.fromStream(result, source, v));
  }

  /** Evaluate the held events; the full result stays here for `rows`. */
  run(input: RunInput, baseline?: RunInput, rows?: readonly number[]): CompactEvaluation {
    const t0 = this.now();
    const ds = this.dataset;
    const key = runKey(input, ds.version);
    // The last run, or an evaluation asked for since (an exception preview's), may be this one.
    const result =
      this.last?.key === key
        ? this.last.result
        : this.asked?.key === key
          ? this.asked.result
          : coreRun(input, ds, this.now);
    this.asked = undefined;
    const byPosition: (Verdict | undefined)[] = new Array(ds.count);
    const verdicts = codesOf(result, ds.count, byPosition);
    this.last = { key, result, byPosition, codes: verdicts };
    if (result.ok && (result.verdicts !== undefined || result.join !== undefined)) this.good = this.last;
    const counts = { alert: 0, suppressed: 0, 'no-match': 0, error: 0, excepted: 0, total: ds.count };
    for (let p = 0; p < verdicts.length; p++) {
      const c = verdicts[p]!;
      if (c !== NO_VERDICT) counts[VERDICT_OF_CODE[c]!]++;
    }
    const { groups, groupOf } = groupsOf(ds.count, verdicts, byPosition);
    const hitPositions = this.hitPositions(result);
    return {
      datasetVersion: ds.version,
      ok: result.ok,
      queryKind: result.queryKind,
      diagnostics: result.diagnostics,
      problems: problemViews(
        { rule: input.rule, events: '', settings: input.settings, mapping: input.mapping },
        result.diagnostics,
      ),
      request: eqlSearchRequest(
        input.rule,
        resolveSettings(input.settings),
        input.indices,
        input.exceptions ? exceptionRequestFilter(input.exceptions) : undefined,
      ),
      ...(result.join ? { join: joinOutline(result.join) } : {}),
      counts,
      verdicts: verdicts.slice(),
      groupOf,
      groups,
      clauseStats: result.clauseStats ?? [],
      hitsTotal: result.hits?.total.value ?? 0,
      hitPositions,
      sequenceCount: result.hits?.sequences?.length ?? 0,
      ...(baseline ? { baseline: this.baselineCodes(baseline) } : {}),
      ...(rows && this.good === this.last ? { rows: this.rows(rows) } : {}),
      stats: result.stats,
      ms: this.now() - t0,
    };
  }

  /** The full result of the last run (undefined before the first, or after a load). */
  get lastResult(): EvaluationResult | undefined {
    return this.last?.result;
  }

  /**
   * The full evaluation of `input` on the held events: the last run's when it had these inputs
   * (the page runs every change, so an exception preview usually finds it), else one kept for
   * the next ask.
   */
  evaluation(input: RunInput): EvaluationResult {
    const key = runKey(input, this.dataset.version);
    if (this.last?.key === key) return this.last.result;
    if (this.asked?.key !== key) this.asked = { key, result: coreRun(input, this.dataset, this.now) };
    return this.asked.result;
  }

  /** Positions of the returned events (a hit's `_source` is its event's source object). */
  private hitPositions(result: EvaluationResult): Int32Array {
    const hits = result.hits?.events ?? [];
    if (hits.length === 0) return new Int32Array(0);
    const ds = this.dataset;
    if (this.bySource?.version !== ds.version) {
      const map = new Map<unknown, number>();
      for (const e of ds.events) map.set(e.source, e.position);
      this.bySource = { version: ds.version, map };
    }
    const map = this.bySource.map;
    return Int32Array.from(hits, (h) => map.get(h._source) ?? -1);
  }

  /** The baseline's verdict codes, evaluated once per baseline and events version. */
  private baselineCodes(input: RunInput): Uint8Array {
    const key = runKey(input, this.dataset.version);
    if (this.baseline?.key !== key) {
      const result = coreRun(input, this.dataset, this.now);
      this.baseline = { key, codes: codesOf(result, this.dataset.count, []) };
    }
    return this.baseline.codes.slice();
  }

  /** The rows the page shows, from the last evaluation. */
  rows(positions: readonly number[]): RowDetail[] {
    const ds = this.dataset;
    const last = this.good?.key.startsWith(`${ds.version}\u0000`) ? this.good : undefined;
    const joinEvents = last?.result.join?.events;
    const out: RowDetail[] = [];
    for (const p of positions) {
      const e = ds.events[p];
      if (!e) continue;
      const v = last?.byPosition[p];
      const join = joinEvents?.[p]?.position === p ? joinEvents[p] : joinEvents?.find((j) => j.position === p);
      const code = last?.codes[p] ?? NO_VERDICT;
      out.push({
        position: p,
        id: e.id,
        verdict: code === NO_VERDICT ? undefined : VERDICT_OF_CODE[code],
        reasons: v?.reasons ?? [],
        ...(v?.wouldBe ? { wouldBe: v.wouldBe } : {}),
        source: e.source,
        ...(e.index !== undefined ? { index: e.index } : {}),
        ...(e.range && ds.source.kind === 'text' ? { range: e.range } : {}),
        ...(join ? { join } : {}),
      });
    }
    return out;
  }

  /** A page of the returned sequences or samples, with their explanations. */
  sequences(from: number, count: number): SequenceDetail[] {
    const r = this.good?.result;
    const hits = r?.hits?.sequences ?? [];
    const ex = r?.join?.sequences ?? [];
    const out: SequenceDetail[] = [];
    for (let k = Math.max(0, from); k < Math.min(hits.length, from + count); k++) {
      const explanation = ex.find((s) => s.sequence === k);
      out.push({ hit: hits[k]!, ...(explanation ? { explanation } : {}) });
    }
    return out;
  }

  edit(
    position: number,
    text: string,
  ): { readonly info: DatasetInfo; readonly problem?: DatasetProblem; readonly warnings?: readonly DatasetProblem[] } {
    const r = this.dataset.replace(position, text);
    this.asked = undefined;
    if (!r.ok) return { info: this.dataset.info(), problem: r.problem };
    return r.warnings.length > 0 ? { info: this.dataset.info(), warnings: r.warnings } : { info: this.dataset.info() };
  }

  search(query: string, labelField?: string): Int32Array {
    return this.dataset.search(query, labelField);
  }

  /** The held events shown by `labelField` (later infos and searches use it too). */
  labels(labelField: string): { readonly datasetVersion: number; readonly labels: readonly string[] } {
    return { datasetVersion: this.dataset.version, labels: this.dataset.labels(labelField) };
  }

  /** The events as text: the NDJSON of the held events. */
  exportEvents(): string {
    return this.dataset.toNdjson();
  }

  trace(input: RunInput, position: number): readonly TraceEntry[] {
    return traceEvent(
      {
        rule: input.rule,
        events: this.dataset.events,
        settings: input.settings,
        ...(input.mapping.trim() ? { mapping: input.mapping } : {}),
        ...(input.exceptions ? { exceptions: input.exceptions } : {}),
      },
      position,
    );
  }
}
