/**
 * Tuning on the page: the baseline the rule is compared with, the expected verdicts (rule
 * tests), and how the worker's tuning views (TuningView) mark, count and filter the rows. Pure:
 * plain data in, plain data out; the worker computes the diff, the impact and the checks.
 */
import type {
  ChangeView,
  Expectation,
  ExpectationResult,
  ExpectedVerdict,
  TuningRequest,
  TuningView,
} from '../../worker/protocol';
import type { VerdictKind } from '../../core';
import { toCoreSettings, type Baseline, type UiSettings } from './doc-state';
import { collapse } from './reason-text';

export type { Baseline } from './doc-state';

/** Expected verdicts by event id. */
export type ExpectationMap = Readonly<Record<string, Expectation>>;

export const EXPECTED_VERDICTS: readonly ExpectedVerdict[] = ['alert', 'suppressed', 'no-match', 'excepted'];

export const EXPECTED_LABEL: Record<ExpectedVerdict, string> = {
  alert: 'must alert',
  suppressed: 'must be suppressed',
  'no-match': 'must not match',
  excepted: 'must be excepted',
};

export function isExpectable(v: VerdictKind | undefined): v is ExpectedVerdict {
  return v === 'alert' || v === 'suppressed' || v === 'no-match' || v === 'excepted';
}

/** The baseline as the worker takes it, or undefined when there is nothing to compare. */
export function tuningRequest(baseline: Baseline | undefined, expectations: ExpectationMap): TuningRequest {
  return {
    ...(baseline ? { baseline: { rule: baseline.rule, settings: toCoreSettings(baseline.settings) } } : {}),
    ...(Object.keys(expectations).length > 0 ? { expectations } : {}),
  };
}

/** Same rule and settings: the baseline shows no text diff. */
export function sameAsBaseline(baseline: Baseline | undefined, rule: string, settings: UiSettings): boolean {
  return (
    baseline === undefined || (baseline.rule === rule && JSON.stringify(baseline.settings) === JSON.stringify(settings))
  );
}

/* ───────── expectations ───────── */

/** Set (or, with undefined, remove) one event's expectation. */
export function withExpectation(map: ExpectationMap, id: string, expectation: Expectation | undefined): ExpectationMap {
  const { [id]: _, ...rest } = map;
  return expectation ? { ...rest, [id]: expectation } : rest;
}

/** Expect each listed event's current verdict (errors left out), keeping the others' expectations. */
export function expectCurrent(
  map: ExpectationMap,
  rows: readonly { readonly id: string; readonly verdict: VerdictKind }[],
): ExpectationMap {
  const out: Record<string, Expectation> = { ...map };
  for (const r of rows) if (isExpectable(r.verdict)) out[r.id] = { verdict: r.verdict };
  return out;
}

/** Above this many expectations to set, "Expect current verdicts" asks first. */
export const CONFIRM_EXPECTATIONS_ABOVE = 500;

/** What "Expect current verdicts" would do to the expectations: how many it sets, new or changed. */
export interface ExpectAllPlan {
  /** Expectations it would set (errors aside). */
  readonly set: number;
  /** Of those, events without an expectation yet. */
  readonly added: number;
  /** Of those, events whose expectation says another verdict (or names a clause), replaced. */
  readonly replaced: number;
  /** Whether to ask before setting them: more than CONFIRM_EXPECTATIONS_ABOVE. */
  readonly ask: boolean;
}

export function expectAllPlan(
  map: ExpectationMap,
  rows: readonly { readonly id: string; readonly verdict: VerdictKind }[],
): ExpectAllPlan {
  let set = 0;
  let added = 0;
  let replaced = 0;
  for (const r of rows) {
    if (!isExpectable(r.verdict)) continue;
    set++;
    const had = map[r.id];
    if (!had) added++;
    else if (had.verdict !== r.verdict || had.clause !== undefined) replaced++;
  }
  return { set, added, replaced, ask: set > CONFIRM_EXPECTATIONS_ABOVE };
}

/** "Set 20,000 expected verdicts (19,990 new, 10 replacing others)?" */
export function expectAllQuestion(plan: ExpectAllPlan): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const parts = [`${n(plan.added)} new`];
  if (plan.replaced > 0) parts.push(`${n(plan.replaced)} replacing a different expected verdict`);
  return `Set ${n(plan.set)} expected verdict${plan.set === 1 ? '' : 's'} (${parts.join(', ')})?`;
}

/** The keyboard toggle: expect the current verdict, or drop the expectation the event has. */
export function toggleExpectation(map: ExpectationMap, id: string, current: VerdictKind | undefined): ExpectationMap {
  if (map[id]) return withExpectation(map, id, undefined);
  return isExpectable(current) ? withExpectation(map, id, { verdict: current }) : map;
}

/* ───────── rows ───────── */

/** What one row shows about tuning. */
export interface RowTuning {
  readonly change?: ChangeView;
  readonly expectation?: Expectation;
  readonly result?: ExpectationResult;
}

export interface TuningIndex {
  /** By position. */
  readonly changes: ReadonlyMap<number, ChangeView>;
  /** By position: the check of its id's expectation. */
  readonly results: ReadonlyMap<number, ExpectationResult>;
  /** Expectations whose id no event has. */
  readonly unknown: readonly ExpectationResult[];
  readonly met: number;
  readonly unmet: number;
}

