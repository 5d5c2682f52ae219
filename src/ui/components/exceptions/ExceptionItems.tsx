import type { ExceptionItemView, ExceptionsView } from '../../../worker/protocol';
import { entryText } from '../../state/exception-draft';
import '../../exceptions.css';
import { withKeys } from '../../state/list-keys';

/** The per-item count, as exclusion clauses show theirs: what it removes, or why it does not apply. */
function ItemCount({ v }: { readonly v: ExceptionItemView }) {
  if (v.status === undefined) return <span className="exc-count muted">not evaluated</span>;
  if (v.status !== 'applied')
    return (
      <span className="exc-count exc-inactive" title={v.reason}>
        {v.status === 'expired' ? 'expired' : 'not applied'}
        {v.reason ? `: ${v.reason}` : ''}
      </span>
    );
  if (!v.removed) return <span className="exc-count exc-unused">removes nothing</span>;
  return (
    <span className="exc-count" title="events this item removes before EQL matching">
      removes {v.removed}
      {v.removedMatching ? ` (${v.removedMatching} the query matches)` : ''}
    </span>
  );
}

function ItemCard({ v, onLine }: { readonly v: ExceptionItemView; readonly onLine: (line: number) => void }) {
  const it = v.item;
  return (
    <li className="exc-item" data-testid="exception-item" data-item-id={it.item_id}>
      <div className="exc-item-head">
        <span className="exc-item-name">{it.name}</span>
        <code className="exc-item-id" title={`list ${it.list_id}`}>
          {it.item_id}
        </code>
        <ItemCount v={v} />
        {v.line !== undefined && (
          <button type="button" className="link-button" onClick={() => onLine(v.line!)} title="Show in the text">
            line {v.line}
          </button>
        )}
      </div>
      <ul className="exc-entries">
        {it.os_types && it.os_types.length > 0 && <li className="exc-entry muted">os: {it.os_types.join(', ')}</li>}
        {withKeys(it.entries, (e) => e.field).map(({ key, item: e }, i) => (
          <li key={key} className="exc-entry">
            {i > 0 && <span className="exc-and">and </span>}
            <code>{entryText(e)}</code>
          </li>
        ))}
        {it.expire_time && <li className="exc-entry muted">expires {it.expire_time}</li>}
      </ul>
    </li>
  );
}

/** Items listed at most (a list of thousands stays quick to draw; all of them are evaluated). */
const MAX_SHOWN = 300;

/** The pane's items with their entries and per-item counts. */
export function ExceptionItems({
  view,
  onLine,
}: {
  readonly view: ExceptionsView | undefined;
  readonly onLine: (line: number) => void;
}) {
  if (!view || view.items.length === 0)
    return (
      <div className="exc-empty muted">
        No exception items. Open or drop a Kibana exception list export (NDJSON), a rule export, an item (JSON) or a
        value list (.txt); or select an event and use “Add rule exception”.
      </div>
    );
  const shown = view.items.slice(0, MAX_SHOWN);
  return (
    <ul className="exc-items">
      {shown.map((v) => (
        <ItemCard key={`${v.index}-${v.item.item_id}`} v={v} onLine={onLine} />
      ))}
      {view.items.length > MAX_SHOWN && (
        <li className="exc-item muted">
          and {view.items.length - MAX_SHOWN} more items (the Text view holds them all; each one applies)
        </li>
      )}
    </ul>
  );
}
