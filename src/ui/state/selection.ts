/**
 * Selection and navigation: which returned sequence is selected (the selected event lives in the
 * document, since links carry it), the verdict filter, the results tab, the shortcuts help, and
 * what a global shortcut does. Pure.
 */
import type { Verdict } from '../../core';
import type { Shortcut } from '../platform/keyboard';
import { nextOfKind, stepSelection } from './navigation';
import type { VerdictFilter } from './results';

export type ResultsTab = 'verdicts' | 'es';

export interface SelectionState {
  /** Index into the returned sequences (samples), when one is selected instead of an event. */
  readonly sequence: number | undefined;
  readonly filter: VerdictFilter;
  readonly tab: ResultsTab;
  readonly help: boolean;
}

export const initialSelection: SelectionState = { sequence: undefined, filter: 'all', tab: 'verdicts', help: false };

export type SelectionAction =
  /** An event was selected (or the selection cleared): no sequence stays selected. */
  | { readonly type: 'event-selected' }
  | { readonly type: 'sequence'; readonly index: number | undefined }
  | { readonly type: 'filter'; readonly filter: VerdictFilter }
  | { readonly type: 'tab'; readonly tab: ResultsTab }
  | { readonly type: 'help'; readonly open?: boolean }
  /** The sequence view is on screen: a filter for a verdict it does not have falls back to all. */
  | { readonly type: 'join-view' };

/** The filters the sequence and sample view has. */
export const JOIN_FILTERS: readonly VerdictFilter[] = ['all', 'alert', 'no-match'];

export function selectionReducer(s: SelectionState, a: SelectionAction): SelectionState {
  switch (a.type) {
    case 'event-selected':
      return s.sequence === undefined ? s : { ...s, sequence: undefined };
    case 'sequence':
      return s.sequence === a.index ? s : { ...s, sequence: a.index };
    case 'filter':
      return s.filter === a.filter ? s : { ...s, filter: a.filter };
    case 'tab':
      return s.tab === a.tab ? s : { ...s, tab: a.tab };
    case 'help':
      return { ...s, help: a.open ?? !s.help };
    case 'join-view':
      return JOIN_FILTERS.includes(s.filter) ? s : { ...s, filter: 'all' };
  }
}

export type ShortcutEffect =
  | { readonly kind: 'select'; readonly id: string | undefined }
  | { readonly kind: 'share' }
  | { readonly kind: 'run' }
  | { readonly kind: 'help' };

/** What a global shortcut does, given the rows on screen and the selected event. */
export function shortcutEffect(s: Shortcut, rows: readonly Verdict[], selected: string | undefined): ShortcutEffect {
  switch (s) {
    case 'share':
    case 'run':
    case 'help':
      return { kind: s };
    case 'next':
      return { kind: 'select', id: stepSelection(rows, selected, 1) };
    case 'previous':
      return { kind: 'select', id: stepSelection(rows, selected, -1) };
    case 'next-suppressed':
      return { kind: 'select', id: nextOfKind(rows, selected, 'suppressed') };
    case 'next-alert':
      return { kind: 'select', id: nextOfKind(rows, selected, 'alert') };
    case 'next-no-match':
      return { kind: 'select', id: nextOfKind(rows, selected, 'no-match') };
  }
}
