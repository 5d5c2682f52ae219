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
  DatasetResponse,
  EvaluateInput,
  EvaluateResponse,
  ExceptionItem,
  ExceptionsRequestInput,
  ExceptionsResponseMessage,
  ExceptionsText,
  LanguageResponse,
  PreviewExceptionInput,
  ParseRuleResponse,
  ProposeInput,
  RuleExportFormat,
  RuleMetadataView,
  RuleSettingsView,
  RunInput,
  TraceResponse,
  TuningRequest,
  TuningResponseMessage,
  WorkspaceView,
  WorkerRequest,
  WorkerRequestBody,
  WorkerResponse,
} from './protocol';

type Reply<T extends DatasetResponse['type']> = Extract<DatasetResponse, { type: T }>;
type TuningReply<T extends TuningResponseMessage['type']> = Extract<TuningResponseMessage, { type: T }>;
type ExceptionsReply<T extends ExceptionsResponseMessage['type']> = Extract<ExceptionsResponseMessage, { type: T }>;
export type LoadedResponse = Reply<'loaded'>;
export type ProgressMessage = Reply<'progress'>;

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
  /** Hard limit for an evaluation of the held events (`run`, default 10 s); loads have none. */
  readonly runTimeoutMs?: number;
  readonly now?: () => number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

type Kind = WorkerRequest['type'];

interface Entry {
  readonly kind: Kind;
  /** Requests with the same key replace each other while queued (latest wins). */
  readonly key: string;
  readonly body: WorkerRequestBody;
  readonly resolve: (o: Outcome<WorkerResponse>) => void;
  readonly onProgress?: (p: ProgressMessage) => void;
  id?: number;
  startedAt?: number;
  timer?: unknown;
}

/** Order in which queued kinds are served (a load before the edits and runs that follow it). */
const SERVE_ORDER: readonly Kind[] = [
  'language',
  'parseRule',
  'loadText',
  'loadFile',
  'editEvent',
  'labels',
  'run',
  'rows',
  'sequences',
  'search',
  'exportEvents',
  'traceAt',
  'evaluate',
  'trace',
  'fieldValues',
  'propose',
  'exportRule',
  'readWorkspace',
  'writeWorkspace',
  'exceptionWarnings',
  'previewException',
  'exportExceptions',
  'exportBulk',
  'compare',
];
const RANK = new Map(SERVE_ORDER.map((k, i) => [k, i]));

/** Kinds that a newer request of the same kind may cancel while they run (they hold no state). */
const PREEMPTIBLE: ReadonlySet<Kind> = new Set(['evaluate', 'trace']);

function queueKey(body: WorkerRequestBody): string {
  if (body.type === 'loadText' || body.type === 'loadFile') return 'load';
  if (body.type === 'editEvent') return `editEvent:${body.position}`;
  return body.type;
}

/** The fields a load reads the events with: the core's ids (`idField`) and the shown ids (`labelField`). */
export interface LoadFields {
  readonly idField?: string | undefined;
  readonly labelField?: string | undefined;
}

function loadFields(f: LoadFields): { idField?: string; labelField?: string } {
  return {
    ...(f.idField ? { idField: f.idField } : {}),
    ...(f.labelField !== undefined ? { labelField: f.labelField } : {}),
  };
}

/** What a fresh worker needs to hold the same events: the last load and the edits since. */
interface Replay {
  readonly load: WorkerRequestBody;
  readonly edits: WorkerRequestBody[];
}

export class EvalClient {
  private worker: WorkerLike | undefined;
  private running: Entry | undefined;
  private readonly queued = new Map<string, Entry>();
  private replay: Replay | undefined;
  private nextId = 1;
  private disposed = false;
  /** How many workers were started (for diagnostics and tests). */
  spawned = 0;

