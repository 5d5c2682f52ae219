/**
 * The add-exception preview does not run the query again: it tests only the proposed item and
 * reads what each event was from the evaluation it already has. These tests hold it to the
 * answer of two full evaluations (with and without the item) on generated events, items and
 * rules of every kind, and check that the held events' preview reuses the session's last run
 * only when that run had the same inputs.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  evaluate,
  returnedSequences,
  withAddedItem,
  type EvaluationResult,
  type EventDoc,
  type ExceptionEntry,
  type ExceptionInput,
  type ExceptionItem,
  type Expectation,
} from '../../../src/core/index';
import { parseEvents } from '../../../src/formats/events';
import { parseValueList } from '../../../src/formats/value-list';
import { handleExceptions } from '../../../src/worker/exception-requests';
import { exceptedPositions, previewException } from '../../../src/worker/exceptions';
import type { RemovedEvent, RunInput } from '../../../src/worker/protocol';
import { WorkerSession } from '../../../src/worker/session';

const AT = Date.parse('2026-06-01T00:00:00Z');

/** The preview as two full evaluations give it: the events excepted with the item and not without. */
function twoEvaluations(
  rule: string,
  events: readonly EventDoc[],
  current: ExceptionInput | undefined,
  item: ExceptionItem,
  expectations: Readonly<Record<string, Expectation>> | undefined,
  mapping = '',
) {
  const run = (exceptions: ExceptionInput | undefined): EvaluationResult =>
    evaluate({ rule, events, ...(mapping ? { mapping } : {}), ...(exceptions ? { exceptions } : {}) });
  const before = run(current);
  const after = run(withAddedItem(current, item, AT));
  const was = exceptedPositions(before);
  const removed: RemovedEvent[] = [];
  for (const p of [...exceptedPositions(after)].sort((a, b) => a - b)) {
    if (was.has(p)) continue;
    const v = before.verdicts?.find((x) => x.position === p)?.verdict;
    const inSequence = returnedSequences(before).some((s) => s.positions.includes(p));
    const e = events[p]!;
    removed.push({
      position: p,
      id: e.id,
      verdict: v ?? (inSequence ? 'alert' : 'no-match'),
      ...(expectations?.[e.id]?.verdict === 'alert' ? { expectedAlert: true } : {}),
    });
  }
  const problems = after.diagnostics.filter(
    (d) => (d.source === 'exceptions' || d.source === 'value-list') && d.range.start === 0 && d.range.end === 0,
  );
  if (!after.verdicts && !after.join)
    problems.push(...after.diagnostics.filter((d) => d.severity === 'error').slice(0, 1));
  return { before, removed, problems };
}

const NAMES = ['bash', 'vim', 'curl', 'Bash', 'apt'];
const USERS = ['root', 'admin', 'nobody'];
const OS = ['linux', 'windows', 'macos'];

const eventArb = fc.record(
  {
    name: fc.constantFrom(...NAMES),
    user: fc.option(fc.constantFrom(...USERS), { nil: undefined }),
    os: fc.option(fc.constantFrom(...OS), { nil: undefined }),
    category: fc.constantFrom('process', 'file'),
    path: fc.constantFrom('/usr/bin/vim', '/tmp/x.sh', '/etc/apt/sources.list', 'C:\\Windows\\cmd.exe'),
  },
  { requiredKeys: ['name', 'category', 'path'] },
);

interface Row {
  readonly name: string;
  readonly category: string;
  readonly path: string;
  readonly user?: string | undefined;
  readonly os?: string | undefined;
}

function toEvents(rows: readonly Row[]): EventDoc[] {
  const sources = rows.map((r, i) => ({
    id: `e${i}`,
    '@timestamp': new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    event: { category: r.category },
    process: { name: r.name, executable: r.path },
    ...(r.user ? { user: { name: r.user } } : {}),
    ...(r.os ? { host: { os: { type: r.os } } } : {}),
  }));
  return parseEvents(JSON.stringify(sources), { idField: 'id' }).events;
}

const FIELDS = ['process.name', 'user.name', 'host.os.type', 'process.executable', 'no.such.field'];
const fieldArb = fc.oneof(
  { arbitrary: fc.constantFrom(...FIELDS.slice(0, 4)), weight: 9 },
  { arbitrary: fc.constant(FIELDS[4]!), weight: 1 },
);
const fieldValueArb = fc.oneof(
  fc.constant({ field: 'process.name', value: 'bash' }),
  fc.record({ field: fc.constant('process.name'), value: fc.constantFrom(...NAMES) }),
  fc.record({ field: fc.constant('user.name'), value: fc.constantFrom(...USERS) }),
  fc.record({ field: fc.constant('host.os.type'), value: fc.constantFrom(...OS) }),
  fc.record({ field: fieldArb, value: fc.constantFrom(...NAMES, ...USERS, ...OS, '/usr/bin/vim') }),
);

