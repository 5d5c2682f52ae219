/**
 * Evaluating `sequence` and `sample` queries: compile the terms, run the state machine or the
 * grouping, apply `size`/`result_position` and the pipes, and (unless disabled) explain every
 * returned sequence, every event and every candidate.
 */
import type { SampleNode, SequenceNode, StatementNode } from '../ast/nodes';
import type {
  CandidateNote,
  EvaluationResult,
  Hit,
  JoinEventExplanation,
  JoinExplanation,
  JoinStageInfo,
  MissingHit,
  Reason,
  SampleGroupExplanation,
  SequenceHit,
  SequenceMatchExplanation,
  Settings,
  StageVerdict,
} from '../api-types';
import type { CompileContext } from '../compile/context';
import { Runtime } from '../diagnostics/runtime';
import { diagnosticAt } from '../diagnostics/table';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { hasErrors } from '../diagnostics/diagnostic';
import type { VerdictPlan } from '../explain/verdicts';
import { applyLimits } from '../hits';
import type { EventDoc } from '../runtime/event';
import type { Schema } from '../schema/types';
import { failureReasons, termPlan } from './explain';
import { keyValues, type JoinKey } from './keys';
import { runSequence, type Candidate, type SequenceRun } from './matcher';
import { sequenceOrderKeys } from './order';
import { runSample, type SampleGroup, type SampleRun } from './sample';
import { compileJoin, type CompiledJoin, type CompiledTerm } from './terms';
import { applyExceptions, exceptionReasons, exceptionStats, type AppliedExceptions } from '../exceptions/apply';
import type { ExceptionInput, ExceptionStat } from '../exceptions/types';

export interface JoinRequest {
  readonly rule: string;
  readonly statement: StatementNode;
  readonly events: readonly EventDoc[];
  readonly schema: Schema;
  readonly settings: Settings;
  readonly diagnostics: Diagnostic[];
  readonly explain: boolean;
  readonly now: () => number;
  readonly parseMs: number;
  /** Rule exceptions: events they remove take part in no sequence or sample. */
  readonly exceptions?: ExceptionInput;
}

export const MISSING_HIT: MissingHit = Object.freeze({
  _index: '',
  _id: '',
  _source: Object.freeze({}) as Record<string, never>,
  missing: true as const,
});

const toHit = (e: EventDoc): Hit => ({ _index: e.index ?? '', _id: e.id, _source: e.source });

function span(text: string, node: { range: { start: number; end: number } }) {
  return { text: text.slice(node.range.start, node.range.end), range: node.range };
}

function runtimeWarning(
  diagnostics: Diagnostic[],
  q: SequenceNode | SampleNode,
  errors: number,
  first: string | undefined,
): void {
  if (errors === 0) return;
  diagnostics.push(diagnosticAt(Runtime.RuntimeError.filtersFailed(errors, first), q.range));
}

/** Evaluate a sequence or sample statement. */
export function evaluateJoin(req: JoinRequest): EvaluationResult {
  const q = req.statement.query as SequenceNode | SampleNode;
  const { now, diagnostics, events } = req;
  const zero = { events: events.length, parseMs: req.parseMs, compileMs: 0, evalMs: 0, explainMs: 0 };
  const t0 = now();
  const ctx: CompileContext = { text: req.rule, schema: req.schema, settings: req.settings, diagnostics };
  const join = compileJoin(q, ctx, q.kind === 'sample' ? 'sample' : 'sequence');
  const compileMs = now() - t0;
  if (hasErrors(diagnostics)) return { ok: false, queryKind: q.kind, diagnostics, stats: { ...zero, compileMs } };
  const exc = applyExceptions(req.exceptions, req.schema, events, diagnostics);
  const result =
    q.kind === 'sequence'
      ? sequenceResult(req, q, join, ctx, compileMs, exc)
      : sampleResult(req, q, join, ctx, compileMs, exc);
  if (!exc) return result;
  const stats: ExceptionStat[] = exceptionStats(exc, events, (e) =>
    join.terms.some((t) => t.role !== 'missing' && t.matches(e.doc)),
  );
  return { ...result, exceptionStats: stats };
}

