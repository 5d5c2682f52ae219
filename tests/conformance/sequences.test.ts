/**
 * Elasticsearch's own EQL QA suites, sequences and samples: every query runs against its
 * dataset and mapping (loaded as the ES harness does) and must return exactly the expected
 * events, sequence after sequence (-1 for a missing-event placeholder), with `join_keys`
 * compared (flattened, as strings) wherever the suite gives them. Sample suites may list
 * several acceptable answers; any one passes.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/index';
import type { EvaluationResult } from '../../src/core/index';
import {
  datasetForSuite,
  loadDataset,
  loadSuite,
  sharedAvailable,
  SHARED_SKIP_REASON,
  type Dataset,
  type SuiteEntry,
  type SuiteName,
} from './harness';
import { newTally, printTally } from './report';
import { joinSkipReason } from './skips';

/** Suites and which of their entries this runner takes. */
const SUITES: { readonly suite: SuiteName; readonly only?: 'sequence' }[] = [
  { suite: 'test_queries.toml', only: 'sequence' },
  { suite: 'additional_test_queries.toml', only: 'sequence' },
  { suite: 'test_extra.toml' },
  { suite: 'test_missing_events.toml' },
  { suite: 'test_sample.toml' },
  { suite: 'test_sample_multi.toml' },
  { suite: 'test_failing_shards.toml' },
];

function resultIds(r: EvaluationResult): number[] {
  if (r.hits?.sequences)
    return r.hits.sequences.flatMap((s) => s.events.map((e) => ('missing' in e && e.missing ? -1 : Number(e._id))));
  return (r.hits?.events ?? []).map((h) => Number(h._id));
}

function resultKeys(r: EvaluationResult): string[] {
  return (r.hits?.sequences ?? []).flatMap((s) => (s.join_keys ?? []).map((k) => (k === null ? 'null' : String(k))));
}

function run(entry: SuiteEntry, dataset: Dataset): EvaluationResult {
  return evaluate({
    rule: entry.query,
    events: dataset.events,
    mapping: dataset.mappingText,
    settings: {
      ...dataset.settings,
      size: entry.size ?? 100,
      ...(entry.max_samples_per_key !== undefined ? { maxSamplesPerKey: entry.max_samples_per_key } : {}),
    },
    explain: false,
  });
}

describe.skipIf(!sharedAvailable())(
  `ES conformance: sequences and samples${sharedAvailable() ? '' : ` (skipped: ${SHARED_SKIP_REASON})`}`,
  () => {
    for (const { suite, only } of SUITES) {
      describe(suite, () => {
        const tally = newTally();
        afterAll(() => printTally(`${suite} (sequences and samples)`, tally));
        const all = sharedAvailable() ? loadSuite(suite) : [];
        const entries = only ? all.filter((e) => e.query.startsWith('sequence')) : all;
        const dataset = sharedAvailable() ? loadDataset(datasetForSuite(suite)) : undefined;
        for (const entry of entries) {
          const reason = joinSkipReason(suite, entry.name, entry.query);
          if (reason) {
            tally.skipped++;
            tally.skips.push(`${entry.name}: ${reason}`);
            test.skip(`${entry.name} (${reason})`, () => {});
            continue;
          }
          test(entry.name, () => {
            try {
              const result = run(entry, dataset!);
              expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
              const ids = resultIds(result);
              const expected = entry.expected_event_ids;
              if (expected.length > 0 && Array.isArray(expected[0])) {
                expect(expected as number[][]).toContainEqual(ids);
              } else {
                expect(ids).toEqual(expected);
              }
              if (entry.join_keys) expect(resultKeys(result)).toEqual(entry.join_keys);
              tally.passed++;
            } catch (e) {
              tally.failed++;
              throw e;
            }
          });
        }
      });
    }
  },
);
