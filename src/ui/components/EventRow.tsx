import { memo } from 'react';
import type { Verdict } from '../../core';
import type { EventView } from '../../worker/protocol';
import { ReasonLine } from './ReasonLine';
import { RowShell } from './RowShell';

const VERDICT_LABEL: Record<Verdict['verdict'], string> = {
  alert: 'alert',
  suppressed: 'suppressed',
  'no-match': 'no match',
  error: 'error',
  excepted: 'excepted',
};

export interface EventRowProps {
  readonly verdict: Verdict;
  readonly event: EventView | undefined;
  readonly selected: boolean;
  /** The row's reasons are still being fetched. */
  readonly pending?: boolean;
  readonly keyFields: readonly string[];
  readonly timestampField: string;
  readonly onSelect: (id: string) => void;
}

/** One event of an event query: its verdict and every reason for it. */
export const EventRow = memo(function EventRow({ verdict, pending, ...row }: EventRowProps) {
  return (
    <RowShell {...row} id={verdict.id} verdict={verdict.verdict} badge={{ text: VERDICT_LABEL[verdict.verdict] }}>
      {pending ? (
        <span className="reason-none">…</span>
      ) : verdict.reasons.length === 0 ? (
        <span className="reason-none">
          {verdict.verdict === 'alert' ? 'base condition holds, no exclusion fired' : 'no reason recorded'}
        </span>
      ) : (
        verdict.reasons.map((r, i) => (
          <span key={i} className="reason-wrap">
            {i > 0 && <span className="reason-and"> · also </span>}
            <ReasonLine verdict={verdict.verdict} reason={r} />
          </span>
        ))
      )}
    </RowShell>
  );
});
