/// <reference lib="webworker" />
/**
 * The evaluation worker: parses events, evaluates the rule with the core, and answers the UI.
 * Caches the parsed events and the field list between requests with the same events text.
 */
import {
  eqlSearchRequest,
  evaluate,
  exceptionRequestFilter,
  fieldsSeen,
  languageInfo,
  resolveSettings,
  traceEvent,
} from '../core';
import type { EventDoc, FieldView } from '../core';
import { parseEvents, type ParseEventsResult } from '../formats/events';
import { exceptionsOf, handleExceptions, withParsedExceptions, type EventsOf } from './exception-requests';
import { exceptionsView, readExceptions } from './exceptions';
import { problemViews } from './problems';
import { importRule } from './rule-import';
import type {
  DatasetRequest,
  EvaluateInput,
  ExceptionsRequestMessage,
  ExceptionsView,
  EventView,
  ProblemView,
  RunInput,
  TuningRequestMessage,
  WorkerRequest,
  WorkerResponse,
} from './protocol';
import { WorkerSession, textChunks } from './session';
import { BaselineCache, exportRule, propose, readWorkspace, tuningView, valuesOf, writeWorkspace } from './tuning';
import { messageId, requestProblem } from './validate';

declare const self: DedicatedWorkerGlobalScope;

let cache: { key: string; parsed: ParseEventsResult; fields?: FieldView[] } | undefined;

function loadEvents(input: EvaluateInput): { key: string; parsed: ParseEventsResult; fields?: FieldView[] } {
  const key = `${input.idField ?? ''}\u0000${input.events}`;
  if (cache && cache.key === key) return cache;
  cache = { key, parsed: parseEvents(input.events, input.idField ? { idField: input.idField } : {}) };
  return cache;
}

const baselines = new BaselineCache();

/** What the tuning views evaluate against: the loaded events and the mapping. */
function context(input: EvaluateInput, loaded: ReturnType<typeof loadEvents>) {
  return { eventsKey: loaded.key, events: loaded.parsed.events, mapping: input.mapping };
}

function handleTuning(msg: TuningRequestMessage): WorkerResponse {
  switch (msg.type) {
    case 'propose': {
      // The positions are those of the events the page evaluates: the held ones when there are some.
      const held = session.dataset.count > 0 ? session.dataset.events : undefined;
      const ctx = held
        ? { eventsKey: 'held', events: held, mapping: msg.input.mapping }
        : context(msg.input, loadEvents(msg.input));
      const exceptions = exceptionsOf(msg.input);
      const result = propose(
        msg.input.rule,
        msg.input.settings,
        exceptions ? { ...ctx, exceptions } : ctx,
        msg.propose,
      );
      return { type: 'propose', id: msg.id, result };
    }
    case 'fieldValues': {
      // The events the page evaluates are the ones the session holds; the evaluate cache is the older path.
      const events = session.dataset.count > 0 ? session.dataset.events : cache?.parsed.events;
      const values = events ? valuesOf(events, msg.field, msg.limit) : [];
      return { type: 'fieldValues', id: msg.id, field: msg.field, values };
    }
    case 'exportRule':
      return { type: 'exportRule', id: msg.id, text: exportRule(msg.format, msg.query, msg.metadata, msg.settings) };
    case 'readWorkspace':
      return { type: 'readWorkspace', id: msg.id, ...readWorkspace(msg.text) };
    case 'writeWorkspace':
      return { type: 'writeWorkspace', id: msg.id, text: writeWorkspace(msg.workspace) };
  }
}

function view(e: EventDoc): EventView {
  return {
    id: e.id,
    position: e.position,
    source: e.source,
    ...(e.range ? { range: e.range } : {}),
    ...(e.index !== undefined ? { index: e.index } : {}),
  };
}