/** For an excepted event: the exception reasons and one stage verdict per stage saying so. */
function exceptedExplanation(
  exc: AppliedExceptions | undefined,
  e: EventDoc,
  stages: readonly { position: number; role: StageVerdict['role'] }[],
): JoinEventExplanation | undefined {
  const items = exc?.excepted.byPosition[e.position];
  if (!items) return undefined;
  const reasons = exceptionReasons(items, e);
  const names = items.map((c) => JSON.stringify(c.ref.name)).join(', ');
  return {
    id: e.id,
    position: e.position,
    stages: stages.map((s) => ({ stage: s.position, role: s.role, matched: false, reasons })),
    candidates: [],
    note: `removed by rule exception ${names} before EQL matching, so it takes part in no ${stages.some((s) => s.role === 'filter') ? 'sample' : 'sequence'}`,
    excepted: reasons,
  };
}

function stageInfos(rule: string, join: CompiledJoin): JoinStageInfo[] {
  const out: JoinStageInfo[] = join.stages.map((s) => ({
    stage: s.position,
    term: s.term.index,
    role: s.term.role,
    text: span(rule, s.term.node),
  }));
  if (join.until) out.push({ stage: -1, term: -1, role: 'until', text: span(rule, join.until.node) });
  return out;
}

/** Per event, per term: reasons for failing, computed once per term. */
function reasonCache(join: CompiledJoin, ctx: CompileContext) {
  const plans: (VerdictPlan | undefined)[] = join.terms.map(() => undefined);
  return (t: CompiledTerm, e: EventDoc): readonly Reason[] => {
    plans[t.index] ??= termPlan(t.node.query, ctx);
    return failureReasons(plans[t.index]!, e);
  };
}

function keyTuples(t: CompiledTerm, e: EventDoc): { joinKeys?: unknown[][]; note?: string } {
  const keys = t.keys(e.doc);
  if (!Array.isArray(keys)) {
    return {
      note: `join key ${(keys as { missingField: string }).missingField} is missing or null and not optional (\`?\`), so the event is left out of this stage`,
    };
  }
  return t.keyFields.length > 0 ? { joinKeys: (keys as readonly JoinKey[]).map(keyValues) } : {};
}

/* ───────────── sequences ───────────── */

function sequenceResult(
  req: JoinRequest,
  q: SequenceNode,
  join: CompiledJoin,
  ctx: CompileContext,
  compileMs: number,
  exc: AppliedExceptions | undefined,
): EvaluationResult {
  const { now, diagnostics, events, settings } = req;
  const t1 = now();
  const maxspan = q.maxspan?.millis;
  const run = runSequence(join, events, sequenceOrderKeys(settings, req.schema), {
    maxspan,
    record: req.explain,
    ...(exc && exc.excepted.count > 0 ? { skip: exc.excepted.mask } : {}),
  });
  const limited = applyLimits(run.accepted, settings, req.statement.pipes);
  const sequences: SequenceHit[] = limited.map((c) => sequenceHit(c, run, join));
  const evalMs = now() - t1;
  runtimeWarning(diagnostics, q, run.errors, run.firstError);

  return joinResult(req, 'sequence', sequences, compileMs, evalMs, () =>
    explainSequences(req, q, join, ctx, run, limited, exc),
  );
}

/** The result of a sequence or sample query; explanations (timed) only when asked for. */
function joinResult(
  req: JoinRequest,
  queryKind: 'sequence' | 'sample',
  sequences: SequenceHit[],
  compileMs: number,
  evalMs: number,
  explain: () => JoinExplanation,
): EvaluationResult {
  let explanation: JoinExplanation | undefined;
  let explainMs = 0;
  if (req.explain) {
    const t2 = req.now();
    explanation = explain();
    explainMs = req.now() - t2;
  }
  return {
    ok: true,
    queryKind,
    diagnostics: req.diagnostics,
    hits: { total: { value: sequences.length, relation: 'eq' }, sequences },
    ...(explanation ? { join: explanation } : {}),
    stats: { events: req.events.length, parseMs: req.parseMs, compileMs, evalMs, explainMs },
  };
}

