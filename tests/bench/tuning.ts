/**
 * The cost of tuning on top of evaluation, at 20,000 events: per evaluation the app diffs the
 * verdicts against the baseline's, computes clause impact and checks expectations (one per
 * event). Target: together at most 20% of the evaluation itself (parse, compile, verdicts).
 * The baseline is evaluated once per baseline change, so it is not counted per evaluation; the
 * expectations' event positions are resolved once per expectations or events change.
 */
import { performance } from 'node:perf_hooks';
import { checkExpectations, clauseImpact, diffVerdicts, evaluate, expectCurrentVerdicts } from '../../src/core/index';
import type { EventDoc } from '../../src/core/index';
import { defaultQuery } from '../../src/examples/default-example';

const now = () => performance.now();

export function tuningBench(all: readonly EventDoc[], rounds: number): void {
  const n = Math.min(20_000, all.length);
  const events = all.slice(0, n);
  const edited = defaultQuery.replace('"/usr/bin/dpkg", ', '').replace('"/usr/lib/*", ', '');
  const baseline = evaluate({ rule: defaultQuery, events });
  const expectations = expectCurrentVerdicts(baseline, n);
  const evalMs: number[] = [];
  const diffMs: number[] = [];
  let changed = 0;
  for (let i = 0; i < rounds; i++) {
    const t0 = now();
    const current = evaluate({ rule: edited, events });
    const t1 = now();
    const d = diffVerdicts(baseline, current, n);
    clauseImpact(current);
    const report = checkExpectations(current, events, expectations);
    const t2 = now();
    evalMs.push(t1 - t0);
    diffMs.push(t2 - t1);
    changed = d.changes.length;
    const flipped = d.changes.filter((c) => c.kind === 'verdict').length;
    if (report.unmet !== flipped)
      console.log(`WARNING: ${report.unmet} unmet expectations, ${flipped} flipped verdicts`);
  }
  const best = (xs: number[]) => Math.min(...xs);
  const ratio = best(diffMs) / best(evalMs);
  console.log(
    `tuning at ${n.toLocaleString('en-US')} events: evaluation ${best(evalMs).toFixed(1)} ms, diff + clause impact + ${Object.keys(expectations).length} expectations ${best(diffMs).toFixed(1)} ms (${changed} changed events), overhead ${(ratio * 100).toFixed(1)}% (target <= 20%)`,
  );
}