/** Evaluate the page's events text with the pane's exceptions, and the pane's view of them. */
function evaluateText(msg: Extract<WorkerRequest, { type: 'evaluate' }>): WorkerResponse {
  const t0 = performance.now();
  const loaded = loadEvents(msg.input);
  const exceptionsText = msg.input.exceptionsText;
  const exc = exceptionsText ? readExceptions(exceptionsText, Date.now, { evaluation: true }) : undefined;
  const result = evaluate({
    rule: msg.input.rule,
    events: loaded.parsed.events,
    settings: msg.input.settings,
    ...(msg.input.mapping.trim() ? { mapping: msg.input.mapping } : {}),
    ...(exc?.input ? { exceptions: exc.input } : {}),
  });
  let extra = {};
  if (msg.wantEvents) {
    loaded.fields ??= fieldsSeen(loaded.parsed.events);
    extra = { events: loaded.parsed.events.map(view), fieldsSeen: loaded.fields };
  }
  const tuning = msg.tuning ? tuningView(msg.tuning, result, context(msg.input, loaded), baselines) : undefined;
  const problems = problemViews(msg.input, [...loaded.parsed.diagnostics, ...result.diagnostics]);
  const pane = exc && exceptionsText ? exceptionsView(exceptionsText, exc, result) : undefined;
  return {
    type: 'evaluate',
    id: msg.id,
    result,
    eventDiagnostics: loaded.parsed.diagnostics,
    problems: pane ? withPaneProblems(problems, pane) : problems,
    request: eqlSearchRequest(
      msg.input.rule,
      resolveSettings(msg.input.settings),
      msg.input.indices,
      exc?.input ? exceptionRequestFilter(exc.input) : undefined,
    ),
    ...extra,
    ...(tuning ? { tuning } : {}),
    ...(pane ? { exceptions: pane } : {}),
    ms: performance.now() - t0,
  };
}

function handle(msg: WorkerRequest): WorkerResponse | Promise<WorkerResponse> {
  switch (msg.type) {
    case 'language':
      return { type: 'language', id: msg.id, info: languageInfo() };
    case 'evaluate':
      return evaluateText(msg);
    case 'parseRule':
      return { type: 'parseRule', id: msg.id, rule: importRule(msg.text, msg.filename) };
    case 'trace': {
      const loaded = loadEvents(msg.input);
      const entries = traceEvent(
        {
          rule: msg.input.rule,
          events: loaded.parsed.events,
          settings: msg.input.settings,
          ...(msg.input.mapping.trim() ? { mapping: msg.input.mapping } : {}),
        },
        msg.position,
      );
      return { type: 'trace', id: msg.id, entries };
    }
    case 'propose':
    case 'fieldValues':
    case 'exportRule':
    case 'readWorkspace':
    case 'writeWorkspace':
      return handleTuning(msg);
    case 'previewException':
    case 'exceptionWarnings':
    case 'exportExceptions':
    case 'exportBulk':
    case 'compare':
      return handleExceptions(msg as ExceptionsRequestMessage, eventsOf);
    default:
      return handleDataset(msg);
  }
}

const session = new WorkerSession(() => performance.now());

/** The page's events text (parsed, cached) or, for a RunInput, the events the worker holds. */
const eventsOf: EventsOf = (input) => {
  if ('events' in input && typeof input.events === 'string') {
    const loaded = loadEvents(input);
    return { events: loaded.parsed.events, diagnostics: loaded.parsed.diagnostics };
  }
  const run = input as RunInput;
  return {
    events: session.dataset.events,
    diagnostics: [],
    evaluated: (exceptions) => session.evaluation(exceptions ? { ...run, exceptions } : withoutExceptions(run)),
  };
};

/** A run input that applies no exceptions (the pane holds no item). */
function withoutExceptions(input: RunInput): RunInput {
  const { exceptions: _exceptions, exceptionsText: _text, ...rest } = input;
  return rest;
}

/** The Problems panel's list with the pane's located problems in place of the evaluation's own exception problems. */
function withPaneProblems(problems: readonly ProblemView[], view: ExceptionsView): ProblemView[] {
  return [...problems.filter((d) => d.source !== 'exceptions' && d.source !== 'value-list'), ...view.problems];
}

