/** Comparing the playground's hits with a cluster's _eql/search response. */
import { describe, expect, test } from 'vitest';
import { compareHits, evaluate, explainDifferences, type ExceptionInput } from '../../../src/core/index';
import { parseEqlResponse } from '../../../src/formats/eql-response';
import { parseEvents } from '../../../src/formats/events';

const events = parseEvents(
  JSON.stringify([
    {
      '@timestamp': '2024-01-01T00:00:01Z',
      event: { id: 'a', category: 'process' },
      host: { id: 'h' },
      process: { name: 'curl' },
    },
    { '@timestamp': '2024-01-01T00:00:02Z', event: { id: 'b', category: 'file' }, host: { id: 'h' } },
    {
      '@timestamp': '2024-01-01T00:00:03Z',
      event: { id: 'c', category: 'process' },
      host: { id: 'h' },
      process: { name: 'wget' },
    },
  ]),
  { idField: 'event.id' },
).events;

const hit = (id: string, source: object = {}) => ({ _index: 'idx', _id: id, _source: source });

describe('events', () => {
  const ours = evaluate({ rule: 'process where true', events }).hits!;
  test('agree: the same events in the same order', () => {
    const r = parseEqlResponse(
      JSON.stringify({ is_partial: false, hits: { total: { value: 2 }, events: [hit('a'), hit('c')] } }),
    );
    expect(r.diagnostics).toEqual([]);
    const c = compareHits(ours, r.hits!);
    expect(c).toMatchObject({ agrees: true, kind: 'events', ours: 2, theirs: 2, onlyOurs: [], onlyTheirs: [] });
    expect(c.notes).toEqual(['agrees: both return the same 2 events in the same order']);
  });
  test('disagree: each event only one side returned; another order', () => {
    const c = compareHits(ours, parseEqlResponse(JSON.stringify({ hits: { events: [hit('c'), hit('x')] } })).hits!);
    expect(c).toMatchObject({ agrees: false, onlyOurs: ['a'], onlyTheirs: ['x'], orderDiffers: false });
    const o = compareHits(ours, parseEqlResponse(JSON.stringify({ hits: { events: [hit('c'), hit('a')] } })).hits!);
    expect(o).toMatchObject({ agrees: false, orderDiffers: true });
  });
  test('--id-field names the cluster events by a _source field', () => {
    const theirs = { hits: { events: [hit('x1', { event: { id: 'a' } }), hit('x2', { 'event.id': 'c' })] } };
    expect(compareHits(ours, parseEqlResponse(JSON.stringify(theirs)).hits!, 'event.id').agrees).toBe(true);
  });
});

describe('sequences', () => {
  const ours = evaluate({ rule: 'sequence by host.id [process where true] [file where true]', events }).hits!;
  test('sequence by sequence, event by event', () => {
    const same = { hits: { sequences: [{ join_keys: ['h'], events: [hit('a'), hit('b')] }] } };
    expect(compareHits(ours, parseEqlResponse(JSON.stringify(same)).hits!).agrees).toBe(true);
    const other = { hits: { sequences: [{ join_keys: ['h'], events: [hit('c'), hit('b')] }] } };
    const c = compareHits(ours, parseEqlResponse(JSON.stringify(other)).hits!);
    expect(c).toMatchObject({ agrees: false, kind: 'sequences', onlyOurs: ['[a, b]'], onlyTheirs: ['[c, b]'] });
  });
  test('events against sequences never agree', () => {
    const c = compareHits(ours, parseEqlResponse(JSON.stringify({ hits: { events: [] } })).hits!);
    expect(c.agrees).toBe(false);
  });
});

