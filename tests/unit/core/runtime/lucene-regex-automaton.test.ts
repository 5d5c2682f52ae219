import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETERMINIZE_LIMIT } from '../../../../src/core/runtime/automaton';
import { foldCase } from '../../../../src/core/runtime/case-fold';
import { compileLuceneRegex } from '../../../../src/core/runtime/lucene-regex';
import { oracleRegex } from './lucene-regex-oracle';

/** Small Lucene patterns over a few characters, with every operator the parser knows. */
const pattern: fc.Arbitrary<string> = fc.letrec<{ re: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(
      'a',
      'b',
      'A',
      '1',
      '.',
      '[ab]',
      '[^a]',
      '[a-c1]',
      '\\d',
      '\\w',
      '\\W',
      '[\\D]',
      '"ab"',
      '@',
      '#',
      '<1-12>',
      '<05-10>',
      '()',
    ),
    tie('re').map((r) => `(${r})`),
    tie('atom').map((a) => `~${a}`),
  ),
  re: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('atom'),
    fc.tuple(tie('atom'), fc.constantFrom('*', '+', '?', '{2}', '{0,2}', '{1,}')).map(([a, q]) => a + q),
    fc.tuple(tie('re'), tie('re')).map(([a, b]) => a + b),
    fc.tuple(tie('re'), tie('re')).map(([a, b]) => `${a}|${b}`),
    fc.tuple(tie('re'), tie('re')).map(([a, b]) => `${a}&${b}`),
  ),
})).re;

const value = fc
  .array(fc.constantFrom('a', 'b', 'A', 'B', '1', '0', '5', '\n', '\u{1F600}', '_', 'ſ'), { maxLength: 6 })
  .map((cs) => cs.join(''));

describe('Lucene regex automaton', () => {
  it('agrees with the backtracking translation on small inputs (property)', () => {
    fc.assert(
      fc.property(pattern, fc.array(value, { minLength: 1, maxLength: 8 }), fc.boolean(), (p, values, ci) => {
        const oracle = oracleRegex(p, ci);
        const r = compileLuceneRegex(p, ci);
        if (!oracle) {
          expect(r.ok).toBe(false);
          return;
        }
        if (!r.ok) throw new Error(`${p}: ${r.message}`);
        for (const v of values) expect(r.test(v), `${p} on ${JSON.stringify(v)} (ci ${ci})`).toBe(oracle.test(v));
      }),
      { numRuns: 1500 },
    );
  });

  it('matches nested repetitions in one pass', () => {
    const r = compileLuceneRegex('(a+)+b', false);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const long = 'a'.repeat(100_000);
    expect(r.test(long)).toBe(false);
    expect(r.test(`${long}b`)).toBe(true);
    const s = compileLuceneRegex('(.*a){12}b', false);
    expect(s.ok && s.test(long)).toBe(false);
    expect(s.ok && s.test(`${long}b`)).toBe(true);
  });

  it("refuses patterns too complex to determinize, with Elasticsearch's message", () => {
    for (const p of ['.*a.{13}', '~(.*a.{14})', '(.*a.{14})&(.*b)']) {
      const r = compileLuceneRegex(p, false);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.tooComplex).toBe(true);
      expect(r.message).toMatch(
        new RegExp(
          `^Determinizing automaton with \\d+ states and \\d+ transitions would require more than ${DETERMINIZE_LIMIT} effort\\.$`,
        ),
      );
    }
    // Large but deterministic: relabelled, never refused for its size
    const big = compileLuceneRegex('a{20000}', false);
    expect(big.ok && big.test('a'.repeat(20000))).toBe(true);
    expect(big.ok && big.test('a'.repeat(19999))).toBe(false);
    // The .{12} case has 2^13 states: still under the limit
    const under = compileLuceneRegex('.*a.{12}', false);
    expect(under.ok && under.test(`xxa${'b'.repeat(12)}`)).toBe(true);
    expect(under.ok && under.test(`xxa${'b'.repeat(13)}`)).toBe(false);
  });

  it('refuses repetitions that would build an unbounded automaton', () => {
    const r = compileLuceneRegex('((a{100}){100}){100}', false);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.tooComplex).toBe(true);
  });
});

describe('case folding (regex~)', () => {
  it('folds as JavaScript iu regular expressions do', () => {
    // Every code point that has a single-code-point case mapping, against those mappings.
    for (let c = 0; c <= 0x1ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      for (const o of new Set([ch.toLowerCase(), ch.toUpperCase(), ch.toUpperCase().toLowerCase()])) {
        if ([...o].length !== 1) continue;
        const d = o.codePointAt(0) as number;
        const js = new RegExp(`^\\u{${c.toString(16)}}$`, 'iu').test(o);
        if (js !== (foldCase(c) === foldCase(d))) throw new Error(`U+${c.toString(16)} vs U+${d.toString(16)}`);
      }
    }
  });

  it('keeps dotless i apart and joins long s, Kelvin and final sigma', () => {
    const m = (p: string, v: string) => {
      const r = compileLuceneRegex(p, true);
      return r.ok && r.test(v);
    };
    expect(m('s', 'ſ')).toBe(true);
    expect(m('k', '\u212a')).toBe(true);
    expect(m('σ', 'ς')).toBe(true);
    expect(m('i', 'ı')).toBe(false);
    expect(m('[a-z]+', 'ſK')).toBe(true);
    expect(m('[^s]', 'S')).toBe(false);
    expect(m('~(abc)', 'ABC')).toBe(false);
  });
});
