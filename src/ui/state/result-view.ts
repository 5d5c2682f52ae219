/**
 * What the results column and the editors show for the current selection: the rows of either
 * query kind, the selected verdict, row, event and sequence, and which texts the results' ranges
 * still point into. Pure.
 */
import type { Diagnostic, Verdict } from '../../core';
import type { EventView } from '../../worker/protocol';
import type { DocState } from './doc-state';
import type { JoinRow, JoinView, SequenceCard } from './join-view';
import { navigationRows } from './result-list';
import { labelAt } from './event-label';
import { eventOf, nameOfId, positionOfId, shownLabels, verdictOf, type ResultsState } from './results';
import type { ListModel } from './verdict-list';

export interface ResultView {
  /** The fetched events whose ranges point into the events editor's text (sparse, by position), if any. */
  readonly eventsForText: readonly EventView[] | undefined;
  readonly joinView: JoinView | undefined;
  /** The list on screen (positions and group headers). */
  readonly list: ListModel;
  /** What the events on screen are called, by position (event-label.ts). */
  readonly labels: readonly string[];
  /** What the event with this id is called (its label). */
  readonly nameOf: (id: string) => string;
  /** The selected event's name and ordinal ("#N"). */
  readonly selectedLabel: { readonly name: string; readonly ordinal: string } | undefined;
  /** The listed rows in order, as keyboard navigation reads them (built when asked). */
  readonly navigationRows: () => readonly Verdict[];
  readonly selectedPosition: number | undefined;
  readonly selectedVerdict: Verdict | undefined;
  readonly selectedJoinRow: JoinRow | undefined;
  readonly selectedRow: Verdict | undefined;
  readonly selectedEvent: EventView | undefined;
  readonly selectedCard: SequenceCard | undefined;
}

/** The fetched rows as a sparse array of events, by position. */
function eventsOf(results: ResultsState): EventView[] {
  const out: EventView[] = [];
  for (const [p, r] of results.rows) out[p] = eventOf(r)!;
  return out;
}

export function resultView(
  doc: Pick<DocState, 'events' | 'selected'>,
  results: ResultsState,
  joinView: JoinView | undefined,
  selectedSequence: number | undefined,
  list: ListModel,
): ResultView {
  const shown = results.shown;
  const eventsForText = shown && shown.eventsText === doc.events ? eventsOf(results) : undefined;
  const position = positionOfId(shown?.info, doc.selected);
  const row = position === undefined ? undefined : results.rows.get(position);
  const selectedVerdict = joinView || !shown || position === undefined ? undefined : verdictOf(shown, position, row);
  const selectedJoinRow = joinView && position !== undefined ? joinView.rowAt(position) : undefined;
  const selectedRow = selectedVerdict ?? selectedJoinRow;
  const labels = shownLabels(results);
  return {
    eventsForText,
    joinView,
    list,
    labels,
    nameOf: (id) => nameOfId(results, id),
    selectedLabel:
      position === undefined || !selectedRow
        ? undefined
        : { name: labelAt(labels, position), ordinal: `#${position + 1}` },
    navigationRows: () => navigationRows(shown, list),
    selectedPosition: position,
    selectedVerdict,
    selectedJoinRow,
    selectedRow,
    selectedEvent: selectedRow ? eventOf(row) : undefined,
    selectedCard:
      joinView && selectedSequence !== undefined ? joinView.cards.find((c) => c.index === selectedSequence) : undefined,
  };
}

/** Why the results on screen are stale, in words (for the stale badge). */
export function staleText(ds: readonly Diagnostic[]): string {
  const errors = ds.filter((d) => d.severity === 'error');
  const rule = errors.filter((d) => d.source === 'rule').length;
  const events = errors.filter((d) => d.source === 'events').length;
  const parts: string[] = [];
  if (rule > 0) parts.push(`the rule has ${rule} error${rule > 1 ? 's' : ''}`);
  if (events > 0) parts.push(`${events} event${events > 1 ? 's' : ''} could not be read`);
  if (parts.length === 0 && errors.length > 0) parts.push(`${errors.length} problem${errors.length > 1 ? 's' : ''}`);
  return parts.length > 0 ? `${parts.join(', ')}; showing the last good results` : 'showing the last good results';
}

/** The stale badge's reason, when the results are stale or missing. */
export function staleReason(results: ResultsState): string | undefined {
  return results.failure ?? (results.stale ? staleText(results.diagnostics) : undefined);
}
