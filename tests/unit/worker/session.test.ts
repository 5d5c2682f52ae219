import { describe, expect, it } from 'vitest';
import { NO_VERDICT, VERDICT_CODE, VERDICT_OF_CODE } from '../../../src/worker/protocol';
import { WorkerSession, textChunks } from '../../../src/worker/session';

const lines = (n: number, f: (i: number) => object) =>
  Array.from({ length: n }, (_, i) => JSON.stringify(f(i))).join('\n');
const ev = (i: number) => ({
  '@timestamp': new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  event: { category: 'process', id: `p-${i}` },
  process: { name: i % 3 === 0 ? 'nc' : i % 3 === 1 ? 'bash' : 'sh' },
});
const rule = 'process where process.name in ("nc", "bash") and not process.name == "bash"';
const run = (r = rule) => ({ rule: r, settings: {}, mapping: '' });

async function* chunksOf(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe('WorkerSession: the held events', () => {
  it('loads text with ids from the id field and problems with their lines', () => {
    const s = new WorkerSession();
    const text = `${lines(2, ev)}\n{"broken": }\n${JSON.stringify(ev(2))}`;
    const info = s.loadText(text, 'event.id');
    expect(info).toMatchObject({ kind: 'text', format: 'ndjson', count: 3, problemCount: 1 });
    expect(info.ids).toEqual(['p-0', 'p-1', 'p-2']);
    expect(info.problems[0]).toMatchObject({ line: 3, column: 12, code: 'EVT5001' });
    expect(text.slice(info.problems[0]!.range.start).startsWith('}')).toBe(true);
  });

  it('streams a file in chunks with progress, the same events as the text', async () => {
    const text = lines(500, ev);
    const s = new WorkerSession(() => performance.now());
    let t = 0;
    const slow = new WorkerSession(() => (t += 60));
    const reports: number[] = [];
    const info = await slow.loadChunks(chunksOf(text, 997), text.length, 'e.ndjson', 'event.id', (p) =>
      reports.push(p.events),
    );
    expect(info).toMatchObject({ kind: 'file', name: 'e.ndjson', count: 500, length: text.length, problemCount: 0 });
    expect(reports.length).toBeGreaterThan(3);
    expect(reports).toEqual([...reports].sort((a, b) => a - b));
    expect(info.ids).toEqual(s.loadText(text, 'event.id').ids);
    expect(slow.exportEvents()).toBe(`${text}\n`);
  });

  it('a large text is read in slices that never split a surrogate pair', async () => {
    const text = `${'a'.repeat(9)}\u{1F600}${'b'.repeat(5)}`;
    const parts: string[] = [];
    for await (const c of textChunks(text, 10)) parts.push(c);
    expect(parts).toEqual([`${'a'.repeat(9)}\u{1F600}`, 'b'.repeat(5)]);
    const s = new WorkerSession();
    const info = await s.loadChunks(textChunks(lines(30, ev), 64), 0, 'events', 'event.id', () => {});
    expect(info.ids).toEqual(Array.from({ length: 30 }, (_, i) => `p-${i}`));
  });

  it('every load and edit gets a new version', () => {
    const s = new WorkerSession();
    const a = s.loadText(lines(3, ev));
    const b = s.loadText(lines(3, ev));
    expect(b.version).toBeGreaterThan(a.version);
    const e = s.edit(1, '{"x": 1}');
    expect(e.problem).toBeUndefined();
    expect(e.info.version).toBeGreaterThan(b.version);
  });
});

describe('WorkerSession: compact results and paging', () => {
  it('sends the rows asked for with the run, from that run; a run with errors sends none', () => {
    const s = new WorkerSession();
    s.loadText(lines(9, ev), 'event.id');
    s.run(run());
    // Now bash is no exclusion: event 4 alerts, and its row says so.
    const r = s.run(run('process where process.name in ("nc", "bash")'), undefined, [4, 0, 99]);
    expect(r.rows?.map((x) => [x.position, x.verdict])).toEqual([
      [4, 'alert'],
      [0, 'alert'],
    ]);
    expect(r.rows?.[0]?.reasons).toEqual([]);
    const broken = s.run(run('process where process.name =='), undefined, [4]);
    expect(broken.ok).toBe(false);
    expect(broken.rows).toBeUndefined();
    expect(s.run(run(), undefined, undefined).rows).toBeUndefined();
  });
  it('sends counts and verdict codes by position; reasons come with the rows asked for', () => {
    const s = new WorkerSession();
    s.loadText(lines(9, ev), 'event.id');
    const r = s.run(run());
    expect(r.ok).toBe(true);
    expect(r.counts).toEqual({ alert: 3, suppressed: 3, 'no-match': 3, error: 0, excepted: 0, total: 9 });
    expect([...r.verdicts].map((c) => VERDICT_OF_CODE[c])).toEqual(
      Array.from({ length: 9 }, (_, i) => (i % 3 === 0 ? 'alert' : i % 3 === 1 ? 'suppressed' : 'no-match')),
    );
    // one group per deciding clause: alert, the exclusion, the failing base conjunct
    expect(r.groups.map((g) => g.kind).sort()).toEqual(['alert', 'base', 'exclusion']);
    expect(r.groups[r.groupOf[1]!]).toMatchObject({ kind: 'exclusion', field: 'process.name' });
    expect(r.hitsTotal).toBe(3);
    expect([...r.hitPositions]).toEqual([0, 3, 6]);
    const rows = s.rows([4, 0, 99]);
    expect(rows.map((x) => [x.position, x.id, x.verdict])).toEqual([
      [4, 'p-4', 'suppressed'],
      [0, 'p-0', 'alert'],
    ]);
    expect(rows[0]!.reasons[0]).toMatchObject({ kind: 'exclusion', field: 'process.name', value: 'bash' });
    expect(rows[0]!.source).toEqual(ev(4));
  });

  it('an edit goes back into the events: the next run and rows see it; a bad edit changes nothing', () => {
    const s = new WorkerSession();
    s.loadText(lines(3, ev), 'event.id');
    expect(s.run(run()).verdicts[1]).toBe(VERDICT_CODE.suppressed);
    const edited = s.edit(1, JSON.stringify({ ...ev(1), process: { name: 'nc' } }));
    expect(edited.problem).toBeUndefined();
    const r = s.run(run());
    expect(r.datasetVersion).toBe(edited.info.version);
    expect(r.verdicts[1]).toBe(VERDICT_CODE.alert);
    expect(s.rows([1])[0]).toMatchObject({ verdict: 'alert', id: 'p-1' });
    const bad = s.edit(1, '{"a": }');
    expect(bad.problem).toMatchObject({ code: 'EVT5001', line: 1, column: 7 });
    expect(bad.info.version).toBe(edited.info.version);
    expect(s.run(run()).verdicts[1]).toBe(VERDICT_CODE.alert);
    expect(s.edit(1, '[1]').problem?.message).toBe(
      'The event is an array, not a JSON object; each event must be an object',
    );
  });

  it('an edit is held to the checks of a full parse: depth refused, duplicate keys and huge numbers warned', () => {
    const s = new WorkerSession();
    const info = s.loadText(lines(3, ev), 'event.id');
    const deep = `${'{"a":'.repeat(1500)}1${'}'.repeat(1500)}`;
    const refused = s.edit(1, deep);
    expect(refused.problem).toMatchObject({ code: 'EVT5010', line: 1 });
    expect(refused.problem!.column).toBeGreaterThan(1000 * 5);
    expect(refused.info.version).toBe(info.version);
    // The same text in a full load gets the same code.
    expect(new WorkerSession().loadText(deep).problems[0]?.code).toBe('EVT5010');

    const twice = s.edit(1, '{"event": {"id": "x", "id": "y"}, "n": 1e400}');
    expect(twice.problem).toBeUndefined();
    expect(twice.info.version).toBe(info.version + 1);
    expect(twice.warnings?.map((w) => w.code)).toEqual(['EVT5011', 'EVT5012']);
    expect(twice.warnings?.[0]).toMatchObject({ line: 1, column: 23 });
    const loaded = new WorkerSession().loadText('{"event": {"id": "x", "id": "y"}, "n": 1e400}');
    expect(loaded.problems.map((p) => p.code)).toEqual(['EVT5011', 'EVT5012']);
    expect(s.edit(0, JSON.stringify(ev(5))).warnings).toBeUndefined();
  });

  it('a rule with errors gives no verdicts, and the baseline codes come along', () => {
    const s = new WorkerSession();
    s.loadText(lines(6, ev));
    const bad = s.run(run('process where ('));
    expect(bad.ok).toBe(false);
    expect([...bad.verdicts].every((c) => c === NO_VERDICT)).toBe(true);
    const withBaseline = s.run(run('process where process.name == "nc"'), run());
    expect([...withBaseline.baseline!]).toEqual([...s.run(run()).verdicts]);
    expect([...withBaseline.verdicts].filter((c) => c === VERDICT_CODE.alert)).toHaveLength(2);
  });

  it('sequences: membership codes, and the returned sequences page by page', () => {
    const s = new WorkerSession();
    s.loadText(lines(6, ev));
    const r = s.run(run('sequence [process where process.name == "nc"] [process where process.name == "bash"]'));
    expect(r.queryKind).toBe('sequence');
    expect(r.sequenceCount).toBe(2);
    expect([...r.verdicts].map((c) => VERDICT_OF_CODE[c])).toEqual([
      'alert',
      'alert',
      'no-match',
      'alert',
      'alert',
      'no-match',
    ]);
    const page = s.sequences(1, 5);
    expect(page).toHaveLength(1);
    expect(page[0]!.explanation?.stages.map((x) => x.position)).toEqual([3, 4]);
    expect(s.rows([2])[0]!.join?.stages.length).toBe(2);
  });

  it('search finds ids and text, case-insensitively, in position order', () => {
    const s = new WorkerSession();
    s.loadText(lines(7, ev), 'event.id');
    expect([...s.search('NC')]).toEqual([0, 3, 6]);
    expect([...s.search('p-5')]).toEqual([5]);
    expect([...s.search('')]).toHaveLength(7);
    s.edit(0, '{"process": {"name": "zsh"}}');
    expect([...s.search('nc')]).toEqual([3, 6]);
  });

  it('a run names its problems with their line, the _eql/search request and, for joins, the outline', () => {
    const s = new WorkerSession();
    s.loadText(lines(6, ev));
    const bad = s.run(run('process where\n  process.name =='));
    expect(bad.problems?.[0]).toMatchObject({ source: 'rule', at: { line: 2 } });
    const good = s.run({ ...run(), indices: ['logs-*'] });
    expect(good.request?.split('\n')[0]).toBe('GET /logs-*/_eql/search');
    expect(good.join).toBeUndefined();
    const seq = s.run(run('sequence [process where process.name == "nc"] [process where process.name == "bash"]'));
    expect(seq.join).toMatchObject({ kind: 'sequence', stageMatches: [2, 2], outsideSize: 0 });
    expect(seq.join?.sequences.map((x) => x.sequence)).toEqual([0, 1]);
  });

  it('rows stay explained by the last good run while the rule has errors; text loads carry ranges', () => {
    const s = new WorkerSession();
    const text = lines(3, ev);
    s.loadText(text);
    s.run(run());
    s.run(run('process where ('));
    const [row] = s.rows([0]);
    expect(row?.verdict).toBe('alert');
    expect(text.slice(row!.range!.start, row!.range!.end)).toBe(JSON.stringify(ev(0)));
    // New events: nothing is explained until they are evaluated.
    s.loadText(lines(2, ev));
    expect(s.rows([0])[0]?.verdict).toBeUndefined();
  });

  it('the events info counts every problem by code and lists the fields seen', () => {
    const s = new WorkerSession();
    const broken = Array.from({ length: 1500 }, () => '{"a": }').join('\n');
    const info = s.loadText(`${broken}\n${lines(2, ev)}`);
    expect(info.problems).toHaveLength(1000);
    expect(info.problemCount).toBe(1500);
    expect(info.problemCodes).toEqual({ EVT5001: 1500 });
    expect(info.fields?.map((f) => f.name)).toContain('process.name');
  });
});
