/** Selection and navigation: the selected event (in the document) and the view state around it. */
import { initialSelection, selectionReducer, type ResultsTab } from '../state/selection';
import type { VerdictFilter } from '../state/results';
import { createReducerStore } from '../state/store';
import type { Documents } from './documents';

export function createSelection(documents: Documents) {
  const state = createReducerStore(selectionReducer, initialSelection);
  return {
    state,
    selectEvent(id: string | undefined): void {
      state.dispatch({ type: 'event-selected' });
      documents.select(id);
    },
    selectSequence(index: number | undefined): void {
      documents.select(undefined);
      state.dispatch({ type: 'sequence', index });
    },
    setFilter: (filter: VerdictFilter) => state.dispatch({ type: 'filter', filter }),
    setTab: (tab: ResultsTab) => state.dispatch({ type: 'tab', tab }),
    toggleHelp: () => state.dispatch({ type: 'help' }),
    closeHelp: () => state.dispatch({ type: 'help', open: false }),
    joinViewShown: () => state.dispatch({ type: 'join-view' }),
  };
}

export type Selection = ReturnType<typeof createSelection>;
