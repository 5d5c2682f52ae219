/** Rule exceptions in the worker: the pane's text parsed with located problems, its view, items added, previews, exports, compare. */
import { describe, expect, test } from 'vitest';
import type { EventDoc, ExceptionItem } from '../../../src/core/index';
import { parseEvents } from '../../../src/formats/events';
import { parseExceptions } from '../../../src/formats/exceptions';
import { handleExceptions, type EventsOf } from '../../../src/worker/exception-requests';
import { addItem, exceptionsView, readExceptions } from '../../../src/worker/exceptions';
import type { EvaluateInput, ExceptionsRequestInput } from '../../../src/worker/protocol';
import { requestProblem } from '../../../src/worker/validate';
import { evaluate } from '../../../src/core/index';

const container = { list_id: 'rule-list', name: 'Rule exceptions', description: '', type: 'detection' };
const item = (item_id: string, entries: unknown[], extra: Record<string, unknown> = {}) => ({
  item_id,
  list_id: 'rule-list',
  name: `item ${item_id}`,
  description: '',
  type: 'simple',
  entries,
  ...extra,
});
const summary = (items: number) => ({
  exported_exception_list_count: 1,
  exported_exception_list_item_count: items,
  missing_exception_list_item_count: 0,
  missing_exception_list_items: [],
  missing_exception_lists: [],
  missing_exception_lists_count: 0,
});
const ndjson = (...lines: unknown[]) =>
  `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`;

const ansible = item('ansible', [{ field: 'process.name', operator: 'included', type: 'match', value: 'ansible' }]);
const notRoot = item('not-root', [{ field: 'user.name', operator: 'excluded', type: 'match', value: 'root' }]);
const nobody = item('nobody', [{ field: 'user.name', operator: 'included', type: 'match', value: 'nobody' }]);

const eventsText = JSON.stringify([
  { id: 'a', event: { category: 'process' }, process: { name: 'ansible' }, user: { name: 'root' } },
  { id: 'b', event: { category: 'process' }, process: { name: 'bash' }, user: { name: 'root' } },
  { id: 'c', event: { category: 'process' }, process: { name: 'bash' } },
  { id: 'd', event: { category: 'process' }, process: { name: 'APT' }, user: { name: 'root' } },
]);
const events: EventDoc[] = parseEvents(eventsText, { idField: 'id' }).events;
const eventsOf: EventsOf = () => ({ events, diagnostics: [] });

const input = (text: string, rule = 'process where true'): EvaluateInput => ({
  rule,
  events: eventsText,
  settings: {},
  mapping: '',
  idField: 'id',
  exceptionsText: { text, at: Date.parse('2026-06-01T00:00:00Z') },
});

describe('the Exceptions pane text', () => {
  test('an export with a broken line: the others load, the problem has its line and column', () => {
    const text = ndjson(container, ansible, '{"item_id": "broken", ', notRoot, summary(3));
    const read = readExceptions({ text });
    expect(read.input?.items.map((i) => i.item_id)).toEqual(['ansible', 'not-root']);
    const broken = read.problems.find((p) => p.severity === 'error')!;
    expect(broken.source).toBe('exceptions');
    expect(broken.at?.line).toBe(3);
  });

  test('the view lists items with their lines and per-item counts; the missing-field trap is counted', () => {
    const x = { text: ndjson(container, ansible, notRoot, nobody, summary(3)), at: 0 };
    const read = readExceptions(x);
    const result = evaluate({ rule: 'process where true', events, exceptions: read.input! });
    const view = exceptionsView(x, read, result);
    expect(view.format).toBe('exception-list-export');
    expect(view.items.map((i) => [i.item.item_id, i.line, i.removed, i.status])).toEqual([
      ['ansible', 2, 1, 'applied'],
      ['not-root', 3, 1, 'applied'],
      ['nobody', 4, 0, 'applied'],
    ]);
    expect(view.items[0]!.item).not.toHaveProperty('raw');
    const c = result.verdicts!.find((v) => v.id === 'c')!;
    expect(c.verdict).toBe('excepted');
    expect(c.reasons[0]!.exception).toEqual({ list_id: 'rule-list', item_id: 'not-root', name: 'item not-root' });
    expect(c.reasons[0]!.note).toMatch(/user\.name is missing/);
  });

  test('value lists are read from their text; a problem in one names its file', () => {
    const listItem = item('ips', [
      { field: 'source.ip', operator: 'included', type: 'list', list: { id: 'ips.txt', type: 'ip' } },
    ]);
    const x = { text: JSON.stringify(listItem), valueLists: [{ name: 'ips.txt', text: '10.0.0.1\n10.0.0.2\n' }] };
    const read = readExceptions(x);
    expect(read.input?.valueLists?.[0]?.values.map((v) => v.value)).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(exceptionsView(x, read, undefined).valueLists).toEqual([{ id: 'ips.txt', values: 2 }]);
  });
});

