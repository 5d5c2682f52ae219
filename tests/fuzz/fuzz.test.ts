/**
 * Fuzzing in `npm test`: a few thousand mutated inputs per target (query text, events text,
 * share hash, rule files), each run through the public entry points the shells use. Every input
 * must come back as a result (never an exception), with diagnostics inside the text they point
 * into, within a time bound.
 *
 * Seeds are real inputs (the default example, Elastic's rules from ../shared/corpus when present,
 * sample rule files); mutations flip, insert, delete, duplicate and splice characters and tokens.
 * The run is seeded: FUZZ_SEED reproduces a run, FUZZ_RUNS changes its size (default 2,000 per
 * target). A failure prints the seed and the shrunk input.
 */
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/index';
import { evaluate, formatQuery } from '../../src/core/index';
import { defaultEventsText, defaultQuery } from '../../src/examples/default-example';
import { parseEvents } from '../../src/formats/events';
import { parseRuleText } from '../../src/formats/rules';
import { decodeShareHash, encodeShareHash } from '../../src/share/codec';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_101);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
/** Most time one input may take (generous: the machine is shared; a hang takes far longer). */
const MAX_MS_PER_INPUT = 3000;

const CORPUS = '../shared/corpus/detection-rules-eql.jsonl';
const corpusQueries: string[] = existsSync(CORPUS)
  ? readFileSync(CORPUS, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, 300)
      .map((l) => (JSON.parse(l) as { query: string }).query)
  : [];

const QUERY_SEEDS = [
  defaultQuery,
  'process where process.name : ("cmd.exe", "*sh?") and not user.name regex~ "adm.*|~(root)"',
  'sequence by host.id with maxspan=1m [process where true] ![file where file.path like "/tmp/*"] [network where true] | tail 3',
  'sample by host.id [process where length(process.name) > 3] [file where startsWith~(file.name, "a")]',
  'any where cidrMatch(source.ip, "10.0.0.0/8") and number(x, 16) + 1 > 2 and concat(a, "b") : "*a*a*a?b"',
  ...corpusQueries,
];

const TOKENS = [
  ' ',
  '(',
  ')',
  '[',
  ']',
  '"',
  '"""',
  '\\',
  '~',
  ':',
  '==',
  '!=',
  'and',
  'or',
  'not',
  'where',
  'by',
  '|',
  ',',
  '*',
  '?',
  'regex',
  'like~',
  'in~',
  '{',
  '}',
  '\n',
  '\u0000',
  '😀',
  '1e400',
  '-',
  '`',
  '?f',
  'with',
  'maxspan=1',
];

const EVENTS_SEEDS = [
  // Five of the example's events (all of them would only make each input slower, not different).
  `${defaultEventsText.split('\n  },\n').slice(0, 5).join('\n  },\n')}\n  }\n]\n`,
  '{"a":1,"a":2}\n{"b":[1,2,{"c":null}]}\n',
  '{"hits":{"hits":[{"_id":"1","_index":"i","_source":{"x":1}}]}}',
  '{"index":{"_id":"7"}}\n{"event":{"category":"process"},"n":1e400}\n{"delete":{"_id":"8"}}\n',
];

const RULE_SEEDS = [
  `[metadata]\ncreation_date = "2020/01/01"\n\n[rule]\nname = "R"\ntype = "eql"\nlanguage = "eql"\nrisk_score = 5\nquery = '''\n${defaultQuery}\n'''\n\n[[rule.threat]]\nframework = "MITRE ATT&CK"\n[rule.threat.tactic]\nid = "TA0002"\nname = "Execution"\nreference = "u"\n`,
  `# Rule name [Beta]\n\nDescription.\n\n**Rule type**: eql\n\n**Severity**: high\n\n## Rule query\n\n\`\`\`js\n${defaultQuery}\n\`\`\`\n`,
  `${JSON.stringify({ type: 'eql', query: defaultQuery, name: 'K', threat: [{ framework: 'MITRE ATT&CK' }] })}\n${JSON.stringify({ exported_count: 1 })}\n`,
  defaultQuery,
];

