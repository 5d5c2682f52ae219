/**
 * Every conformance case the runners skip, with the reason. A case not listed here must pass.
 * Keys are `<suite file>:<query name>` (or `<suite file>:<section>` for the unit suites).
 */
export const SKIPS: Readonly<Record<string, string>> = {
  'test_folding.toml:string_case_insensitive_match_comparison':
    'Endgame-era section (flagged case_insensitive = true) expecting "Foo" == "foo" to be true; current Elasticsearch `==` is case-sensitive, and its own test harness does not run this section.',
  'test_folding.toml:complex':
    'Uses the Endgame method-call syntax `"hello":length()`, which the Elasticsearch grammar does not accept (the right side of `:` must be a constant).',
};

/** Whether a suite entry is a sequence or sample (run by sequences.test.ts, not the event-query runner). */
export function isJoinQuery(query: string): boolean {
  return /^\s*(sequence|sample)\b/.test(query);
}

/** Why test_failing_shards.toml cases that read the runtime field `broken` are skipped. */
export const BROKEN_FIELD_REASON =
  'reads the runtime field `broken`, whose script always fails on the endgame-shard-failures index: the expected result depends on shard-failure handling (allow_partial_search_results / allow_partial_sequence_results), which a single in-browser index does not have';

/** Skip reasons of the sequence and sample runner (tests/conformance/sequences.test.ts). */
export function joinSkipReason(suite: string, name: string, query: string): string | undefined {
  const listed = SKIPS[`${suite}:${name}`];
  if (listed) return listed;
  if (suite === 'test_failing_shards.toml' && /\bbroken\b/.test(query)) return BROKEN_FIELD_REASON;
  return undefined;
}
