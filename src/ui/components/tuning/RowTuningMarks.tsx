/** What a result row says about tuning: changed since the baseline, and its expectation. */
import type { RowTuning } from '../../state/tuning';
import { EXPECTED_LABEL } from '../../state/tuning';
import '../../tuning.css';

/**
 * A short chip in the row's first line: "changed" and "✓ must alert" / "✗ must alert"; without
 * an expectation, a button (shown on hover and selection) that expects the current verdict.
 */
export function RowTuningChips({
  tuning,
  onExpect,
}: {
  readonly tuning: RowTuning;
  readonly onExpect?: (() => void) | undefined;
}) {
  const e = tuning.expectation;
  const met = tuning.result?.met;
  return (
    <>
      {!e && onExpect && (
        <button
          type="button"
          className="expect-row"
          data-testid="expect-row"
          title="Expect this verdict: a rule test the rule must keep passing (E)"
          onClick={(ev) => {
            ev.stopPropagation();
            onExpect();
          }}
        >
          + expect
        </button>
      )}
      {tuning.change && (
        <span className="change-chip" title={tuning.change.message} data-testid="change-chip">
          {tuning.change.kind === 'verdict' ? `was ${tuning.change.baselineVerdict}` : 'clauses changed'}
        </span>
      )}
      {e && (
        <span
          className={`expect-chip${met === false ? ' unmet' : met ? ' met' : ''}`}
          data-testid="expect-chip"
          title={
            tuning.result
              ? `${met ? 'Met' : 'Unmet'}: expected ${e.verdict}, got ${tuning.result.got ?? 'no verdict'} (${tuning.result.reason})`
              : `Expected ${e.verdict}`
          }
        >
          {met === false ? '✗' : met ? '✓' : '·'} {EXPECTED_LABEL[e.verdict]}
        </span>
      )}
    </>
  );
}

/** The row's second line when tuning has something to say (it replaces the reasons line). */
export function rowTuningLine(tuning: RowTuning): string | undefined {
  if (tuning.result && !tuning.result.met)
    return `expected ${tuning.result.expected.verdict}, got ${tuning.result.got ?? 'no verdict'}: ${tuning.result.reason}`;
  return tuning.change?.message;
}
