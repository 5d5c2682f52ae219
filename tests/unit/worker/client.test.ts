import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EvalClient, type WorkerLike } from '../../../src/worker/client';
import type { EvaluateInput, WorkerRequest, WorkerResponse } from '../../../src/worker/protocol';

/** A fake Worker: records messages, answers only when the test says so. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: WorkerRequest[] = [];
  terminated = false;
  postMessage(message: unknown): void {
    this.received.push(message as WorkerRequest);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(r: WorkerResponse): void {
    this.onmessage?.({ data: r } as MessageEvent);
  }
  answerLast(): void {
    const m = this.received[this.received.length - 1]!;
    this.reply(answerFor(m));
  }
}

function answerFor(m: WorkerRequest): WorkerResponse {
  switch (m.type) {
    case 'evaluate':
      return {
        type: 'evaluate',
        id: m.id,
        result: {
          ok: true,
          queryKind: 'event',
          diagnostics: [],
          stats: { events: 0, parseMs: 0, compileMs: 0, evalMs: 0, explainMs: 0 },
        },
        eventDiagnostics: [],
        ms: 1,
      };
    case 'trace':
      return { type: 'trace', id: m.id, entries: [] };
    case 'language':
      return { type: 'language', id: m.id, info: { keywords: [], functions: [], fields: [] } };
    case 'parseRule':
      return {
        type: 'parseRule',
        id: m.id,
        rule: { format: 'eql', query: m.text, metadata: {}, settings: {}, diagnostics: [] },
      };
    case 'loadText':
    case 'loadFile':
      return {
        type: 'loaded',
        id: m.id,
        info: {
          version: 1,
          kind: 'text',
          format: 'ndjson',
          count: 0,
          length: 0,
          problems: [],
          problemCount: 0,
          ids: [],
          labels: [],
          labelField: 'event.id',
        },
      };
    case 'editEvent':
      return {
        type: 'editEvent',
        id: m.id,
        info: {
          version: 2,
          kind: 'text',
          format: 'ndjson',
          count: 0,
          length: 0,
          problems: [],
          problemCount: 0,
          ids: [],
          labels: [],
          labelField: 'event.id',
        },
      };
    default:
      return { type: 'traceAt', id: m.id, entries: [] };
  }
}

/** Manual clock and timers. */
function harness(options: { timeoutMs?: number; preemptMs?: number } = {}) {
  let now = 0;
  const timers: { at: number; fn: () => void; id: number; cleared: boolean }[] = [];
  let nextTimer = 1;
  const workers: FakeWorker[] = [];
  const client = new EvalClient({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    timeoutMs: options.timeoutMs ?? 1000,
    preemptMs: options.preemptMs ?? 200,
    now: () => now,
    setTimer: (fn, ms) => {
      const t = { at: now + ms, fn, id: nextTimer++, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      (h as { cleared: boolean }).cleared = true;
    },
  });
  const advance = (ms: number) => {
    now += ms;
    for (const t of [...timers].sort((a, b) => a.at - b.at)) {
      if (!t.cleared && t.at <= now) {
        t.cleared = true;
        t.fn();
      }
    }
  };
  return { client, workers, advance };
}

const input = (rule: string): EvaluateInput => ({ rule, events: '[]', settings: {}, mapping: '' });

describe('EvalClient', () => {
  it('sends a request and resolves with the matching answer', async () => {
    const { client, workers } = harness();
    const p = client.evaluate(input('a'), true);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received[0]).toMatchObject({ type: 'evaluate', wantEvents: true, input: { rule: 'a' } });
    workers[0]!.answerLast();
    const o = await p;
    expect(o.status).toBe('ok');
    expect(client.busy).toBe(false);
  });

  it('latest wins: a queued evaluate is superseded by a newer one', async () => {
    const { client, workers } = harness();
    const first = client.evaluate(input('1'), false);
    const second = client.evaluate(input('2'), false);
    const third = client.evaluate(input('3'), false);
    expect(await second).toEqual({ status: 'superseded' });
    const w = workers[0]!;
    expect(w.received).toHaveLength(1);
    w.answerLast();
    expect((await first).status).toBe('ok');
    // the newest queued request is sent next, the superseded one never
    expect(w.received.map((m) => (m.type === 'evaluate' ? m.input.rule : m.type))).toEqual(['1', '3']);
    w.answerLast();
    expect((await third).status).toBe('ok');
  });

  it('exception previews coalesce: while one runs, only the newest waits, and a run goes first', async () => {
    const { client, workers } = harness();
    const item = (name: string) => ({ item_id: name, list_id: 'l', name, entries: [] });
    const run = { rule: 'r', settings: {}, mapping: '' };
    const first = client.previewException(run, { item: item('a') });
    const typed = ['ab', 'abc', 'abcd'].map((n) => client.previewException(run, { item: item(n) }));
    const ran = client.run(run);
    for (const p of typed.slice(0, -1)) expect(await p).toEqual({ status: 'superseded' });
    const w = workers[0]!;
    const names = () => w.received.map((m) => (m.type === 'previewException' ? m.preview.item.name : m.type));
    expect(names()).toEqual(['a']);
    w.reply({ type: 'previewException', id: w.received[0]!.id, preview: {} as never });
    expect((await first).status).toBe('ok');
    // The evaluation of the page is served before the waiting preview; the preview typed last follows.
    expect(names()).toEqual(['a', 'run']);
    w.reply({ type: 'ran', id: w.received[1]!.id, result: {} as never });
    await ran;
    expect(names()).toEqual(['a', 'run', 'abcd']);
    w.reply({ type: 'previewException', id: w.received[2]!.id, preview: {} as never });
    expect((await typed[2]!).status).toBe('ok');
    expect(client.busy).toBe(false);
  });

  it('cancels a slow outdated request by terminating and respawning the worker', async () => {
    const { client, workers, advance } = harness({ preemptMs: 200 });
    const slow = client.evaluate(input('slow'), false);
    advance(50);
    const newer = client.evaluate(input('newer'), false);
    // the newer one waits while the running one is still young
    expect(workers).toHaveLength(1);
    advance(200);
    expect(await slow).toEqual({ status: 'superseded' });
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.received[0]).toMatchObject({ input: { rule: 'newer' } });
    workers[1]!.answerLast();
    expect((await newer).status).toBe('ok');
  });

  it('times out a runaway request and keeps serving afterwards', async () => {
    const { client, workers, advance } = harness({ timeoutMs: 1000 });
    const runaway = client.evaluate(input('x'), false);
    advance(1000);
    expect(await runaway).toEqual({ status: 'timeout', ms: 1000 });
    expect(workers[0]!.terminated).toBe(true);
    const next = client.evaluate(input('y'), false);
    expect(workers).toHaveLength(2);
    workers[1]!.answerLast();
    expect((await next).status).toBe('ok');
  });

  it('ignores a late answer from a terminated worker', async () => {
    const { client, workers, advance } = harness({ timeoutMs: 100 });
    const p = client.evaluate(input('x'), false);
    const old = workers[0]!;
    const msg = old.received[0]!;
    advance(100);
    expect((await p).status).toBe('timeout');
    const q = client.evaluate(input('y'), false);
    old.reply(answerFor(msg)); // handler was detached; nothing happens
    expect(client.busy).toBe(true);
    workers[1]!.answerLast();
    expect((await q).status).toBe('ok');
  });

  it('evaluate and trace do not supersede each other; language is served first', async () => {
    const { client, workers } = harness();
    const ev = client.evaluate(input('a'), false);
    const tr = client.trace(input('a'), 3);
    const lang = client.language();
    const w = workers[0]!;
    w.answerLast(); // evaluate
    expect(w.received[1]!.type).toBe('language');
    w.answerLast();
    expect(w.received[2]).toMatchObject({ type: 'trace', position: 3 });
    w.answerLast();
    expect((await ev).status).toBe('ok');
    expect((await tr).status).toBe('ok');
    expect((await lang).status).toBe('ok');
  });

  it('reports a worker failure message and a crash, then recovers', async () => {
    const { client, workers } = harness();
    const p = client.evaluate(input('a'), false);
    const m = workers[0]!.received[0]!;
    workers[0]!.reply({ type: 'failure', id: m.id, message: 'boom' });
    expect(await p).toEqual({ status: 'failed', message: 'boom' });
    const q = client.evaluate(input('b'), false);
    workers[0]!.onerror?.({ message: 'oops', preventDefault() {} } as ErrorEvent);
    expect(await q).toEqual({ status: 'failed', message: 'the evaluator crashed: oops' });
    expect(workers[0]!.terminated).toBe(true);
    const r = client.evaluate(input('c'), false);
    workers[1]!.answerLast();
    expect((await r).status).toBe('ok');
  });

  it('dispose settles everything and terminates the worker', async () => {
    const { client, workers } = harness();
    const a = client.evaluate(input('a'), false);
    const b = client.trace(input('a'), 0);
    client.dispose();
    expect(await a).toEqual({ status: 'superseded' });
    expect(await b).toEqual({ status: 'superseded' });
    expect(workers[0]!.terminated).toBe(true);
    expect((await client.evaluate(input('z'), false)).status).toBe('failed');
  });

  it('runs on held events are never preempted: the latest waits and the ones in between are skipped', async () => {
    const { client, workers, advance } = harness({ preemptMs: 200, timeoutMs: 1000 });
    const run = (rule: string) => client.run({ rule, settings: {}, mapping: '' });
    const first = run('1');
    advance(500);
    const second = run('2');
    const third = run('3');
    advance(400);
    expect(workers).toHaveLength(1);
    expect(await second).toEqual({ status: 'superseded' });
    const w = workers[0]!;
    w.reply({ type: 'traceAt', id: w.received[0]!.id, entries: [] } as never);
    expect((await first).status).toBe('ok');
    expect(w.received.map((m) => (m.type === 'run' ? m.input.rule : m.type))).toEqual(['1', '3']);
    void third;
  });

  it('a load has no time limit, passes on progress, and is replayed with its edits into a fresh worker', async () => {
    const { client, workers, advance } = harness({ timeoutMs: 1000 });
    const progress: number[] = [];
    const file = new Blob(['{"a":1}']);
    const loaded = client.loadFile(file, 'x.ndjson', undefined, (p) => progress.push(p.read));
    const w = workers[0]!;
    advance(60_000);
    const loadId = w.received[0]!.id;
    w.reply({ type: 'progress', id: loadId, read: 3, total: 7, events: 0 });
    w.reply({ type: 'progress', id: 999, read: 5, total: 7, events: 0 }); // not ours
    w.answerLast();
    expect((await loaded).status).toBe('ok');
    expect(progress).toEqual([3]);
    const edit = client.editEvent(0, '{"a":2}');
    w.answerLast();
    expect((await edit).status).toBe('ok');
    // a runaway run is killed; the next worker first gets the load and the edit again
    const runaway = client.run({ rule: 'any where true', settings: {}, mapping: '' });
    advance(10_000);
    expect((await runaway).status).toBe('timeout');
    const next = client.run({ rule: 'any where false', settings: {}, mapping: '' });
    const w2 = workers[1]!;
    expect(w2.received.map((m) => [m.type, m.id === 0])).toEqual([
      ['loadFile', true],
      ['editEvent', true],
      ['run', false],
    ]);
    w2.reply({ type: 'traceAt', id: w2.received[2]!.id, entries: [] } as never);
    expect((await next).status).toBe('ok');
  });

  it('a new load drops the edits still waiting for the old events', async () => {
    const { client, workers } = harness();
    const busy = client.language();
    const edit = client.editEvent(3, '{}');
    const load = client.loadText('{"b":1}');
    expect(await edit).toEqual({ status: 'superseded' });
    const w = workers[0]!;
    w.answerLast();
    await busy;
    expect(w.received.map((m) => m.type)).toEqual(['language', 'loadText']);
    w.answerLast();
    expect((await load).status).toBe('ok');
  });
});

