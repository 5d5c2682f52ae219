/**
 * Rule tests: expected verdicts per event id, checked against an evaluation. For sequences and
 * samples `alert` means the event is part of a returned sequence or sample.
 */
import type { EvaluationResult, Reason } from '../api-types';
import { eventOutcomes } from './outcomes';
import { describeReasons, squeezedTexts } from './text';
import type {
  EventOutcome,
  Expectation,
  ExpectationReport,
  ExpectationResult,
  ExpectedVerdict,
  Expectations,
} from './types';

export const expectedVerdicts: readonly ExpectedVerdict[] = ['alert', 'suppressed', 'no-match', 'excepted'];

export function isExpectedVerdict(v: unknown): v is ExpectedVerdict {
  return v === 'alert' || v === 'suppressed' || v === 'no-match' || v === 'excepted';
}

export interface ExpectationProblem {
  /** The event id whose entry is wrong (undefined when the whole value is). */
  readonly id?: string;
  readonly message: string;
}

/**
 * Read expectations from plain JSON: an object mapping event id to `"alert"`, `"suppressed"`,
 * `"no-match"`, `"excepted"`, or `{"verdict": ..., "clause": "..."}` (the clause that must
 * suppress, or the exception item, by name or `item_id`, that must except). Entries that are
 * wrong are reported and left out; the others are kept.
 */
export function parseExpectations(value: unknown): {
  readonly expectations: Expectations;
  readonly problems: readonly ExpectationProblem[];
} {
  const problems: ExpectationProblem[] = [];
  const out: Record<string, Expectation> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { expectations: out, problems: [{ message: 'expectations must be an object mapping event id to verdict' }] };
  }
  for (const [id, e] of Object.entries(value as Record<string, unknown>)) {
    const entry = typeof e === 'string' ? { verdict: e } : e;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push({ id, message: `expectation for "${id}" must be a verdict or {"verdict", "clause"}` });
      continue;
    }
    const { verdict, clause } = entry as { verdict?: unknown; clause?: unknown };
    if (!isExpectedVerdict(verdict)) {
      problems.push({
        id,
        message: `expectation for "${id}": ${JSON.stringify(verdict)} is not one of ${expectedVerdicts.join(', ')}`,
      });
      continue;
    }
    if (clause !== undefined && (typeof clause !== 'string' || (verdict !== 'suppressed' && verdict !== 'excepted'))) {
      problems.push({
        id,
        message: `expectation for "${id}": a clause is a string, and only for "suppressed" or "excepted"`,
      });
      continue;
    }
    out[id] = clause !== undefined ? { verdict, clause } : { verdict };
  }
  return { expectations: out, problems };
}

/** The plain-JSON form parseExpectations reads: a bare verdict unless a clause is named. */
export function expectationsToJson(expectations: Expectations): Record<string, string | Expectation> {
  const out: Record<string, string | Expectation> = {};
  for (const [id, e] of Object.entries(expectations)) out[id] = e.clause !== undefined ? { ...e } : e.verdict;
  return out;
}

/** Expect every event's current verdict (errors are left without an expectation). */
export function expectCurrentVerdicts(result: EvaluationResult, eventCount: number): Expectations {
  const out: Record<string, Expectation> = {};
  for (const o of eventOutcomes(result, eventCount) ?? []) {
    if (isExpectedVerdict(o.verdict) && !(o.id in out)) out[o.id] = { verdict: o.verdict };
  }
  return out;
}

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

function namesClause(r: Reason, clause: string): boolean {
  if (r.kind === 'exception' && r.exception?.item_id === clause) return true;
  return squeezedTexts(r).includes(clause);
}