/** Index the worker's views by position, for the rows; stale views (another rule) are ignored by the caller. */
export function indexTuning(view: TuningView | undefined, ids: readonly string[]): TuningIndex {
  const changes = new Map<number, ChangeView>();
  for (const c of view?.diff?.changes ?? []) changes.set(c.position, c);
  const results = new Map<number, ExpectationResult>();
  const unknown: ExpectationResult[] = [];
  const report = view?.expectations;
  if (report) {
    const byId = new Map(report.results.map((r) => [r.id, r]));
    ids.forEach((id, p) => {
      const r = byId.get(id);
      if (r) results.set(p, r);
    });
    for (const r of report.results) if (r.position === undefined) unknown.push(r);
  }
  return { changes, results, unknown, met: report?.met ?? 0, unmet: report?.unmet ?? 0 };
}

export function rowTuning(index: TuningIndex, position: number, expectations: ExpectationMap, id: string): RowTuning {
  const change = index.changes.get(position);
  const expectation = expectations[id];
  const result = expectation ? index.results.get(position) : undefined;
  return { ...(change ? { change } : {}), ...(expectation ? { expectation } : {}), ...(result ? { result } : {}) };
}

/** The test-contract attributes of a row: `data-baseline-verdict`, `data-expected`, `data-expectation`. */
export function rowAttributes(t: RowTuning): Record<string, string> {
  const out: Record<string, string> = {};
  if (t.change) out['data-baseline-verdict'] = t.change.baselineVerdict;
  if (t.expectation) {
    out['data-expected'] = t.expectation.verdict;
    if (t.result) out['data-expectation'] = t.result.met ? 'met' : 'unmet';
  }
  return out;
}

/* ───────── filters ───────── */

/** The tuning filters next to the verdict ones: changed events, unmet expectations, one clause's events. */
export type TuningFilter =
  | { readonly kind: 'changed' }
  | { readonly kind: 'unmet' }
  /** The events an inline badge stands for (a part, or a list element), by position. */
  | {
      readonly kind: 'clause';
      readonly label: string;
      readonly positions: readonly number[];
      /** One list element's events: the part (its text, collapsed) and the element's text. */
      readonly element?: { readonly part: string; readonly text: string };
    };

export function matchesTuning(f: TuningFilter, index: TuningIndex, position: number): boolean {
  switch (f.kind) {
    case 'changed':
      return index.changes.has(position);
    case 'unmet':
      return index.results.get(position)?.met === false;
    case 'clause':
      return f.positions.includes(position);
  }
}

export function filterByTuning<R extends { readonly position: number }>(
  rows: readonly R[],
  f: TuningFilter | undefined,
  index: TuningIndex,
): readonly R[] {
  if (!f) return rows;
  if (f.kind === 'clause') {
    const set = new Set(f.positions);
    return rows.filter((r) => set.has(r.position));
  }
  return rows.filter((r) => matchesTuning(f, index, r.position));
}

/** The next changed (or unmet) row after the selection, wrapping; the selection when there is none. */
export function nextMarked<R extends { readonly id: string; readonly position: number }>(
  rows: readonly R[],
  selected: string | undefined,
  f: TuningFilter,
  index: TuningIndex,
): string | undefined {
  if (rows.length === 0) return selected;
  const start = selected === undefined ? -1 : rows.findIndex((r) => r.id === selected);
  for (let k = 1; k <= rows.length; k++) {
    const r = rows[(start + k + rows.length) % rows.length]!;
    if (matchesTuning(f, index, r.position)) return r.id;
  }
  return selected;
}

/* ───────── clause impact ───────── */

/** "⟵ suppresses 3 · only this: 1": the inline badge, with what removing the part would do. */
export function impactBadge(suppressed: number, only: number): { readonly text: string; readonly hover: string } {
  const alone =
    only === 0
      ? 'every event it suppresses is also suppressed by another part'
      : `remove it and ${only} event${only === 1 ? '' : 's'} alert${only === 1 ? 's' : ''}`;
  return {
    text:
      only > 0 && only !== suppressed
        ? `⟵ suppresses ${suppressed} · ${only} only by this`
        : `⟵ suppresses ${suppressed}`,
    hover: `This exclusion suppresses ${suppressed} event(s); ${alone}. Click to list them.`,
  };
}

/** "2 of 5 expectations unmet (1 names no event)". */
export function expectationSummary(index: TuningIndex, total: number): string {
  if (total === 0) return 'no expectations';
  const unknown = index.unknown.length > 0 ? ` (${index.unknown.length} name no event)` : '';
  const n = (x: number) => x.toLocaleString('en-US');
  if (index.unmet === 0) return `${n(total)} expectation${total === 1 ? '' : 's'} met`;
  return `${n(index.unmet)} of ${n(total)} expectation${total === 1 ? '' : 's'} unmet${unknown}`;
}

/**
 * A clause filter after an edit: the events its part (found by its text), or that part's list
 * element (by its text), suppresses now; undefined when the part is gone or nothing changed.
 */
export function followClause(f: TuningFilter | undefined, view: TuningView | undefined): TuningFilter | undefined {
  if (f?.kind !== 'clause') return undefined;
  const partText = f.element?.part ?? f.label;
  const part = view?.impact.find((p) => collapse(p.clause) === partText);
  if (!part) return undefined;
  const positions = f.element
    ? (part.elements.find((e) => e.text === f.element!.text)?.suppresses ?? [])
    : part.suppresses;
  return positions.join() === f.positions.join() ? undefined : { ...f, positions };
}

/** The positions a tuning filter keeps, from the worker's views (undefined: no filter). */
export function filterPositions(f: TuningFilter | undefined, view: TuningView | undefined): Int32Array | undefined {
  if (!f) return undefined;
  if (f.kind === 'clause') return Int32Array.from(f.positions);
  if (f.kind === 'changed') return Int32Array.from((view?.diff?.changes ?? []).map((c) => c.position));
  const unmet: number[] = [];
  for (const r of view?.expectations?.results ?? []) if (!r.met && r.position !== undefined) unmet.push(r.position);
  return Int32Array.from(unmet);
}