function sequenceHit(c: Candidate, run: SequenceRun, join: CompiledJoin): SequenceHit {
  const out: (Hit | MissingHit)[] = [];
  let p = 0;
  for (const s of join.stages) out.push(s.missing ? MISSING_HIT : toHit(run.ordered[c.events[p++]!]!));
  return c.key.parts.length > 0 ? { join_keys: keyValues(c.key), events: out } : { events: out };
}

/** What the candidate notes of one sequence run need to know. */
interface NoteContext {
  readonly req: JoinRequest;
  readonly q: SequenceNode;
  readonly run: SequenceRun;
  readonly limited: readonly Candidate[];
  readonly idOf: (i: number) => string;
}

/** The sentence that says what became of a candidate. */
function candidateMessage(nc: NoteContext, c: Candidate): CandidateNote['message'] {
  const { req, q, run, limited, idOf } = nc;
  const maxspan = q.maxspan?.millis;
  const keyText = JSON.stringify(keyValues(c.key));
  const f = c.fate!;
  switch (f.kind) {
    case 'returned':
      return `part of returned sequence ${f.sequence + 1}`;
    case 'outside-size':
      return `the sequence completed, but size = ${req.settings.size}, result_position and the pipes keep ${limited.length} of ${run.accepted.length} sequences, and not this one`;
    case 'overwritten':
      return `a newer candidate with join key ${keyText} reached stage ${f.stage + 1} (event ${idOf(f.by)}) and replaced this one: only the latest candidate waits at each stage`;
    case 'maxspan':
      return `event ${idOf(f.by)} matched stage ${f.stage + 1}, but ${f.spanMs} ms after the first event: maxspan ${q.maxspan ? `${q.maxspan.value}${q.maxspan.unit}` : ''} (${maxspan} ms) exceeded by ${f.spanMs - (maxspan ?? 0)} ms, so the candidate was dropped`;
    case 'until':
      return `until event ${idOf(f.until)} came between the candidate's last event and event ${idOf(f.by)} (stage ${f.stage + 1}), which ends the candidate`;
    case 'missing-event':
      return `missing-event stage ${f.stage + 1} found event ${idOf(f.event)}: ${f.detail}, so the sequence is discarded`;
    case 'incomplete':
      return `no later event matched stage ${f.stage + 1} with join key ${keyText}`;
  }
}

/** Every candidate's note, filed under the input position of each of its events. */
function candidateNotes(nc: NoteContext, join: CompiledJoin): Map<number, CandidateNote[]> {
  const { run, idOf } = nc;
  const maxspan = nc.q.maxspan?.millis;
  const positives = join.stages.filter((s) => !s.missing);
  const notes = new Map<number, CandidateNote[]>();
  for (const c of run.candidates) {
    if (!c.fate) continue;
    const f = c.fate;
    const text = candidateMessage(nc, c);
    const ids = c.events.map(idOf);
    const joinKeys = keyValues(c.key);
    c.events.forEach((i, k) => {
      const note: CandidateNote = {
        candidate: c.id,
        stage: positives[k]!.position,
        role: k === 0 ? 'started' : k === positives.length - 1 ? 'completed' : 'extended',
        outcome: f.kind,
        message: text,
        joinKeys,
        events: ids,
        ...(f.kind === 'overwritten' || f.kind === 'maxspan' || f.kind === 'until' ? { by: idOf(f.by) } : {}),
        ...(f.kind === 'until'
          ? { blocker: idOf(f.until) }
          : f.kind === 'missing-event'
            ? { blocker: idOf(f.event) }
            : {}),
        ...(f.kind === 'maxspan' ? { exceededByMs: f.spanMs - (maxspan ?? 0) } : {}),
        ...(f.kind === 'returned' ? { sequence: f.sequence } : {}),
      };
      const pos = run.ordered[i]!.position;
      let list = notes.get(pos);
      if (!list) {
        list = [];
        notes.set(pos, list);
      }
      list.push(note);
    });
  }
  return notes;
}

