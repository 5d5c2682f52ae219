import { describe, expect, test } from 'vitest';
import { deflateSync } from 'fflate';
import { encodeShareHash } from '../../../src/share';
import { toBase64Url } from '../../../src/share/codec';
import type { WorkerLike } from '../../../src/worker/client';
import { handleShareMessage } from '../../../src/worker/share-codec';
import { ShareCodecClient } from '../../../src/worker/share-client';

/** A worker that answers with the real handler, asynchronously, as a worker does. */
function fakeWorker(opts: { hang?: (msg: unknown) => boolean; made?: { n: number } } = {}): () => WorkerLike {
  return () => {
    if (opts.made) opts.made.n++;
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      terminate() {
        w.onmessage = null;
      },
      postMessage(msg: unknown) {
        if (opts.hang?.(msg)) return;
        setTimeout(() => w.onmessage?.({ data: structuredClone(handleShareMessage(msg)) } as MessageEvent), 0);
      },
    };
    return w;
  };
}

describe('the share codec worker', () => {
  test('decodes and encodes; a malformed message gets a failure, never an exception', () => {
    const hash = encodeShareHash({ rule: 'any where true', events: '[]' });
    expect(handleShareMessage({ type: 'decode', id: 1, hash })).toMatchObject({
      type: 'decoded',
      id: 1,
      result: { ok: true, payload: { rule: 'any where true', events: '[]' } },
    });
    expect(handleShareMessage({ type: 'encode', id: 2, payload: { rule: 'any where true', events: '[]' } })).toEqual({
      type: 'encoded',
      id: 2,
      hash,
    });
    for (const bad of [
      null,
      5,
      'x',
      { id: 3 },
      { id: 3, type: 'decode', hash: 7 },
      { id: 3, type: 'encode', payload: { rule: 1 } },
    ])
      expect(handleShareMessage(bad).type).toBe('failure');
  });

  test('a decompression bomb is refused by the cap, in the worker', () => {
    const bomb = `#v1.${toBase64Url(deflateSync(new Uint8Array(100 * 1024 * 1024).fill(32), { level: 9 }))}`;
    expect(bomb.length).toBeLessThan(200_000);
    const r = handleShareMessage({ type: 'decode', id: 1, hash: bomb });
    expect(r).toMatchObject({ type: 'decoded', result: { ok: false, code: 'SHR8003' } });
  });
});

describe('ShareCodecClient', () => {
  test('decode and encode answer through the worker; older encodes are superseded', async () => {
    const c = new ShareCodecClient({ createWorker: fakeWorker() });
    const hash = encodeShareHash({ rule: 'r', events: 'e' });
    expect(await c.decode(hash)).toMatchObject({ status: 'ok', value: { ok: true, payload: { rule: 'r' } } });
    const first = c.encode({ rule: 'a', events: '' });
    const second = c.encode({ rule: 'b', events: '' });
    expect(await first).toEqual({ status: 'superseded' });
    expect(await second).toEqual({ status: 'ok', value: encodeShareHash({ rule: 'b', events: '' }) });
    c.dispose();
  });

  test('a request past its limit replaces the worker and fails; the next one works', async () => {
    const made = { n: 0 };
    const c = new ShareCodecClient({
      createWorker: fakeWorker({ made, hang: (m) => (m as { hash?: string }).hash === '#v1.hang' }),
      timeoutMs: 50,
    });
    expect(await c.decode('#v1.hang')).toEqual({ status: 'failed', message: 'it took longer than 1 s' });
    expect(await c.decode(encodeShareHash({ rule: 'r', events: '' }))).toMatchObject({ status: 'ok' });
    expect(made.n).toBe(2);
    c.dispose();
  });
});
