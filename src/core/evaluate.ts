/**
 * The core's entry points: parse → analyse → compile → run → hits + verdicts. Nothing here
 * throws on user input; every problem is a Diagnostic.
 */
import type { EventQueryNode, StatementNode } from './ast/nodes';
import type { ClauseStat, EvaluationResult, Hit, Hits, Settings, TraceEntry, Verdict } from './api-types';
import { defaultSettings } from './api-types';
import { analyse } from './analysis/analyse';
import { checkExpression } from './analysis/check-expression';
import { compileValue } from './compile/conditions';
import type { ValueType } from './runtime/values';
import type { AnalysisContext } from './analysis/context';
import type { CompileContext, Doc } from './compile/context';
import { compileCategory, compileEventQuery } from './compile/query';
import { compileFieldRead, isKnown } from './compile/field';
import { walk } from './ast/visit';
import { unreadableDateWarnings } from './date-warnings';
import { Analysis } from './diagnostics/analysis';
import { Runtime } from './diagnostics/runtime';
import { Syntax } from './diagnostics/syntax';
import { diagnosticAt } from './diagnostics/table';
import type { Diagnostic } from './diagnostics/diagnostic';
import { hasErrors } from './diagnostics/diagnostic';
import { planBatches, planConjuncts } from './explain/plan';
import { traceCondition } from './explain/trace';
import { clauseStats, newStats, ReasonTable, verdictOf, type VerdictPlan } from './explain/verdicts';
import { applyLimits, compareOrder, orderKeys } from './hits';
import { parseQuery } from './parser/parse';
import { evaluateJoin } from './sequence/index';
import { printStatement } from './ast/printer';
import { scanComments } from './ast/comments';
import type { EventDoc } from './runtime/event';
import { EqlRuntimeError } from './runtime/values';
import { applyExceptions, exceptedVerdict, exceptionStats, type AppliedExceptions } from './exceptions/apply';
import type { ExceptionInput } from './exceptions/types';
import { parseMapping } from './schema/mapping';
import { buildSchema } from './schema/schema';
import type { FieldInfo, Schema } from './schema/types';

export interface EvaluateRequest {
  /** The EQL query text. */
  readonly rule: string;
  readonly events: readonly EventDoc[];
  readonly settings?: Partial<Settings>;
  /** Optional Elasticsearch `_mapping` JSON text (comment lines tolerated). */
  readonly mapping?: string;
  /** Compute per-event verdicts and clause stats (default true). */
  readonly explain?: boolean;
  /** A clock for the stats (e.g. performance.now); the core itself keeps no timers. */
  readonly now?: () => number;
  /**
   * Kibana rule exceptions: applied as a filter before EQL matching, as Kibana sends them with
   * the `_eql/search` request. Events they remove get the `excepted` verdict.
   */
  readonly exceptions?: ExceptionInput;
}

/** Per event (by position): 1 when the query matches it. Events raising a runtime error are 0. */
export interface MatchMask {
  readonly ok: boolean;
  readonly queryKind: 'event' | 'sequence' | 'sample' | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly matched?: Uint8Array;
}

export interface CheckRequest {
  readonly rule: string;
  readonly mapping?: string;
  readonly events?: readonly EventDoc[];
  readonly settings?: Partial<Settings>;
}

export function resolveSettings(partial: Partial<Settings> | undefined): Settings {
  const s = { ...defaultSettings };
  if (!partial) return s;
  for (const [k, v] of Object.entries(partial)) if (v !== undefined) (s as Record<string, unknown>)[k] = v;
  return s;
}

interface Prepared {
  readonly ast: StatementNode | undefined;
  readonly diagnostics: Diagnostic[];
  readonly schema: Schema;
  readonly settings: Settings;
  readonly parseMs: number;
}

/**
 * The order Elasticsearch reports problems in: its parser (syntax errors, and the listener's
 * `Process relationships are not supported` / `Array indexes are not supported` and Endpoint
 * syntax) before the builder's checks (`Use [==] ...`, pipes, maxspan), then the verifier's
 * resolution and type errors, and `Condition expression needs to be boolean` last.
 */
const PARSER_CODES = new Set([
  Syntax.SyntaxError.code,
  Syntax.ArrayIndex.code,
  Syntax.ProcessRelationship.code,
  Syntax.EndpointSyntax.code,
]);
const BUILDER_CODES = new Set(Object.values(Syntax).map((e) => e.code));
function phase(code: string): number {
  if (PARSER_CODES.has(code)) return 0;
  if (BUILDER_CODES.has(code)) return 1;
  if (code === Analysis.NonBooleanCondition.code) return 3;
  return 2;
}