describe('adding an item to the text', () => {
  const added = item('new', [
    { field: 'process.name', operator: 'included', type: 'match', value: 'bash' },
  ]) as ExceptionItem;
  const check = (text: string) => {
    const out = addItem(text, added);
    const parsed = parseExceptions(out);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.items.at(-1)?.item_id).toBe('new');
    return { out, parsed };
  };

  test('an export gets an item line before its summary, whose count goes up; the rest is untouched', () => {
    const text = ndjson(container, ansible, summary(1));
    const { out, parsed } = check(text);
    expect(parsed.items.map((i) => i.item_id)).toEqual(['ansible', 'new']);
    const lines = out.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(text.split('\n').slice(0, 2));
    expect(JSON.parse(lines.at(-1)!).exported_exception_list_item_count).toBe(2);
  });
  test('an item for a list the export lacks brings its container', () => {
    const other = { ...added, list_id: 'other-list' };
    const out = addItem(ndjson(container, ansible, summary(1)), other);
    const parsed = parseExceptions(out);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.lists.map((l) => l.list_id)).toEqual(['rule-list', 'other-list']);
  });
  test('an array gets one more element; a single item becomes an array of two; empty text an export', () => {
    expect(check(JSON.stringify([ansible], null, 2)).parsed.format).toBe('items');
    expect(check('[]').parsed.items).toHaveLength(1);
    expect(check(JSON.stringify(ansible)).parsed.items.map((i) => i.item_id)).toEqual(['ansible', 'new']);
    expect(check('').parsed.format).toBe('exception-list-export');
  });
});