const entryArb: fc.Arbitrary<ExceptionEntry> = fc.oneof(
  {
    arbitrary: fc
      .tuple(fieldValueArb, fc.constantFrom('included' as const, 'included' as const, 'excluded' as const))
      .map(([fv, operator]) => ({ type: 'match' as const, ...fv, operator })),
    weight: 4,
  },
  fc.record({
    type: fc.constant('match_any' as const),
    field: fieldArb,
    operator: fc.constantFrom('included' as const, 'excluded' as const),
    value: fc.subarray([...NAMES, ...USERS], { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    type: fc.constant('wildcard' as const),
    field: fc.constantFrom('process.executable', 'process.name'),
    operator: fc.constantFrom('included' as const, 'excluded' as const),
    value: fc.constantFrom('/usr/*', '*.sh', 'b?sh', 'C:\\Windows\\*', '*'),
  }),
  fc.record({
    type: fc.constant('exists' as const),
    field: fieldArb,
    operator: fc.constantFrom('included' as const, 'excluded' as const),
  }),
  fc.record({
    type: fc.constant('list' as const),
    field: fc.constantFrom('process.name', 'user.name'),
    operator: fc.constantFrom('included' as const, 'excluded' as const),
    list: fc.record({ id: fc.constantFrom('names.txt', 'missing'), type: fc.constantFrom('keyword', 'text') }),
  }),
);

/** Undefined three times in four. */
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 1 });

let itemCount = 0;
const itemArb: fc.Arbitrary<ExceptionItem> = fc
  .record({
    entries: fc.oneof(fc.tuple(entryArb), fc.tuple(entryArb), fc.tuple(entryArb, entryArb)),
    os_types: sometimes(fc.subarray(['linux', 'windows'] as const, { minLength: 1 })),
    expire_time: sometimes(fc.constantFrom('2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z')),
  })
  .map(({ os_types, expire_time, entries }) => {
    const n = itemCount++;
    return {
      item_id: `i${n}`,
      list_id: 'rule-list',
      name: `item ${n}`,
      entries,
      ...(os_types ? { os_types } : {}),
      ...(expire_time ? { expire_time } : {}),
    };
  });

const RULES = [
  'process where true',
  'any where process.name : "bash" or user.name == "root"',
  'process where process.name == "vim" and not user.name == "admin"',
  'process where process.name : "BASH" | head 2',
  'any where process.name : ("bash", "vim") and not process.executable : "/tmp/*"',
  'sequence [process where process.name : "bash"] [any where true]',
  'sequence by user.name [process where true] [file where true]',
  'sample by host.os.type [process where true] [file where true]',
  'process where (',
  'process where no_such_function(process.name)',
];

const valueLists = [parseValueList('bash\nvim\n', { file: 'names.txt' })];

const caseArb = fc.record({
  rows: fc.array(eventArb, { minLength: 1, maxLength: 16 }),
  rule: fc.constantFrom(...RULES),
  current: fc.array(itemArb, { maxLength: 3 }),
  lists: fc.boolean(),
  item: itemArb,
  target: fc.nat(14),
  alertIds: fc.subarray(['e0', 'e1', 'e2', 'e3', 'e5', 'e8']),
});

