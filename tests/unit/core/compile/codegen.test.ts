/**
 * The generated fast-path predicate must agree with the compiled closures on every document:
 * arrays, missing fields, numbers where strings are expected, dotted keys, case.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultSettings } from '../../../../src/core/api-types';
import { generateBatch, generatePredicate } from '../../../../src/core/compile/codegen';
import { compileCondition } from '../../../../src/core/compile/conditions';
import type { CompileContext } from '../../../../src/core/compile/context';
import { parseQuery } from '../../../../src/core/parser/parse';
import { expandDottedKeys } from '../../../../src/core/runtime/field-access';
import { buildSchema } from '../../../../src/core/schema/schema';

function compile(condition: string) {
  const text = `any where ${condition}`;
  const parsed = parseQuery(text);
  expect(parsed.diagnostics).toEqual([]);
  const q = parsed.ast!.query;
  if (q.kind !== 'event') throw new Error('not an event query');
  const ctx: CompileContext = { text, schema: buildSchema({}), settings: defaultSettings, diagnostics: [] };
  return compileCondition(q.condition, ctx);
}

const CONDITIONS = [
  'process.name == "bash" and not (process.executable in ("/bin/sh", "/usr/bin/dpkg") or file.path : ("/etc/*", "*.tmp*", "*cron*", "/ETC/APT/x"))',
  'event.category == "file" or process.name like~ "B?sh" or file.path like "/tmp/*"',
  'not process.name : "perl" and (file.extension in ("swp", "swx") or process.executable == null)',
  'host.os.type == "linux" and event.action in ("rename", "creation") and file.path : "/etc/apt/apt.conf.d/*"',
  'startsWith(process.name, "b") or process.pid == 5 or process.name : "*a*b*"',
  'file.path : ("/etc/*.tmp*", "a*b*c", "/tmp/*/z", "x?y*") or process.executable like ("/bin/*sh", "*cron*y")',
];

const str = fc.oneof(
  fc.constantFrom(
    'bash',
    'BASH',
    'perl',
    '/bin/sh',
    '/etc/apt/apt.conf.d/x',
    '/ETC/APT/X',
    'a.tmp.1',
    'swp',
    'linux',
    'file',
    'creation',
    'x cron y',
    '/tmp/z',
    '',
  ),
  fc.string({ maxLength: 6 }),
);
const val = fc.oneof(
  str,
  fc.integer({ min: 0, max: 9 }),
  fc.constant(null),
  fc.array(str, { maxLength: 3 }),
  fc.array(fc.oneof(str, fc.constant(null)), { maxLength: 2 }),
);
const doc = fc.record(
  {
    process: fc.oneof(
      fc.record(
        { name: val, executable: val, pid: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant('5')) },
        { requiredKeys: [] },
      ),
      fc.array(fc.record({ name: val }), { maxLength: 2 }),
    ),
    file: fc.record({ path: val, extension: val }, { requiredKeys: [] }),
    host: fc.record({ os: fc.record({ type: val }, { requiredKeys: [] }) }, { requiredKeys: [] }),
    event: fc.record({ category: val, action: val }, { requiredKeys: [] }),
    'process.name': val,
  },
  { requiredKeys: [] },
);

describe('generated predicates agree with the closures', () => {
  test.each(CONDITIONS)('%s', (condition) => {
    const compiled = compile(condition);
    const generated = generatePredicate(compiled);
    expect(generated).toBeDefined();
    fc.assert(
      fc.property(doc, (d) => {
        const expanded = expandDottedKeys(d as Record<string, unknown>);
        expect(generated!(expanded)).toBe(compiled.fn(expanded) === true);
      }),
      { numRuns: 1500 },
    );
  });

  test('batches agree with the conditions one by one', () => {
    const compiled = CONDITIONS.map(compile);
    const mask = generateBatch(compiled, 'mask')!;
    const first = generateBatch(compiled, 'first-false')!;
    expect(mask).toBeDefined();
    expect(first).toBeDefined();
    fc.assert(
      fc.property(doc, (d) => {
        const expanded = expandDottedKeys(d as Record<string, unknown>);
        const each = compiled.map((c) => c.fn(expanded) === true);
        expect(each.map((_, i) => ((mask(expanded) >> i) & 1) === 1)).toEqual(each);
        expect(first(expanded)).toBe(each.indexOf(false));
      }),
      { numRuns: 1500 },
    );
  });

  test('a condition that may be null is not generated', () => {
    expect(generatePredicate(compile('?nosuch < 5 or process.name == "x"'))).toBeUndefined();
  });
});
