import { useMemo } from 'react';
import type { EventView } from '../../../worker/protocol';
import { useSelect, useStore } from '../../hooks/use-store';
import type { Playground } from '../../playground';
import { useRuleFields } from '../../hooks/use-rule-fields';

/** The rule's fields worth an entry: not the category, the `event.*` bookkeeping or the timestamp. */
function useEntryFields(pg: Playground): readonly string[] {
  const fields = useRuleFields(pg, 40);
  const { eventCategoryField, timestampField } = useSelect(pg.documents.state, (s) => s.doc.settings);
  return useMemo(
    () => fields.filter((f) => f !== eventCategoryField && f !== timestampField && !f.startsWith('event.')),
    [fields, eventCategoryField, timestampField],
  );
}

/** "Add rule exception" in the event's detail: opens the dialog pre-filled from the event's fields. */
export function AddExceptionButton({ pg, event }: { readonly pg: Playground; readonly event: EventView | undefined }) {
  const fields = useEntryFields(pg);
  const view = useStore(pg.evaluation.results).exceptions;
  const hasText = useSelect(pg.documents.state, (s) => s.doc.exceptions !== undefined);
  if (!event) return null;
  const start = () => {
    const items = hasText ? (view?.items ?? []) : [];
    const lists = [
      ...new Set([...(hasText ? (view?.lists ?? []).map((l) => l.list_id) : []), ...items.map((i) => i.item.list_id)]),
    ];
    pg.exceptions.startAdd(event, fields, lists, new Set(items.map((i) => i.item.item_id)));
  };
  return (
    <button
      type="button"
      data-testid="add-exception-button"
      title="Write a Kibana rule exception from this event's field values, with a preview of what it removes"
      onClick={start}
    >
      Add rule exception
    </button>
  );
}