function mappingFields(text: string | undefined, diagnostics: Diagnostic[]): FieldInfo[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const m = parseMapping(text);
  diagnostics.push(...m.diagnostics);
  return m.fields;
}

/** Parse, build the schema and analyse. */
function prepare(
  rule: string,
  events: readonly EventDoc[],
  partial: Partial<Settings> | undefined,
  mapping: string | undefined,
  now: () => number,
): Prepared {
  const settings = resolveSettings(partial);
  const diagnostics: Diagnostic[] = [];
  const t0 = now();
  const parsed = parseQuery(rule);
  const parseMs = now() - t0;
  diagnostics.push(...parsed.diagnostics);
  const fields = mappingFields(mapping, diagnostics);
  const schema = buildSchema({ ...(fields ? { mappingFields: fields } : {}), events });
  if (parsed.ast && !hasErrors(parsed.diagnostics)) {
    const actx: AnalysisContext = { text: rule, schema, settings, diagnostics };
    analyse(actx, parsed.ast);
  }
  diagnostics.sort((a, b) =>
    a.source === b.source ? phase(a.code) - phase(b.code) || a.range.start - b.range.start : 0,
  );
  return { ast: parsed.ast, diagnostics, schema, settings, parseMs };
}

const zeroStats = (events: number, parseMs = 0) => ({ events, parseMs, compileMs: 0, evalMs: 0, explainMs: 0 });

function toHit(e: EventDoc): Hit {
  return { _index: e.index ?? '', _id: e.id, _source: e.source };
}

/** Build the explanation plan of an event query. */
/** Non-optional fields of the query that nothing knows (evaluated as absent). */
function absentFields(ast: StatementNode, schema: Schema): string[] {
  const out = new Set<string>();
  walk(ast, (node) => {
    if (node.kind === 'field' && !node.optional && !isKnown(node.name, schema)) out.add(node.name);
  });
  return [...out];
}

function verdictPlan(rule: string, q: EventQueryNode, ctx: CompileContext, absent: readonly string[]): VerdictPlan {
  const category = q.category.any
    ? undefined
    : (() => {
        const read = compileFieldRead(ctx.settings.eventCategoryField, ctx.schema).fn;
        return { node: q.category, field: ctx.settings.eventCategoryField, test: compileCategory(q, ctx)!, read };
      })();
  const conjuncts = planConjuncts(q.condition, ctx);
  return {
    text: rule,
    ...(absent.length > 0 ? { absent: new Set(absent) } : {}),
    category,
    conjuncts,
    batch: planBatches(conjuncts),
    interned: new ReasonTable(),
  };
}

