/** A field nobody knows: Elasticsearch's Unknown column, and verdicts marked as computed with it absent. */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../../src/core/index';
import type { EventDoc } from '../../../../src/core/runtime/event';

const events: EventDoc[] = [
  { id: 'a', source: { process: { name: 'x' } }, doc: { process: { name: 'x' } }, position: 0 },
];

describe('fields unknown to ECS, Defend, the events and the mapping', () => {
  test('the warning says Elasticsearch rejects the query with Unknown column, and results are marked', () => {
    const r = evaluate({ rule: 'any where process.name == "x" and not custom.flag == true', events, explain: true });
    const w = r.diagnostics.find((d) => d.code === 'EQL4001')!;
    expect(w.severity).toBe('warning');
    expect(w.message).toBe('Unknown column [custom.flag]');
    expect(w.notes?.[0]).toContain('Elasticsearch rejects the query with Unknown column [custom.flag]');
    expect(r.assumedAbsent).toEqual(['custom.flag']);
    expect(r.verdicts?.[0]?.verdict).toBe('alert');
    const reasons = r.verdicts?.[0]?.reasons ?? [];
    expect(
      reasons.some((x) => x.field === 'custom.flag' && x.note?.startsWith('computed with custom.flag absent')),
    ).toBe(true);
  });
  test('known fields and optional fields are not marked', () => {
    const r = evaluate({ rule: 'any where process.name == "x" and ?custom.flag == null', events, explain: true });
    expect(r.assumedAbsent).toBeUndefined();
  });
  test('sequences carry the mark too', () => {
    const r = evaluate({ rule: 'sequence [any where custom.flag == null] [any where true]', events, explain: true });
    expect(r.assumedAbsent).toEqual(['custom.flag']);
  });
});
