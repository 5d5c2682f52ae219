import { useCallback, useMemo } from 'react';
import type { Diagnostic, Verdict } from '../../core';
import type { EventView, ProblemView } from '../../worker/protocol';
import { EventRow, ROW_HEIGHT } from '../components/EventRow';
import { UnreadableRows } from '../components/UnreadableRows';
import { VirtualList } from '../components/VirtualList';
import { nextOfKind, stepSelection } from '../state/navigation';
import { countVerdicts, filterVerdicts, summaryText, type VerdictFilter } from '../state/results';

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

const FILTERS: readonly { key: VerdictFilter; label: string }[] = [
  { key: 'all', label: 'All' },
  { key: 'alert', label: 'Alert' },
  { key: 'suppressed', label: 'Suppressed' },
  { key: 'no-match', label: 'No match' },
  { key: 'excepted', label: 'Excepted' },
  { key: 'error', label: 'Error' },
];

export function ResultsPanel(p: ResultsPanelProps) {
  const counts = useMemo(() => countVerdicts(p.verdicts), [p.verdicts]);
  const rows = useMemo(() => filterVerdicts(p.verdicts, p.filter), [p.verdicts, p.filter]);
  const focusIndex = p.selected === undefined ? undefined : rows.findIndex((r) => r.id === p.selected);
  const { onSelect } = p;
  const select = useCallback((id: string) => onSelect(id), [onSelect]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    let next: string | undefined;
    if (e.key === 'ArrowDown' || e.key === 'j') next = stepSelection(rows, p.selected, 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') next = stepSelection(rows, p.selected, -1);
    else if (e.key === 's') next = nextOfKind(rows, p.selected, 'suppressed');
    else if (e.key === 'a') next = nextOfKind(rows, p.selected, 'alert');
    else if (e.key === 'Escape') next = undefined;
    else return;
    e.preventDefault();
    p.onSelect(next);
  };

  return (
    <div className={`results${p.stale ? ' is-stale' : ''}`}>
      <div className="results-head">
        <span className="summary" data-testid="summary" data-stale={p.stale ? 'true' : 'false'}>
          {summaryText(counts)}
        </span>
        {p.stale && (
          <span className="stale-badge" data-testid="stale" title={p.staleReason}>
            stale · {p.staleReason ?? 'fix the problems to update'}
          </span>
        )}
        {!p.stale && p.ms !== undefined && (
          <span className="timing">
            {p.verdicts.length} events · {p.ms.toFixed(0)} ms
          </span>
        )}
      </div>
      <div className="filters" role="radiogroup" aria-label="Filter by verdict">
        {FILTERS.map((f) => {
          const n = f.key === 'all' ? counts.total : counts[f.key];
          if ((f.key === 'error' || f.key === 'excepted') && n === 0) return null;
          return (
            <button
              key={f.key}
              type="button"
              role="radio"
              aria-checked={p.filter === f.key}
              className={`filter filter-${f.key}${p.filter === f.key ? ' active' : ''}`}
              data-testid={`filter-${f.key}`}
              onClick={() => p.onFilter(f.key)}
            >
              {f.label} <span className="filter-count">{n}</span>
            </button>
          );
        })}
      </div>
      {p.unreadable && p.onGoToProblem && <UnreadableRows problems={p.unreadable} onGoTo={p.onGoToProblem} />}
      <VirtualList
        className="event-list"
        label="Events and their verdicts"
        count={rows.length}
        rowHeight={ROW_HEIGHT}
        focusIndex={focusIndex}
        onKeyDown={onKeyDown}
        renderRow={(i) => {
          const v = rows[i]!;
          return (
            <EventRow
              key={`${v.position}:${v.id}`}
              verdict={v}
              event={p.events[v.position]}
              selected={v.id === p.selected}
              keyFields={p.keyFields}
              timestampField={p.timestampField}
              onSelect={select}
            />
          );
        }}
      />
      {rows.length === 0 && (
        <div className="empty">{p.verdicts.length === 0 ? 'No results yet.' : 'No event has this verdict.'}</div>
      )}
    </div>
  );
}