function evaluateUnguarded(request: EvaluateRequest): EvaluationResult {
  const now = request.now ?? (() => 0);
  const events = request.events;
  const prep = prepare(request.rule, events, request.settings, request.mapping, now);
  const { ast, diagnostics, schema, settings } = prep;
  if (!ast || hasErrors(diagnostics)) {
    return { ok: false, queryKind: ast?.query.kind, diagnostics, stats: zeroStats(events.length, prep.parseMs) };
  }
  diagnostics.push(...unreadableDateWarnings(ast, events, schema, settings.timestampField));
  const absent = absentFields(ast, schema);
  const absentPart = absent.length > 0 ? { assumedAbsent: absent } : {};
  const q = ast.query;
  if (q.kind !== 'event') {
    return {
      ...evaluateJoin({
        rule: request.rule,
        statement: ast,
        events,
        schema,
        settings,
        diagnostics,
        explain: request.explain !== false,
        now,
        parseMs: prep.parseMs,
        ...(request.exceptions ? { exceptions: request.exceptions } : {}),
      }),
      ...absentPart,
    };
  }

  const t0 = now();
  const ctx: CompileContext = { text: request.rule, schema, settings, diagnostics };
  const compiled = compileEventQuery(q, ctx);
  const compileMs = now() - t0;
  if (hasErrors(diagnostics)) {
    return {
      ok: false,
      queryKind: 'event',
      diagnostics,
      stats: { ...zeroStats(events.length, prep.parseMs), compileMs },
    };
  }

  // Rule exceptions are a filter before EQL: only the events they keep reach the query.
  const t1 = now();
  const exc = applyExceptions(request.exceptions, schema, events, diagnostics);
  const eqlEvents = exc && exc.excepted.count > 0 ? events.filter((_, i) => exc.excepted.mask[i] === 0) : events;

  // The fast path: compiled evaluation without explanations.
  const matched: EventDoc[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const matches = compiled.matches;
  // One try per run of events, not per event: a runtime error resumes at the next event.
  let i = 0;
  while (i < eqlEvents.length) {
    try {
      for (; i < eqlEvents.length; i++) {
        const e = eqlEvents[i]!;
        if (matches(e.doc as Doc)) matched.push(e);
      }
    } catch (err) {
      if (!(err instanceof EqlRuntimeError)) throw err;
      errors++;
      firstError ??= err.message;
      i++;
    }
  }
  const evalMs = now() - t1;
  if (errors > 0) {
    diagnostics.push(diagnosticAt(Runtime.RuntimeError.eventsFailed(errors, firstError), q.range));
  }

  const key = orderKeys(settings, schema);
  const keyed = matched.map((e) => ({ e, k: key(e) }));
  keyed.sort((a, b) => compareOrder(a.k, b.k));
  const limited = applyLimits(keyed, settings, ast.pipes);
  const hits: Hits = { total: { value: limited.length, relation: 'eq' }, events: limited.map((x) => toHit(x.e)) };

  let verdicts: { list: Verdict[]; acc: ReturnType<typeof newStats> } | undefined;
  let stats: ClauseStat[] | undefined;
  let explainMs = 0;
  if (request.explain !== false) {
    const t2 = now();
    const plan = verdictPlan(request.rule, q, ctx, absent);
    verdicts = eventVerdicts(plan, events, exc);
    stats = clauseStats(plan, verdicts.acc);
    explainMs = now() - t2;
  }
  const exceptionStatsOut = exc ? exceptionStats(exc, events, (e) => matches(e.doc as Doc)) : undefined;
  return {
    ok: true,
    queryKind: 'event',
    diagnostics,
    hits,
    ...(verdicts ? { verdicts: verdicts.list } : {}),
    ...(stats ? { clauseStats: stats } : {}),
    ...(exceptionStatsOut ? { exceptionStats: exceptionStatsOut } : {}),
    ...absentPart,
    stats: { events: events.length, parseMs: prep.parseMs, compileMs, evalMs, explainMs },
  };
}

/**
 * Verdicts of an event query. Clause counts cover the events EQL sees (not the excepted ones);
 * an excepted event's verdict lists its exception items, then the query's own reasons.
 */
function eventVerdicts(plan: VerdictPlan, events: readonly EventDoc[], exc: AppliedExceptions | undefined) {
  const acc = newStats();
  const by = exc?.excepted.byPosition;
  const list = events.map((e, i) => {
    const items = by?.[i];
    if (!items) return verdictOf(plan, e, acc);
    return exceptedVerdict(verdictOf(plan, e, undefined), items, e);
  });
  return { list, acc };
}

/** Which events match (every one, no `size` or pipes), on the fast path; event queries only. */
function matchMaskUnguarded(request: EvaluateRequest): MatchMask {
  const events = request.events;
  const prep = prepare(request.rule, events, request.settings, request.mapping, () => 0);
  const { ast, diagnostics } = prep;
  if (!ast || hasErrors(diagnostics) || ast.query.kind !== 'event') {
    return { ok: false, queryKind: ast?.query.kind, diagnostics };
  }
  const ctx: CompileContext = { text: request.rule, schema: prep.schema, settings: prep.settings, diagnostics };
  const compiled = compileEventQuery(ast.query, ctx);
  if (hasErrors(diagnostics)) return { ok: false, queryKind: 'event', diagnostics };
  // Rule exceptions come first, as in evaluate: an excepted event never matches.
  const excepted = applyExceptions(request.exceptions, prep.schema, events, diagnostics)?.excepted.mask;
  const matched = new Uint8Array(events.length);
  const matches = compiled.matches;
  let i = 0;
  while (i < events.length) {
    try {
      for (; i < events.length; i++) {
        if ((!excepted || excepted[i] === 0) && matches(events[i]!.doc as Doc)) matched[i] = 1;
      }
    } catch (err) {
      if (!(err instanceof EqlRuntimeError)) throw err;
      i++;
    }
  }
  return { ok: true, queryKind: 'event', diagnostics, matched };
}

function traceEventUnguarded(request: EvaluateRequest, eventPosition: number): readonly TraceEntry[] {
  const event = request.events[eventPosition];
  if (!event) return [];
  const prep = prepare(request.rule, request.events, request.settings, request.mapping, () => 0);
  if (!prep.ast || hasErrors(prep.diagnostics)) return [];
  const q = prep.ast.query;
  const queries: EventQueryNode[] =
    q.kind === 'event'
      ? [q]
      : [...q.terms.map((t) => t.query), ...(q.kind === 'sequence' && q.until ? [q.until.query] : [])];
  const ctx: CompileContext = { text: request.rule, schema: prep.schema, settings: prep.settings, diagnostics: [] };
  const out: TraceEntry[] = [];
  for (const query of queries) out.push(...traceCondition(query, event.doc as Doc, ctx));
  return out;
}

function checkQueryUnguarded(request: CheckRequest): readonly Diagnostic[] {
  return prepare(request.rule, request.events ?? [], request.settings, request.mapping, () => 0).diagnostics;
}

function formatQueryUnguarded(rule: string): {
  readonly text: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
} {
  const parsed = parseQuery(rule);
  if (!parsed.ast || hasErrors(parsed.diagnostics)) return { text: undefined, diagnostics: parsed.diagnostics };
  return {
    text: printStatement(parsed.ast, { comments: scanComments(rule), source: rule }),
    diagnostics: parsed.diagnostics,
  };
}

/**
 * Fold a constant expression (the unit conformance suites, and the playground's scratch pad):
 * parsed as a condition of `any where`, type-checked, then evaluated with no event.
 */
function foldExpressionUnguarded(expression: string): {
  readonly ok: boolean;
  readonly value: unknown;
  readonly type: ValueType | undefined;
  readonly diagnostics: readonly Diagnostic[];
} {
  const prefix = 'any where ';
  const parsed = parseQuery(prefix + expression);
  const shift = (d: Diagnostic): Diagnostic => ({
    ...d,
    range: { start: Math.max(0, d.range.start - prefix.length), end: Math.max(0, d.range.end - prefix.length) },
  });
  if (!parsed.ast || hasErrors(parsed.diagnostics) || parsed.ast.query.kind !== 'event') {
    return { ok: false, value: undefined, type: undefined, diagnostics: parsed.diagnostics.map(shift) };
  }
  const diagnostics: Diagnostic[] = [];
  const schema = buildSchema({});
  const settings = resolveSettings(undefined);
  const condition = parsed.ast.query.condition;
  const type = checkExpression({ text: prefix + expression, schema, settings, diagnostics }, condition);
  if (!hasErrors(diagnostics)) {
    const compiled = compileValue(condition, { text: prefix + expression, schema, settings, diagnostics });
    if (!hasErrors(diagnostics)) {
      if (!compiled.constant) {
        diagnostics.push(diagnosticAt(Runtime.RuntimeError.notConstant(), condition.range));
      } else {
        return { ok: true, value: compiled.value, type, diagnostics: diagnostics.map(shift) };
      }
    }
  }
  return { ok: false, value: undefined, type, diagnostics: diagnostics.map(shift) };
}

/* ───────────── the public entry points ───────────── */

/**
 * The last line of defence for "nothing throws on user input": input nested beyond what the
 * engine's recursion can take (deep JSON in events, very long operator chains that the parser's
 * limits let through) becomes a diagnostic instead of a stack overflow.
 */
function tooDeep(text: string): Diagnostic {
  return diagnosticAt(Syntax.TooDeep.tooDeepToEvaluate(), { start: 0, end: Math.min(text.length, 1) });
}

function guarded<T>(run: () => T, fallback: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof RangeError) return fallback();
    throw e;
  }
}

