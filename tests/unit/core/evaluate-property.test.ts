/**
 * Property: nothing a user types or pastes makes the core throw. Arbitrary rule text, rules
 * assembled from EQL fragments (so many of them parse), and arbitrary JSON events all come back
 * as results or diagnostics.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkQuery, evaluate, foldExpression, traceEvent, type EventDoc } from '../../../src/core/index';
import { expandDottedKeys } from '../../../src/core/runtime/field-access';

const FRAGMENTS = [
  'process where ',
  'any where ',
  'file where ',
  'sequence by host.id ',
  'with maxspan=5s ',
  'sample by a ',
  '[',
  ']',
  '![',
  '(',
  ')',
  'a',
  'b.c',
  '?d',
  '`e f`',
  'process.name',
  'n',
  ' == ',
  ' != ',
  ' < ',
  ' >= ',
  ' : ',
  ' like~ ',
  ' regex ',
  ' in ',
  ' not in~ ',
  ' and ',
  ' or ',
  'not ',
  '"x*"',
  '"a"',
  '"""raw"""',
  '1',
  '-2',
  '3.5',
  '2147483647',
  'null',
  'true',
  ', ',
  'length(',
  'startsWith~(',
  'concat(',
  'number(',
  'cidrMatch(',
  'between(',
  'substring(',
  'add(',
  'divide(',
  'modulo(',
  ' + ',
  ' / ',
  ' % ',
  ' | head 2',
  ' | tail 1',
  ' | count',
  ' until ',
  ' by ',
  ' with runs=2',
  '/* c */',
  '\n',
];

const soup = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 25 }).map((xs) => xs.join(''));

const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('c', 'name', 'x'), scalar),
);
const event = fc.record(
  {
    event: fc.record({
      category: fc.oneof(fc.constantFrom('process', 'file'), fc.array(fc.constantFrom('process', 'file'))),
    }),
    a: value,
    b: fc.oneof(value, fc.record({ c: value })),
    n: value,
    process: fc.record({ name: value }),
    '@timestamp': fc.oneof(fc.integer({ min: 0 }), fc.constant('2026-01-01T00:00:00Z'), fc.string({ maxLength: 5 })),
  },
  { requiredKeys: [] },
);

/** Events whose fields keep one type each, so the valid rules below stay valid under inference. */
const str = fc.oneof(fc.constantFrom('x', 'y', 'X', '10.1.2.3', '2', 'bash', ''), fc.string({ maxLength: 4 }));
const typedEvent = fc.record(
  {
    event: fc.record({
      category: fc.oneof(fc.constantFrom('process', 'file'), fc.array(fc.constantFrom('process', 'file'))),
    }),
    a: fc.oneof(str, fc.array(str, { maxLength: 3 }), fc.constant(null)),
    b: fc.record({ c: fc.oneof(str, fc.array(str, { maxLength: 2 })) }, { requiredKeys: [] }),
    n: fc.oneof(fc.integer({ min: -5, max: 10 }), fc.array(fc.integer({ min: -5, max: 10 }), { maxLength: 3 })),
    process: fc.record({ name: str }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

function docs(sources: Record<string, unknown>[]): EventDoc[] {
  return sources.map((s, i) => ({ id: String(i), source: s, doc: expandDottedKeys(s), position: i }));
}

describe('the core never throws on user input', () => {
  test('arbitrary rule text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (rule) => {
        const r = evaluate({ rule, events: [] });
        expect(Array.isArray(r.diagnostics)).toBe(true);
        checkQuery({ rule });
        foldExpression(rule);
      }),
      { numRuns: 500 },
    );
  });

  test('rules assembled from EQL fragments, over arbitrary events', () => {
    fc.assert(
      fc.property(soup, fc.array(event, { maxLength: 6 }), (rule, sources) => {
        const events = docs(sources as Record<string, unknown>[]);
        const r = evaluate({ rule, events });
        if (r.ok && r.queryKind === 'event') expect(r.verdicts).toHaveLength(events.length);
        if (events.length > 0) traceEvent({ rule, events }, 0);
      }),
      { numRuns: 1500 },
    );
  });

  test('valid rules over arbitrary events: verdicts agree with hits', () => {
    const rules = [
      'process where a == "x" and not (b.c in ("y", "z") or n > 2)',
      'any where length(a) != 3 or startsWith~(process.name, "b")',
      'file where n / 2 == 1 or concat(a, b.c) : "*x*"',
      'process where not n < 5 and a != null',
      'any where stringContains(a, "x") or number(b.c) > 1 | head 3',
      'any where number(b.c) > 1',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...rules), fc.array(typedEvent, { maxLength: 8 }), (rule, sources) => {
        const events = docs(sources as Record<string, unknown>[]);
        const r = evaluate({ rule, events, settings: { size: 100 } });
        expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        if (rule.includes('|')) return;
        const alerts = r.verdicts!.filter((v) => v.verdict === 'alert').map((v) => v.id);
        expect(r.hits!.events!.map((h) => h._id).sort()).toEqual(alerts.sort());
      }),
      { numRuns: 500 },
    );
  });
});
