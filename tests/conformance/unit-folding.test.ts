/**
 * Elasticsearch's unit-level specs: constant folding (arithmetic, comparisons, `in`, three-valued
 * logic) and string functions. Each expression folds to the expected value (absent = null);
 * each `verifier.failures` expression must be rejected by the verifier.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { afterAll, describe, expect, test } from 'vitest';
import { foldExpression } from '../../src/core/index';
import { CONFORMANCE_DIR, SHARED_SKIP_REASON } from './harness';
import { newTally, printTally } from './report';
import { SKIPS } from './skips';

const FILES = ['test_folding.toml', 'test_string_functions.toml'];
const available = FILES.every((f) => existsSync(resolve(CONFORMANCE_DIR, 'unit', f)));

type Table = Record<string, unknown>;

interface FoldCase {
  readonly expression: string;
  readonly expected: unknown;
}

const LITERALS: Record<string, string> = { bool: 'true', int: '1', string: '"abc"', float: '1.5', null: 'null' };

/** The fold tests of a section, with `loop` templates expanded over their literal kinds. */
function foldCases(section: Table): FoldCase[] {
  const out: FoldCase[] = [];
  const direct = [
    ...(((section.fold as Table | undefined)?.tests as Table[] | undefined) ?? []),
    ...((section.tests as Table[] | undefined) ?? []),
  ];
  for (const t of direct) out.push({ expression: String(t.expression), expected: 'expected' in t ? t.expected : null });
  for (const loop of (section.loop as Table[] | undefined) ?? []) {
    const param = loop.param as { type: string[]; name: string };
    const tests = ((loop.fold as Table | undefined)?.tests as Table[] | undefined) ?? [];
    for (const kind of param.type) {
      for (const t of tests) {
        out.push({
          expression: String(t.expression)
            .split(`$${param.name}`)
            .join(LITERALS[kind] ?? kind),
          expected: 'expected' in t ? t.expected : null,
        });
      }
    }
  }
  return out;
}

function same(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (Number.isNaN(actual) && Number.isNaN(expected)) return true;
    return actual === expected || Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  return actual === expected;
}

describe.skipIf(!available)(
  `ES conformance: unit folding${available ? '' : ` (skipped: ${SHARED_SKIP_REASON})`}`,
  () => {
    for (const file of FILES) {
      describe(file, () => {
        const tally = newTally();
        afterAll(() => printTally(`unit/${file}`, tally));
        const doc = available
          ? (parseToml(readFileSync(resolve(CONFORMANCE_DIR, 'unit', file), 'utf8')) as Record<string, Table>)
          : {};
        for (const [name, section] of Object.entries(doc)) {
          const reason = SKIPS[`${file}:${name}`];
          const cases = foldCases(section);
          const failures = (((section.verifier as Table | undefined)?.failures as Table[] | undefined) ?? []).map((f) =>
            String(f.expression),
          );
          if (reason) {
            tally.skipped += cases.length + failures.length;
            tally.skips.push(`${name} (${cases.length + failures.length} cases): ${reason}`);
            test.skip(`${name} (${reason})`, () => {});
            continue;
          }
          cases.forEach((c, i) => {
            const rowReason = SKIPS[`${file}:${name}:${c.expression}`];
            if (rowReason) {
              tally.skipped++;
              tally.skips.push(`${name}: ${c.expression}: ${rowReason}`);
              test.skip(`${name} #${i + 1}: ${c.expression} (${rowReason})`, () => {});
              return;
            }
            test(`${name} #${i + 1}: ${c.expression} -> ${JSON.stringify(c.expected)}`, () => {
              const r = foldExpression(c.expression);
              try {
                expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
                expect(r.ok).toBe(true);
                if (!same(r.value, c.expected)) expect(r.value).toEqual(c.expected);
                tally.passed++;
              } catch (e) {
                tally.failed++;
                throw e;
              }
            });
          });
          failures.forEach((expression, i) => {
            test(`${name} verifier failure #${i + 1}: ${expression}`, () => {
              const r = foldExpression(expression);
              try {
                expect(r.ok).toBe(false);
                expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
                tally.passed++;
              } catch (e) {
                tally.failed++;
                throw e;
              }
            });
          });
        }
      });
    }
  },
);
