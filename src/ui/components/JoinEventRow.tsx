import { memo } from 'react';
import type { CandidateOutcome, JoinStageInfo } from '../../core';
import type { EventView } from '../../worker/protocol';
import { rowLine, stageLabel, type JoinRow } from '../state/join-view';
import { rowAttributes, type RowTuning } from '../state/tuning';
import { RowTuningChips } from './tuning/RowTuningMarks';
import { ReasonLine } from './ReasonLine';
import { RowShell } from './RowShell';

export const OUTCOME_LABEL: Record<CandidateOutcome, string> = {
  returned: 'returned',
  'outside-size': 'outside size',
  overwritten: 'overwritten',
  maxspan: 'maxspan exceeded',
  until: 'killed by until',
  'missing-event': 'missing event found',
  incomplete: 'incomplete',
};

export interface JoinEventRowProps {
  readonly row: JoinRow;
  readonly kind: 'sequence' | 'sample';
  readonly stages: readonly JoinStageInfo[];
  readonly event: EventView | undefined;
  readonly selected: boolean;
  /** Part of the selected sequence. */
  readonly inSelectedSequence: boolean;
  readonly keyFields: readonly string[];
  readonly timestampField: string;
  /** Changed since the baseline (part of a sequence now, or no longer), its expectation. */
  readonly tuning?: RowTuning;
  /** What the row calls the event (see RowShell). */
  readonly label?: string | undefined;
}

function StageChips({ row, stages }: { readonly row: JoinRow; readonly stages: readonly JoinStageInfo[] }) {
  const byStage = new Map((row.explanation?.stages ?? []).map((s) => [`${s.role}:${s.stage}`, s]));
  return (
    <span className="stage-chips">
      {stages.map((st) => {
        const ok = byStage.get(`${st.role}:${st.stage}`)?.matched === true;
        const label = stageLabel(st);
        return (
          <span
            key={`${st.role}:${st.stage}`}
            className={`stage-chip ${ok ? 'ok' : 'no'} role-${st.role}`}
            data-testid="stage-chip"
            data-stage={label}
            data-matched={ok ? 'true' : 'false'}
            title={`${label} ${st.text.text}: ${ok ? 'filter holds' : 'filter fails'}`}
          >
            {label}
            {ok ? '✓' : '✗'}
          </span>
        );
      })}
    </span>
  );
}

function RowWhy({ row }: { readonly row: JoinRow }) {
  const line = rowLine(row);
  switch (line.kind) {
    case 'candidate':
      return (
        <span
          className={`candidate-line outcome-${line.note.outcome}`}
          data-testid="candidate-line"
          title={line.note.message}
        >
          <span className={`cand-badge cand-${line.note.outcome}`}>{OUTCOME_LABEL[line.note.outcome]}</span>{' '}
          {line.note.message}
        </span>
      );
    case 'stage-note':
      return (
        <span className="candidate-line" title={line.stage.note}>
          <span className="cand-badge cand-note">{stageLabel(line.stage)}</span> {line.stage.note}
        </span>
      );
    case 'reason':
      return (
        <span className="reason-wrap">
          <span className="cand-badge cand-note">{stageLabel(line.stage)}</span>
          <ReasonLine verdict="no-match" reason={line.reason} />
        </span>
      );
    case 'text':
      return <span className="reason-none">{line.text}</span>;
  }
}

/** One event of a sequence or sample query: where it ended up, which stages it matched, and why. */
export const JoinEventRow = memo(function JoinEventRow({
  row,
  kind,
  stages,
  inSelectedSequence,
  tuning,
  ...rest
}: JoinEventRowProps) {
  const noun = kind === 'sample' ? 'sample' : 'sequence';
  const badge = row.sequences.length > 0 ? `in ${row.sequences.map((i) => `#${i + 1}`).join(' ')}` : `no ${noun}`;
  return (
    <RowShell
      {...rest}
      id={row.id}
      position={row.position}
      verdict={row.verdict}
      kindClass="join-row"
      {...(inSelectedSequence ? { stateClass: 'in-selected-sequence' } : {})}
      sequences={row.sequences.map((i) => i + 1).join(' ')}
      badge={{
        text: badge,
        title: row.verdict === 'alert' ? `part of returned ${noun}(s)` : `not part of any returned ${noun}`,
      }}
      chips={
        <>
          <StageChips row={row} stages={stages} />
          {tuning && <RowTuningChips tuning={tuning} />}
        </>
      }
      {...(tuning ? { attributes: rowAttributes(tuning) } : {})}
    >
      <RowWhy row={row} />
    </RowShell>
  );
});
