import { joinKeysText, spanText, type SequenceCard, type SequenceStageCell } from '../state/join-view';

export interface SequenceCardsProps {
  readonly cards: readonly SequenceCard[];
  readonly noun: 'sequence' | 'sample';
  readonly selected: number | undefined;
  /** Selecting the selected card again clears the selection. */
  readonly onSelect: (index: number | undefined) => void;
  readonly onSelectEvent: (id: string) => void;
  /** What an event is called (its label), from its id. */
  readonly nameOf?: (id: string) => string;
}

/** The returned sequences (or samples), one card each. */
const sameId = (id: string) => id;

export function SequenceCards({ cards, noun, selected, onSelect, onSelectEvent, nameOf = sameId }: SequenceCardsProps) {
  return (
    <section className="sequence-list" data-testid="sequences" aria-label={`Returned ${noun}s`}>
      {cards.length === 0 ? (
        <div className="sequence-empty">No {noun} returned. The rows below say what became of each candidate.</div>
      ) : (
        cards.map((c) => (
          <SequenceCardView
            key={c.index}
            card={c}
            noun={noun}
            selected={c.index === selected}
            onSelect={() => onSelect(c.index === selected ? undefined : c.index)}
            onSelectEvent={onSelectEvent}
            nameOf={nameOf}
          />
        ))
      )}
    </section>
  );
}

function StageCell({
  cell,
  onSelectEvent,
  nameOf,
}: {
  cell: SequenceStageCell;
  onSelectEvent: (id: string) => void;
  nameOf: (id: string) => string;
}) {
  if (cell.missing) {
    return (
      <span
        className="seq-cell missing"
        data-testid="sequence-missing"
        title={`${cell.label}: a missing-event term; no event matched it in the window`}
      >
        {cell.label} missing
      </span>
    );
  }
  const at = cell.timestamp !== undefined ? ` at ${new Date(cell.timestamp).toISOString()}` : '';
  const name = cell.id === undefined ? '?' : nameOf(cell.id);
  return (
    <button
      type="button"
      className="seq-cell"
      data-testid="sequence-event"
      title={`${cell.label}: event ${name}${at}`}
      onClick={(e) => {
        e.stopPropagation();
        if (cell.id !== undefined) onSelectEvent(cell.id);
      }}
    >
      {cell.label} <code>{name}</code>
    </button>
  );
}

function SequenceCardView({
  card,
  noun,
  selected,
  onSelect,
  onSelectEvent,
  nameOf,
}: {
  card: SequenceCard;
  noun: string;
  selected: boolean;
  onSelect: () => void;
  onSelectEvent: (id: string) => void;
  nameOf: (id: string) => string;
}) {
  const span = spanText(card);
  const over = card.maxspanMs !== undefined && card.spanMs !== undefined && card.spanMs > card.maxspanMs;
  return (
    <div
      className={`sequence-card${selected ? ' selected' : ''}`}
      data-testid="sequence"
      data-sequence={card.index + 1}
      title={`Select ${noun} #${card.index + 1} to highlight its events and stage terms`}
    >
      {/* The card's selection control; it covers the whole card (CSS), the event buttons sit above it. */}
      <button type="button" className="seq-no seq-select" aria-pressed={selected} onClick={onSelect}>
        #{card.index + 1}
      </button>
      <span className="seq-keys" data-testid="join-keys" title="join keys">
        {joinKeysText(card.joinKeys)}
      </span>
      <span className="seq-cells">
        {card.cells.map((c) => (
          <StageCell key={c.stage} cell={c} onSelectEvent={onSelectEvent} nameOf={nameOf} />
        ))}
      </span>
      {span && (
        <span className={`seq-span${over ? ' over' : ''}`} data-testid="sequence-span">
          {span}
        </span>
      )}
    </div>
  );
}
