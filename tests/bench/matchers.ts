/**
 * Pathological patterns for the wildcard and Lucene regex matchers, which a backtracking matcher
 * takes exponential or high polynomial time on. Both matchers are linear in the value here
 * (Lucene's automata are); the targets are 50 ms per match, including compilation.
 */
import { performance } from 'node:perf_hooks';
import { compileLuceneRegex } from '../../src/core/runtime/lucene-regex';
import { compileWildcard } from '../../src/core/runtime/wildcard';

interface Case {
  readonly label: string;
  readonly compile: () => (s: string) => boolean;
  readonly value: string;
  readonly want: boolean;
}

function regex(pattern: string): () => (s: string) => boolean {
  return () => {
    const r = compileLuceneRegex(pattern, false);
    if (!r.ok) throw new Error(r.message);
    return r.test;
  };
}

const CASES: readonly Case[] = [
  {
    label: 'wildcard "*a*a*a*a?b" on 10,000 a',
    compile: () => compileWildcard(['*a*a*a*a?b'], false),
    value: 'a'.repeat(10_000),
    want: false,
  },
  {
    label: 'wildcard "*a*a*a*a?b" on 100,000 a',
    compile: () => compileWildcard(['*a*a*a*a?b'], false),
    value: 'a'.repeat(100_000),
    want: false,
  },
  { label: 'regex "(a+)+b" on 100,000 a', compile: regex('(a+)+b'), value: 'a'.repeat(100_000), want: false },
  { label: 'regex "(.*a){12}b" on 100,000 a', compile: regex('(.*a){12}b'), value: 'a'.repeat(100_000), want: false },
];

export function matchersBench(rounds: number): void {
  for (const c of CASES) {
    const times: number[] = [];
    let result = false;
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      result = c.compile()(c.value);
      times.push(performance.now() - t);
    }
    if (result !== c.want) console.log(`WARNING: ${c.label} returned ${result}`);
    times.sort((a, b) => a - b);
    const best = times[0] as number;
    console.log(
      `${c.label}: best ${best.toFixed(2)} ms, median ${(times[Math.floor(times.length / 2)] as number).toFixed(2)} ms (target < 50 ms)`,
    );
  }
}
