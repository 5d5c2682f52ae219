import { describe, expect, test } from 'vitest';
import {
  checkExpectations,
  expectCurrentVerdicts,
  expectationsToJson,
  parseExpectations,
} from '../../../../src/core/index';
import { evaluate } from '../../../../src/core/index';
import { defaultEvents, defaultRule, docs, run, without } from './helpers';

describe('parseExpectations', () => {
  test('bare verdicts and verdicts with a clause', () => {
    const r = parseExpectations({
      'apt-01': 'suppressed',
      'apt-14': 'alert',
      x: { verdict: 'suppressed', clause: 'process.executable == null' },
    });
    expect(r.problems).toEqual([]);
    expect(r.expectations).toEqual({
      'apt-01': { verdict: 'suppressed' },
      'apt-14': { verdict: 'alert' },
      x: { verdict: 'suppressed', clause: 'process.executable == null' },
    });
    expect(expectationsToJson(r.expectations)).toEqual({
      'apt-01': 'suppressed',
      'apt-14': 'alert',
      x: { verdict: 'suppressed', clause: 'process.executable == null' },
    });
  });

  test('wrong entries are reported and left out, the others kept', () => {
    const r = parseExpectations({ a: 'alerts', b: 3, c: { verdict: 'alert', clause: 'x' }, d: 'no-match' });
    expect(r.expectations).toEqual({ d: { verdict: 'no-match' } });
    expect(r.problems.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(r.problems[0]!.message).toBe(
      'expectation for "a": "alerts" is not one of alert, suppressed, no-match, excepted',
    );
    expect(parseExpectations([]).problems[0]!.message).toMatch(/must be an object/);
  });
});

describe('checkExpectations', () => {
  const base = run(defaultRule, defaultEvents);

  test('expect current verdicts: all met; a breaking edit makes exactly the changed one unmet', () => {
    const expectations = expectCurrentVerdicts(base, defaultEvents.length);
    expect(Object.keys(expectations)).toHaveLength(17);
    const ok = checkExpectations(base, defaultEvents, expectations);
    expect([ok.met, ok.unmet, ok.unknown]).toEqual([17, 0, 0]);
    const broken = run(without(defaultRule, '"/usr/bin/dpkg", '), defaultEvents);
    const r = checkExpectations(broken, defaultEvents, expectations);
    expect(r.unmet).toBe(1);
    const bad = r.results.find((x) => !x.met)!;
    expect(bad).toMatchObject({ id: 'apt-01', expected: { verdict: 'suppressed' }, got: 'alert' });
    expect(bad.reason).toBe('no exclusion fired');
  });

  test('a named clause must be among the suppressing reasons (element or part, whitespace ignored)', () => {
    const byElement = { 'apt-01': { verdict: 'suppressed' as const, clause: '"/usr/bin/dpkg"' } };
    expect(checkExpectations(base, defaultEvents, byElement).met).toBe(1);
    const wrong = { 'apt-01': { verdict: 'suppressed' as const, clause: 'process.executable == null' } };
    const r = checkExpectations(base, defaultEvents, wrong);
    expect(r.unmet).toBe(1);
    expect(r.results[0]!.reason).toBe(
      'by `process.executable in (...)` ("/usr/bin/dpkg"), not by `process.executable == null`',
    );
    const part = base.verdicts!.find((v) => v.verdict === 'suppressed' && !v.reasons[0]!.match)!;
    const clause = part.reasons[0]!.clause.text.replace(/\s+/g, '  ');
    const id = defaultEvents[part.position]!.id;
    expect(checkExpectations(base, defaultEvents, { [id]: { verdict: 'suppressed', clause } }).met).toBe(1);
  });

  test('an unknown event id is reported, not ignored', () => {
    const r = checkExpectations(base, defaultEvents, { 'apt-99': { verdict: 'alert' } });
    expect([r.met, r.unmet, r.unknown]).toEqual([0, 1, 1]);
    expect(r.results[0]).toMatchObject({ position: undefined, got: undefined, reason: 'no event has id "apt-99"' });
  });

  test('a rule with errors fails every expectation with the first error', () => {
    const r = checkExpectations(run('file where (', defaultEvents), defaultEvents, { 'apt-14': { verdict: 'alert' } });
    expect(r.unmet).toBe(1);
    expect(r.results[0]!.reason).toMatch(/^the rule has errors: /);
  });

  test('no-match reasons name the failing condition, or say what the category needs', () => {
    const noMatch = base.verdicts!.filter((v) => v.verdict === 'no-match');
    const byBase = noMatch.find((v) => v.reasons[0]!.kind === 'base')!;
    const byCategory = noMatch.find((v) => v.reasons[0]!.kind === 'category')!;
    const id = (p: number) => defaultEvents[p]!.id;
    const r = checkExpectations(base, defaultEvents, {
      [id(byBase.position)]: { verdict: 'alert' },
      [id(byCategory.position)]: { verdict: 'alert' },
    });
    expect(r.results.map((x) => x.got)).toEqual(['no-match', 'no-match']);
    expect(r.results[0]!.reason).toMatch(/^`.+` failed$/);
    expect(r.results[1]!.reason).toMatch(/^`file where` needs event.category to contain "file"/);
  });

  test('sequences: alert means part of a returned sequence', () => {
    const events = docs([
      { id: 'a', '@timestamp': 1, event: { category: 'process' } },
      { id: 'b', '@timestamp': 2, event: { category: 'file' } },
      { id: 'c', '@timestamp': 3, event: { category: 'network' } },
    ]);
    const r = run('sequence [process where true] [file where true]', events);
    const report = checkExpectations(r, events, {
      a: { verdict: 'alert' },
      b: { verdict: 'alert' },
      c: { verdict: 'alert' },
    });
    expect(report.results.map((x) => [x.id, x.met, x.got])).toEqual([
      ['a', true, 'alert'],
      ['b', true, 'alert'],
      ['c', false, 'no-match'],
    ]);
    expect(report.results[2]!.reason).toBe('in no returned sequence');
  });

  test('an id shared by several events: every one must meet it', () => {
    const events = docs([
      { id: 'same', event: { category: 'process' }, process: { name: 'x' } },
      { id: 'same', event: { category: 'process' }, process: { name: 'y' } },
    ]);
    const r = checkExpectations(run('process where process.name == "x"', events), events, {
      same: { verdict: 'alert' },
    });
    expect(r.results[0]).toMatchObject({ position: 1, met: false, got: 'no-match' });
  });
});

describe('excepted expectations', () => {
  const events = docs([
    { id: 'a', event: { category: 'process' }, process: { name: 'tool' } },
    { id: 'b', event: { category: 'process' }, process: { name: 'other' } },
  ]);
  const exceptions = {
    items: [
      {
        item_id: 'x-id',
        list_id: 'l',
        name: 'tool is fine',
        entries: [{ type: 'match' as const, field: 'process.name', operator: 'included' as const, value: 'tool' }],
      },
    ],
  };
  const result = evaluate({ rule: 'process where true', events, exceptions });

  test('an event a rule exception removes meets `excepted`; one it does not is reported with its verdict', () => {
    const r = checkExpectations(result, events, { a: { verdict: 'excepted' }, b: { verdict: 'excepted' } });
    expect([r.met, r.unmet]).toEqual([1, 1]);
    expect(r.results[1]).toMatchObject({ id: 'b', got: 'alert', met: false });
  });

  test('`excepted` is read, written and set from the current verdicts like the others', () => {
    expect(parseExpectations({ a: 'excepted' })).toEqual({
      expectations: { a: { verdict: 'excepted' } },
      problems: [],
    });
    expect(expectationsToJson({ a: { verdict: 'excepted' } })).toEqual({ a: 'excepted' });
    expect(expectCurrentVerdicts(result, events.length)).toEqual({
      a: { verdict: 'excepted' },
      b: { verdict: 'alert' },
    });
  });
});