  private readonly timeoutMs: number;
  private readonly preemptMs: number;
  private readonly runTimeoutMs: number;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: ClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.preemptMs = options.preemptMs ?? 400;
    this.runTimeoutMs = options.runTimeoutMs ?? 10_000;
    this.now = options.now ?? (() => Date.now());
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  evaluate(input: EvaluateInput, wantEvents: boolean, tuning?: TuningRequest): Promise<Outcome<EvaluateResponse>> {
    return this.request({ type: 'evaluate', input, wantEvents, ...(tuning ? { tuning } : {}) }) as Promise<
      Outcome<EvaluateResponse>
    >;
  }

  /* ───── tuning ───── */

  /** Exclusions for a field (or two) of an alerting event, each verified and with its impact. */
  propose(input: EvaluateInput, propose: ProposeInput): Promise<Outcome<TuningReply<'propose'>>> {
    return this.request({ type: 'propose', input, propose }) as Promise<Outcome<TuningReply<'propose'>>>;
  }

  /** A field's values in the last evaluated events, most frequent first. */
  fieldValues(field: string, limit?: number): Promise<Outcome<TuningReply<'fieldValues'>>> {
    return this.request({ type: 'fieldValues', field, ...(limit !== undefined ? { limit } : {}) }) as Promise<
      Outcome<TuningReply<'fieldValues'>>
    >;
  }

  /** The rule as a detection-rules TOML file or a Kibana rule export. */
  exportRule(
    format: RuleExportFormat,
    query: string,
    metadata: RuleMetadataView,
    settings: RuleSettingsView,
  ): Promise<Outcome<TuningReply<'exportRule'>>> {
    return this.request({ type: 'exportRule', format, query, metadata, settings }) as Promise<
      Outcome<TuningReply<'exportRule'>>
    >;
  }

  readWorkspace(text: string): Promise<Outcome<TuningReply<'readWorkspace'>>> {
    return this.request({ type: 'readWorkspace', text }) as Promise<Outcome<TuningReply<'readWorkspace'>>>;
  }

  writeWorkspace(workspace: WorkspaceView): Promise<Outcome<TuningReply<'writeWorkspace'>>> {
    return this.request({ type: 'writeWorkspace', workspace }) as Promise<Outcome<TuningReply<'writeWorkspace'>>>;
  }

  /* ───── rule exceptions ───── */

  /** The impact of a proposed item (events it newly removes), its warnings, and the text with it added. */
  previewException(
    input: ExceptionsRequestInput,
    preview: PreviewExceptionInput,
  ): Promise<Outcome<ExceptionsReply<'previewException'>>> {
    return this.request({ type: 'previewException', input, preview }) as Promise<
      Outcome<ExceptionsReply<'previewException'>>
    >;
  }

  /** Where an item means something else than the query clause it was copied from. */
  exceptionWarnings(
    input: ExceptionsRequestInput,
    item: ExceptionItem,
  ): Promise<Outcome<ExceptionsReply<'exceptionWarnings'>>> {
    return this.request({ type: 'exceptionWarnings', input, item }) as Promise<
      Outcome<ExceptionsReply<'exceptionWarnings'>>
    >;
  }

  /** The pane's items as Kibana exception list NDJSON and as create-item API requests. */
  exportExceptions(exceptions: ExceptionsText): Promise<Outcome<ExceptionsReply<'exportExceptions'>>> {
    return this.request({ type: 'exportExceptions', exceptions }) as Promise<
      Outcome<ExceptionsReply<'exportExceptions'>>
    >;
  }

  /** The events for a real cluster (`_bulk`, index template) and the rule's request with the exceptions filter. */
  exportBulk(input: ExceptionsRequestInput, index?: string): Promise<Outcome<ExceptionsReply<'exportBulk'>>> {
    return this.request({ type: 'exportBulk', input, ...(index !== undefined ? { index } : {}) }) as Promise<
      Outcome<ExceptionsReply<'exportBulk'>>
    >;
  }