export function evaluate(request: EvaluateRequest): EvaluationResult {
  return guarded(
    () => evaluateUnguarded(request),
    () => ({
      ok: false,
      queryKind: undefined,
      diagnostics: [tooDeep(request.rule)],
      stats: zeroStats(request.events.length),
    }),
  );
}

/** The full evaluation trace of one event (every sub-expression with its outcome). */
export function traceEvent(request: EvaluateRequest, eventPosition: number): readonly TraceEntry[] {
  return guarded(
    () => traceEventUnguarded(request, eventPosition),
    () => [],
  );
}

/** Which events an event query matches, ignoring `size` and pipes (the tuning previews). */
export function matchMask(request: EvaluateRequest): MatchMask {
  return guarded(
    () => matchMaskUnguarded(request),
    () => ({ ok: false, queryKind: undefined, diagnostics: [tooDeep(request.rule)] }),
  );
}

/** Parse and analyse without evaluating (the CLI's `check`, the editor's markers). */
export function checkQuery(request: CheckRequest): readonly Diagnostic[] {
  return guarded(
    () => checkQueryUnguarded(request),
    () => [tooDeep(request.rule)],
  );
}

/** The canonical form of a query (the CLI's `format`), or diagnostics when it does not parse. */
export function formatQuery(rule: string): {
  readonly text: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
} {
  return guarded(
    () => formatQueryUnguarded(rule),
    () => ({ text: undefined, diagnostics: [tooDeep(rule)] }),
  );
}

/** Fold a constant expression (see foldExpressionUnguarded). */
export function foldExpression(expression: string): ReturnType<typeof foldExpressionUnguarded> {
  return guarded(
    () => foldExpressionUnguarded(expression),
    () => ({ ok: false, value: undefined, type: undefined, diagnostics: [tooDeep(expression)] }),
  );
}