/** Evaluate the held events with the pane's exceptions, and the pane's view of them. */
function runHeld(msg: Extract<DatasetRequest, { type: 'run' }>): WorkerResponse {
  const text = msg.input.exceptionsText;
  const read = text && !msg.input.exceptions ? readExceptions(text, Date.now, { evaluation: true }) : undefined;
  const input = read?.input ? { ...msg.input, exceptions: read.input } : msg.input;
  const ran = session.run(input, msg.baseline && withParsedExceptions(msg.baseline), msg.rows);
  const last = session.lastResult;
  const events = { eventsKey: `held\u0000${session.dataset.version}`, events: session.dataset.events };
  const tuning =
    msg.tuning && last ? tuningView(msg.tuning, last, { ...events, mapping: msg.input.mapping }, baselines) : undefined;
  const result = tuning ? { ...ran, tuning } : ran;
  if (!text || !read) return { type: 'ran', id: msg.id, result };
  const exceptions = exceptionsView(text, read, last);
  const problems = withPaneProblems(result.problems ?? [], exceptions);
  return { type: 'ran', id: msg.id, result: { ...result, problems, exceptions } };
}

/** A file's text, chunk by chunk, as it is read. */
async function* fileChunks(file: Blob): AsyncGenerator<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield decoder.decode(value, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function handleDataset(msg: DatasetRequest): WorkerResponse | Promise<WorkerResponse> {
  switch (msg.type) {
    case 'loadText':
      if (!msg.asDataset)
        return { type: 'loaded', id: msg.id, info: session.loadText(msg.text, msg.idField, msg.labelField) };
      // A large text is read like a file: in slices, with progress.
      return session
        .loadChunks(
          textChunks(msg.text),
          msg.text.length,
          'events',
          msg.idField,
          (p) => self.postMessage({ type: 'progress', id: msg.id, ...p } satisfies WorkerResponse),
          msg.labelField,
        )
        .then((info) => ({ type: 'loaded', id: msg.id, info }));
    case 'loadFile':
      return session
        .loadChunks(
          fileChunks(msg.file),
          msg.file.size,
          msg.name,
          msg.idField,
          (p) =>
            self.postMessage({ type: 'progress', id: msg.id, ...p, total: msg.file.size } satisfies WorkerResponse),
          msg.labelField,
        )
        .then((info) => ({ type: 'loaded', id: msg.id, info }));
    case 'run':
      return runHeld(msg);
    case 'rows':
      return { type: 'rows', id: msg.id, datasetVersion: session.dataset.version, rows: session.rows(msg.positions) };
    case 'sequences':
      return { type: 'sequences', id: msg.id, sequences: session.sequences(msg.from, msg.count) };
    case 'editEvent':
      return { type: 'editEvent', id: msg.id, ...session.edit(msg.position, msg.text) };
    case 'search':
      return {
        type: 'search',
        id: msg.id,
        datasetVersion: session.dataset.version,
        positions: session.search(msg.query, msg.labelField),
      };
    case 'labels':
      return { type: 'labels', id: msg.id, labelField: msg.labelField, ...session.labels(msg.labelField) };
    case 'exportEvents':
      return { type: 'exportEvents', id: msg.id, text: session.exportEvents() };
    case 'traceAt':
      return { type: 'traceAt', id: msg.id, entries: session.trace(msg.input, msg.position) };
    default: {
      const never: never = msg;
      return never;
    }
  }
}

/** The typed arrays of a reply, moved to the page instead of copied. */
function transferables(reply: WorkerResponse): Transferable[] {
  if (reply.type === 'ran') {
    const r = reply.result;
    return [r.verdicts.buffer, r.groupOf.buffer, r.hitPositions.buffer, ...(r.baseline ? [r.baseline.buffer] : [])];
  }
  if (reply.type === 'search') return [reply.positions.buffer];
  return [];
}

async function answer(msg: unknown): Promise<void> {
  const id = messageId(msg);
  let reply: WorkerResponse;
  try {
    const problem = requestProblem(msg);
    reply = problem
      ? { type: 'failure', id, message: `malformed request: ${problem}` }
      : await handle(msg as WorkerRequest);
  } catch (e) {
    reply = { type: 'failure', id, message: e instanceof Error ? e.message : String(e) };
  }
  try {
    self.postMessage(reply, transferables(reply));
  } catch (e) {
    // The answer cannot be copied to the page (e.g. too deep to clone): say so instead of going silent.
    self.postMessage({
      type: 'failure',
      id,
      message: `the answer could not be sent: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
}

// One message at a time, in order: a file still loading finishes before the next request runs.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (ev: MessageEvent<unknown>) => {
  const msg = ev.data;
  queue = queue.then(() => answer(msg)).catch(() => undefined);
};
