/**
 * The worker's exception requests: the impact of a proposed item, its warnings, the exports
 * (exception list NDJSON and API requests, the events for a real cluster with the rule's
 * request) and the comparison with a cluster's `_eql/search` answer. The events are the page's
 * text (an EvaluateInput) or the ones the worker holds (a RunInput); eval.worker.ts hands them in.
 */
import {
  compareHits,
  eqlSearchRequest,
  evaluate,
  exceptionRequestFilter,
  exceptionWarnings,
  explainDifferences,
  resolveSettings,
  type Diagnostic,
  type EvaluationResult,
  type EventDoc,
  type ExceptionInput,
} from '../core';
import { bulkNdjson, devToolsBulk, eventMappings, schemaForEvents } from '../formats/bulk';
import { parseEqlResponse } from '../formats/eql-response';
import { addItem, evaluationMinute, exportExceptions, locateIn, previewException, readExceptions } from './exceptions';
import { problemViews } from './problems';
import type {
  ExceptionsRequestInput,
  ExceptionsRequestMessage,
  ExceptionsResponseMessage,
  ProblemView,
  RunInput,
} from './protocol';

/**
 * The events a request is about (the page's text parsed, or the held ones) and their problems;
 * for the held ones, the session's last evaluation when it was made with these inputs and
 * exceptions.
 */
export type EventsOf = (input: ExceptionsRequestInput) => {
  events: readonly EventDoc[];
  diagnostics: readonly Diagnostic[];
  evaluated?: (exceptions: ExceptionInput | undefined) => EvaluationResult | undefined;
};

/** The exceptions an input carries: structured (`exceptions`) or as the pane's text. */
export function exceptionsOf(input: ExceptionsRequestInput): ExceptionInput | undefined {
  if ('exceptions' in input && input.exceptions) return input.exceptions;
  return input.exceptionsText ? readExceptions(input.exceptionsText).input : undefined;
}

/** A RunInput with the pane's text turned into exceptions (the session evaluates structured ones). */
export function withParsedExceptions(input: RunInput): RunInput {
  if (input.exceptions || !input.exceptionsText) return input;
  const parsed = readExceptions(input.exceptionsText).input;
  return parsed ? { ...input, exceptions: parsed } : input;
}

function evaluateWith(
  input: ExceptionsRequestInput,
  events: readonly EventDoc[],
  exceptions: ExceptionInput | undefined,
) {
  return evaluate({
    rule: input.rule,
    events,
    settings: input.settings,
    ...(input.mapping.trim() ? { mapping: input.mapping } : {}),
    ...(exceptions ? { exceptions } : {}),
  });
}

/** The last evaluation a preview of the page's events text made: the dialog's next previews reuse it. */
let lastBefore: { key: string; events: readonly EventDoc[]; result: EvaluationResult } | undefined;

/** The evaluation with the current exceptions: the session's, the one kept here, or a new one. */
function evaluationBefore(
  input: ExceptionsRequestInput,
  of: ReturnType<EventsOf>,
  exceptions: ExceptionInput | undefined,
): EvaluationResult {
  const held = of.evaluated?.(exceptions);
  if (held) return held;
  const key = `${input.rule}\u0000${input.mapping}\u0000${JSON.stringify(input.settings)}\u0000${JSON.stringify(exceptions ?? null)}`;
  if (lastBefore?.key === key && lastBefore.events === of.events) return lastBefore.result;
  const result = evaluateWith(input, of.events, exceptions);
  lastBefore = { key, events: of.events, result };
  return result;
}

/** The rule run's start an item's `expire_time` is read against: the pane's, else this minute. */
function runStart(input: ExceptionsRequestInput, exceptions: ExceptionInput | undefined): number {
  return exceptions?.at ?? input.exceptionsText?.at ?? evaluationMinute(Date.now());
}

