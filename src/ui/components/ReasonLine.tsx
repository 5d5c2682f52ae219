import type { Reason, VerdictKind } from '../../core';
import { reasonParts, reasonText } from '../state/reason-text';

/** One reason: verb, the clause (exact text, shortened visually), the deciding element and value. */
export function ReasonLine({ verdict, reason }: { verdict: VerdictKind; reason: Reason }) {
  const p = reasonParts(verdict, reason);
  return (
    <span className={`reason reason-${reason.kind}`} data-testid="reason" title={reasonText(verdict, reason)}>
      <span className="reason-verb">{p.verb} </span>
      <code className="reason-clause">{p.clause}</code>
      {p.match !== undefined && (
        <>
          <span className="reason-sep"> → </span>
          <code className="reason-match">{p.match}</code>
        </>
      )}
      {p.field !== undefined && (
        <>
          <span className="reason-sep"> = </span>
          <code className={p.value === 'missing' ? 'reason-value reason-missing' : 'reason-value'}>{p.value}</code>
        </>
      )}
      {p.note && <span className="reason-note"> ({p.note})</span>}
    </span>
  );
}
