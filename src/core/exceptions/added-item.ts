/**
 * What one more exception item removes, without running the query again. Exceptions are a
 * filter before EQL, so the events a new item newly removes are those it matches that the
 * current items keep: the item is compiled after the current ones exactly as an evaluation with
 * it added compiles it (the same schema, value lists and evaluation time, so the same problems),
 * and only it is tested on the events.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { EventDoc } from '../runtime/event';
import { parseMapping } from '../schema/mapping';
import { buildSchema } from '../schema/schema';
import { compileExceptions } from './compile';
import type { ExceptionInput, ExceptionItem, ExceptionStat } from './types';

export interface AddedItemRequest {
  readonly events: readonly EventDoc[];
  /** Optional Elasticsearch `_mapping` JSON text, as the evaluation takes it. */
  readonly mapping?: string;
  /** The exceptions that apply now (none: the item is the first). */
  readonly exceptions?: ExceptionInput;
  readonly item: ExceptionItem;
  /** The rule run's start for `expire_time`; default: the current exceptions' `at`. */
  readonly at?: number;
}

export interface AddedItemMatch {
  /** Per event position, 1 where the item matches; absent when the item does not apply. */
  readonly matched?: Uint8Array;
  /** The item's status as an evaluation with it added reports it (applied, expired, not applied). */
  readonly stat: ExceptionStat;
  /** The exception and value-list problems an evaluation with the item added reports. */
  readonly diagnostics: readonly Diagnostic[];
}

/** The current exceptions with `item` added last, at `at` (when given). */
export function withAddedItem(
  exceptions: ExceptionInput | undefined,
  item: ExceptionItem,
  at: number | undefined = exceptions?.at,
): ExceptionInput {
  return {
    ...(exceptions ?? {}),
    items: [...(exceptions?.items ?? []), item],
    ...(at !== undefined ? { at } : {}),
  };
}

/** The events `item` matches once added to the current exceptions (see the module comment). */
export function matchAddedItem(request: AddedItemRequest): AddedItemMatch {
  const mapping = request.mapping?.trim() ? parseMapping(request.mapping).fields : undefined;
  const schema = buildSchema({ events: request.events, ...(mapping ? { mappingFields: mapping } : {}) });
  const input = withAddedItem(request.exceptions, request.item, request.at ?? request.exceptions?.at);
  const compiled = compileExceptions(input, schema);
  const index = input.items.length - 1;
  const stat = compiled.stats[index]!;
  const last = compiled.items[compiled.items.length - 1];
  if (!last || last.index !== index) return { stat, diagnostics: compiled.diagnostics };
  const events = request.events;
  const matched = new Uint8Array(events.length);
  const test = last.test;
  for (let i = 0; i < events.length; i++) if (test(events[i]!.doc)) matched[i] = 1;
  return { matched, stat, diagnostics: compiled.diagnostics };
}
