/**
 * The rule's text diff against the baseline, by line, for the editor's gutter marks: lines added
 * or changed in the current rule, and where lines of the baseline were removed. Pure; a plain
 * longest-common-subsequence over lines (rules are short; very long texts are compared by their
 * common head and tail only).
 */

export interface LineDiff {
  /** 1-based lines of the current text that are new. */
  readonly added: readonly number[];
  /** 1-based lines of the current text that replace baseline lines. */
  readonly modified: readonly number[];
  /** 1-based lines of the current text after which baseline lines were removed (0: before the first). */
  readonly removedAfter: readonly number[];
}

const LIMIT = 1500;

/** Runs of unmatched lines between matches, from an LCS table (or head/tail matching past LIMIT). */
function matches(a: readonly string[], b: readonly string[]): [number, number][] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const pairs: [number, number][] = [];
  for (let i = 0; i < head; i++) pairs.push([i, i]);
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  if (am.length > 0 && bm.length > 0 && am.length * bm.length <= LIMIT * LIMIT) {
    const n = am.length;
    const m = bm.length;
    const t = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        t[i * (m + 1) + j] =
          am[i] === bm[j]
            ? t[(i + 1) * (m + 1) + j + 1]! + 1
            : Math.max(t[(i + 1) * (m + 1) + j]!, t[i * (m + 1) + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (am[i] === bm[j]) {
        pairs.push([head + i, head + j]);
        i++;
        j++;
      } else if (t[(i + 1) * (m + 1) + j]! >= t[i * (m + 1) + j + 1]!) i++;
      else j++;
    }
  }
  for (let k = tail; k > 0; k--) pairs.push([a.length - k, b.length - k]);
  return pairs;
}

export function lineDiff(baseline: string, current: string): LineDiff {
  const a = baseline.split(/\r?\n/);
  const b = current.split(/\r?\n/);
  const added: number[] = [];
  const modified: number[] = [];
  const removedAfter: number[] = [];
  let ai = 0;
  let bi = 0;
  const gap = (aEnd: number, bEnd: number) => {
    const removed = aEnd - ai;
    const inserted = bEnd - bi;
    for (let k = 0; k < inserted; k++) (k < removed ? modified : added).push(bi + k + 1);
    if (removed > inserted) removedAfter.push(bi + inserted);
  };
  for (const [x, y] of [...matches(a, b), [a.length, b.length] as [number, number]]) {
    gap(x, y);
    ai = x + 1;
    bi = y + 1;
  }
  return { added, modified, removedAfter };
}
