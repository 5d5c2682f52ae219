import { type ReactNode, useState } from 'react';
import type { CandidateNote, JoinEventExplanation, JoinStageInfo, StageVerdict } from '../../core';
import type { EventView } from '../../worker/protocol';
import { OUTCOME_LABEL } from '../components/JoinEventRow';
import { ReasonLine } from '../components/ReasonLine';
import {
  formatDuration,
  groupsOfEvent,
  joinKeysText,
  spanText,
  stageLabel,
  type JoinRow,
  type JoinView,
  type SequenceCard,
} from '../state/join-view';
import { withKeys } from '../state/list-keys';
import { abbreviate, collapse, reasonKey } from '../state/reason-text';
import { DetailTabs, type DetailTab } from '../components/DetailTabs';

export interface JoinDetailPanelProps {
  readonly view: JoinView;
  readonly row: JoinRow | undefined;
  readonly event: EventView | undefined;
  readonly sequence: SequenceCard | undefined;
  readonly onSelect: (id: string) => void;
  /** What an event is called (its label), from its id. */
  readonly nameOf?: (id: string) => string;
  /** Tuning for the selected event: its rule test (alert: part of a returned sequence or sample). */
  readonly tuning?: ReactNode;
  /** Controls in the title bar for the selected event (Add rule exception). */
  readonly actions?: ReactNode;
}

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

const nounOf = (view: JoinView) => (view.summary.kind === 'sample' ? 'sample' : 'sequence');

/** The query text of a stage (its filter term). */
function stageTextOf(view: JoinView, s: { role: JoinStageInfo['role']; stage: number }): string {
  return view.join.stages.find((x) => x.role === s.role && x.stage === s.stage)?.text.text ?? '';
}

/** Why an event of a sequence or sample query ended up where it did; or one returned sequence. */
const sameId = (id: string) => id;

export function JoinDetailPanel(p: JoinDetailPanelProps) {
  const { view, row, event, sequence, onSelect, tuning, actions, nameOf = sameId } = p;
  // The tab stays as it was from one selected event to the next.
  const [tab, setTab] = useState<DetailTab>('why');
  if (row)
    return (
      <EventJoinDetail
        view={view}
        row={row}
        event={event}
        tab={tab}
        onTab={setTab}
        tuning={tuning}
        actions={actions}
        name={nameOf(row.id)}
      />
    );
  if (sequence) return <SequenceDetail view={view} sequence={sequence} onSelect={onSelect} nameOf={nameOf} />;
  return (
    <section className="pane detail-pane" data-testid="detail">
      <div className="detail-empty">
        Select a {nounOf(view)} to highlight its events and stage terms, or an event to see which stages it matched and
        what became of its candidates.
      </div>
    </section>
  );
}

