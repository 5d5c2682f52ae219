import { useMemo } from 'react';
import type { Verdict } from '../../core';
import type { RowDetail } from '../../worker/protocol';
import { FilterBar } from '../components/FilterBar';
import { JoinEventRow } from '../components/JoinEventRow';
import { ResultList } from '../components/ResultList';
import { ResultsHead } from '../components/ResultsHead';
import { SequenceCards } from '../components/SequenceCards';
import { joinFilterOptions, joinSummaryText, resultStages, type JoinView } from '../state/join-view';
import { indexOfPosition } from '../state/result-list';
import { eventOf, type VerdictFilter } from '../state/results';
import type { ListModel } from '../state/verdict-list';
import type { ResultsTuning } from './ResultsPanel';

export interface JoinResultsPanelProps {
  readonly view: JoinView;
  readonly rows: ReadonlyMap<number, RowDetail>;
  readonly list: ListModel;
  readonly navigationRows: () => readonly Verdict[];
  readonly selectedPosition: number | undefined;
  readonly onWindow?: (start: number, end: number) => void;
  /** Between the filters and the list (sort, group, search). */
  readonly tools?: React.ReactNode;
  /** What rows call the events, by position (their id field's value, `_id` or "#N"). */
  readonly labels?: readonly string[];
  /** What an event is called (its label), from its id. */
  readonly nameOf?: (id: string) => string;
  readonly stale: boolean;
  readonly staleReason: string | undefined;
  readonly selected: string | undefined;
  readonly selectedSequence: number | undefined;
  readonly filter: VerdictFilter;
  readonly keyFields: readonly string[];
  readonly timestampField: string;
  readonly ms: number | undefined;
  readonly onFilter: (f: VerdictFilter) => void;
  readonly onSelect: (id: string | undefined) => void;
  readonly onSelectSequence: (index: number | undefined) => void;
  /** Tuning: the strip (sequences that appeared or disappeared), each row's marks, the keys. */
  readonly tuning?: ResultsTuning;
}

const JUMPS = { a: 'alert' } as const;

/** Results of a sequence or sample query: the returned sequences, then one row per event. */
export function JoinResultsPanel(p: JoinResultsPanelProps) {
  const { view } = p;
  const noun = view.summary.kind === 'sample' ? 'sample' : 'sequence';
  const stages = useMemo(
    () => view.join.stages.filter((s) => s.role !== 'until').concat(view.join.stages.filter((s) => s.role === 'until')),
    [view.join.stages],
  );
  const selectedCard =
    p.selectedSequence === undefined ? undefined : view.cards.find((c) => c.index === p.selectedSequence);
  const inSelected = useMemo(() => new Set(selectedCard?.positions ?? []), [selectedCard]);
  const legend = resultStages(view.join)
    .map((s) => `${s.role === 'filter' ? 'F' : 'S'}${s.stage + 1} ${s.text.text}`)
    .join('\n');
  return (
    <div className={`results join-results${p.stale ? ' is-stale' : ''}`} data-query-kind={view.summary.kind}>
      <ResultsHead
        summary={joinSummaryText(view.summary)}
        stale={p.stale}
        staleReason={p.staleReason}
        timing={p.ms === undefined ? undefined : `${p.ms.toFixed(0)} ms`}
      />
      {p.tuning?.bar}
      <SequenceCards
        cards={view.cards}
        noun={noun}
        selected={p.selectedSequence}
        onSelect={p.onSelectSequence}
        onSelectEvent={p.onSelect}
        {...(p.nameOf ? { nameOf: p.nameOf } : {})}
      />
      <FilterBar options={joinFilterOptions(view)} active={p.filter} label={`Filter by ${noun}`} onFilter={p.onFilter}>
        <span className="stage-legend" title={legend}>
          ✓ filter holds · ✗ fails
        </span>
      </FilterBar>
      {p.tools}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the list inside takes the keys; this only adds tuning's */}
      <div
        className="tuning-keys"
        onKeyDown={(e) => {
          if (!e.ctrlKey && !e.metaKey && !e.altKey && p.tuning?.onKey(e.key, p.navigationRows())) e.preventDefault();
        }}
      >
        <ResultList
          list={p.list}
          selectedIndex={indexOfPosition(p.list, p.selectedPosition)}
          selected={p.selected}
          label={`Events and the ${noun}s they are part of`}
          jumps={JUMPS}
          navigationRows={p.navigationRows}
          onSelect={p.onSelect}
          onWindow={p.onWindow}
          empty={
            view.summary.eventsInResults + view.summary.notInResults === 0 ? 'No events.' : 'No event in this group.'
          }
          renderRow={(position) => {
            const r = view.rowAt(position);
            return (
              <JoinEventRow
                key={`${r.position}:${r.id}`}
                row={r}
                kind={view.summary.kind}
                stages={stages}
                event={eventOf(p.rows.get(position))}
                selected={r.id === p.selected}
                inSelectedSequence={inSelected.has(r.position)}
                keyFields={p.keyFields}
                timestampField={p.timestampField}
                label={p.labels?.[position]}
                {...(p.tuning ? { tuning: p.tuning.rowOf(r) } : {})}
              />
            );
          }}
        />
      </div>
    </div>
  );
}