describe('exception requests', () => {
  const run = (msg: Parameters<typeof handleExceptions>[0]) => handleExceptions(msg, eventsOf);
  const proposed = item('bash', [
    { field: 'process.name', operator: 'included', type: 'match', value: 'bash' },
  ]) as ExceptionItem;

  test('preview: the events newly removed, an expected alert named, the text with the item', () => {
    const text = ndjson(container, ansible, summary(1));
    const r = run({
      type: 'previewException',
      id: 1,
      input: input(text),
      preview: { item: proposed, position: 1, expectations: { b: { verdict: 'alert' } } },
    });
    if (r.type !== 'previewException') throw new Error(r.type);
    expect(r.preview.removed.map((x) => [x.id, x.verdict])).toEqual([
      ['b', 'alert'],
      ['c', 'alert'],
    ]);
    expect(r.preview.alertsRemoved).toBe(2);
    expect(r.preview.expectedAlerts).toEqual(['b']);
    expect(r.preview.removesTarget).toBe(true);
    expect(parseExceptions(r.preview.text).items.map((i) => i.item_id)).toEqual(['ansible', 'bash']);
  });

  test('preview: an event an existing item already removes is not counted again', () => {
    const r = run({
      type: 'previewException',
      id: 1,
      input: input(ndjson(container, notRoot, summary(1))),
      preview: { item: proposed },
    });
    if (r.type !== 'previewException') throw new Error(r.type);
    expect(r.preview.removed.map((x) => x.id)).toEqual(['b']);
  });

  test('warnings: a match entry beside a `:` clause', () => {
    const apt = item('apt', [{ field: 'process.name', operator: 'included', type: 'match', value: 'APT' }]);
    const r = run({
      type: 'exceptionWarnings',
      id: 2,
      input: input('', 'process where process.name : "apt"'),
      item: apt as ExceptionItem,
    });
    if (r.type !== 'exceptionWarnings') throw new Error(r.type);
    expect(r.warnings.map((w) => w.kind)).toEqual(['case']);
  });

  test('export: NDJSON that reads back into the same items, and one API request per item', () => {
    const text = ndjson(container, ansible, notRoot, summary(2));
    const r = run({ type: 'exportExceptions', id: 3, exceptions: { text } });
    if (r.type !== 'exportExceptions') throw new Error(r.type);
    const again = parseExceptions(r.ndjson);
    expect(again.diagnostics).toEqual([]);
    expect(again.items.map((i) => i.entries)).toEqual(parseExceptions(text).items.map((i) => i.entries));
    expect(r.apiBody.match(/^POST kbn:\/api\/exception_lists\/items$/gm)).toHaveLength(2);
  });

  test('bulk export: the bulk body, a template and the request with the exceptions as filter', () => {
    const r = run({
      type: 'exportBulk',
      id: 4,
      input: input(ndjson(container, ansible, summary(1))),
      index: 'my-events',
    });
    if (r.type !== 'exportBulk') throw new Error(r.type);
    expect(r.bulk.ndjson.split('\n').filter(Boolean)).toHaveLength(8);
    expect(JSON.parse(r.bulk.template).index_patterns).toEqual(['my-events']);
    expect(r.bulk.request).toContain('GET /my-events/_eql/search');
    expect(r.bulk.request).toContain('"ansible"');
    expect(() => run({ type: 'exportBulk', id: 5, input: input(''), index: 'Bad Name' })).toThrow(/lower case/);
  });

  test('compare: agrees, or each difference with the reason', () => {
    const hit = (id: string) => ({
      _index: 'x',
      _id: id,
      _source: JSON.parse(eventsText).find((e: { id: string }) => e.id === id),
    });
    const response = (ids: string[]) =>
      JSON.stringify({ hits: { total: { value: ids.length }, events: ids.map(hit) } });
    const exc = input(ndjson(container, ansible, summary(1)));
    const ok = run({ type: 'compare', id: 6, input: exc, response: response(['b', 'c', 'd']), idField: 'id' });
    if (ok.type !== 'compare') throw new Error(ok.type);
    expect(ok.comparison?.agrees).toBe(true);
    const differs = run({
      type: 'compare',
      id: 7,
      input: exc,
      response: response(['a', 'b', 'c', 'd']),
      idField: 'id',
    });
    if (differs.type !== 'compare') throw new Error(differs.type);
    expect(differs.comparison?.agrees).toBe(false);
    expect(differs.comparison?.differences[0]).toMatchObject({ kind: 'only-theirs', key: 'a' });
    expect(differs.comparison?.differences[0]?.why).toContain('item ansible');
    const bad = run({ type: 'compare', id: 8, input: exc, response: '{"hits": ' });
    if (bad.type !== 'compare') throw new Error(bad.type);
    expect(bad.comparison).toBeUndefined();
    expect(bad.problems[0]?.at?.line).toBe(1);
  });

  test('the held events are used when the input has no events text', () => {
    const held: ExceptionsRequestInput = { rule: 'process where true', settings: {}, mapping: '' };
    const seen: ExceptionsRequestInput[] = [];
    handleExceptions({ type: 'exportBulk', id: 9, input: held }, (i) => {
      seen.push(i);
      return { events, diagnostics: [] };
    });
    expect(seen).toEqual([held]);
  });
});

