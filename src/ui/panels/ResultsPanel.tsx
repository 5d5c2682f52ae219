import type { ReactNode } from 'react';
import type { Diagnostic, Verdict } from '../../core';
import type { ProblemView, RowDetail } from '../../worker/protocol';
import { EventRow } from '../components/EventRow';
import { FilterBar } from '../components/FilterBar';
import { ResultList } from '../components/ResultList';
import { ResultsHead } from '../components/ResultsHead';
import { UnreadableRows } from '../components/UnreadableRows';
import { indexOfPosition } from '../state/result-list';
import {
  emptyCounts,
  eventFilterOptions,
  eventOf,
  summaryText,
  verdictOf,
  type Shown,
  type VerdictFilter,
} from '../state/results';
import type { ListModel } from '../state/verdict-list';
import type { RowTuning, TuningFilter } from '../state/tuning';

/** Tuning in the results: the strip above the filters, its filter, each row's marks, its keys. */
export interface ResultsTuning {
  readonly bar: ReactNode;
  /** The Changed / Unmet / clause filter (the list model applies it). */
  readonly filter: TuningFilter | undefined;
  readonly rowOf: (v: Verdict) => RowTuning;
  readonly onExpect: (id: string, verdict: Verdict['verdict']) => void;
  /** A key pressed in the list (c: next changed, u: next unmet, e: expect); true when handled. */
  readonly onKey: (key: string, rows: readonly Verdict[]) => boolean;
}

export interface ResultsPanelProps {
  /** The evaluation on screen and the rows fetched for it. */
  readonly shown: Shown | undefined;
  readonly rows: ReadonlyMap<number, RowDetail>;
  readonly list: ListModel;
  readonly navigationRows: () => readonly Verdict[];
  readonly stale: boolean;
  readonly staleReason: string | undefined;
  readonly selected: string | undefined;
  readonly selectedPosition: number | undefined;
  readonly filter: VerdictFilter;
  readonly keyFields: readonly string[];
  readonly timestampField: string;
  readonly ms: number | undefined;
  readonly onFilter: (f: VerdictFilter) => void;
  readonly onSelect: (id: string | undefined) => void;
  readonly onWindow?: (start: number, end: number) => void;
  /** Events that could not be read: error rows above the verdicts. */
  readonly unreadable?: readonly ProblemView[];
  readonly onGoToProblem?: (d: Diagnostic) => void;
  /** Between the filters and the list (sort, group, search). */
  readonly tools?: ReactNode;
  /** What rows call the events, by position (their id field's value, `_id` or "#N"). */
  readonly labels?: readonly string[];
  readonly tuning?: ResultsTuning;
}

const JUMPS = { s: 'suppressed', a: 'alert' } as const;

/** Results of an event query: one row per event with its verdict and reasons. */
export function ResultsPanel(p: ResultsPanelProps) {
  const counts = p.shown?.compact.counts ?? emptyCounts;
  const { shown } = p;
  const t = p.tuning;
  return (
    <div className={`results${p.stale ? ' is-stale' : ''}`}>
      <ResultsHead
        summary={summaryText(counts)}
        stale={p.stale}
        staleReason={p.staleReason}
        timing={p.ms === undefined ? undefined : `${counts.total} events · ${p.ms.toFixed(0)} ms`}
      />
      {t?.bar}
      <FilterBar
        options={eventFilterOptions(counts)}
        active={p.filter}
        label="Filter by verdict"
        onFilter={p.onFilter}
      />
      {p.tools}
      {p.unreadable && p.onGoToProblem && <UnreadableRows problems={p.unreadable} onGoTo={p.onGoToProblem} />}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the list inside takes the keys; this only adds tuning's */}
      <div
        className="tuning-keys"
        onKeyDown={(e) => {
          if (!e.ctrlKey && !e.metaKey && !e.altKey && t?.onKey(e.key, p.navigationRows())) e.preventDefault();
        }}
      >
        <ResultList
          list={p.list}
          selectedIndex={indexOfPosition(p.list, p.selectedPosition)}
          selected={p.selected}
          label="Events and their verdicts"
          jumps={JUMPS}
          navigationRows={p.navigationRows}
          onSelect={p.onSelect}
          onWindow={p.onWindow}
          empty={
            counts.total === 0
              ? 'No results yet.'
              : t?.filter
                ? 'No event passes this filter.'
                : 'No event has this verdict.'
          }
          renderRow={(position) => {
            const row = p.rows.get(position);
            const verdict = shown ? verdictOf(shown, position, row) : undefined;
            if (!verdict) return null;
            return (
              <EventRow
                key={`${position}:${verdict.id}`}
                verdict={verdict}
                event={eventOf(row)}
                pending={row === undefined}
                selected={verdict.id === p.selected}
                keyFields={p.keyFields}
                timestampField={p.timestampField}
                label={p.labels?.[position]}
                {...(t ? { tuning: t.rowOf(verdict), onExpect: t.onExpect } : {})}
              />
            );
          }}
        />
      </div>
    </div>
  );
}
