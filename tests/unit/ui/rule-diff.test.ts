import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineDiff } from '../../../src/ui/state/rule-diff';

describe('lineDiff: the rule against its baseline, by line', () => {
  it('no marks for the same text', () => {
    expect(lineDiff('a\nb', 'a\nb')).toEqual({ added: [], modified: [], removedAfter: [] });
  });

  it('a changed line, an added line, removed lines', () => {
    expect(lineDiff('a\nb\nc', 'a\nB\nc')).toEqual({ added: [], modified: [2], removedAfter: [] });
    expect(lineDiff('a\nc', 'a\nb\nc')).toEqual({ added: [2], modified: [], removedAfter: [] });
    expect(lineDiff('a\nb\nc', 'a\nc')).toEqual({ added: [], modified: [], removedAfter: [1] });
    expect(lineDiff('a\nb', 'b')).toEqual({ added: [], modified: [], removedAfter: [0] });
    expect(lineDiff('x\ny', 'x\nY\nZ')).toEqual({ added: [3], modified: [2], removedAfter: [] });
  });

  it('every current line not marked is a baseline line, in order (property)', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = lineDiff(a, b);
        const marked = new Set([...d.added, ...d.modified]);
        const kept = b.split('\n').filter((_, i) => !marked.has(i + 1));
        // The unmarked lines are a subsequence of the baseline's lines.
        const base = a.split('\n');
        let k = 0;
        for (const line of kept) {
          while (k < base.length && base[k] !== line) k++;
          expect(k).toBeLessThan(base.length);
          k++;
        }
        if (a === b) expect(marked.size + d.removedAfter.length).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
