/**
 * The UI's handle on the evaluation worker.
 *
 * - One request runs at a time (the worker is single-threaded anyway).
 * - Latest wins per kind: a new `evaluate` replaces a queued one (the replaced promise settles
 *   as `superseded`), and likewise for `trace`.
 * - Cancel by terminate + respawn: a request that runs longer than `preemptMs` while a newer one
 *   of its kind waits, or longer than `timeoutMs` at all, is killed with its worker; a fresh
 *   worker takes the next request. The UI never waits on a runaway evaluation.
 */
import type {
  EvaluateInput,
  EvaluateResponse,
  LanguageResponse,
  ParseRuleResponse,
  TraceResponse,
  WorkerRequest,
  WorkerRequestBody,
  WorkerResponse,
} from './protocol';

/** The part of `Worker` the client uses (a fake one in unit tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type Outcome<T> =
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'superseded' }
  | { readonly status: 'timeout'; readonly ms: number }
  | { readonly status: 'failed'; readonly message: string };

export interface ClientOptions {
  readonly createWorker: () => WorkerLike;
  /** Hard limit for any request (default 5 s). */
  readonly timeoutMs?: number;
  /** A running request older than this is cancelled when a newer one of its kind waits (default 400 ms). */
  readonly preemptMs?: number;
  readonly now?: () => number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

type Kind = WorkerRequest['type'];

interface Entry {
  readonly kind: Kind;
  readonly body: WorkerRequestBody;
  readonly resolve: (o: Outcome<WorkerResponse>) => void;
  id?: number;
  startedAt?: number;
  timer?: unknown;
}

/** Order in which queued kinds are served. */
const SERVE_ORDER: readonly Kind[] = ['language', 'parseRule', 'evaluate', 'trace'];

export class EvalClient {
  private worker: WorkerLike | undefined;
  private running: Entry | undefined;
  private readonly queued = new Map<Kind, Entry>();
  private nextId = 1;
  private disposed = false;
  /** How many workers were started (for diagnostics and tests). */
  spawned = 0;

  private readonly timeoutMs: number;
  private readonly preemptMs: number;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: ClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.preemptMs = options.preemptMs ?? 400;
    this.now = options.now ?? (() => Date.now());
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  evaluate(input: EvaluateInput, wantEvents: boolean): Promise<Outcome<EvaluateResponse>> {
    return this.request({ type: 'evaluate', input, wantEvents }) as Promise<Outcome<EvaluateResponse>>;
  }

  trace(input: EvaluateInput, position: number): Promise<Outcome<TraceResponse>> {
    return this.request({ type: 'trace', input, position }) as Promise<Outcome<TraceResponse>>;
  }

  language(): Promise<Outcome<LanguageResponse>> {
    return this.request({ type: 'language' }) as Promise<Outcome<LanguageResponse>>;
  }

  /** Read a rule file (docs page, detection-rules TOML, Kibana NDJSON, or plain EQL). */
  parseRule(text: string, filename?: string): Promise<Outcome<ParseRuleResponse>> {
    return this.request({ type: 'parseRule', text, ...(filename !== undefined ? { filename } : {}) }) as Promise<
      Outcome<ParseRuleResponse>
    >;
  }

  /** True while a request runs or waits. */
  get busy(): boolean {
    return this.running !== undefined || this.queued.size > 0;
  }

  dispose(): void {
    this.disposed = true;
    for (const e of this.queued.values()) e.resolve({ status: 'superseded' });
    this.queued.clear();
    if (this.running) this.finish(this.running, { status: 'superseded' });
    this.killWorker();
  }

  private request(body: WorkerRequestBody): Promise<Outcome<WorkerResponse>> {
    if (this.disposed) return Promise.resolve({ status: 'failed', message: 'the evaluator was shut down' });
    return new Promise((resolve) => {
      const entry: Entry = { kind: body.type, body, resolve };
      const older = this.queued.get(entry.kind);
      if (older) older.resolve({ status: 'superseded' });
      this.queued.set(entry.kind, entry);
      const r = this.running;
      if (
        r &&
        r.kind === entry.kind &&
        r.kind !== 'language' &&
        r.kind !== 'parseRule' &&
        this.now() - (r.startedAt ?? 0) >= this.preemptMs
      ) {
        // The running request of this kind is slow and already outdated: kill it.
        this.finish(r, { status: 'superseded' });
        this.killWorker();
      }
      this.pump();
    });
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const kind = SERVE_ORDER.find((k) => this.queued.has(k));
    if (!kind) return;
    const entry = this.queued.get(kind)!;
    this.queued.delete(kind);
    const id = this.nextId++;
    entry.id = id;
    entry.startedAt = this.now();
    this.running = entry;
    const worker = this.ensureWorker();
    entry.timer = this.setTimer(() => {
      if (this.running !== entry) return;
      this.finish(entry, { status: 'timeout', ms: this.timeoutMs });
      this.killWorker();
      this.pump();
    }, this.timeoutMs);
    // If a newer request of this kind arrives before preemptMs, it simply waits its turn;
    // once the running one passes preemptMs, the check in request() and this timer cancel it.
    if (entry.kind !== 'language' && entry.kind !== 'parseRule') {
      this.setTimer(() => {
        if (this.running === entry && this.queued.has(entry.kind)) {
          this.finish(entry, { status: 'superseded' });
          this.killWorker();
          this.pump();
        }
      }, this.preemptMs);
    }
    worker.postMessage({ ...entry.body, id } as WorkerRequest);
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.options.createWorker();
    this.spawned++;
    w.onmessage = (ev: MessageEvent) => this.onMessage(w, ev.data as WorkerResponse);
    w.onerror = (ev: ErrorEvent) => {
      if (this.worker !== w) return;
      ev.preventDefault?.();
      const r = this.running;
      this.killWorker();
      if (r) this.finish(r, { status: 'failed', message: `the evaluator crashed: ${ev.message || 'unknown error'}` });
      this.pump();
    };
    this.worker = w;
    return w;
  }

  private onMessage(from: WorkerLike, msg: WorkerResponse): void {
    if (from !== this.worker) return;
    const r = this.running;
    if (!r || msg.id !== r.id) return; // a late answer for a cancelled request
    if (msg.type === 'failure') this.finish(r, { status: 'failed', message: msg.message });
    else this.finish(r, { status: 'ok', value: msg });
    this.pump();
  }

  private finish(entry: Entry, outcome: Outcome<WorkerResponse>): void {
    if (entry.timer !== undefined) this.clearTimer(entry.timer);
    if (this.running === entry) this.running = undefined;
    entry.resolve(outcome);
  }

  private killWorker(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w) {
      w.onmessage = null;
      w.onerror = null;
      w.terminate();
    }
  }
}

/** The real worker, bundled by Vite from eval.worker.ts. */
export function createEvalWorker(): WorkerLike {
  return new Worker(new URL('./eval.worker.ts', import.meta.url), { type: 'module', name: 'eql-evaluator' });
}
