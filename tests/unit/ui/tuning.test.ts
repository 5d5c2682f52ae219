import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/index';
import { defaultExample } from '../../../src/examples/default-example';
import { parseEvents } from '../../../src/formats/events';
import { defaultUiSettings } from '../../../src/ui/state/doc-state';
import {
  CONFIRM_EXPECTATIONS_ABOVE,
  expectAllPlan,
  expectAllQuestion,
  expectCurrent,
  expectationSummary,
  filterByTuning,
  impactBadge,
  indexTuning,
  nextMarked,
  rowAttributes,
  rowTuning,
  sameAsBaseline,
  toggleExpectation,
  tuningRequest,
  withExpectation,
} from '../../../src/ui/state/tuning';
import { BaselineCache, tuningView } from '../../../src/worker/tuning';

const events = parseEvents(defaultExample.events, { idField: 'event.id' }).events;
const ids = events.map((e) => e.id);
const rule = defaultExample.query;
const edited = rule.replace('"/usr/bin/dpkg", ', '');
const ctx = { eventsKey: 'k', events, mapping: '' };

function viewFor(current: string, expectations = {}) {
  const req = tuningRequest({ rule, settings: defaultUiSettings }, expectations);
  const result = evaluate({ rule: current, events, settings: req.baseline!.settings });
  return { view: tuningView(req, result, ctx, new BaselineCache()), result };
}

describe('expectations on the page', () => {
  it('set, replace, remove and toggle one; expect the current verdicts of many', () => {
    let m = withExpectation({}, 'a', { verdict: 'alert' });
    m = withExpectation(m, 'a', { verdict: 'suppressed' });
    expect(m).toEqual({ a: { verdict: 'suppressed' } });
    expect(withExpectation(m, 'a', undefined)).toEqual({});
    expect(toggleExpectation({}, 'b', 'no-match')).toEqual({ b: { verdict: 'no-match' } });
    expect(toggleExpectation({ b: { verdict: 'alert' } }, 'b', 'no-match')).toEqual({});
    expect(toggleExpectation({}, 'b', 'error')).toEqual({});
    const all = expectCurrent({ z: { verdict: 'alert' } }, [
      { id: 'x', verdict: 'alert' },
      { id: 'y', verdict: 'error' },
    ]);
    expect(all).toEqual({ z: { verdict: 'alert' }, x: { verdict: 'alert' } });
  });

  it('"Expect current verdicts" counts what it would set, new and replaced, and asks above the threshold', () => {
    const rows = [
      { id: 'a', verdict: 'alert' as const },
      { id: 'b', verdict: 'suppressed' as const },
      { id: 'c', verdict: 'error' as const },
      { id: 'd', verdict: 'no-match' as const },
    ];
    const plan = expectAllPlan({ a: { verdict: 'alert' }, b: { verdict: 'alert' }, z: { verdict: 'alert' } }, rows);
    expect(plan).toEqual({ set: 3, added: 1, replaced: 1, ask: false });
    expect(expectAllQuestion(plan)).toBe('Set 3 expected verdicts (1 new, 1 replacing a different expected verdict)?');
    // a clause the expectation names is dropped by the plain verdict: that replaces it too
    expect(expectAllPlan({ b: { verdict: 'suppressed', clause: 'x' } }, rows).replaced).toBe(1);
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i), verdict: 'alert' as const }));
    expect(expectAllPlan({}, many(CONFIRM_EXPECTATIONS_ABOVE)).ask).toBe(false);
    const big = expectAllPlan({}, many(20_000));
    expect(big.ask).toBe(true);
    expect(expectAllQuestion(big)).toBe('Set 20,000 expected verdicts (20,000 new)?');
  });

  it('the request carries a baseline and expectations only when there are some', () => {
    expect(tuningRequest(undefined, {})).toEqual({});
    expect(tuningRequest({ rule: 'r', settings: defaultUiSettings }, {}).baseline?.settings.size).toBe(10);
    expect(sameAsBaseline({ rule: 'r', settings: defaultUiSettings }, 'r', defaultUiSettings)).toBe(true);
    expect(sameAsBaseline({ rule: 'r', settings: defaultUiSettings }, 'r2', defaultUiSettings)).toBe(false);
  });
});

describe('rows marked from the worker views', () => {
  it('an edit that un-suppresses one event marks exactly that row, with its baseline verdict', () => {
    const { view } = viewFor(edited);
    const index = indexTuning(view, ids);
    expect([...index.changes.keys()]).toEqual([0]);
    const t = rowTuning(index, 0, {}, 'apt-01');
    expect(rowAttributes(t)).toEqual({ 'data-baseline-verdict': 'suppressed' });
    expect(rowAttributes(rowTuning(index, 1, {}, ids[1]!))).toEqual({});
  });

  it('expectations: a breaking edit makes the expected-suppressed row unmet; the summary counts it', () => {
    const { result: base } = viewFor(rule);
    const expectations = expectCurrent({}, base.verdicts!);
    const { view } = viewFor(edited, expectations);
    const index = indexTuning(view, ids);
    expect(rowAttributes(rowTuning(index, 0, expectations, 'apt-01'))).toEqual({
      'data-baseline-verdict': 'suppressed',
      'data-expected': 'suppressed',
      'data-expectation': 'unmet',
    });
    expect(rowAttributes(rowTuning(index, 1, expectations, ids[1]!))['data-expectation']).toBe('met');
    expect(expectationSummary(index, Object.keys(expectations).length)).toBe('1 of 17 expectations unmet');
    const unknown = indexTuning(viewFor(rule, { nope: { verdict: 'alert' } }).view, ids);
    expect(expectationSummary(unknown, 1)).toBe('1 of 1 expectation unmet (1 name no event)');
  });

  it('the Changed and Unmet filters list exactly those rows; next-changed wraps', () => {
    const { result: base } = viewFor(rule);
    const expectations = expectCurrent({}, base.verdicts!);
    const { view, result } = viewFor(edited.replace('process.executable == null or', ''), expectations);
    const index = indexTuning(view, ids);
    const rows = result.verdicts!;
    const changed = filterByTuning(rows, { kind: 'changed' }, index);
    expect(changed.map((r) => r.position)).toEqual([...index.changes.keys()].sort((a, b) => a - b));
    expect(changed.length).toBeGreaterThan(1);
    expect(filterByTuning(rows, { kind: 'unmet' }, index)).toEqual(changed);
    const first = nextMarked(rows, undefined, { kind: 'changed' }, index);
    expect(first).toBe(changed[0]!.id);
    const second = nextMarked(rows, first, { kind: 'changed' }, index);
    expect(second).toBe(changed[1]!.id);
    expect(nextMarked(rows, changed.at(-1)!.id, { kind: 'changed' }, index)).toBe(first);
    const clause = filterByTuning(rows, { kind: 'clause', label: 'x', positions: [3, 1] }, index);
    expect(clause.map((r) => r.position)).toEqual([1, 3]);
  });

  it('clause impact badges say what removing a part does', () => {
    expect(impactBadge(3, 3).text).toBe('⟵ suppresses 3');
    expect(impactBadge(3, 1).text).toBe('⟵ suppresses 3 · 1 only by this');
    expect(impactBadge(3, 1).hover).toMatch(/remove it and 1 event alerts/);
    expect(impactBadge(2, 0).hover).toMatch(/also suppressed by another part/);
  });
});
