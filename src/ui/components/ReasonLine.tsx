import type { Reason, VerdictKind } from '../../core';
import { abbreviate, collapse, reasonParts, reasonText } from '../state/reason-text';

/** One reason: verb, the clause (exact text, shortened visually), the deciding element and value. */
/**
 * `compact`: show a shortened clause (the detail panel); rows show the exact clause text and let
 * CSS cut it visually.
 */
export function ReasonLine({
  verdict,
  reason,
  compact = false,
}: {
  verdict: VerdictKind;
  reason: Reason;
  compact?: boolean;
}) {
  const p = reasonParts(verdict, reason);
  return (
    <span className={`reason reason-${reason.kind}`} data-testid="reason" title={reasonText(verdict, reason)}>
      <span className="reason-verb">{p.verb} </span>
      <code className="reason-clause">{compact ? abbreviate(collapse(p.clause), 110) : p.clause}</code>
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