/** One returned sequence (or sample): each stage's term, its event and when. */
function SequenceDetail({
  view,
  sequence,
  onSelect,
  nameOf,
}: {
  readonly view: JoinView;
  readonly sequence: SequenceCard;
  readonly onSelect: (id: string) => void;
  readonly nameOf: (id: string) => string;
}) {
  return (
    <section className="pane detail-pane" data-testid="detail">
      <div className="pane-title">
        <span>
          {nounOf(view) === 'sample' ? 'Sample' : 'Sequence'} #{sequence.index + 1} · join keys{' '}
          <code>{joinKeysText(sequence.joinKeys)}</code>
        </span>
        {spanText(sequence) && <span className="pane-hint">{spanText(sequence)}</span>}
      </div>
      <div className="detail-body" data-testid="sequence-detail">
        <table className="seq-table">
          <tbody>
            {sequence.cells.map((c) => (
              <tr key={c.stage}>
                <td className="stage-label">{c.label}</td>
                <td>
                  <code className="stage-term">{abbreviate(collapse(stageTextOf(view, c)), 90)}</code>
                </td>
                <td className="nowrap">
                  {c.missing ? (
                    <span className="muted">missing event (placeholder)</span>
                  ) : (
                    <button type="button" className="link" onClick={() => c.id !== undefined && onSelect(c.id)}>
                      event {c.id === undefined ? '?' : nameOf(c.id)}
                    </button>
                  )}
                </td>
                <td className="muted nowrap">{iso(c.timestamp).replace('T', ' ').replace('Z', '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {sequence.spanMs !== undefined && sequence.maxspanMs !== undefined && (
          <div className="muted">
            The events span {formatDuration(sequence.spanMs)}, within maxspan {formatDuration(sequence.maxspanMs)} (
            {formatDuration(sequence.maxspanMs - sequence.spanMs)} to spare).
          </div>
        )}
      </div>
    </section>
  );
}

/** One event: the sequences it is part of, and (tabs) why, or its JSON. */
function EventJoinDetail({
  view,
  row,
  event,
  tab,
  onTab,
  tuning,
  actions,
  name,
}: {
  readonly view: JoinView;
  readonly row: JoinRow;
  /** What the event is called (its label). */
  readonly name: string;
  readonly event: EventView | undefined;
  readonly tab: DetailTab;
  readonly onTab: (tab: DetailTab) => void;
  readonly tuning: ReactNode;
  readonly actions?: ReactNode;
}) {
  const noun = nounOf(view);
  const ex = row.explanation;
  return (
    <section className="pane detail-pane" data-testid="detail">
      <div className="pane-title">
        <span>
          Event <code>{name}</code>
          {name !== `#${row.position + 1}` ? ` #${row.position + 1}` : ''} ·{' '}
          <span className={`verdict-text verdict-${row.verdict}`}>
            {row.sequences.length > 0
              ? `in ${noun} ${row.sequences.map((i) => `#${i + 1}`).join(', ')}`
              : `not in a ${noun}`}
          </span>
        </span>
        <span className="detail-actions">
          {actions}
          <DetailTabs tab={tab} onTab={onTab} />
        </span>
      </div>
      {tab === 'json' ? (
        <pre className="detail-body event-json" data-testid="event-json">
          {event ? JSON.stringify(event.source, null, 2) : ''}
        </pre>
      ) : !ex ? (
        <div className="detail-body muted">No explanation for this event.</div>
      ) : (
        <div className="detail-body">
          {tuning}
          {ex.note && <div className="join-note">{ex.note}</div>}
          <div className="trace-title">Stages</div>
          <ul className="stage-verdicts">
            {ex.stages.map((s) => (
              <StageVerdictItem key={`${s.role}:${s.stage}`} stage={s} text={stageTextOf(view, s)} />
            ))}
          </ul>
          {view.summary.kind === 'sample' ? (
            <SampleGroups view={view} ex={ex} />
          ) : (
            <CandidateNotes noun={noun} candidates={ex.candidates} />
          )}
        </div>
      )}
    </section>
  );
}

/** Whether a stage's filter holds for the event: its join keys, or why it fails. */
function StageVerdictItem({ stage: s, text }: { readonly stage: StageVerdict; readonly text: string }) {
  return (
    <li data-testid="stage-verdict" data-stage={stageLabel(s)} data-matched={s.matched ? 'true' : 'false'}>
      <span className={`outcome ${s.matched ? 'outcome-true' : 'outcome-false'}`}>{s.matched ? 'holds' : 'fails'}</span>{' '}
      <span className="stage-label">{stageLabel(s)}</span>{' '}
      <code className="stage-term one-line" title={collapse(text)}>
        {collapse(text)}
      </code>
      {s.matched && s.joinKeys && s.joinKeys.length > 0 && (
        <span className="muted"> · keys {s.joinKeys.map((k) => `[${joinKeysText(k)}]`).join(' ')}</span>
      )}
      {!s.matched && (s.reasons ?? []).length > 0 && (
        <ul className="detail-reasons">
          {withKeys(s.reasons!, reasonKey).map(({ key, item: r }) => (
            <li key={key}>
              <ReasonLine verdict="no-match" reason={r} compact />
            </li>
          ))}
        </ul>
      )}
      {s.note && <div className="stage-note">{s.note}</div>}
    </li>
  );
}

/** Samples: the groups the event belongs to, and whether each became a sample. */
function SampleGroups({ view, ex }: { readonly view: JoinView; readonly ex: JoinEventExplanation }) {
  const groups = groupsOfEvent(view.join, ex);
  return (
    <>
      <div className="trace-title">Groups</div>
      {groups.length === 0 ? (
        <div className="muted">The event satisfies no filter, so it belongs to no group.</div>
      ) : (
        <ul className="candidate-notes">
          {withKeys(groups, (g) => JSON.stringify(g.joinKeys)).map(({ key, item: g }) => (
            <li key={key} data-testid="sample-group" data-complete={g.complete ? 'true' : 'false'}>
              <span className={`cand-badge ${g.samples.length > 0 ? 'cand-returned' : 'cand-incomplete'}`}>
                {g.samples.length > 0
                  ? `sample ${g.samples.map((n) => `#${n + 1}`).join(' ')}`
                  : g.complete
                    ? 'complete'
                    : 'incomplete'}
              </span>{' '}
              keys [{joinKeysText(g.joinKeys)}] · candidates per filter{' '}
              {g.candidates.map((n, f) => `F${f + 1}: ${n}`).join(', ')}
              {g.reason && <span className="muted"> · {g.reason}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Sequences: what became of each candidate the event started or extended. */
function CandidateNotes({
  noun,
  candidates,
}: {
  readonly noun: string;
  readonly candidates: readonly CandidateNote[];
}) {
  return (
    <>
      <div className="trace-title">Candidates</div>
      {candidates.length === 0 ? (
        <div className="muted">This event started or extended no candidate {noun}.</div>
      ) : (
        <ul className="candidate-notes">
          {withKeys(candidates, (c) => `${c.candidate}:${c.role}:${c.stage}`).map(({ key, item: c }) => (
            <li key={key} data-testid="candidate-note" data-outcome={c.outcome}>
              <span className={`cand-badge cand-${c.outcome}`}>{OUTCOME_LABEL[c.outcome]}</span>{' '}
              <span className="muted">
                candidate {c.candidate + 1}, {c.role} at S{c.stage + 1}, keys [{joinKeysText(c.joinKeys)}], events{' '}
                {c.events.join(' → ')}:
              </span>{' '}
              {c.message}
              {c.exceededByMs !== undefined && (
                <span className="muted"> (over by {formatDuration(c.exceededByMs)})</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
