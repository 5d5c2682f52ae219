/**
 * The tuning strip above the verdict filters: the deltas against the baseline, Set as baseline /
 * Revert to baseline / Diff, the rule tests' summary, and the Changed and Unmet filters.
 */
import { useEffect, useRef } from 'react';
import type { DiffView } from '../../../worker/protocol';
import type { TuningFilter } from '../../state/tuning';
import '../../tuning.css';

export interface TuningBarProps {
  readonly diff: DiffView | undefined;
  /** The rule (or its settings) differs from the baseline. */
  readonly edited: boolean;
  readonly expectationCount: number;
  readonly unmet: number;
  readonly expectationText: string;
  readonly filter: TuningFilter | undefined;
  readonly diffOpen: boolean;
  readonly onSetBaseline: () => void;
  readonly onRevert: () => void;
  readonly onToggleDiff: () => void;
  readonly onExpectAll: () => void;
  /** "Set 20,000 expected verdicts (...)?" while Expect current verdicts waits for a yes. */
  readonly expectQuestion?: string | undefined;
  readonly onConfirmExpectAll: () => void;
  readonly onCancelExpectAll: () => void;
  readonly onClearExpectations: () => void;
  readonly onFilter: (f: TuningFilter | undefined) => void;
}

function FilterChip(p: {
  readonly kind: 'changed' | 'unmet';
  readonly label: string;
  readonly count: number;
  readonly filter: TuningFilter | undefined;
  readonly onFilter: (f: TuningFilter | undefined) => void;
  readonly title: string;
}) {
  const active = p.filter?.kind === p.kind;
  return (
    <button
      type="button"
      className={`filter filter-${p.kind}${active ? ' active' : ''}`}
      aria-pressed={active}
      data-testid={`filter-${p.kind}`}
      title={p.title}
      onClick={() => p.onFilter(active ? undefined : { kind: p.kind })}
    >
      {p.label} <span className="filter-count">{p.count}</span>
    </button>
  );
}

export function TuningBar(p: TuningBarProps) {
  const changes = p.diff?.comparable ? p.diff.changes.length : 0;
  const sequences = p.diff ? p.diff.appeared.length + p.diff.disappeared.length : 0;
  return (
    <div className="tuning-bar" data-testid="tuning-bar">
      <BaselineDelta diff={p.diff} changed={changes > 0 || sequences > 0} />
      <FilterChip
        kind="changed"
        label="Changed"
        count={changes}
        filter={p.filter}
        onFilter={p.onFilter}
        title="Only the events whose verdict (or suppressing clauses) differs from the baseline's (C: next changed)"
      />
      <BaselineActions {...p} />
      <span className="tuning-sep" />
      <span
        className={`expectation-summary${p.unmet > 0 ? ' has-unmet' : ''}`}
        data-testid="expectation-summary"
        data-unmet={p.unmet}
      >
        {p.expectationText}
      </span>
      {p.expectationCount > 0 && (
        <FilterChip
          kind="unmet"
          label="Unmet"
          count={p.unmet}
          filter={p.filter}
          onFilter={p.onFilter}
          title="Only the events whose expected verdict is not met (U: next unmet)"
        />
      )}
      <ExpectationActions {...p} />
    </div>
  );
}

/** What the verdicts are against the baseline, in one line. */
function BaselineDelta({ diff, changed }: { readonly diff: DiffView | undefined; readonly changed: boolean }) {
  return (
    <span
      className={`baseline-delta${changed ? ' has-changes' : ''}`}
      data-testid="baseline-delta"
      title="Verdicts compared with the baseline rule (the rule as loaded, or the one you pinned)"
    >
      {diff === undefined
        ? 'no baseline'
        : !diff.comparable
          ? 'baseline: not comparable while a rule has errors'
          : diff.summary}
    </span>
  );
}

/** Set as baseline, Revert to baseline, and the side-by-side diff. */
function BaselineActions(
  p: Pick<TuningBarProps, 'edited' | 'diffOpen' | 'onSetBaseline' | 'onRevert' | 'onToggleDiff'>,
) {
  return (
    <span className="tuning-actions">
      <button type="button" data-testid="set-baseline" onClick={p.onSetBaseline} disabled={!p.edited}>
        Set as baseline
      </button>
      <button
        type="button"
        data-testid="revert-baseline"
        onClick={p.onRevert}
        disabled={!p.edited}
        title="Put the baseline rule back in the editor (Ctrl+Z undoes it)"
      >
        Revert to baseline
      </button>
      <button
        type="button"
        data-testid="toggle-baseline-diff"
        aria-pressed={p.diffOpen}
        onClick={p.onToggleDiff}
        title="The rule side by side with the baseline"
      >
        {p.diffOpen ? 'Close diff' : 'Diff'}
      </button>
    </span>
  );
}

/** The question "Expect current verdicts" asks for many events: Set them (focused) or Cancel (or Escape). */
function ExpectQuestion(p: { readonly text: string; readonly onConfirm: () => void; readonly onCancel: () => void }) {
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  return (
    <span
      className="tuning-actions expect-confirm"
      role="alertdialog"
      aria-label="Expect current verdicts"
      data-testid="expect-confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          p.onCancel();
        }
      }}
    >
      <span>{p.text}</span>
      <button type="button" ref={yes} data-testid="expect-confirm-yes" onClick={p.onConfirm}>
        Set them
      </button>
      <button type="button" data-testid="expect-confirm-no" onClick={p.onCancel}>
        Cancel
      </button>
    </span>
  );
}

/** Record the current verdicts as expected, or clear the expectations. */
function ExpectationActions(
  p: Pick<
    TuningBarProps,
    | 'expectationCount'
    | 'onExpectAll'
    | 'expectQuestion'
    | 'onConfirmExpectAll'
    | 'onCancelExpectAll'
    | 'onClearExpectations'
  >,
) {
  if (p.expectQuestion)
    return <ExpectQuestion text={p.expectQuestion} onConfirm={p.onConfirmExpectAll} onCancel={p.onCancelExpectAll} />;
  return (
    <span className="tuning-actions">
      <button
        type="button"
        data-testid="expect-current"
        onClick={p.onExpectAll}
        title="Record every event's current verdict as its expected verdict"
      >
        Expect current verdicts
      </button>
      {p.expectationCount > 0 && (
        <button type="button" data-testid="clear-expectations" onClick={p.onClearExpectations}>
          Clear
        </button>
      )}
    </span>
  );
}

/** The filter a clicked badge set: what it lists, and a way out. */
export function ClauseFilterChip(p: { readonly filter: TuningFilter | undefined; readonly onClear: () => void }) {
  if (p.filter?.kind !== 'clause') return null;
  return (
    <div className="clause-filter" data-testid="clause-filter">
      Showing the {p.filter.positions.length} event{p.filter.positions.length === 1 ? '' : 's'} of{' '}
      <code>{p.filter.label}</code>
      <button type="button" onClick={p.onClear} aria-label="Show all events">
        ×
      </button>
    </div>
  );
}