function explainSequences(
  req: JoinRequest,
  q: SequenceNode,
  join: CompiledJoin,
  ctx: CompileContext,
  run: SequenceRun,
  limited: readonly Candidate[],
  exc: AppliedExceptions | undefined,
): JoinExplanation {
  const { events } = req;
  const returned = new Map<number, number>(limited.map((c, i) => [c.id, i]));
  for (const c of run.accepted)
    c.fate = returned.has(c.id) ? { kind: 'returned', sequence: returned.get(c.id)! } : { kind: 'outside-size' };
  const notes = candidateNotes({ req, q, run, limited, idOf: (i) => run.ordered[i]!.id }, join);

  const reasons = reasonCache(join, ctx);
  const nTerms = join.terms.length;
  const allStages = [
    ...join.stages.map((s) => ({ position: s.position, term: s.term })),
    ...(join.until ? [{ position: -1, term: join.until }] : []),
  ];
  let noTimestamp = 0;
  const stageRoles = allStages.map(({ position, term }) => ({ position, role: term.role }));
  const eventsOut: JoinEventExplanation[] = events.map((e) => {
    const excepted = exceptedExplanation(exc, e, stageRoles);
    if (excepted) return excepted;
    const oi = run.orderedIndex[e.position]!;
    const stageNotes = oi >= 0 ? run.stageNotes.get(oi) : undefined;
    const ts = run.timestamps[e.position]!;
    let anyMatch = false;
    const stages: StageVerdict[] = allStages.map(({ position, term }) => {
      const matched = run.matchBits[e.position * nTerms + term.index] === 1;
      if (!matched) return { stage: position, role: term.role, matched, reasons: reasons(term, e) };
      anyMatch = true;
      const k = keyTuples(term, e);
      const note = k.note ?? stageNotes?.get(position);
      return {
        stage: position,
        role: term.role,
        matched,
        ...(k.joinKeys ? { joinKeys: k.joinKeys } : {}),
        ...(note ? { note } : {}),
      };
    });
    const hasTs = !Number.isNaN(ts);
    if (anyMatch && !hasTs) noTimestamp++;
    return {
      id: e.id,
      position: e.position,
      ...(hasTs ? { timestamp: ts } : {}),
      stages,
      candidates: notes.get(e.position) ?? [],
      ...(anyMatch && !hasTs
        ? { note: `no usable ${req.settings.timestampField}, so the event cannot take part in a sequence` }
        : {}),
    };
  });
  if (noTimestamp > 0) {
    req.diagnostics.push(
      diagnosticAt(Runtime.RuntimeError.noTimestamp(noTimestamp, req.settings.timestampField), q.range),
    );
  }

  const sequences: SequenceMatchExplanation[] = limited.map((c, n) => {
    let p = 0;
    const stages = join.stages.map((s) => {
      if (s.missing) return { stage: s.position, missing: true };
      const i = c.events[p++]!;
      const e = run.ordered[i]!;
      return { stage: s.position, missing: false, id: e.id, position: e.position, timestamp: run.ts[i]! };
    });
    return {
      sequence: n,
      joinKeys: keyValues(c.key),
      stages,
      spanMs: run.ts[c.events[c.events.length - 1]!]! - run.ts[c.events[0]!]!,
      ...(q.maxspan !== undefined ? { maxspanMs: q.maxspan.millis } : {}),
    };
  });
  return { kind: 'sequence', stages: stageInfos(req.rule, join), sequences, events: eventsOut };
}

/* ───────────── samples ───────────── */

