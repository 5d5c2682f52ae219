/**
 * Every conformance case the runners skip, with the reason. A case not listed here must pass.
 * Keys are `<suite file>:<query name>` (or `<suite file>:<section>` for the unit suites, and
 * `<suite file>:<section>:<expression>` for one row of a unit suite).
 */
const BETWEEN_NOT_FOUND =
  'Endgame-era fold suite expecting null when a delimiter is not found; Elasticsearch returns the empty string (the EQL function reference: `between(file.path, "workspace\\\\", ".exe") // returns ""`; StringUtils.between in the EQL plugin returns EMPTY).';
const BETWEEN_EMPTY =
  "Endgame-era fold suite treating an empty delimiter like any other; Elasticsearch's StringUtils.between returns the source unchanged when the source, left or right is empty.";
const BETWEEN_NULL_DELIMITER =
  'Endgame-era fold suite expecting null for a null delimiter; Elasticsearch\'s between processor checks that left and right are strings, so a null delimiter fails ("A string/char is required; received [null]").';

function betweenRows(expressions: readonly string[], reason: string): Record<string, string> {
  return Object.fromEntries(expressions.map((e) => [`test_string_functions.toml:between:${e}`, reason]));
}

export const SKIPS: Readonly<Record<string, string>> = {
  'test_folding.toml:string_case_insensitive_match_comparison':
    'Endgame-era section (flagged case_insensitive = true) expecting "Foo" == "foo" to be true; current Elasticsearch `==` is case-sensitive, and its own test harness does not run this section.',
  'test_folding.toml:complex':
    'Uses the Endgame method-call syntax `"hello":length()`, which the Elasticsearch grammar does not accept (the right side of `:` must be a constant).',
  ...betweenRows(
    [
      'between("welcome to the planet", "welcome", "village")',
      'between("welcome to the planet", "goodbye", "planet")',
      'between("welcome to the planet", "welcome", "x", false)',
      'between("welcome to the planet", "welcome", "x", true)',
    ],
    BETWEEN_NOT_FOUND,
  ),
  ...betweenRows(
    [
      'between("welcome to the planet", "", "x", true)',
      'between("welcome to the planet", "", "", false)',
      'between("welcome to the planet", "", "planet", false)',
    ],
    BETWEEN_EMPTY,
  ),
  ...betweenRows(
    ['between("welcome to the planet", null, "planet")', 'between("welcome to the planet", "welcome", null)'],
    BETWEEN_NULL_DELIMITER,
  ),
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
