/** Shared inputs for the tuning tests: the default example, and small event sets. */
import { evaluate } from '../../../../src/core/index';
import type { EvaluationResult, Settings } from '../../../../src/core/index';
import type { EventDoc } from '../../../../src/core/runtime/event';
import { expandDottedKeys } from '../../../../src/core/runtime/field-access';
import { defaultExample } from '../../../../src/examples/default-example';
import { parseEvents } from '../../../../src/formats/events';

export const defaultEvents = parseEvents(defaultExample.events, { idField: 'event.id' }).events;
export const defaultRule = defaultExample.query;

/** Events from sources; the id is the `id` field, else the position. */
export function docs(sources: readonly Record<string, unknown>[]): EventDoc[] {
  return sources.map((s, i) => ({ id: String(s.id ?? i), source: s, doc: expandDottedKeys(s), position: i }));
}

export function run(rule: string, events: readonly EventDoc[], settings: Partial<Settings> = {}): EvaluationResult {
  return evaluate({ rule, events, settings: { size: 100, ...settings } });
}

/** The rule with one piece of text removed (it must be there). */
export function without(rule: string, piece: string): string {
  if (!rule.includes(piece)) throw new Error(`not in the rule: ${piece}`);
  return rule.replace(piece, '');
}