describe('a text typed in the pane that reads with errors', () => {
  const good = ndjson(container, ansible, notRoot, summary(2));
  const broken = good.replace('"not-root"', '"not-root');
  const evaluated = (text: string, keepLastApplied?: boolean) =>
    readExceptions({ text, at: 0, ...(keepLastApplied ? { keepLastApplied } : {}) }, Date.now, { evaluation: true });
  const ids = (r: ReturnType<typeof readExceptions>) => r.input?.items.map((i) => i.item_id);

  test('keeps what the last evaluation applied, names the problem at its place, and lets go once it reads', () => {
    expect(ids(evaluated(good))).toEqual(['ansible', 'not-root']);
    const r = evaluated(broken, true);
    expect(ids(r)).toEqual(['ansible', 'not-root']);
    expect(r.kept?.items).toHaveLength(2);
    expect(r.problems.find((p) => p.severity === 'error')?.at?.line).toBe(3);
    const view = exceptionsView({ text: broken }, r, undefined);
    expect(view.kept).toEqual({ items: 2 });
    expect(view.items.map((i) => [i.item.item_id, i.line])).toEqual([
      ['ansible', undefined],
      ['not-root', undefined],
    ]);
    expect(view.problems.some((p) => p.severity === 'error' && p.at?.line === 3)).toBe(true);
    // Still broken after more typing: still the same items; read by a preview too.
    expect(ids(evaluated(`${broken} `, true))).toEqual(['ansible', 'not-root']);
    expect(ids(readExceptions({ text: `${broken} `, keepLastApplied: true }))).toEqual(['ansible', 'not-root']);
    // Fixed with another item: the new text applies.
    const fixed = ndjson(container, ansible, summary(1));
    expect(ids(evaluated(fixed, true))).toEqual(['ansible']);
    expect(evaluated(fixed, true).kept).toBeUndefined();
  });

  test('a file or a whole document with errors applies the items that read, as before', () => {
    evaluated(good);
    const r = evaluated(broken);
    expect(ids(r)).toEqual(['ansible']);
    expect(r.kept).toBeUndefined();
    // Typing in that text keeps what it applied, not the text before the file.
    expect(ids(evaluated(`${broken}x`, true))).toEqual(['ansible']);
  });

  test('an export or a preview does not change what an evaluation keeps', () => {
    evaluated(good);
    readExceptions({ text: broken });
    expect(ids(evaluated(broken, true))).toEqual(['ansible', 'not-root']);
  });
});

describe('an item that expires', () => {
  const run = (msg: Parameters<typeof handleExceptions>[0]) => handleExceptions(msg, eventsOf);
  const expiring = (when: string) =>
    item('bash-for-now', [{ field: 'process.name', operator: 'included', type: 'match', value: 'bash' }], {
      expire_time: when,
    }) as ExceptionItem;

  test('the preview writes expire_time into the text, and the exports keep it', () => {
    const later = expiring('2026-07-01T10:00:00.000Z');
    for (const text of ['', ndjson(container, ansible, summary(1)), JSON.stringify([ansible])]) {
      const r = run({ type: 'previewException', id: 1, input: input(text), preview: { item: later } });
      if (r.type !== 'previewException') throw new Error(r.type);
      expect(r.preview.removed.map((x) => x.id)).toEqual(['b', 'c']);
      expect(parseExceptions(r.preview.text).items.at(-1)?.expire_time).toBe('2026-07-01T10:00:00.000Z');
      const out = run({ type: 'exportExceptions', id: 2, exceptions: { text: r.preview.text } });
      if (out.type !== 'exportExceptions') throw new Error(out.type);
      expect(parseExceptions(out.ndjson).items.at(-1)?.expire_time).toBe('2026-07-01T10:00:00.000Z');
      expect(out.apiBody).toContain('"expire_time": "2026-07-01T10:00:00.000Z"');
    }
  });

  test('an item that expired before the run start removes nothing, with or without other items, and says so', () => {
    const past = expiring('2026-05-01T00:00:00.000Z');
    for (const text of ['', ndjson(container, ansible, summary(1))]) {
      const r = run({ type: 'previewException', id: 1, input: input(text), preview: { item: past } });
      if (r.type !== 'previewException') throw new Error(r.type);
      expect(r.preview.removed).toEqual([]);
      expect(r.preview.problems.map((d) => d.message).join('\n')).toContain('expired 2026-05-01T00:00:00.000Z');
    }
  });
});

