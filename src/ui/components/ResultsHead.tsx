/** The line above the results: the summary, and either the stale badge or the timing. */
export interface ResultsHeadProps {
  readonly summary: string;
  readonly stale: boolean;
  readonly staleReason: string | undefined;
  /** Shown while the results are current. */
  readonly timing: string | undefined;
}

export function ResultsHead({ summary, stale, staleReason, timing }: ResultsHeadProps) {
  return (
    <div className="results-head">
      <span className="summary" data-testid="summary" data-stale={stale ? 'true' : 'false'}>
        {summary}
      </span>
      {stale && (
        <span className="stale-badge" data-testid="stale" title={staleReason}>
          stale · {staleReason ?? 'fix the problems to update'}
        </span>
      )}
      {!stale && timing !== undefined && <span className="timing">{timing}</span>}
    </div>
  );
}