  /** A cluster's `_eql/search` response against the playground's hits. */
  compare(
    input: ExceptionsRequestInput,
    response: string,
    idField?: string,
  ): Promise<Outcome<ExceptionsReply<'compare'>>> {
    return this.request({ type: 'compare', input, response, ...(idField !== undefined ? { idField } : {}) }) as Promise<
      Outcome<ExceptionsReply<'compare'>>
    >;
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

  /* ───── events held by the worker ───── */

  /**
   * Hold the events of a text (the events editor's, or a large one as a dataset), shown by
   * `fields.labelField` (default `event.id`); `fields.idField` sets the core's ids.
   */
  loadText(
    text: string,
    fields: LoadFields = {},
    asDataset = false,
    onProgress?: (p: ProgressMessage) => void,
  ): Promise<Outcome<LoadedResponse>> {
    return this.request(
      {
        type: 'loadText',
        text,
        ...loadFields(fields),
        ...(asDataset ? { asDataset } : {}),
      },
      onProgress,
    ) as Promise<Outcome<LoadedResponse>>;
  }

  /** Read an events file in the worker, streaming, with progress messages. */
  loadFile(
    file: Blob,
    name: string,
    fields: LoadFields = {},
    onProgress?: (p: ProgressMessage) => void,
  ): Promise<Outcome<LoadedResponse>> {
    return this.request({ type: 'loadFile', file, name, ...loadFields(fields) }, onProgress) as Promise<
      Outcome<LoadedResponse>
    >;
  }

  /** What the held events are shown by under another id field (latest wins). */
  labels(labelField: string): Promise<Outcome<Reply<'labels'>>> {
    return this.request({ type: 'labels', labelField }) as Promise<Outcome<Reply<'labels'>>>;
  }

  /** Evaluate the held events (latest wins while the worker is busy), with the rows of `rows`. */
  run(
    input: RunInput,
    baseline?: RunInput,
    tuning?: TuningRequest,
    rows?: readonly number[],
  ): Promise<Outcome<Reply<'ran'>>> {
    return this.request({
      type: 'run',
      input,
      ...(baseline ? { baseline } : {}),
      ...(tuning ? { tuning } : {}),
      ...(rows && rows.length > 0 ? { rows } : {}),
    }) as Promise<Outcome<Reply<'ran'>>>;
  }

  /** Events, verdicts and reasons of the rows shown, from the last run. */
  rows(positions: readonly number[]): Promise<Outcome<Reply<'rows'>>> {
    return this.request({ type: 'rows', positions }) as Promise<Outcome<Reply<'rows'>>>;
  }

  sequences(from: number, count: number): Promise<Outcome<Reply<'sequences'>>> {
    return this.request({ type: 'sequences', from, count }) as Promise<Outcome<Reply<'sequences'>>>;
  }

  /** Replace one held event with the JSON object in `text`. */
  editEvent(position: number, text: string): Promise<Outcome<Reply<'editEvent'>>> {
    return this.request({ type: 'editEvent', position, text }) as Promise<Outcome<Reply<'editEvent'>>>;
  }

  /** Events whose shown id (under `labelField`) or text contains `query`. */
  search(query: string, labelField?: string): Promise<Outcome<Reply<'search'>>> {
    return this.request({ type: 'search', query, ...(labelField !== undefined ? { labelField } : {}) }) as Promise<
      Outcome<Reply<'search'>>
    >;
  }

  /** The held events as NDJSON. */
  exportEvents(): Promise<Outcome<Reply<'exportEvents'>>> {
    return this.request({ type: 'exportEvents' }) as Promise<Outcome<Reply<'exportEvents'>>>;
  }

  traceAt(input: RunInput, position: number): Promise<Outcome<Reply<'traceAt'>>> {
    return this.request({ type: 'traceAt', input, position }) as Promise<Outcome<Reply<'traceAt'>>>;
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

  private request(
    body: WorkerRequestBody,
    onProgress?: (p: ProgressMessage) => void,
  ): Promise<Outcome<WorkerResponse>> {
    if (this.disposed) return Promise.resolve({ status: 'failed', message: 'the evaluator was shut down' });
    return new Promise((resolve) => {
      const entry: Entry = {
        kind: body.type,
        key: queueKey(body),
        body,
        resolve,
        ...(onProgress ? { onProgress } : {}),
      };
      const older = this.queued.get(entry.key);
      if (older) older.resolve({ status: 'superseded' });
      if (entry.key === 'load') {
        // New events: edits still waiting were for the old ones.
        for (const [k, e] of this.queued)
          if (e.kind === 'editEvent') {
            e.resolve({ status: 'superseded' });
            this.queued.delete(k);
          }
      }
      this.queued.set(entry.key, entry);
      const r = this.running;
      if (r && r.key === entry.key && PREEMPTIBLE.has(r.kind) && this.now() - (r.startedAt ?? 0) >= this.preemptMs) {
        // The running request of this kind is slow and already outdated: kill it.
        this.finish(r, { status: 'superseded' });
        this.killWorker();
      }
      this.pump();
    });
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    let entry: Entry | undefined;
    for (const e of this.queued.values()) if (!entry || RANK.get(e.kind)! < RANK.get(entry.kind)!) entry = e;
    if (!entry) return;
    this.queued.delete(entry.key);
    const id = this.nextId++;
    entry.id = id;
    entry.startedAt = this.now();
    this.running = entry;
    const worker = this.ensureWorker();
    if (entry.kind === 'loadText' || entry.kind === 'loadFile') this.replay = { load: entry.body, edits: [] };
    else if (entry.kind === 'editEvent') this.replay?.edits.push(entry.body);
    const limit = this.timeoutFor(entry.kind);
    const current = entry;
    if (limit !== undefined)
      entry.timer = this.setTimer(() => {
        if (this.running !== current) return;
        this.finish(current, { status: 'timeout', ms: limit });
        this.killWorker();
        this.pump();
      }, limit);
    // If a newer request of this kind arrives before preemptMs, it simply waits its turn;
    // once the running one passes preemptMs, the check in request() and this timer cancel it.
    if (PREEMPTIBLE.has(entry.kind)) {
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

  private timeoutFor(kind: Kind): number | undefined {
    if (kind === 'loadText' || kind === 'loadFile') return undefined;
    return kind === 'run' ? Math.max(this.runTimeoutMs, this.timeoutMs) : this.timeoutMs;
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.options.createWorker();
    this.spawned++;
    // A fresh worker after a cancelled or crashed one: give it the same events first (id 0
    // answers are ignored). The request about to be sent is not replayed twice.
    const replay = this.replay;
    const next = this.running?.body;
    if (replay && next !== replay.load) {
      w.postMessage({ ...replay.load, id: 0 });
      for (const e of replay.edits) if (e !== next) w.postMessage({ ...e, id: 0 });
    }
    w.onmessage = (ev: MessageEvent) => this.onMessage(w, ev.data as unknown);
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

  private onMessage(from: WorkerLike, data: unknown): void {
    if (from !== this.worker) return;
    const r = this.running;
    if (typeof data !== 'object' || data === null) return; // not an answer at all
    const msg = data as Partial<WorkerResponse>;
    if (!r || msg.id !== r.id) return; // a late answer for a cancelled request, or a replay
    if (msg.type === 'progress') {
      r.onProgress?.(msg as Extract<WorkerResponse, { type: 'progress' }>);
      return;
    }
    if (msg.type === 'failure') {
      this.finish(r, { status: 'failed', message: typeof msg.message === 'string' ? msg.message : 'unknown error' });
    } else if (typeof msg.type === 'string') this.finish(r, { status: 'ok', value: msg as WorkerResponse });
    else this.finish(r, { status: 'failed', message: 'the evaluator sent an answer without a type' });
    this.pump();
  }

  private finish(entry: Entry, outcome: Outcome<WorkerResponse>): void {
    if (entry.timer !== undefined) this.clearTimer(entry.timer);
    if (this.running === entry) this.running = undefined;
    // A load that failed leaves no events to restore; never replay it into a fresh worker.
    if (
      (entry.kind === 'loadText' || entry.kind === 'loadFile') &&
      outcome.status !== 'ok' &&
      outcome.status !== 'superseded'
    )
      this.replay = undefined;
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
