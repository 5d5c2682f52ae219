import {
  evaluate,
  type EvaluationResult,
  type ExceptionEntry,
  type ExceptionItem,
  type ValueList,
} from '../../../../src/core/index';
import { parseEvents } from '../../../../src/formats/events';

export function item(name: string, entries: ExceptionEntry[], extra: Partial<ExceptionItem> = {}): ExceptionItem {
  return { item_id: `${name}-id`, list_id: 'rule-list', name, entries, ...extra };
}

export const match = (field: string, value: string, operator: 'included' | 'excluded' = 'included') => ({
  type: 'match' as const,
  field,
  operator,
  value,
});

export function run(
  rule: string,
  events: readonly Record<string, unknown>[],
  items: readonly ExceptionItem[],
  options: { valueLists?: ValueList[]; at?: number; mapping?: string } = {},
): EvaluationResult {
  const parsed = parseEvents(JSON.stringify(events), { idField: 'id' });
  return evaluate({
    rule,
    events: parsed.events,
    exceptions: {
      items,
      ...(options.valueLists ? { valueLists: options.valueLists } : {}),
      ...(options.at !== undefined ? { at: options.at } : {}),
    },
    ...(options.mapping !== undefined ? { mapping: options.mapping } : {}),
  });
}

/** Ids of the events an evaluation marks excepted. */
export function excepted(r: EvaluationResult): string[] {
  return (r.verdicts ?? []).filter((v) => v.verdict === 'excepted').map((v) => v.id);
}

/** Which of the events one entry (as a one-entry item) removes, under `any where true`. */
export function removedBy(
  entry: ExceptionEntry,
  events: readonly Record<string, unknown>[],
  options: Parameters<typeof run>[3] = {},
): string[] {
  return excepted(run('any where true', events, [item('x', [entry])], options));
}