describe('EvalClient under arbitrary traffic (property)', () => {
  type Step =
    | { op: 'request'; kind: 'evaluate' | 'trace' | 'language' | 'parseRule' }
    | { op: 'answer' }
    | { op: 'garbage'; data: unknown }
    | { op: 'wrongId'; delta: number }
    | { op: 'crash' }
    | { op: 'advance'; ms: number };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({
      op: fc.constant('request' as const),
      kind: fc.constantFrom('evaluate' as const, 'trace' as const, 'language' as const, 'parseRule' as const),
    }),
    fc.record({ op: fc.constant('answer' as const) }),
    fc.record({ op: fc.constant('garbage' as const), data: fc.anything({ maxDepth: 2 }) }),
    fc.record({ op: fc.constant('wrongId' as const), delta: fc.integer({ min: -3, max: 3 }) }),
    fc.record({ op: fc.constant('crash' as const) }),
    fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 1500 }) }),
  );

  it('never throws, and every request settles exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const { client, workers, advance } = harness();
        const settled: string[][] = [];
        const pending: Promise<unknown>[] = [];
        const track = (p: Promise<{ status: string }>) => {
          const slot: string[] = [];
          settled.push(slot);
          pending.push(p.then((o) => slot.push(o.status)));
        };
        for (const s of steps) {
          const w = workers[workers.length - 1];
          const last = w?.received[w.received.length - 1];
          if (s.op === 'request') {
            if (s.kind === 'evaluate') track(client.evaluate(input('a'), false));
            else if (s.kind === 'trace') track(client.trace(input('a'), 0));
            else if (s.kind === 'language') track(client.language());
            else track(client.parseRule('process where true'));
          } else if (s.op === 'answer' && w && last) w.reply(answerFor(last));
          else if (s.op === 'garbage') w?.onmessage?.({ data: s.data } as MessageEvent);
          else if (s.op === 'wrongId' && last)
            w?.reply({ ...answerFor(last), id: last.id + s.delta } as WorkerResponse);
          else if (s.op === 'crash') w?.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
          else if (s.op === 'advance') advance(s.ms);
        }
        client.dispose();
        await Promise.all(pending);
        for (const slot of settled) expect(slot).toHaveLength(1);
        expect(client.busy).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
