import { memo } from 'react';
import type { Verdict } from '../../core';
import type { EventView } from '../../worker/protocol';
import type { RowTuning } from '../state/tuning';
import { rowAttributes } from '../state/tuning';
import { withKeys } from '../state/list-keys';
import { reasonKey } from '../state/reason-text';
import { ReasonLine } from './ReasonLine';
import { RowShell } from './RowShell';
import { RowTuningChips, rowTuningLine } from './tuning/RowTuningMarks';

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
  /** What the row calls the event (see RowShell). */
  readonly label?: string | undefined;
  /** What tuning says about the row: changed since the baseline, its expectation. */
  readonly tuning?: RowTuning;
  /** Expect the row's current verdict. */
  readonly onExpect?: (id: string, verdict: Verdict['verdict']) => void;
}

/** One event of an event query: its verdict and every reason for it. */
export const EventRow = memo(function EventRow({ verdict, pending, tuning, onExpect, ...row }: EventRowProps) {
  const line = tuning ? rowTuningLine(tuning) : undefined;
  return (
    <RowShell
      {...row}
      id={verdict.id}
      position={verdict.position}
      verdict={verdict.verdict}
      badge={{ text: VERDICT_LABEL[verdict.verdict] }}
      {...(tuning
        ? {
            attributes: rowAttributes(tuning),
            chips: (
              <RowTuningChips
                tuning={tuning}
                onExpect={
                  onExpect && verdict.verdict !== 'error' ? () => onExpect(verdict.id, verdict.verdict) : undefined
                }
              />
            ),
          }
        : {})}
      {...(tuning?.result?.met === false
        ? { stateClass: 'expect-unmet' }
        : tuning?.change
          ? { stateClass: 'is-changed' }
          : {})}
    >
      {pending ? (
        <span className="reason-none">…</span>
      ) : line !== undefined ? (
        <span className={`tuning-line${tuning?.result?.met === false ? ' unmet' : ''}`} data-testid="row-tuning-line">
          {line}
        </span>
      ) : verdict.reasons.length === 0 ? (
        <span className="reason-none">
          {verdict.verdict === 'alert' ? 'base condition holds, no exclusion fired' : 'no reason recorded'}
        </span>
      ) : (
        withKeys(verdict.reasons, reasonKey).map(({ key, item: r }, i) => (
          <span key={key} className="reason-wrap">
            {i > 0 && <span className="reason-and"> · also </span>}
            <ReasonLine verdict={verdict.verdict} reason={r} />
          </span>
        ))
      )}
    </RowShell>
  );
});
