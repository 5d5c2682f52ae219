/** Small helpers for the sequence and sample unit tests. */
import { evaluate } from '../../../../src/core/index';
import type { EvaluationResult, Settings } from '../../../../src/core/index';
import type { EventDoc } from '../../../../src/core/runtime/event';
import { expandDottedKeys } from '../../../../src/core/runtime/field-access';

/** Events from sources; `_id` is the `id` field, else the position. */
export function events(sources: readonly Record<string, unknown>[]): EventDoc[] {
  return sources.map((s, i) => ({ id: String(s.id ?? i), source: s, doc: expandDottedKeys(s), position: i }));
}

export function run(
  rule: string,
  sources: readonly Record<string, unknown>[],
  settings: Partial<Settings> = {},
  mapping?: string,
  explain = true,
): EvaluationResult {
  return evaluate({
    rule,
    events: events(sources),
    settings: { size: 100, ...settings },
    ...(mapping ? { mapping } : {}),
    explain,
  });
}

/** The returned sequences as id lists ("-" for a missing-event placeholder). */
export function ids(r: EvaluationResult): string[][] {
  if (!r.ok) throw new Error(`query failed: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return (r.hits?.sequences ?? []).map((s) => s.events.map((e) => ('missing' in e && e.missing ? '-' : e._id)));
}

export function keys(r: EvaluationResult): unknown[][] {
  return (r.hits?.sequences ?? []).map((s) => [...(s.join_keys ?? [])]);
}

/** An event of category `cat` at epoch-ms `t` with extra fields. */
export const e = (id: number, cat: string, t: number | string, extra: Record<string, unknown> = {}) => ({
  id,
  '@timestamp': t,
  event: { category: cat },
  ...extra,
});

/** The candidate notes of one event. */
export function notesOf(r: EvaluationResult, id: string) {
  return r.join!.events.find((x) => x.id === id)!.candidates;
}
