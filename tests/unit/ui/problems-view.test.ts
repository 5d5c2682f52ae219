import { describe, expect, test } from 'vitest';
import type { ProblemView } from '../../../src/worker/protocol';
import { GROUP_PREVIEW, MAX_ROWS, groupProblems, problemRows } from '../../../src/ui/state/problems-view';

const p = (code: string, message: string, severity: ProblemView['severity'] = 'error', line = 1): ProblemView => ({
  code,
  severity,
  message,
  range: { start: 0, end: 1 },
  source: 'events',
  at: { line, column: 1 },
});

describe('problems panel model', () => {
  const lines = Array.from({ length: 20_000 }, (_, i) =>
    p('EVT5001', `Line ${i + 1} is not valid JSON: Unexpected ',' after the end of the JSON value`, 'error', i + 1),
  );

  test('20,000 problems of one kind fold into one group with a preview and "and N more"', () => {
    const groups = groupProblems(lines);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.template).toBe("Line N is not valid JSON: Unexpected ',' after the end of the JSON value");
    const rows = problemRows(groups, new Set());
    expect(rows.map((r) => r.kind)).toEqual(['group', ...Array(GROUP_PREVIEW).fill('problem'), 'more']);
    expect(rows.at(-1)).toMatchObject({ kind: 'more', hidden: 20_000 - GROUP_PREVIEW });
    // Expanded, it is still capped.
    const open = problemRows(groups, new Set([groups[0]!.key]));
    expect(open.length).toBeLessThanOrEqual(MAX_ROWS);
    expect(open.at(-1)).toMatchObject({ kind: 'more', hidden: 20_000 - (MAX_ROWS - 2) });
  });

  test('a few problems show one by one, errors first, in order of appearance', () => {
    const few = [
      p('EQL2001', 'Unknown field a', 'warning'),
      p('EQL1001', 'x'),
      p('EVT5001', 'Line 2 is bad'),
      p('EVT5001', 'Line 9 is bad'),
    ];
    const rows = problemRows(groupProblems(few), new Set());
    expect(rows.map((r) => (r.kind === 'problem' ? r.problem.message : r.kind))).toEqual([
      'x',
      'Line 2 is bad',
      'Line 9 is bad',
      'Unknown field a',
    ]);
  });

  test('many kinds: rows never pass the cap; the rest is counted', () => {
    const many = Array.from({ length: 5000 }, (_, i) => p(`C${i}`, `kind ${String.fromCharCode(65 + (i % 26))}${i}`));
    const rows = problemRows(groupProblems(many), new Set());
    expect(rows.length).toBeLessThanOrEqual(MAX_ROWS + 1);
    const shown = rows.filter((r) => r.kind === 'problem').length;
    expect(rows.at(-1)).toEqual({ kind: 'more', group: undefined, hidden: 5000 - shown });
  });
});
