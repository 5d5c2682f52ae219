/** Keyboard navigation over the visible result rows. Pure: ids in, id out. */
import type { Verdict, VerdictKind } from '../../core';

/** The next (step 1) or previous (step -1) row; wraps around. */
export function stepSelection(
  rows: readonly Verdict[],
  selected: string | undefined,
  step: 1 | -1,
): string | undefined {
  if (rows.length === 0) return undefined;
  const i = selected === undefined ? -1 : rows.findIndex((r) => r.id === selected);
  if (i < 0) return step === 1 ? rows[0]!.id : rows[rows.length - 1]!.id;
  return rows[(i + step + rows.length) % rows.length]!.id;
}

/** The next row after the selection with the given verdict (wrapping), or the selection if none. */
export function nextOfKind(
  rows: readonly Verdict[],
  selected: string | undefined,
  kind: VerdictKind,
  step: 1 | -1 = 1,
): string | undefined {
  if (rows.length === 0) return selected;
  const start = selected === undefined ? -1 : rows.findIndex((r) => r.id === selected);
  for (let k = 1; k <= rows.length; k++) {
    const i = ((((start < 0 && step === -1 ? 0 : start) + k * step) % rows.length) + rows.length) % rows.length;
    if (rows[i]!.verdict === kind) return rows[i]!.id;
  }
  return selected;
}

/**
 * A key pressed in the results list: the row to select (`id` undefined clears the selection), or
 * undefined when the key is not the list's. Arrows and j/k step, Escape clears, and each letter
 * of `jumps` goes to the next row with its verdict.
 */
export function listKey(
  key: string,
  rows: readonly Verdict[],
  selected: string | undefined,
  jumps: Readonly<Record<string, VerdictKind>>,
): { readonly id: string | undefined } | undefined {
  if (key === 'ArrowDown' || key === 'j') return { id: stepSelection(rows, selected, 1) };
  if (key === 'ArrowUp' || key === 'k') return { id: stepSelection(rows, selected, -1) };
  if (key === 'Escape') return { id: undefined };
  const kind = Object.hasOwn(jumps, key) ? jumps[key] : undefined;
  return kind ? { id: nextOfKind(rows, selected, kind) } : undefined;
}
