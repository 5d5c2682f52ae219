/**
 * Event order for sequences: timestamp (epoch milliseconds, parsed with the mapping's date
 * format when there is one), then the tiebreaker field (events without one after events with
 * one), then input order, which is the playground's last tiebreaker (Elasticsearch leaves
 * fully tied events in no guaranteed order).
 */
import type { Settings } from '../api-types';
import { fieldPath } from '../compile/field';
import type { OrderKey } from '../hits';
import type { EventDoc } from '../runtime/event';
import { compileFieldAccessor } from '../runtime/field-access';
import type { Schema } from '../schema/types';
import { parseDateWithFormat } from '../runtime/dates';

export { compareOrder } from '../hits';

const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

/** The ordering key of an event, or undefined when it has no usable timestamp. */
export function sequenceOrderKeys(settings: Settings, schema: Schema): (e: EventDoc) => OrderKey | undefined {
  const tsInfo = schema.get(settings.timestampField);
  const tsAccess = compileFieldAccessor(fieldPath(tsInfo?.aliasOf ?? tsInfo?.name ?? settings.timestampField));
  const format = tsInfo?.format;
  const tbName = settings.tiebreakerField;
  const tbInfo = tbName ? schema.get(tbName) : undefined;
  const tbAccess = tbName ? compileFieldAccessor(fieldPath(tbInfo?.aliasOf ?? tbInfo?.name ?? tbName)) : undefined;
  return (e) => {
    const raw = first(tsAccess(e.doc));
    if (raw === undefined || raw === null) return undefined;
    const ts = parseDateWithFormat(raw, format);
    if (Number.isNaN(ts)) return undefined;
    const tb = tbAccess ? first(tbAccess(e.doc)) : undefined;
    return { ts, tiebreaker: tb, position: e.position };
  };
}