describe('the preview without running the query again', () => {
  test('equals two full evaluations, on generated events, items and rules', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const events = toEvents(c.rows);
        const current: ExceptionInput | undefined =
          c.current.length > 0 ? { items: c.current, ...(c.lists ? { valueLists } : {}), at: AT } : undefined;
        const expectations = Object.fromEntries(c.alertIds.map((id) => [id, { verdict: 'alert' as const }]));
        const full = twoEvaluations(c.rule, events, current, c.item, expectations);
        const fast = previewException(
          { events, rule: c.rule, mapping: '', before: full.before, at: AT },
          current,
          c.item,
          { position: c.target, expectations },
        );
        expect(fast.removed).toEqual(full.removed);
        expect(fast.alertsRemoved).toBe(full.removed.filter((r) => r.verdict === 'alert').length);
        expect(fast.expectedAlerts).toEqual(full.removed.filter((r) => r.expectedAlert).map((r) => r.id));
        expect(fast.removesTarget).toBe(full.removed.some((r) => r.position === c.target));
        expect(fast.problems).toEqual(full.problems);
      }),
      { numRuns: 500, seed: 20260601 },
    );
  });

  test('with a mapping: the item is compiled with the schema the evaluation uses', () => {
    // user.name mapped as text: a match entry is analyzed there, so "ROOT" matches "root".
    const mapping = JSON.stringify({ mappings: { properties: { user: { properties: { name: { type: 'text' } } } } } });
    const events = toEvents([
      { name: 'bash', category: 'process', path: '/tmp/x.sh', user: 'root' },
      { name: 'vim', category: 'process', path: '/usr/bin/vim', user: 'admin' },
    ]);
    const item: ExceptionItem = {
      item_id: 'upper',
      list_id: 'rule-list',
      name: 'upper',
      entries: [{ type: 'match', field: 'user.name', operator: 'included', value: 'ROOT' }],
    };
    const rule = 'process where true';
    const full = twoEvaluations(rule, events, undefined, item, undefined, mapping);
    const fast = previewException({ events, rule, mapping, before: full.before, at: AT }, undefined, item, {});
    expect(full.removed.map((r) => r.id)).toEqual(['e0']);
    expect(fast.removed).toEqual(full.removed);
  });

  test('an item that expired before the run removes nothing and says so', () => {
    const events = toEvents([{ name: 'bash', category: 'process', path: '/tmp/x.sh' }]);
    const item: ExceptionItem = {
      item_id: 'old',
      list_id: 'rule-list',
      name: 'old',
      expire_time: '2026-05-31T23:59:00.000Z',
      entries: [{ type: 'match', field: 'process.name', operator: 'included', value: 'bash' }],
    };
    const before = evaluate({ rule: 'process where true', events });
    const fast = previewException(
      { events, rule: 'process where true', mapping: '', before, at: AT },
      undefined,
      item,
      {},
    );
    expect(fast.removed).toEqual([]);
    expect(fast.problems.map((d) => d.message).join()).toContain('expired 2026-05-31T23:59:00.000Z');
  });
});

describe('the held events: the session’s last run is reused only for the same inputs', () => {
  const lines = ['bash', 'vim', 'bash', 'curl'].map((name, i) =>
    JSON.stringify({ id: `e${i}`, event: { category: 'process' }, process: { name }, user: { name: 'root' } }),
  );
  const bash: ExceptionItem = {
    item_id: 'bash',
    list_id: 'rule-list',
    name: 'bash',
    entries: [{ type: 'match', field: 'process.name', operator: 'included', value: 'bash' }],
  };

  function setup() {
    const session = new WorkerSession();
    session.loadText(lines.join('\n'), 'id');
    const eventsOf = () => ({
      events: session.dataset.events,
      diagnostics: [],
      evaluated: (exceptions: ExceptionInput | undefined) =>
        session.evaluation({ rule: current.rule, settings: {}, mapping: '', ...(exceptions ? { exceptions } : {}) }),
    });
    const current: { rule: string } = { rule: '' };
    const ask = (input: RunInput) => {
      current.rule = input.rule;
      const r = handleExceptions({ type: 'previewException', id: 1, input, preview: { item: bash } }, eventsOf);
      if (r.type !== 'previewException') throw new Error(r.type);
      return r.preview;
    };
    return { session, ask };
  }

  test('a preview after a run of another rule uses the verdicts of its own rule', () => {
    const { session, ask } = setup();
    session.run({ rule: 'process where process.name == "vim"', settings: {}, mapping: '' });
    const p = ask({ rule: 'process where process.name == "bash"', settings: {}, mapping: '' });
    expect(p.removed.map((r) => [r.id, r.verdict])).toEqual([
      ['e0', 'alert'],
      ['e2', 'alert'],
    ]);
    expect(p.alertsRemoved).toBe(2);
  });

  test('a preview after an edited event sees the edit', () => {
    const { session, ask } = setup();
    const input = { rule: 'process where true', settings: {}, mapping: '' };
    session.run(input);
    expect(ask(input).removed.map((r) => r.id)).toEqual(['e0', 'e2']);
    session.edit(3, JSON.stringify({ id: 'e3', event: { category: 'process' }, process: { name: 'bash' } }));
    expect(ask(input).removed.map((r) => r.id)).toEqual(['e0', 'e2', 'e3']);
    session.run(input);
    expect(ask(input).removed.map((r) => r.id)).toEqual(['e0', 'e2', 'e3']);
  });

  test('the session answers its last run for the same inputs, without evaluating again', () => {
    const { session } = setup();
    const input = { rule: 'process where true', settings: {}, mapping: '' };
    session.run(input);
    const last = session.lastResult;
    expect(session.evaluation(input)).toBe(last);
    const other = session.evaluation({ ...input, rule: 'process where false' });
    expect(other).not.toBe(last);
    expect(session.evaluation({ ...input, rule: 'process where false' })).toBe(other);
    // A run of those inputs takes it instead of evaluating again.
    session.run({ ...input, rule: 'process where false' });
    expect(session.lastResult).toBe(other);
  });
});
