/**
 * Elasticsearch's own EQL QA suites, event queries: every query runs against its dataset and
 * mapping (loaded as the ES harness does) and must return exactly the expected ids, in order.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/index';
import {
  datasetForSuite,
  loadDataset,
  loadSuite,
  sharedAvailable,
  SHARED_SKIP_REASON,
  type SuiteName,
} from './harness';
import { newTally, printTally } from './report';
import { isJoinQuery, SKIPS } from './skips';

const SUITES: SuiteName[] = [
  'test_queries.toml',
  'additional_test_queries.toml',
  'test_queries_date.toml',
  'test_queries_date_nanos.toml',
];

describe.skipIf(!sharedAvailable())(
  `ES conformance: event queries${sharedAvailable() ? '' : ` (skipped: ${SHARED_SKIP_REASON})`}`,
  () => {
    for (const suite of SUITES) {
      describe(suite, () => {
        const tally = newTally();
        afterAll(() => printTally(suite, tally));
        // Sequence and sample entries run in sequences.test.ts; this runner takes the event queries.
        const entries = (sharedAvailable() ? loadSuite(suite) : []).filter((e) => !isJoinQuery(e.query));
        const dataset = sharedAvailable() ? loadDataset(datasetForSuite(suite)) : undefined;
        for (const entry of entries) {
          const reason = SKIPS[`${suite}:${entry.name}`];
          if (reason) {
            tally.skipped++;
            tally.skips.push(`${entry.name}: ${reason}`);
            test.skip(`${entry.name} (${reason})`, () => {});
            continue;
          }
          test(entry.name, () => {
            const result = evaluate({
              rule: entry.query,
              events: dataset!.events,
              mapping: dataset!.mappingText,
              settings: { ...dataset!.settings, size: 100 },
              explain: false,
            });
            try {
              expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
              const ids = (result.hits?.events ?? []).map((h) => Number(h._id));
              expect(ids).toEqual(entry.expected_event_ids);
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
