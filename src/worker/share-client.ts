/**
 * The page's side of the share codec worker: `decode` and `encode` answer with a promise; a
 * request that takes longer than its limit replaces the worker (so a runaway decode is stopped,
 * not waited for) and answers with a failure. Encodes are latest-wins: an encode still queued
 * when a newer one arrives answers `superseded`, so the length meter follows typing.
 */
import type { DecodeResult, SharePayload } from '../share';
import type { WorkerLike } from './client';
import type { ShareResponse } from './share-codec';

export type CodecOutcome<T> =
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'superseded' }
  | { readonly status: 'failed'; readonly message: string };

interface Pending {
  readonly resolve: (r: ShareResponse | undefined, message?: string) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

export interface ShareCodecOptions {
  readonly createWorker: () => WorkerLike;
  /** Longest a decode or an encode may take. */
  readonly timeoutMs?: number;
}

export class ShareCodecClient {
  private worker: WorkerLike | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private latestEncode = 0;

  constructor(private readonly options: ShareCodecOptions) {}

  decode(hash: string): Promise<CodecOutcome<DecodeResult>> {
    return this.send({ type: 'decode', hash }).then((r) =>
      r.status === 'ok' && r.value.type === 'decoded' ? { status: 'ok', value: r.value.result } : fail(r),
    );
  }

  /** The link fragment for this state (`#v1.…`). */
  encode(payload: SharePayload): Promise<CodecOutcome<string>> {
    const id = this.nextId;
    this.latestEncode = id;
    return this.send({ type: 'encode', payload }).then((r) => {
      if (r.status === 'ok' && r.value.type === 'encoded')
        return id === this.latestEncode ? { status: 'ok', value: r.value.hash } : { status: 'superseded' };
      return fail(r);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const [, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve(undefined, 'the page closed the link worker');
    }
    this.pending.clear();
  }

  private spawn(): WorkerLike {
    const w = this.options.createWorker();
    w.onmessage = (ev: MessageEvent) => {
      const data = ev.data as ShareResponse;
      const p = this.pending.get(data.id);
      if (!p) return;
      this.pending.delete(data.id);
      clearTimeout(p.timer);
      p.resolve(data);
    };
    w.onerror = (ev: ErrorEvent) => this.restart(`the link worker failed: ${ev.message || 'unknown error'}`);
    return w;
  }

  /** Replace the worker; everything it still had to answer fails with `message`. */
  private restart(message: string): void {
    this.worker?.terminate();
    this.worker = undefined;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) {
      clearTimeout(p.timer);
      p.resolve(undefined, message);
    }
  }

  private send(body: { type: 'decode'; hash: string } | { type: 'encode'; payload: SharePayload }) {
    const id = this.nextId++;
    this.worker ??= this.spawn();
    const ms = this.options.timeoutMs ?? 15_000;
    return new Promise<CodecOutcome<ShareResponse>>((resolve) => {
      const timer = setTimeout(() => this.restart(`it took longer than ${Math.max(1, Math.round(ms / 1000))} s`), ms);
      this.pending.set(id, {
        timer,
        resolve: (r, message) => {
          if (!r) resolve({ status: 'failed', message: message ?? 'no answer' });
          else if (r.type === 'failure') resolve({ status: 'failed', message: r.message });
          else resolve({ status: 'ok', value: r });
        },
      });
      this.worker!.postMessage({ ...body, id });
    });
  }
}

function fail(r: CodecOutcome<ShareResponse>): CodecOutcome<never> {
  return r.status === 'failed' ? r : { status: 'failed', message: 'unexpected answer' };
}

export function createShareWorker(): WorkerLike {
  return new Worker(new URL('./share.worker.ts', import.meta.url), { type: 'module', name: 'eql-share-codec' });
}
