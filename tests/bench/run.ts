/**
 * `npm run bench`: speed of the core on generated Elastic Defend events, against a hand-written
 * JavaScript predicate for the same rule (the practical limit), plus parse+check over the whole
 * corpus, the matchers on pathological patterns (matchers.ts). Numbers, not assertions: the README
 * records a run.
 *
 *   npm run bench                 100k events
 *   BENCH_EVENTS=1000000 npm run bench
 *   BENCH_SEQ_SIZES=10000,100000 npm run bench    sizes of the sequence benchmark (sequence.ts)
 *   tuning.ts: the baseline diff, clause impact and expectations at 20,000 events
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { checkQuery, evaluate } from '../../src/core/index';
import type { EventDoc } from '../../src/core/index';
import { expandDottedKeys } from '../../src/core/runtime/field-access';
import { defaultQuery } from '../../src/examples/default-example';
import { generateEvents } from './events';
import { handWritten } from './hand-written';
import { matchersBench } from './matchers';
import { sequenceBench } from './sequence';
import { tuningBench } from './tuning';

const count = Number(process.env.BENCH_EVENTS ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 9);
const now = () => performance.now();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const best = (xs: number[]) => Math.min(...xs);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function main(): void {
  const t0 = now();
  const sources = generateEvents(count);
  const events: EventDoc[] = sources.map((s, i) => ({
    id: String(i),
    source: s,
    doc: expandDottedKeys(s),
    position: i,
  }));
  const genMs = now() - t0;
  console.log(`events: ${fmt(count)} generated in ${genMs.toFixed(0)} ms (node ${process.version})`);

  // Parse + analyse + compile of the default rule, no events.
  const compile: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const r = evaluate({ rule: defaultQuery, events: [], explain: false, now });
    compile.push(r.stats.parseMs + r.stats.compileMs);
  }
  console.log(`default rule parse+check+compile: ${median(compile).toFixed(2)} ms (median of ${rounds})`);

  // Compiled evaluation without explanations, interleaved with the hand-written predicate over
  // the same documents; the best of several rounds is kept, which damps noise from other processes.
  const evalMs: number[] = [];
  const handMs: number[] = [];
  let hits = 0;
  let handHits = 0;
  for (let i = 0; i < rounds; i++) {
    const r = evaluate({ rule: defaultQuery, events, explain: false, settings: { size: 1_000_000_000 }, now });
    evalMs.push(r.stats.evalMs);
    hits = r.hits?.total.value ?? 0;
    const t = now();
    let n = 0;
    for (const e of events) if (handWritten(e.doc)) n++;
    handMs.push(now() - t);
    handHits = n;
  }
  if (hits !== handHits)
    console.log(`WARNING: compiled matched ${hits} but the hand-written predicate matched ${handHits}`);
  const compiledRate = count / (best(evalMs) / 1000);
  const handRate = count / (best(handMs) / 1000);
  console.log(
    `compiled evaluation: ${fmt(compiledRate)} events/s (best ${best(evalMs).toFixed(1)} ms, median ${median(evalMs).toFixed(1)} ms, ${hits} matches)`,
  );
  console.log(
    `hand-written predicate: ${fmt(handRate)} events/s (best ${best(handMs).toFixed(1)} ms, median ${median(handMs).toFixed(1)} ms, ${handHits} matches)`,
  );
  console.log(`ratio compiled / hand-written: ${(compiledRate / handRate).toFixed(2)} (target >= 0.75)`);

  // The same with rule exceptions: an extra filter before EQL (typical tuning items).
  const exceptions = {
    items: [
      {
        item_id: 'ansible',
        list_id: 'bench',
        name: 'ansible',
        entries: [
          { type: 'wildcard', field: 'process.executable', operator: 'included', value: '/usr/local/bin/ansible*' },
        ],
      },
      {
        item_id: 'vim-root',
        list_id: 'bench',
        name: 'vim by root',
        os_types: ['linux'],
        entries: [
          { type: 'match', field: 'process.name', operator: 'included', value: 'vim' },
          { type: 'match', field: 'user.name', operator: 'included', value: 'root' },
        ],
      },
      {
        item_id: 'no-parent',
        list_id: 'bench',
        name: 'sed not from a shell',
        entries: [
          { type: 'match', field: 'process.name', operator: 'included', value: 'sed' },
          { type: 'match_any', field: 'process.parent.name', operator: 'excluded', value: ['bash', 'sh', 'zsh'] },
        ],
      },
    ],
  } as const;
  const excMs: number[] = [];
  let excHits = 0;
  let removed = 0;
  for (let i = 0; i < rounds; i++) {
    const r = evaluate({
      rule: defaultQuery,
      events,
      explain: false,
      settings: { size: 1_000_000_000 },
      now,
      exceptions,
    });
    excMs.push(r.stats.evalMs);
    excHits = r.hits?.total.value ?? 0;
    removed = (r.exceptionStats ?? []).reduce((n, s) => n + s.removed, 0);
  }
  const excRate = count / (best(excMs) / 1000);
  console.log(
    `with 3 exception items: ${fmt(excRate)} events/s (best ${best(excMs).toFixed(1)} ms, median ${median(excMs).toFixed(1)} ms, ${excHits} matches, ${removed} events excepted)`,
  );

  // Explanation path (verdicts with reasons and clause stats).
  const explainMs: number[] = [];
  for (let i = 0; i < Math.min(rounds, 5); i++) {
    const r = evaluate({ rule: defaultQuery, events, explain: true, now });
    explainMs.push(r.stats.explainMs);
  }
  const explainRate = count / (best(explainMs) / 1000);
  console.log(
    `explanation path: ${fmt(explainRate)} events/s (best ${best(explainMs).toFixed(1)} ms, median ${median(explainMs).toFixed(1)} ms)`,
  );
  console.log(`ratio explanation / hand-written: ${(explainRate / handRate).toFixed(2)} (target >= 0.2)`);

  tuningBench(events, Math.min(rounds, 7));

  // The whole corpus: parse and check every query.
  const corpusFiles = [
    '../shared/corpus/detection-rules-eql.jsonl',
    '../shared/corpus/detection-rules-hunting-eql.jsonl',
  ];
  if (corpusFiles.every((f) => existsSync(f))) {
    const queries = corpusFiles.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { query: string }).query),
    );
    const corpusMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = now();
      for (const q of queries) checkQuery({ rule: q });
      corpusMs.push(now() - t);
    }
    console.log(
      `corpus: ${queries.length} queries parsed and checked in ${median(corpusMs).toFixed(0)} ms (target < 2000 ms)`,
    );
  } else {
    console.log('corpus: skipped (../shared/corpus is not present)');
  }
  matchersBench(rounds);
  const mem = process.memoryUsage();
  console.log(`memory: rss ${fmt(mem.rss / 1048576)} MB, heap used ${fmt(mem.heapUsed / 1048576)} MB`);

  sequenceBench();
}

main();
