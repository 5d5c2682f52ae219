import { describe, expect, test } from 'vitest';
import { clauseImpact, diffVerdicts } from '../../../../src/core/index';
import type { Range } from '../../../../src/core/index';
import { docs, defaultEvents, defaultRule, run } from './helpers';

/** The rule without one list element, and the comma that joins it to its neighbour. */
function withoutElement(rule: string, { start, end }: Range): string {
  const after = /^\s*,\s*/.exec(rule.slice(end));
  if (after) return rule.slice(0, start) + rule.slice(end + after[0].length);
  const before = /,\s*$/.exec(rule.slice(0, start));
  if (!before) throw new Error(`no comma next to ${rule.slice(start, end)}`);
  return rule.slice(0, before.index) + rule.slice(end);
}

describe('clause impact', () => {
  test('an event two parts suppress counts for both, and is "only" for neither', () => {
    const events = docs([
      { id: 'a', event: { category: 'process' }, process: { name: 'x', executable: '/opt/x' } },
      { id: 'b', event: { category: 'process' }, process: { name: 'x', executable: '/opt/y' } },
      { id: 'c', event: { category: 'process' }, process: { name: 'z', executable: '/opt/z' } },
    ]);
    const r = run('process where not (process.name == "x" or process.executable in ("/opt/x", "/opt/z"))', events);
    const t = clauseImpact(r);
    expect(t.parts.map((p) => [p.clause, p.suppresses, p.only])).toEqual([
      ['process.name == "x"', [0, 1], [1]],
      ['process.executable in ("/opt/x", "/opt/z")', [0, 2], [2]],
    ]);
  });

  test('"only" is exactly what removing the part turns into alerts (default example, every part)', () => {
    const base = run(defaultRule, defaultEvents);
    const t = clauseImpact(base);
    expect(t.parts.length).toBe(9);
    for (const part of t.parts) {
      const stat = base.clauseStats!.find((s) => s.clauseId === part.clauseId)!;
      // Replace the part with a condition that never fires (keeps the or-chain valid).
      const { start, end } = stat.clause.range;
      const rule = `${defaultRule.slice(0, start)}false${defaultRule.slice(end)}`;
      const d = diffVerdicts(base, run(rule, defaultEvents), defaultEvents.length);
      const alerted = d.changes.filter((c) => c.verdict === 'alert').map((c) => c.position);
      expect(alerted, part.clause).toEqual(part.only);
      expect(part.suppresses.length, part.clause).toBe(stat.suppressed);
    }
  });

  test('per element: the events each inline count stands for, by node id and by the element text in its part', () => {
    const base = run(defaultRule, defaultEvents);
    const t = clauseImpact(base);
    let live = 0;
    for (const s of base.clauseStats!) {
      const part = t.parts.find((x) => x.clauseId === s.clauseId);
      for (const p of s.parts) {
        expect(t.elements.get(p.id)?.length ?? 0, p.span.text).toBe(p.count);
        const byText = part?.elements.find((e) => e.text === p.span.text)?.suppresses ?? [];
        if (p.count > 0) {
          expect(byText, p.span.text).toEqual(t.elements.get(p.id));
          live++;
        }
      }
    }
    expect(live).toBeGreaterThan(3);
  });

  test('per element: "only" is exactly what removing the element turns into alerts; 0 events means no change', () => {
    const base = run(defaultRule, defaultEvents);
    let checked = 0;
    let sole = 0;
    for (const s of base.clauseStats!) {
      if (s.kind !== 'exclusion' || s.parts.length < 2) continue;
      for (const p of s.parts) {
        const d = diffVerdicts(
          base,
          run(withoutElement(defaultRule, p.span.range), defaultEvents),
          defaultEvents.length,
        );
        const alerted = d.changes.filter((c) => c.verdict === 'alert');
        expect(alerted.length, p.span.text).toBe(p.only);
        if (p.count === 0)
          expect(
            d.changes.filter((c) => c.kind === 'verdict'),
            p.span.text,
          ).toEqual([]);
        checked++;
        sole += p.only;
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(sole).toBeGreaterThan(0);
  });

  test('per element: a repeated element, an overlapping pattern and another array value leave no event "only" to it', () => {
    const events = docs([
      { id: 'a', event: { category: 'process' }, process: { name: 'a', args: ['x'] }, file: { path: '/tmp/axyb' } },
      { id: 'b', event: { category: 'process' }, process: { name: 'b', args: ['x', 'y'] }, file: { path: '/tmp/ax' } },
      { id: 'c', event: { category: 'process' }, process: { name: 'c', args: ['y'] }, file: { path: '/tmp/q' } },
    ]);
    const elements = (rule: string) =>
      run(rule, events).clauseStats!.flatMap((s) => s.parts.map((p) => [p.span.text, p.count, p.only]));
    expect(elements('process where not process.name in ("a", "b", "a")')).toEqual([
      ['"a"', 1, 0],
      ['"b"', 1, 1],
      ['"a"', 0, 0],
    ]);
    expect(elements('process where not file.path : ("*x*", "*xy*", "*q")')).toEqual([
      ['"*x*"', 2, 1],
      ['"*xy*"', 0, 0],
      ['"*q"', 1, 1],
    ]);
    expect(elements('process where not process.args in ("x", "y")')).toEqual([
      ['"x"', 2, 1],
      ['"y"', 1, 1],
    ]);
    // b is "y"'s alone; for c a second part fires too
    expect(elements('process where not (process.args in ("y", "z") or process.name == "c")')).toEqual([
      ['"y"', 2, 1],
      ['"z"', 0, 0],
    ]);
  });

  test('join queries have no exclusion parts', () => {
    const r = run('sequence [process where true] [file where true]', defaultEvents);
    expect(clauseImpact(r).parts).toEqual([]);
  });
});
