import { describe, expect, test } from 'vitest';
import type { Reason, Verdict } from '../../../src/core';
import { nextOfKind, stepSelection } from '../../../src/ui/state/navigation';
import { abbreviate, reasonParts, reasonText } from '../../../src/ui/state/reason-text';
import { fieldsInRule, RULE_KEYWORDS } from '../../../src/ui/state/rule-fields';
import { RENDER_ALL_BELOW, scrollToShow, virtualWindow } from '../../../src/ui/state/virtual-window';

const rows: Verdict[] = (['alert', 'suppressed', 'no-match', 'suppressed', 'alert'] as const).map((v, i) => ({
  id: String(i),
  position: i,
  verdict: v,
  reasons: [],
}));

describe('navigation', () => {
  test('next and previous wrap around; no selection starts at an end', () => {
    expect(stepSelection(rows, undefined, 1)).toBe('0');
    expect(stepSelection(rows, undefined, -1)).toBe('4');
    expect(stepSelection(rows, '4', 1)).toBe('0');
    expect(stepSelection(rows, '0', -1)).toBe('4');
    expect(stepSelection([], '1', 1)).toBeUndefined();
  });

  test('jump to the next row of a verdict, wrapping; stays when there is none', () => {
    expect(nextOfKind(rows, '0', 'suppressed')).toBe('1');
    expect(nextOfKind(rows, '1', 'suppressed')).toBe('3');
    expect(nextOfKind(rows, '3', 'suppressed')).toBe('1');
    expect(nextOfKind(rows, undefined, 'alert')).toBe('0');
    expect(nextOfKind(rows, '2', 'error')).toBe('2');
    expect(nextOfKind(rows, '1', 'alert', -1)).toBe('0');
  });
});

describe('reason wording', () => {
  const exclusion: Reason = {
    kind: 'exclusion',
    clause: { text: 'process.executable in ("/bin/dpkg", "/usr/bin/dpkg")', range: { start: 0, end: 10 } },
    match: { text: '"/usr/bin/dpkg"', range: { start: 2, end: 5 } },
    field: 'process.executable',
    value: '/usr/bin/dpkg',
    clauseId: 1,
  };
  test('an exclusion names the clause, the element and the value', () => {
    expect(reasonParts('suppressed', exclusion)).toEqual({
      verb: 'suppressed by',
      clause: exclusion.clause.text,
      match: '"/usr/bin/dpkg"',
      field: 'process.executable',
      value: '/usr/bin/dpkg',
    });
    expect(reasonText('suppressed', exclusion)).toBe(
      'suppressed by `process.executable in ("/bin/dpkg", "/usr/bin/dpkg")` → `"/usr/bin/dpkg"` · process.executable = `/usr/bin/dpkg`',
    );
  });
  test('a miss on a missing field says missing; notes are kept', () => {
    const base: Reason = {
      kind: 'base',
      clause: { text: 'host.os.type == "linux"', range: { start: 0, end: 5 } },
      field: 'host.os.type',
      clauseId: 2,
      note: 'the field is missing',
    };
    expect(reasonParts('no-match', base)).toMatchObject({
      verb: 'missed by',
      value: 'missing',
      note: 'the field is missing',
    });
    expect(reasonParts('no-match', base).match).toBeUndefined();
  });
  test('long clauses are shortened in the middle', () => {
    expect(abbreviate('abcdefghij', 20)).toBe('abcdefghij');
    const s = abbreviate(`${'x'.repeat(50)}END`, 20);
    expect(s.length).toBeLessThanOrEqual(21);
    expect(s.endsWith('END')).toBe(true);
    expect(s).toContain(' … ');
  });
});

describe('fields a rule mentions', () => {
  test('fields in order, without keywords, strings, comments or function names', () => {
    const rule =
      'file where host.os.type == "linux" and startsWith(process.name, "x") // user.name\n and not `weird field`.x : "a.b" and process.name != null';
    expect(fieldsInRule(rule, RULE_KEYWORDS)).toEqual(['host.os.type', 'process.name', 'weird field.x']);
  });
});

describe('virtual window', () => {
  test('small lists render every row', () => {
    expect(virtualWindow(17, 48, 500, 300)).toEqual({ start: 0, end: 17, padTop: 0, padBottom: 0 });
  });
  test('large lists render the visible slice with padding that keeps the scroll height', () => {
    const n = RENDER_ALL_BELOW * 10;
    const w = virtualWindow(n, 50, 10_000, 500, 5);
    expect(w.start).toBe(195);
    expect(w.end).toBe(215);
    expect(w.padTop + (w.end - w.start) * 50 + w.padBottom).toBe(n * 50);
  });
  test('scrolling a row into view', () => {
    expect(scrollToShow(10, 50, 0, 300)).toBe(250);
    expect(scrollToShow(2, 50, 400, 300)).toBe(100);
    expect(scrollToShow(5, 50, 200, 300)).toBe(200);
  });
});
