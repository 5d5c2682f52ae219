/**
 * Every EQL rule Elastic ships checks with no errors (warnings allowed): the verifier knows the
 * functions, operators and field forms real rules use. Rules carrying an event category
 * override are checked with that setting, as Kibana runs them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkQuery } from '../../src/core/index';

const FILES = ['../shared/corpus/detection-rules-eql.jsonl', '../shared/corpus/detection-rules-hunting-eql.jsonl'];
const available = FILES.every((f) => existsSync(f));

interface CorpusRule {
  readonly name: string;
  readonly path?: string;
  readonly query: string;
  readonly event_category_override?: string | null;
}

const rules: CorpusRule[] = available
  ? FILES.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as CorpusRule),
    )
  : [];

describe.skipIf(!available)(
  `corpus: every rule checks without errors${available ? '' : ' (skipped: ../shared/corpus is not present)'}`,
  () => {
    test('the corpus is complete', () => {
      expect(rules.length).toBe(1094);
    });
    test.each(rules.map((r) => [`${r.name} (${r.path ?? 'hunting'})`, r] as const))('%s', (_name, rule) => {
      const diagnostics = checkQuery({
        rule: rule.query,
        ...(rule.event_category_override ? { settings: { eventCategoryField: rule.event_category_override } } : {}),
      });
      expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
    });
  },
);