function outcomeText(o: EventOutcome, join: boolean): string {
  if (join && o.verdict !== 'excepted')
    return o.verdict === 'alert' ? 'part of a returned sequence' : 'in no returned sequence';
  switch (o.verdict) {
    case 'alert':
      return 'no exclusion fired';
    case 'suppressed':
      return `by ${describeReasons(o.reasons)}`;
    case 'no-match':
      if (o.reasons[0]?.kind === 'category') return o.reasons[0].note ?? 'the event category does not match';
      return o.reasons.length > 0 ? `${describeReasons(o.reasons)} failed` : 'no match';
    case 'error':
      return o.reasons[0]?.message ?? 'runtime error';
    case 'excepted':
      return `by ${describeReasons(o.reasons.filter((r) => r.kind === 'exception'))}`;
  }
}

/** The result row for one event and its expectation. */
function checkOne(id: string, o: EventOutcome, expected: Expectation, join: boolean): ExpectationResult {
  const text = outcomeText(o, join);
  let met = o.verdict === expected.verdict;
  let reason = text;
  if (met && expected.clause !== undefined) {
    const clause = squeeze(expected.clause);
    met = o.reasons.some(
      (r) => (expected.verdict === 'excepted') === (r.kind === 'exception') && namesClause(r, clause),
    );
    if (!met) reason = `${text}, not by \`${clause}\``;
  }
  return { id, position: o.position, expected, got: o.verdict, met, reason };
}

const idIndexes = new WeakMap<readonly { readonly id: string }[], Map<string, number | number[]>>();

/** Event positions by id (a list when several events share one), cached per events array. */
function idIndex(events: readonly { readonly id: string }[]): Map<string, number | number[]> {
  let index = idIndexes.get(events);
  if (index) return index;
  index = new Map();
  for (let i = 0; i < events.length; i++) {
    const id = events[i]!.id;
    const at = index.get(id);
    if (at === undefined) index.set(id, i);
    else if (typeof at === 'number') index.set(id, [at, i]);
    else at.push(i);
  }
  idIndexes.set(events, index);
  return index;
}

interface Resolved {
  readonly id: string;
  readonly expected: Expectation;
  readonly found: number | number[] | undefined;
}

const resolvedCache = new WeakMap<Expectations, { events: object; list: readonly Resolved[] }>();

/** Each expectation with its event positions; cached while the expectations and events stay the same. */
function resolve(events: readonly { readonly id: string }[], expectations: Expectations): readonly Resolved[] {
  const hit = resolvedCache.get(expectations);
  if (hit && hit.events === events) return hit.list;
  const positions = idIndex(events);
  const list = Object.keys(expectations).map((id) => ({ id, expected: expectations[id]!, found: positions.get(id) }));
  resolvedCache.set(expectations, { events, list });
  return list;
}

/** Check expectations (by event id) against a result over `events` (ids in input order). */
export function checkExpectations(
  result: EvaluationResult,
  events: readonly { readonly id: string }[],
  expectations: Expectations,
): ExpectationReport {
  const outcomes = eventOutcomes(result, events.length);
  const join = result.join !== undefined;
  const firstError = result.diagnostics.find((d) => d.severity === 'error');
  const results: ExpectationResult[] = [];
  let met = 0;
  let unknown = 0;
  for (const { id, expected, found } of resolve(events, expectations)) {
    if (found === undefined) {
      unknown++;
      results.push({
        id,
        position: undefined,
        expected,
        got: undefined,
        met: false,
        reason: `no event has id "${id}"`,
      });
      continue;
    }
    if (!outcomes) {
      const reason = `the rule has errors${firstError ? `: ${firstError.message}` : ''}`;
      const position = typeof found === 'number' ? found : found[0];
      results.push({ id, position, expected, got: undefined, met: false, reason });
      continue;
    }
    let row: ExpectationResult;
    if (typeof found === 'number') row = checkOne(id, outcomes[found]!, expected, join);
    else {
      // Every event with this id must meet it; report the first that does not.
      row = checkOne(id, outcomes[found[0]!]!, expected, join);
      for (let k = 1; k < found.length && row.met; k++) row = checkOne(id, outcomes[found[k]!]!, expected, join);
    }
    if (row.met) met++;
    results.push(row);
  }
  return { results, met, unmet: results.length - met, unknown };
}
