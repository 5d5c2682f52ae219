import { useMemo } from 'react';
import type { Diagnostic, Verdict } from '../../core';
import type { EventView, ProblemView } from '../../worker/protocol';
import { EventRow } from '../components/EventRow';
import { FilterBar } from '../components/FilterBar';
import { ResultList } from '../components/ResultList';
import { ResultsHead } from '../components/ResultsHead';
import { UnreadableRows } from '../components/UnreadableRows';
import { countVerdicts, eventFilterOptions, filterVerdicts, summaryText, type VerdictFilter } from '../state/results';

export interface ResultsPanelProps {
  readonly verdicts: readonly Verdict[];
  readonly events: readonly EventView[];
  readonly stale: boolean;
  readonly staleReason: string | undefined;
  readonly selected: string | undefined;
  readonly filter: VerdictFilter;
  readonly keyFields: readonly string[];
  readonly timestampField: string;
  readonly ms: number | undefined;
  readonly onFilter: (f: VerdictFilter) => void;
  readonly onSelect: (id: string | undefined) => void;
  /** Events that could not be read: error rows above the verdicts. */
  readonly unreadable?: readonly ProblemView[];
  readonly onGoToProblem?: (d: Diagnostic) => void;
}

const JUMPS = { s: 'suppressed', a: 'alert' } as const;

/** Results of an event query: one row per event with its verdict and reasons. */
export function ResultsPanel(p: ResultsPanelProps) {
  const counts = useMemo(() => countVerdicts(p.verdicts), [p.verdicts]);
  const rows = useMemo(() => filterVerdicts(p.verdicts, p.filter), [p.verdicts, p.filter]);
  return (
    <div className={`results${p.stale ? ' is-stale' : ''}`}>
      <ResultsHead
        summary={summaryText(counts)}
        stale={p.stale}
        staleReason={p.staleReason}
        timing={p.ms === undefined ? undefined : `${p.verdicts.length} events · ${p.ms.toFixed(0)} ms`}
      />
      <FilterBar
        options={eventFilterOptions(counts)}
        active={p.filter}
        label="Filter by verdict"
        onFilter={p.onFilter}
      />
      {p.unreadable && p.onGoToProblem && <UnreadableRows problems={p.unreadable} onGoTo={p.onGoToProblem} />}
      <ResultList
        rows={rows}
        selected={p.selected}
        label="Events and their verdicts"
        jumps={JUMPS}
        onSelect={p.onSelect}
        empty={p.verdicts.length === 0 ? 'No results yet.' : 'No event has this verdict.'}
        renderRow={(v, selected) => (
          <EventRow
            key={`${v.position}:${v.id}`}
            verdict={v}
            event={p.events[v.position]}
            selected={selected}
            keyFields={p.keyFields}
            timestampField={p.timestampField}
            onSelect={p.onSelect}
          />
        )}
      />
    </div>
  );
}
