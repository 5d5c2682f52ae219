import { memo } from 'react';
import type { CandidateOutcome, JoinStageInfo } from '../../core';
import { fieldValue } from '../../monaco/field-value';
import type { EventView } from '../../worker/protocol';
import { rowLine, stageLabel, type JoinRow } from '../state/join-view';
import { formatValue } from '../state/reason-text';
import { fieldLabels } from '../state/rule-fields';
import { ROW_HEIGHT } from './EventRow';
import { ReasonLine } from './ReasonLine';

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
  readonly onSelect: (id: string) => void;
}

function shortTime(v: unknown): string {
  if (typeof v !== 'string') return v === undefined ? '' : formatValue(v);
  const m = /T(\d\d:\d\d:\d\d(?:\.\d+)?)/.exec(v);
  return m ? m[1]! : v;
}

/** One event of a sequence or sample query: where it ended up, which stages it matched, and why. */
export const JoinEventRow = memo(function JoinEventRow(p: JoinEventRowProps) {
  const { row, event } = p;
  const ts = event ? fieldValue(event.source, p.timestampField) : undefined;
  const noun = p.kind === 'sample' ? 'sample' : 'sequence';
  const badge = row.sequences.length > 0 ? `in ${row.sequences.map((i) => `#${i + 1}`).join(' ')}` : `no ${noun}`;
  const line = rowLine(row);
  const labels = fieldLabels(p.keyFields);
  const byStage = new Map((row.explanation?.stages ?? []).map((s) => [`${s.role}:${s.stage}`, s]));
  return (
    <div
      className={`event-row join-row verdict-${row.verdict}${p.selected ? ' selected' : ''}${p.inSelectedSequence ? ' in-selected-sequence' : ''}`}
      data-testid="event-row"
      data-verdict={row.verdict}
      data-event-id={row.id}
      data-sequences={row.sequences.map((i) => i + 1).join(' ')}
      role="option"
      aria-selected={p.selected}
      style={{ height: ROW_HEIGHT }}
      onClick={() => p.onSelect(row.id)}
    >
      <div className="row-line">
        <span
          className={`verdict-badge verdict-${row.verdict}`}
          title={row.verdict === 'alert' ? `part of returned ${noun}(s)` : `not part of any returned ${noun}`}
        >
          {badge}
        </span>
        <span className="row-id" title={`event id ${row.id}`}>
          {row.id}
        </span>
        {ts !== undefined && (
          <span className="row-time" title={formatValue(ts)}>
            {shortTime(ts)}
          </span>
        )}
        <span className="stage-chips" aria-label="stages matched">
          {p.stages.map((st) => {
            const v = byStage.get(`${st.role}:${st.stage}`);
            const ok = v?.matched === true;
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
        <span className="row-fields">
          {p.keyFields.map((f, i) => {
            const v = event ? fieldValue(event.source, f) : undefined;
            return (
              <span key={f} className="row-field" title={`${f} = ${formatValue(v)}`}>
                <span className="row-field-name">{labels[i]}</span>
                <span className={v === undefined ? 'row-field-value missing' : 'row-field-value'}>
                  {formatValue(v)}
                </span>
              </span>
            );
          })}
        </span>
      </div>
      <div className="row-reasons">
        {line.kind === 'candidate' ? (
          <span
            className={`candidate-line outcome-${line.note.outcome}`}
            data-testid="candidate-line"
            title={line.note.message}
          >
            <span className={`cand-badge cand-${line.note.outcome}`}>{OUTCOME_LABEL[line.note.outcome]}</span>{' '}
            {line.note.message}
          </span>
        ) : line.kind === 'stage-note' ? (
          <span className="candidate-line" title={line.stage.note}>
            <span className="cand-badge cand-note">{stageLabel(line.stage)}</span> {line.stage.note}
          </span>
        ) : line.kind === 'reason' ? (
          <span className="reason-wrap">
            <span className="cand-badge cand-note">{stageLabel(line.stage)}</span>
            <ReasonLine verdict="no-match" reason={line.reason} />
          </span>
        ) : (
          <span className="reason-none">{line.text}</span>
        )}
      </div>
    </div>
  );
});
