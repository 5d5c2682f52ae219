/**
 * Sequence benchmark: a three-stage `sequence by ... with maxspan` rule from the detection-rules
 * corpus (or, without the corpus, a rule of the same shape) over generated Linux events at
 * several sizes, each size in its own process so peak memory is its own. Linear cost shows
 * as a flat events/s column and memory growing in step with the event count.
 *
 *   BENCH_SEQ_SIZES=10000,100000,1000000 npm run bench
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { evaluate } from '../../src/core/index';
import type { EventDoc } from '../../src/core/index';
import { generateSequenceEvents } from './sequence-events';

const CORPUS_RULE = 'File Creation, Execution and Self-Deletion in Suspicious Directory';
const CORPUS_FILE = '../shared/corpus/detection-rules-eql.jsonl';
const FALLBACK_RULE = `sequence by host.id, user.id with maxspan=1m
  [file where event.action == "creation" and process.name in ("curl", "wget", "scp") and file.path : ("/tmp/*", "/var/tmp/*", "/dev/shm/*")] by file.name
  [process where event.type == "start" and process.parent.name in ("bash", "sh", "zsh")] by process.name
  [file where event.action == "deletion" and file.path : ("/tmp/*", "/var/tmp/*", "/dev/shm/*") and not process.name in ("rm", "shred")] by file.name`;

function rule(): { name: string; query: string } {
  if (existsSync(CORPUS_FILE)) {
    for (const line of readFileSync(CORPUS_FILE, 'utf8').split('\n')) {
      if (!line.includes(CORPUS_RULE)) continue;
      const r = JSON.parse(line) as { name: string; query: string };
      if (r.name === CORPUS_RULE) return r;
    }
  }
  return { name: 'built-in rule of the same shape (corpus not present)', query: FALLBACK_RULE };
}

const mb = (bytes: number) => (bytes / 1048576).toFixed(0);

/** One size, in this process: prints one JSON line. */
function child(count: number): void {
  const { query } = rule();
  const sources = generateSequenceEvents(count);
  const events: EventDoc[] = sources.map((s, i) => ({ id: String(i), source: s, doc: s, position: i }));
  const loadedRss = process.memoryUsage().rss;
  const t0 = performance.now();
  const r = evaluate({
    rule: query,
    events,
    explain: false,
    settings: { size: 1_000_000_000 },
    now: () => performance.now(),
  });
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    JSON.stringify({
      count,
      ms,
      evalMs: r.stats.evalMs,
      sequences: r.hits?.sequences?.length ?? 0,
      loadedRss,
      peakRss,
    }),
  );
}

export function sequenceBench(): void {
  if (process.env.BENCH_SEQ_CHILD) return;
  const sizes = (process.env.BENCH_SEQ_SIZES ?? '10000,100000,1000000').split(',').map(Number);
  const { name } = rule();
  console.log(`\nsequence rule: ${name} (three stages, sequence by host.id, user.id with maxspan=1m)`);
  console.log('     events     total ms   events/s   sequences   rss with events   peak rss   peak - events');
  for (const n of sizes) {
    const p = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_SEQ_CHILD: String(n) },
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const line = p.stdout.trim().split('\n').pop() ?? '';
    if (p.status !== 0 || !line.startsWith('{')) {
      console.log(
        `${String(n).padStart(11)}   failed: ${(p.stderr || p.stdout).trim().split('\n').slice(-3).join(' | ')}`,
      );
      continue;
    }
    const m = JSON.parse(line) as { count: number; ms: number; sequences: number; loadedRss: number; peakRss: number };
    const rate = m.count / (m.ms / 1000);
    console.log(
      `${m.count.toLocaleString('en-US').padStart(11)}   ${m.ms.toFixed(0).padStart(8)}   ${Math.round(rate).toLocaleString('en-US').padStart(9)}   ${String(m.sequences).padStart(9)}   ${mb(m.loadedRss).padStart(12)} MB   ${mb(m.peakRss).padStart(5)} MB   ${mb(m.peakRss - m.loadedRss).padStart(8)} MB`,
    );
  }
}

if (process.env.BENCH_SEQ_CHILD) child(Number(process.env.BENCH_SEQ_CHILD));
