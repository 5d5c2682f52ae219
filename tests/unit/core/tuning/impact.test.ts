import { describe, expect, test } from 'vitest';
import { clauseImpact, diffVerdicts } from '../../../../src/core/index';
import { docs, defaultEvents, defaultRule, run } from './helpers';

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

  test('per element: the events each inline count stands for', () => {
    const base = run(defaultRule, defaultEvents);
    const t = clauseImpact(base);
    for (const s of base.clauseStats!) {
      for (const p of s.parts) expect(t.elements.get(p.id)?.length ?? 0, p.span.text).toBe(p.count);
    }
  });

  test('join queries have no exclusion parts', () => {
    const r = run('sequence [process where true] [file where true]', defaultEvents);
    expect(clauseImpact(r).parts).toEqual([]);
  });
});
