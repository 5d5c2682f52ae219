import type { Range } from '../ast/nodes';

/** One input event, as loaded from a JSON array, NDJSON or an Elasticsearch response. */
export interface EventDoc {
  /** `_id`: the id field if configured, else the hit's or event's `_id`, else the 0-based position. */
  readonly id: string;
  /** The event as given (`_source` for search hits). Shown to users and returned in hits. */
  readonly source: Record<string, unknown>;
  /**
   * The same event with dotted keys expanded into nested objects (`{"a.b":1}` -> `{a:{b:1}}`),
   * so one accessor serves both spellings. Identical to `source` when it had no dotted keys.
   */
  readonly doc: Record<string, unknown>;
  /** 0-based position among the loaded events (the last tiebreaker). */
  readonly position: number;
  /** `_index` of a search hit, if any. */
  readonly index?: string;
  /** Where the event sits in the events text, for highlighting. */
  readonly range?: Range;
}
