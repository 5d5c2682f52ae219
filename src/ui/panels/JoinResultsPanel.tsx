import { useCallback, useMemo } from 'react';
import type { EventView } from '../../worker/protocol';
import { JoinEventRow } from '../components/JoinEventRow';
import { ROW_HEIGHT } from '../components/EventRow';
import { VirtualList } from '../components/VirtualList';
import {
  joinKeysText,
  joinSummaryText,
  resultStages,
  spanText,
  type JoinView,
  type SequenceCard,
} from '../state/join-view';
import { nextOfKind, stepSelection } from '../state/navigation';
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
  const focusIndex = p.selected === undefined ? undefined : rows.findIndex((r) => r.id === p.selected);
  const { onSelect } = p;
  const select = useCallback((id: string) => onSelect(id), [onSelect]);
  const counts = { all: view.rows.length, alert: view.summary.eventsInResults, 'no-match': view.summary.notInResults };

  const onKeyDown = (e: React.KeyboardEvent) => {
    let next: string | undefined;
    if (e.key === 'ArrowDown' || e.key === 'j') next = stepSelection(rows, p.selected, 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') next = stepSelection(rows, p.selected, -1);
    else if (e.key === 'a') next = nextOfKind(rows, p.selected, 'alert');
    else if (e.key === 'Escape') next = undefined;
    else return;
    e.preventDefault();
    p.onSelect(next);
  };

  const filters: { key: VerdictFilter; label: string; n: number }[] = [
    { key: 'all', label: 'All', n: counts.all },
    { key: 'alert', label: `In a ${noun}`, n: counts.alert },
    { key: 'no-match', label: `Not in a ${noun}`, n: counts['no-match'] },
  ];

  return (
    <div className={`results join-results${p.stale ? ' is-stale' : ''}`} data-query-kind={view.summary.kind}>
      <div className="results-head">
        <span className="summary" data-testid="summary" data-stale={p.stale ? 'true' : 'false'}>
          {joinSummaryText(view.summary)}
        </span>
        {p.stale && (
          <span className="stale-badge" data-testid="stale" title={p.staleReason}>
            stale · {p.staleReason ?? 'fix the problems to update'}
          </span>
        )}
        {!p.stale && p.ms !== undefined && <span className="timing">{p.ms.toFixed(0)} ms</span>}
      </div>
      <div className="sequence-list" data-testid="sequences" aria-label={`Returned ${noun}s`}>
        {view.cards.length === 0 ? (
          <div className="sequence-empty">No {noun} returned. The rows below say what became of each candidate.</div>
        ) : (
          view.cards.map((c) => (
            <SequenceCardView
              key={c.index}
              card={c}
              noun={noun}
              selected={c.index === p.selectedSequence}
              onSelect={() => p.onSelectSequence(c.index === p.selectedSequence ? undefined : c.index)}
              onSelectEvent={(id) => p.onSelect(id)}
            />
          ))
        )}
      </div>
      <div className="filters" role="radiogroup" aria-label={`Filter by ${noun}`}>
        {filters.map((f) => (
          <button
            key={f.key}
            type="button"
            role="radio"
            aria-checked={p.filter === f.key}
            className={`filter filter-${f.key}${p.filter === f.key ? ' active' : ''}`}
            data-testid={`filter-${f.key}`}
            onClick={() => p.onFilter(f.key)}
          >
            {f.label} <span className="filter-count">{f.n}</span>
          </button>
        ))}
        <span
          className="stage-legend"
          title={resultStages(view.join)
            .map((s) => `${s.role === 'filter' ? 'F' : 'S'}${s.stage + 1} ${s.text.text}`)
            .join('\n')}
        >
          ✓ filter holds · ✗ fails
        </span>
      </div>
      <VirtualList
        className="event-list"
        label={`Events and the ${noun}s they are part of`}
        count={rows.length}
        rowHeight={ROW_HEIGHT}
        focusIndex={focusIndex}
        onKeyDown={onKeyDown}
        renderRow={(i) => {
          const r = rows[i]!;
          return (
            <JoinEventRow
              key={`${r.position}:${r.id}`}
              row={r}
              kind={view.summary.kind}
              stages={stages}
              event={p.events[r.position]}
              selected={r.id === p.selected}
              inSelectedSequence={inSelected.has(r.position)}
              keyFields={p.keyFields}
              timestampField={p.timestampField}
              onSelect={select}
            />
          );
        }}
      />
      {rows.length === 0 && (
        <div className="empty">{view.rows.length === 0 ? 'No events.' : 'No event in this group.'}</div>
      )}
    </div>
  );
}

function SequenceCardView({
  card,
  noun,
  selected,
  onSelect,
  onSelectEvent,
}: {
  card: SequenceCard;
  noun: string;
  selected: boolean;
  onSelect: () => void;
  onSelectEvent: (id: string) => void;
}) {
  const span = spanText(card);
  return (
    <div
      className={`sequence-card${selected ? ' selected' : ''}`}
      data-testid="sequence"
      data-sequence={card.index + 1}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        }
      }}
      title={`Select ${noun} #${card.index + 1} to highlight its events and stage terms`}
    >
      <span className="seq-no">#{card.index + 1}</span>
      <span className="seq-keys" data-testid="join-keys" title="join keys">
        {joinKeysText(card.joinKeys)}
      </span>
      <span className="seq-cells">
        {card.cells.map((c) =>
          c.missing ? (
            <span
              key={c.stage}
              className="seq-cell missing"
              data-testid="sequence-missing"
              title={`${c.label}: a missing-event term; no event matched it in the window`}
            >
              {c.label} missing
            </span>
          ) : (
            <button
              key={c.stage}
              type="button"
              className="seq-cell"
              data-testid="sequence-event"
              title={`${c.label}: event ${c.id ?? '?'}${c.timestamp !== undefined ? ` at ${new Date(c.timestamp).toISOString()}` : ''}`}
              onClick={(e) => {
                e.stopPropagation();
                if (c.id !== undefined) onSelectEvent(c.id);
              }}
            >
              {c.label} <code>{c.id ?? '?'}</code>
            </button>
          ),
        )}
      </span>
      {span && (
        <span
          className={`seq-span${card.maxspanMs !== undefined && card.spanMs !== undefined && card.spanMs > card.maxspanMs ? ' over' : ''}`}
          data-testid="sequence-span"
        >
          {span}
        </span>
      )}
    </div>
  );
}
