import { describe, expect, it } from 'vitest';
import type { EventDoc } from '../../../../src/core/runtime/event';
import { inferFields, looksLikeDate } from '../../../../src/core/schema/infer';

function ev(source: Record<string, unknown>, k: number): EventDoc {
  return { id: String(k), source, doc: source, position: k, range: { start: k * 10, end: k * 10 + 5 } };
}

describe('inferFields', () => {
  it('maps JSON kinds like dynamic mapping does', () => {
    const r = inferFields([
      ev(
        { s: 'abc', n: 1, f: 1.5, b: true, d: '2024-01-02T03:04:05Z', o: { x: 1 }, arr: [null, 'x'], nul: null, e: [] },
        0,
      ),
    ]);
    const byName = new Map(r.fields.map((f) => [f.name, f]));
    expect(byName.get('s')).toMatchObject({ type: 'text', keywordSubfield: 'keyword', origin: 'events' });
    expect(byName.get('s.keyword')).toMatchObject({ type: 'keyword', ignoreAbove: 256 });
    expect(byName.get('n')?.type).toBe('long');
    expect(byName.get('f')?.type).toBe('float');
    expect(byName.get('b')?.type).toBe('boolean');
    expect(byName.get('d')?.type).toBe('date');
    expect(byName.get('o')?.type).toBe('object');
    expect(byName.get('o.x')?.type).toBe('long');
    expect(byName.get('arr')?.type).toBe('text');
    expect(byName.has('nul')).toBe(false);
    expect(byName.has('e')).toBe(false);
    expect([...r.valued].sort()).toEqual(['arr', 'arr.keyword', 'b', 'd', 'f', 'n', 'o', 'o.x', 's', 's.keyword']);
    expect(r.diagnostics).toEqual([]);
  });

  it('lets the first non-null value decide and warns on conflicts with the event range', () => {
    const r = inferFields([ev({ v: null }, 0), ev({ v: 5 }, 1), ev({ v: 'x' }, 2), ev({ v: { a: 1 } }, 3)]);
    expect(r.fields.find((f) => f.name === 'v')?.type).toBe('long');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'EVT5005',
      severity: 'warning',
      source: 'events',
      range: { start: 20, end: 25 },
    });
    expect(r.diagnostics[0]!.message).toContain('[v]');
  });

  it('detects dates the way strict_date_optional_time does', () => {
    expect(looksLikeDate('2024-01-02')).toBe(true);
    expect(looksLikeDate('2024-01-02T03:04:05.123456789+02:00')).toBe(true);
    expect(looksLikeDate('2024-13-02')).toBe(false);
    expect(looksLikeDate('1234567891')).toBe(false);
    expect(looksLikeDate('hello')).toBe(false);
  });
});
