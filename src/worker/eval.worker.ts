/// <reference lib="webworker" />
/**
 * The evaluation worker: parses events, evaluates the rule with the core, and answers the UI.
 * Caches the parsed events and the field list between requests with the same events text.
 */
import { evaluate, traceEvent } from '../core';
import type { EventDoc } from '../core';
import { baseFields } from '../core/schema/schema';
import { inferFields } from '../core/schema/infer';
import { KEYWORDS } from '../core/ast/keywords';
import { functionNames, lookupFunction } from '../core/runtime/functions/registry';
import { parseEvents, type ParseEventsResult } from '../formats/events';
import { importRule } from './rule-import';
import type { EvaluateInput, EventView, FieldView, LanguageInfo, WorkerRequest, WorkerResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let cache: { key: string; parsed: ParseEventsResult; fields?: FieldView[] } | undefined;

function loadEvents(input: EvaluateInput): { key: string; parsed: ParseEventsResult; fields?: FieldView[] } {
  const key = `${input.idField ?? ''}\u0000${input.events}`;
  if (cache && cache.key === key) return cache;
  cache = { key, parsed: parseEvents(input.events, input.idField ? { idField: input.idField } : {}) };
  return cache;
}

function fieldsSeen(events: readonly EventDoc[]): FieldView[] {
  try {
    return inferFields(events).fields.map((f) => ({ name: f.name, type: f.type }));
  } catch {
    return [];
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

function languageInfo(): LanguageInfo {
  const { fields } = baseFields();
  return {
    keywords: [...KEYWORDS],
    functions: functionNames().flatMap((n) => {
      const f = lookupFunction(n);
      return f ? [{ name: f.name, signature: f.signature, doc: f.doc, nulls: f.nulls, caseAware: f.caseAware }] : [];
    }),
    fields: [...fields.values()].map((f) => ({
      name: f.name,
      type: f.type,
      ...(f.description ? { description: f.description } : {}),
    })),
  };
}

function handle(msg: WorkerRequest): WorkerResponse {
  switch (msg.type) {
    case 'language':
      return { type: 'language', id: msg.id, info: languageInfo() };
    case 'evaluate': {
      const t0 = performance.now();
      const loaded = loadEvents(msg.input);
      const result = evaluate({
        rule: msg.input.rule,
        events: loaded.parsed.events,
        settings: msg.input.settings,
        ...(msg.input.mapping.trim() ? { mapping: msg.input.mapping } : {}),
      });
      let extra = {};
      if (msg.wantEvents) {
        loaded.fields ??= fieldsSeen(loaded.parsed.events);
        extra = { events: loaded.parsed.events.map(view), fieldsSeen: loaded.fields };
      }
      return {
        type: 'evaluate',
        id: msg.id,
        result,
        eventDiagnostics: loaded.parsed.diagnostics,
        ...extra,
        ms: performance.now() - t0,
      };
    }
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
    default: {
      const never: never = msg;
      return never;
    }
  }
}

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  let reply: WorkerResponse;
  try {
    reply = handle(msg);
  } catch (e) {
    reply = { type: 'failure', id: msg.id, message: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(reply);
};
