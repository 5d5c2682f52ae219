/** The detail panel's rule test for one event: pick the verdict it must get, see whether it does. */
import type { VerdictKind } from '../../../core';
import type { Expectation, ExpectationResult } from '../../../worker/protocol';
import { EXPECTED_LABEL, EXPECTED_VERDICTS } from '../../state/tuning';
import '../../tuning.css';

export interface ExpectationPickerProps {
  readonly eventId: string;
  readonly verdict: VerdictKind | undefined;
  readonly expectation: Expectation | undefined;
  readonly result: ExpectationResult | undefined;
  readonly onChange: (e: Expectation | undefined) => void;
}

export function ExpectationPicker(p: ExpectationPickerProps) {
  const current = p.expectation?.verdict;
  return (
    <div className="expectation-picker" data-testid="expectation-picker">
      <span className="picker-label">Expect:</span>
      {EXPECTED_VERDICTS.map((v) => (
        <button
          key={v}
          type="button"
          className={`expect-option verdict-${v}${current === v ? ' active' : ''}`}
          aria-pressed={current === v}
          data-testid={`expect-${v}`}
          title={`Event ${p.eventId} ${EXPECTED_LABEL[v]}`}
          onClick={() => p.onChange(current === v ? undefined : { verdict: v })}
        >
          {v}
        </button>
      ))}
      {p.expectation && (
        <button type="button" className="expect-option" data-testid="expect-none" onClick={() => p.onChange(undefined)}>
          none
        </button>
      )}
      {p.expectation && p.result && (
        <span
          className={`expect-result ${p.result.met ? 'met' : 'unmet'}`}
          data-testid="expectation-result"
          data-met={p.result.met ? 'true' : 'false'}
        >
          {p.result.met
            ? `✓ met (${p.result.reason})`
            : `✗ expected ${p.result.expected.verdict}, got ${p.result.got ?? 'no verdict'}: ${p.result.reason}`}
        </span>
      )}
      {!p.expectation && p.verdict && <span className="muted">(E in the list: expect the current verdict)</span>}
    </div>
  );
}