/** A mutated copy of one of `seeds`: a few random edits, some of them with `tokens`. */
function mutated(seeds: readonly string[], tokens: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 6 }), fc.nat(), fc.constantFrom(...tokens), fc.nat(40));
  return fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([seed, edits]) => {
    let s = seed;
    for (const [at, kind, n, token, len] of edits) {
      const i = s.length === 0 ? 0 : at % (s.length + 1);
      switch (kind) {
        case 0: // delete a run
          s = s.slice(0, i) + s.slice(i + len);
          break;
        case 1: // insert a token
          s = s.slice(0, i) + token + s.slice(i);
          break;
        case 2: // replace one character
          s = s.slice(0, i) + String.fromCharCode(n % 0x3000) + s.slice(i + 1);
          break;
        case 3: // duplicate a run
          s = s.slice(0, i) + s.slice(i, i + len) + s.slice(i);
          break;
        case 4: // cut the end
          s = s.slice(0, i);
          break;
        case 5: // repeat a token many times (deep or long input)
          s = s.slice(0, i) + token.repeat(1 + (n % 400)) + s.slice(i);
          break;
        default: // splice in a piece of another seed
          s = s.slice(0, i) + (seeds[n % seeds.length] as string).slice(0, len * 8) + s.slice(i);
      }
    }
    return s;
  });
}

function expectInside(diagnostics: readonly Diagnostic[], texts: Record<string, string>): void {
  for (const d of diagnostics) {
    const text = texts[d.source] ?? '';
    expect(d.range.start, `${d.code} ${d.message}`).toBeGreaterThanOrEqual(0);
    expect(d.range.start).toBeLessThanOrEqual(d.range.end);
    expect(d.range.end, `${d.code} ${d.message}`).toBeLessThanOrEqual(text.length);
    expect(typeof d.message).toBe('string');
  }
}

function timed<T>(run: () => T): T {
  const t = performance.now();
  const r = run();
  expect(performance.now() - t).toBeLessThan(MAX_MS_PER_INPUT);
  return r;
}

const params = { seed: SEED, numRuns: RUNS } as const;
/** Vitest's limit for one target: far above its usual time, so only a hang or a crawl trips it. */
const TARGET_TIMEOUT_MS = 300_000;

describe(`fuzz (seed ${SEED}, ${RUNS} inputs per target)`, () => {
  it(
    'query text: format and evaluate (with explanations) never throw',
    () => {
      // A few events of different shapes keep each evaluation cheap; the query is what varies.
      const events = parseEvents(defaultEventsText).events.filter((_, i) => i % 5 === 0);
      fc.assert(
        fc.property(mutated(QUERY_SEEDS, TOKENS), (rule) => {
          const f = timed(() => formatQuery(rule));
          expectInside(f.diagnostics, { rule });
          if (f.text !== undefined) expect(formatQuery(f.text).text).toBe(f.text);
          const r = timed(() => evaluate({ rule, events }));
          expectInside(r.diagnostics, { rule });
        }),
        params,
      );
    },
    TARGET_TIMEOUT_MS,
  );

  it(
    'events text: loading and evaluating never throw',
    () => {
      fc.assert(
        fc.property(mutated(EVENTS_SEEDS, [...TOKENS, '{', '}', ',', '"a":', '[', '{"a":']), (events) => {
          const loaded = timed(() => parseEvents(events));
          expectInside(loaded.diagnostics, { events });
          const r = timed(() => evaluate({ rule: defaultQuery, events: loaded.events }));
          expect(r.ok).toBe(true);
        }),
        params,
      );
    },
    TARGET_TIMEOUT_MS,
  );

  it(
    'share hash: decoding never throws and yields only well-typed states',
    () => {
      const hashes = [
        encodeShareHash({ rule: defaultQuery, events: defaultEventsText, selected: 'apt-01', meta: { name: 'x' } }),
        encodeShareHash({ rule: 'a', events: '', settings: { size: 3 }, meta: null }),
      ];
      const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('');
      fc.assert(
        fc.property(mutated(hashes, [...base64, '=', '+', '/', '#', '.', 'v0.', 'v2.', '%']), (hash) => {
          const r = timed(() => decodeShareHash(hash));
          if (r.ok) {
            expect(typeof r.payload.rule).toBe('string');
            expect(typeof r.payload.events).toBe('string');
          } else expect(r.code).toMatch(/^SHR800[123]$/);
        }),
        params,
      );
    },
    TARGET_TIMEOUT_MS,
  );

  it(
    'rule files: every reader never throws and locates its problems',
    () => {
      fc.assert(
        fc.property(
          mutated(RULE_SEEDS, [...TOKENS, '[rule]', "'''", '"""', '#', '**', '```', '\r\n', '= ', '{"type":"eql"']),
          fc.constantFrom('rule.toml', 'rule.md', 'rules.ndjson', undefined),
          (text, name) => {
            const r = timed(() => parseRuleText(text, name));
            expectInside(r.diagnostics, { rule: text });
            if (r.queryOffset >= 0) expect(text.slice(r.queryOffset, r.queryOffset + r.query.length)).toBe(r.query);
          },
        ),
        params,
      );
    },
    TARGET_TIMEOUT_MS,
  );
});
