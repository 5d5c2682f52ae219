import type { MatchedEntry, Reason } from '../../../core';
import { formatValue } from '../../state/reason-text';
import '../../exceptions.css';
import { withKeys } from '../../state/list-keys';

function entryWords(e: MatchedEntry): string {
  const not = e.operator === 'excluded';
  const v = Array.isArray(e.value)
    ? e.value.map((x) => `"${x}"`).join(', ')
    : e.value !== undefined
      ? `"${e.value}"`
      : '';
  switch (e.type) {
    case 'match':
      return `${e.field} ${not ? 'is not' : 'is'} ${v}`;
    case 'match_any':
      return `${e.field} ${not ? 'is not one of' : 'is one of'} ${v}`;
    case 'wildcard':
      return `${e.field} ${not ? 'does not match' : 'matches'} ${v}`;
    case 'exists':
      return `${e.field} ${not ? 'does not exist' : 'exists'}`;
    case 'list':
      return `${e.field} ${not ? 'is not in list' : 'is in list'} ${e.list?.id ?? ''}`;
    case 'nested':
      return `${e.field}: one object where`;
  }
}

function Entry({ e }: { readonly e: MatchedEntry }) {
  const missing = e.eventValue === undefined;
  return (
    <li className="exc-matched" data-testid="exception-entry">
      <code>{entryWords(e)}</code>
      {e.type !== 'nested' && (
        <>
          {' '}
          <span className="muted">event:</span>{' '}
          <code className={missing ? 'reason-value reason-missing' : 'reason-value'}>{formatValue(e.eventValue)}</code>
        </>
      )}
      {e.note && <div className="exc-note">{e.note}</div>}
      {e.entries && e.entries.length > 0 && (
        <ul className="exc-matched-list">
          {withKeys(e.entries, (c) => c.field).map(({ key, item: c }) => (
            <Entry key={key} e={c} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** An exception reason in the detail panel: the item (name, item_id, list_id) and every entry that held, with the event's value. */
export function ExceptionReason({ reason }: { readonly reason: Reason }) {
  const ref = reason.exception;
  return (
    <div className="exc-reason" data-testid="exception-reason">
      <span className="reason-verb">excepted by </span>
      <strong className="exc-item-name">{ref?.name ?? reason.clause.text}</strong>
      {ref && (
        <span className="muted">
          {' '}
          · item <code>{ref.item_id}</code> · list <code>{ref.list_id}</code>
        </span>
      )}
      <ul className="exc-matched-list">
        {withKeys(reason.entries ?? [], (e) => e.field).map(({ key, item: e }) => (
          <Entry key={key} e={e} />
        ))}
      </ul>
      {reason.note && <div className="exc-note exc-trap">{reason.note}</div>}
    </div>
  );
}