function preview(msg: Extract<ExceptionsRequestMessage, { type: 'previewException' }>, eventsOf: EventsOf) {
  const input = msg.input;
  const of = eventsOf(input);
  const current = exceptionsOf(input);
  const ctx = {
    events: of.events,
    rule: input.rule,
    mapping: input.mapping,
    before: evaluationBefore(input, of, current),
    at: runStart(input, current),
  };
  const out = previewException(ctx, current, msg.preview.item, msg.preview);
  return { ...out, text: addItem(input.exceptionsText?.text ?? '', msg.preview.item) };
}

const INDEX_NAME = /^[a-z0-9][a-z0-9._+-]*$/;

function exportBulk(input: ExceptionsRequestInput, events: readonly EventDoc[], index: string) {
  if (!INDEX_NAME.test(index) || index.length > 255)
    throw new Error(
      `the index name must be lower case (letters, digits and . _ + -, starting with a letter or digit): ${index.slice(0, 80)}`,
    );
  const { schema, diagnostics } = schemaForEvents(events, input.mapping);
  const exceptions = exceptionsOf(input);
  const template = { index_patterns: [index], priority: 500, template: { mappings: eventMappings(events, schema) } };
  const filter = exceptions ? exceptionRequestFilter(exceptions) : undefined;
  return {
    bulk: {
      devTools: devToolsBulk(events, schema, index),
      ndjson: bulkNdjson(events, index),
      template: `${JSON.stringify(template, null, 2)}\n`,
      request: eqlSearchRequest(input.rule, resolveSettings(input.settings), [index], filter),
    },
    diagnostics,
  };
}

function compare(
  input: ExceptionsRequestInput,
  events: readonly EventDoc[],
  response: string,
  idField: string | undefined,
): { comparison?: ReturnType<typeof comparisonView>; problems: ProblemView[] } {
  const parsed = parseEqlResponse(response);
  const problems = locateIn(parsed.diagnostics, () => response);
  if (!parsed.hits) return { problems };
  const result = evaluateWith(input, events, exceptionsOf(input));
  if (!result.ok || !result.hits) {
    const text = { rule: input.rule, events: '', mapping: input.mapping, settings: input.settings };
    return { problems: [...problems, ...problemViews(text, result.diagnostics)] };
  }
  return { comparison: comparisonView(result, parsed.hits, idField, input), problems };
}

function comparisonView(
  result: EvaluationResult,
  hits: NonNullable<ReturnType<typeof parseEqlResponse>['hits']>,
  idField: string | undefined,
  input: ExceptionsRequestInput,
) {
  const c = compareHits(result.hits!, hits, idField);
  const differences = explainDifferences(c, result, resolveSettings(input.settings).size);
  return { agrees: c.agrees, kind: c.kind, ours: c.ours, theirs: c.theirs, notes: c.notes, differences };
}

/** Answer one exception request. Throws on an unusable request (the worker answers `failure`). */
export function handleExceptions(msg: ExceptionsRequestMessage, eventsOf: EventsOf): ExceptionsResponseMessage {
  switch (msg.type) {
    case 'previewException':
      return { type: 'previewException', id: msg.id, preview: preview(msg, eventsOf) };
    case 'exceptionWarnings': {
      const { events } = eventsOf(msg.input);
      const warnings = exceptionWarnings({ item: msg.item, rule: msg.input.rule, events, mapping: msg.input.mapping });
      return { type: 'exceptionWarnings', id: msg.id, warnings };
    }
    case 'exportExceptions':
      return { type: 'exportExceptions', id: msg.id, ...exportExceptions(msg.exceptions) };
    case 'exportBulk': {
      const { events } = eventsOf(msg.input);
      const { bulk, diagnostics } = exportBulk(msg.input, events, msg.index ?? 'eql-playground-events');
      const text = { rule: '', events: '', mapping: msg.input.mapping, settings: {} };
      return { type: 'exportBulk', id: msg.id, bulk, problems: problemViews(text, diagnostics) };
    }
    case 'compare': {
      const { events } = eventsOf(msg.input);
      return { type: 'compare', id: msg.id, ...compare(msg.input, events, msg.response, msg.idField) };
    }
  }
}