describe('request validation', () => {
  const ok = { type: 'simple', item_id: 'x', list_id: 'l', name: 'n', entries: [] };
  test('exception messages and the exceptions text are checked', () => {
    expect(
      requestProblem({ type: 'previewException', id: 1, input: input(''), preview: { item: ok } }),
    ).toBeUndefined();
    expect(requestProblem({ type: 'exportExceptions', id: 1, exceptions: { text: '' } })).toBeUndefined();
    expect(requestProblem({ type: 'compare', id: 1, input: input(''), response: '{}' })).toBeUndefined();
    expect(
      requestProblem({ type: 'exportBulk', id: 1, input: { rule: 'a', settings: {}, mapping: '' } }),
    ).toBeUndefined();
    expect(requestProblem({ type: 'previewException', id: 1, input: input(''), preview: { item: { name: 1 } } })).toBe(
      'the item has no ids and name',
    );
    expect(
      requestProblem({
        type: 'evaluate',
        id: 1,
        input: { ...input(''), exceptionsText: { text: 3 } },
        wantEvents: false,
      }),
    ).toBe('the exceptions are not text');
    expect(
      requestProblem({
        type: 'run',
        id: 1,
        input: { rule: 'a', settings: {}, mapping: '', exceptionsText: { text: '', valueLists: [{ name: 'x' }] } },
      }),
    ).toBe('the value lists are not named texts');
  });
});

describe('the held events with the pane text', () => {
  test('a run with the pane text excepts events, for sequences too', async () => {
    const { WorkerSession } = await import('../../../src/worker/session');
    const { withParsedExceptions } = await import('../../../src/worker/exception-requests');
    const { VERDICT_CODE } = await import('../../../src/worker/protocol');
    const s = new WorkerSession();
    s.loadText(
      [0, 1, 2, 3]
        .map((i) =>
          JSON.stringify({
            '@timestamp': `2026-01-01T00:00:0${i}Z`,
            event: { category: 'process' },
            process: { name: i === 0 ? 'ansible' : 'bash' },
          }),
        )
        .join('\n'),
    );
    const text = ndjson(container, ansible, summary(1));
    const ev = s.run(
      withParsedExceptions({ rule: 'process where true', settings: {}, mapping: '', exceptionsText: { text } }),
    );
    expect(ev.verdicts[0]).toBe(VERDICT_CODE.excepted);
    expect(ev.counts.excepted).toBe(1);
    expect(s.lastResult?.exceptionStats?.[0]?.removed).toBe(1);
    expect(ev.request).toContain('"match_phrase"');
    const row = s.rows([0])[0]!;
    expect(row.verdict).toBe('excepted');
    expect(row.reasons[0]?.exception?.item_id).toBe('ansible');
    expect(row.wouldBe).toBe('alert');
    const seq = s.run(
      withParsedExceptions({
        rule: 'sequence [process where true] [process where true]',
        settings: {},
        mapping: '',
        exceptionsText: { text },
      }),
    );
    expect(Array.from(seq.verdicts)).toEqual([
      VERDICT_CODE.excepted,
      VERDICT_CODE.alert,
      VERDICT_CODE.alert,
      VERDICT_CODE.alert,
    ]);
  });
});

describe('exclusion proposals with the pane exceptions', () => {
  test('an event an exception removes is not counted as newly suppressed by a proposal', async () => {
    const { propose } = await import('../../../src/worker/tuning');
    const { exceptionsOf } = await import('../../../src/worker/exception-requests');
    const rule = 'process where true';
    const ctx = { eventsKey: 'k', events, mapping: '' };
    const ask = { position: 1, fields: ['process.name'] };
    const without = propose(rule, {}, ctx, ask).proposals[0]!;
    expect(without.impact.newlySuppressed.map((e) => e.id)).toEqual(['b', 'c']);
    const exceptions = exceptionsOf(input(ndjson(container, notRoot, summary(1))))!;
    const withExc = propose(rule, {}, { ...ctx, exceptions }, ask).proposals[0]!;
    expect(withExc.impact.newlySuppressed.map((e) => e.id)).toEqual(['b']);
  });
});

describe('a preview while the rule has errors', () => {
  test('names the rule error instead of claiming the item removes nothing', () => {
    const proposed = item('bash', [
      { field: 'process.name', operator: 'included', type: 'match', value: 'bash' },
    ]) as ExceptionItem;
    const r = handleExceptions(
      { type: 'previewException', id: 1, input: input('', 'process where ('), preview: { item: proposed } },
      eventsOf,
    );
    if (r.type !== 'previewException') throw new Error(r.type);
    expect(r.preview.removed).toEqual([]);
    expect(r.preview.problems[0]?.source).toBe('rule');
    expect(r.preview.problems[0]?.severity).toBe('error');
  });
});
