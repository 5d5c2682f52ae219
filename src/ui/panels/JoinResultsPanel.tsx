import { useMemo } from 'react';
import type { EventView } from '../../worker/protocol';
import { FilterBar } from '../components/FilterBar';
import { JoinEventRow } from '../components/JoinEventRow';
import { ResultList } from '../components/ResultList';
import { ResultsHead } from '../components/ResultsHead';
import { SequenceCards } from '../components/SequenceCards';
import { joinFilterOptions, joinSummaryText, resultStages, type JoinView } from '../state/join-view';
import { filterVerdicts, type VerdictFilter } from '../state/results';

export interface JoinResultsPanelProps {
  readonly view: JoinView;
  readonly events: readonly EventView[];
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
  const rows = useMemo(() => filterVerdicts(view.rows, p.filter), [view.rows, p.filter]);
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
      <SequenceCards
        cards={view.cards}
        noun={noun}
        selected={p.selectedSequence}
        onSelect={p.onSelectSequence}
        onSelectEvent={p.onSelect}
      />
      <FilterBar options={joinFilterOptions(view)} active={p.filter} label={`Filter by ${noun}`} onFilter={p.onFilter}>
        <span className="stage-legend" title={legend}>
          ✓ filter holds · ✗ fails
        </span>
      </FilterBar>
      <ResultList
        rows={rows}
        selected={p.selected}
        label={`Events and the ${noun}s they are part of`}
        jumps={JUMPS}
        onSelect={p.onSelect}
        empty={view.rows.length === 0 ? 'No events.' : 'No event in this group.'}
        renderRow={(r, selected) => (
          <JoinEventRow
            key={`${r.position}:${r.id}`}
            row={r}
            kind={view.summary.kind}
            stages={stages}
            event={p.events[r.position]}
            selected={selected}
            inSelectedSequence={inSelected.has(r.position)}
            keyFields={p.keyFields}
            timestampField={p.timestampField}
            onSelect={p.onSelect}
          />
        )}
      />
    </div>
  );
}