function sampleResult(
  req: JoinRequest,
  q: SampleNode,
  join: CompiledJoin,
  ctx: CompileContext,
  compileMs: number,
  exc: AppliedExceptions | undefined,
): EvaluationResult {
  const { now, diagnostics, events, settings } = req;
  const t1 = now();
  const skip = exc && exc.excepted.count > 0 ? exc.excepted.mask : undefined;
  const run = runSample(join, events, settings.size, settings.maxSamplesPerKey, req.explain, skip);
  const sequences: SequenceHit[] = run.samples.map((s) => ({
    join_keys: keyValues(s.group.key),
    events: s.events.map((p) => toHit(events[p]!)),
  }));
  const evalMs = now() - t1;
  runtimeWarning(diagnostics, q, run.errors, run.firstError);
  return joinResult(req, 'sample', sequences, compileMs, evalMs, () => explainSamples(req, join, ctx, run, exc));
}

function explainSamples(
  req: JoinRequest,
  join: CompiledJoin,
  ctx: CompileContext,
  run: SampleRun,
  exc: AppliedExceptions | undefined,
): JoinExplanation {
  const { events } = req;
  const reasons = reasonCache(join, ctx);
  const nTerms = join.terms.length;
  const filled = new Map<string, number[]>();
  run.samples.forEach((s, n) => {
    s.events.forEach((p, f) => {
      const k = `${p}:${f}`;
      const list = filled.get(k);
      if (list) list.push(n);
      else filled.set(k, [n]);
    });
  });
  // The groups each event qualifies for, to say why an unused candidate gave no sample.
  const groupsOf = new Map<number, SampleGroup[]>();
  for (const g of run.groups) {
    for (const list of g.lists) {
      for (const p of list) {
        const gs = groupsOf.get(p);
        if (!gs) groupsOf.set(p, [g]);
        else if (gs[gs.length - 1] !== g) gs.push(g);
      }
    }
  }
  const unusedNote = (position: number): string => {
    const incomplete = (groupsOf.get(position) ?? []).filter((g) => !g.complete && g.reason);
    if (incomplete.length > 0) {
      return incomplete
        .map((g) => `its group ${JSON.stringify(keyValues(g.key))} gives no sample: ${g.reason}`)
        .join('; ');
    }
    return 'qualifies, but another event was picked for this filter (input order decides)';
  };
  const filterRoles = join.terms.map((t) => ({ position: t.index, role: 'filter' as const }));
  const eventsOut: JoinEventExplanation[] = events.map(
    (e) =>
      exceptedExplanation(exc, e, filterRoles) ?? {
        id: e.id,
        position: e.position,
        stages: join.terms.map((term) => {
          const matched = run.matchBits[e.position * nTerms + term.index] === 1;
          if (!matched) return { stage: term.index, role: 'filter' as const, matched, reasons: reasons(term, e) };
          const k = keyTuples(term, e);
          const used = filled.get(`${e.position}:${term.index}`);
          const note =
            k.note ??
            (used
              ? `fills this filter in sample${used.length > 1 ? 's' : ''} ${used.map((n) => n + 1).join(', ')}`
              : unusedNote(e.position));
          return {
            stage: term.index,
            role: 'filter' as const,
            matched,
            ...(k.joinKeys ? { joinKeys: k.joinKeys } : {}),
            note,
          };
        }),
        candidates: [],
      },
  );
  const sampleIndex = new Map<number[] | readonly number[], number>(run.samples.map((s, i) => [s.events, i]));
  const groups: SampleGroupExplanation[] = run.groups.map((g) => ({
    joinKeys: keyValues(g.key),
    candidates: g.lists.map((l) => l.length),
    samples: g.samples.map((s) => sampleIndex.get(s)).filter((i): i is number => i !== undefined),
    fillers: g.samples.map((s) => s.map((p, f) => ({ filter: f, id: events[p]!.id, position: p }))),
    complete: g.complete,
    ...(g.reason ? { reason: g.reason } : {}),
  }));
  return { kind: 'sample', stages: stageInfos(req.rule, join), sequences: [], events: eventsOut, groups };
}
