/**
 * What the results column and the editors show for the current selection: the rows of either
 * query kind, the selected verdict, row, event and sequence, and which texts the results' ranges
 * still point into. Pure.
 */
import type { Diagnostic, Verdict } from '../../core';
import type { EventView } from '../../worker/protocol';
import type { DocState } from './doc-state';
import type { JoinRow, JoinView, SequenceCard } from './join-view';
import type { ResultsState } from './results';

export interface ResultView {
  /** The rule text the results' ranges point into is the one in the editor. */
  readonly rulesCurrent: boolean;
  /** The parsed events whose ranges point into the events editor's text, if any. */
  readonly eventsForText: readonly EventView[] | undefined;
  readonly joinView: JoinView | undefined;
  /** One row per event, whatever the query kind (join rows carry verdicts alert / no-match). */
  readonly allRows: readonly Verdict[];
  readonly selectedVerdict: Verdict | undefined;
  readonly selectedJoinRow: JoinRow | undefined;
  readonly selectedRow: Verdict | undefined;
  readonly selectedEvent: EventView | undefined;
  readonly selectedCard: SequenceCard | undefined;
}

export function resultView(
  doc: DocState,
  results: ResultsState,
  joinView: JoinView | undefined,
  selectedSequence: number | undefined,
): ResultView {
  const eventsForText =
    results.latestEventsText === doc.events
      ? results.latestEvents
      : results.eventsText === doc.events
        ? results.events
        : undefined;
  const selectedVerdict = joinView ? undefined : results.verdicts.find((v) => v.id === doc.selected);
  const selectedJoinRow = joinView ? joinView.rows.find((r) => r.id === doc.selected) : undefined;
  const selectedRow = selectedVerdict ?? selectedJoinRow;
  return {
    rulesCurrent: results.ruleText === doc.rule,
    eventsForText,
    joinView,
    allRows: joinView ? joinView.rows : results.verdicts,
    selectedVerdict,
    selectedJoinRow,
    selectedRow,
    selectedEvent: selectedRow ? results.events[selectedRow.position] : undefined,
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