describe('reading responses', () => {
  test('an error answer, broken JSON and a non-response are diagnostics', () => {
    const err = parseEqlResponse(
      JSON.stringify({ error: { type: 'verification_exception', reason: 'Found 1 problem' }, status: 400 }),
    );
    expect(err.hits).toBeUndefined();
    expect(err.diagnostics[0]!.message).toBe(
      'Elasticsearch answered with an error: verification_exception: Found 1 problem',
    );
    expect(parseEqlResponse('{"hits": ').diagnostics[0]!.message).toMatch(/not valid JSON/);
    expect(parseEqlResponse('{"took": 1}').diagnostics[0]!.message).toMatch(/Not an _eql\/search response/);
  });
  test('missing-event placeholders are kept in sequences', () => {
    const r = parseEqlResponse(
      JSON.stringify({
        hits: { sequences: [{ events: [hit('a'), { _index: '', _id: '', _source: {}, missing: true }] }] },
      }),
    );
    expect(r.hits!.sequences![0]!.events.map((e) => e.missing === true)).toEqual([false, true]);
  });
});

describe('explaining the differences', () => {
  const exceptions: ExceptionInput = {
    items: [
      {
        item_id: 'wget-ok',
        list_id: 'l',
        name: 'wget is fine',
        entries: [{ type: 'match', field: 'process.name', operator: 'included', value: 'wget' }],
      },
    ],
  };
  const rule = 'process where process.name != "curl"';

  test("each event only one side returned gets the playground's verdict and the likely cause", () => {
    const result = evaluate({ rule, events, exceptions });
    // The cluster returned a (the playground suppresses it), c (excepted here) and z (not a sample event).
    const theirs = parseEqlResponse(JSON.stringify({ hits: { events: [hit('a'), hit('c'), hit('z')] } })).hits!;
    const c = compareHits(result.hits!, theirs);
    const d = explainDifferences(c, result, 10);
    expect(d.map((x) => [x.kind, x.key])).toEqual([
      ['only-theirs', 'a'],
      ['only-theirs', 'c'],
      ['only-theirs', 'z'],
    ]);
    expect(d[0]!.why).toMatch(/^the playground suppresses it by `process.name != "curl"`/);
    expect(d[1]!.why).toMatch(
      /excepts it by exception item "wget is fine" \(wget-ok\): was the cluster's request sent without the exceptions/,
    );
    expect(d[2]!.why).toMatch(/^no sample event has id z/);
  });

  test('an event only the playground returns; the cluster at its size is named', () => {
    const result = evaluate({ rule: 'process where true', events });
    const theirs = parseEqlResponse(JSON.stringify({ hits: { events: [hit('a')] } })).hits!;
    const d = explainDifferences(compareHits(result.hits!, theirs), result, 1);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ kind: 'only-ours', key: 'c' });
    expect(d[0]!.why).toMatch(/the cluster returned 1 events, its size: raise size/);
    expect(explainDifferences(compareHits(result.hits!, theirs), result, 10)[0]!.why).not.toMatch(/raise size/);
  });

  test('another order is explained; agreeing hits have nothing to explain', () => {
    const result = evaluate({ rule: 'process where true', events });
    const swapped = parseEqlResponse(JSON.stringify({ hits: { events: [hit('c'), hit('a')] } })).hits!;
    expect(explainDifferences(compareHits(result.hits!, swapped), result).map((x) => x.kind)).toEqual(['order']);
    const same = parseEqlResponse(JSON.stringify({ hits: { events: [hit('a'), hit('c')] } })).hits!;
    expect(explainDifferences(compareHits(result.hits!, same), result)).toEqual([]);
  });

  test('sequences: an excepted event of a sequence only the cluster returned is named', () => {
    const seqRule = 'sequence by host.id [process where true] [file where true]';
    const result = evaluate({
      rule: seqRule,
      events,
      exceptions: {
        items: [
          {
            ...exceptions.items[0]!,
            entries: [{ type: 'match', field: 'process.name', operator: 'included', value: 'curl' }],
          },
        ],
      },
    });
    const theirs = { hits: { sequences: [{ join_keys: ['h'], events: [hit('a'), hit('b')] }] } };
    const d = explainDifferences(compareHits(result.hits!, parseEqlResponse(JSON.stringify(theirs)).hits!), result);
    expect(d.map((x) => [x.kind, x.key])).toEqual([['only-theirs', '[a, b]']]);
    expect(d[0]!.why).toBe('event a is excepted by exception item "wget is fine" (wget-ok)');
  });
});
