/**
 * The impact preview of "Exclude this value", before anything changes: the proposals the worker
 * verified, for the chosen one the events it would newly suppress (loud when one must alert) and
 * the rule text diff; Apply makes one undoable edit, Cancel changes nothing.
 */
import { useEffect, useRef } from 'react';
import { showScalar } from '../../state/event-fields';
import { type ExclusionState, chosenProposal, editPreview, impactText } from '../../state/exclusion';
import '../../tuning.css';

export interface ExclusionPreviewProps {
  readonly state: ExclusionState;
  /** The rule changed since the proposals were made: they can no longer be applied. */
  readonly outdated: boolean;
  readonly onChoose: (index: number) => void;
  readonly onApply: () => void;
  readonly onCancel: () => void;
  readonly onSelectEvent: (id: string) => void;
  /** What an event is called (its label), from its id. */
  readonly nameOf?: (id: string) => string;
}

function Title({
  state,
  nameOf = (id) => id,
}: {
  readonly state: Exclude<ExclusionState, { phase: 'idle' }>;
  readonly nameOf?: (id: string) => string;
}) {
  const r = state.request;
  return (
    <div className="preview-title">
      Exclude{' '}
      {r.fields.length === 2 ? (
        <>
          <code>{r.fields[0]}</code> + <code>{r.fields[1]}</code>
        </>
      ) : (
        <>
          <code>{r.fields[0]}</code>
          {r.value !== undefined && (
            <>
              {' '}
              = <code>{showScalar(r.value)}</code>
            </>
          )}
        </>
      )}{' '}
      from event <code>{nameOf(r.eventId)}</code>
    </div>
  );
}

export function ExclusionPreview(p: ExclusionPreviewProps) {
  const s = p.state;
  const box = useRef<HTMLDivElement>(null);
  const request = s.phase === 'idle' ? undefined : s.request;
  // A new preview opens where the field list may have scrolled past it: bring it into view.
  useEffect(() => {
    if (request) box.current?.scrollIntoView({ block: 'nearest' });
  }, [request]);
  if (s.phase === 'idle') return null;
  const chosen = chosenProposal(s);
  return (
    <div
      ref={box}
      className="exclusion-preview"
      data-testid="exclusion-preview"
      role="dialog"
      aria-label="Exclusion preview (Escape cancels)"
      onKeyDown={(e) => {
        if (e.key === 'Escape') p.onCancel();
      }}
    >
      <Title state={s} {...(p.nameOf ? { nameOf: p.nameOf } : {})} />
      {s.phase === 'loading' && <div className="muted">Trying exclusions on every event…</div>}
      {s.phase === 'failed' && <div className="preview-error">{s.message}</div>}
      {s.phase === 'ready' && s.result.proposals.length === 0 && (
        <div className="preview-none" data-testid="no-proposal">
          No exclusion to offer: {s.result.notes.join('; ') || 'none would suppress this event'}.
        </div>
      )}
      {s.phase === 'ready' && s.result.proposals.length > 0 && (
        <ul className="proposals" aria-label="Proposed exclusions">
          {s.result.proposals.map((x, i) => (
            <li key={x.rule}>
              <label className={i === s.chosen ? 'chosen' : ''} data-testid="proposal" data-kind={x.kind}>
                <input type="radio" name="proposal" checked={i === s.chosen} onChange={() => p.onChoose(i)} />
                <span className="proposal-title">{x.title}</span>
                <span className={`proposal-count${x.impact.breaksExpectations.length > 0 ? ' breaks' : ''}`}>
                  {x.impact.newlySuppressed.length} event{x.impact.newlySuppressed.length === 1 ? '' : 's'}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {s.phase === 'ready' && chosen && (
        <Impact state={s} onSelectEvent={p.onSelectEvent} {...(p.nameOf ? { nameOf: p.nameOf } : {})} />
      )}
      {p.outdated && s.phase === 'ready' && (
        <div className="preview-error">The rule changed since these were proposed; exclude the value again.</div>
      )}
      <div className="preview-actions">
        <button
          type="button"
          className="primary"
          data-testid="apply-exclusion"
          disabled={!chosen || p.outdated}
          onClick={p.onApply}
        >
          Apply
        </button>
        <button type="button" data-testid="cancel-exclusion" onClick={p.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function Impact({
  state,
  onSelectEvent,
  nameOf = (id) => id,
}: {
  readonly state: Extract<ExclusionState, { phase: 'ready' }>;
  readonly onSelectEvent: (id: string) => void;
  /** What an event is called (its label), from its id. */
  readonly nameOf?: (id: string) => string;
}) {
  const chosen = chosenProposal(state)!;
  const text = impactText(chosen, nameOf);
  const diff = editPreview(state.rule, chosen.edit);
  const ids = chosen.impact.newlySuppressed;
  return (
    <div className="preview-impact">
      {text.warning && (
        <div className="preview-warning" data-testid="breaks-expectations" role="alert">
          ⚠ {text.warning}
        </div>
      )}
      <div data-testid="preview-summary">{text.summary}</div>
      <div className="preview-events">
        {ids.slice(0, 30).map((e) => (
          <button
            key={e.position}
            type="button"
            className={`preview-event${chosen.impact.breaksExpectations.some((b) => b.position === e.position) ? ' breaks' : ''}`}
            onClick={() => onSelectEvent(e.id)}
            data-testid="preview-event"
          >
            {nameOf(e.id)}
          </button>
        ))}
        {ids.length > 30 && <span className="muted">and {ids.length - 30} more</span>}
      </div>
      <pre className="preview-diff" data-testid="preview-diff">
        <span className="diff-line">{diff.line}</span>
        {diff.before}
        {diff.removed && <del>{diff.removed}</del>}
        <ins>{diff.inserted}</ins>
        {diff.after}
      </pre>
    </div>
  );
}
