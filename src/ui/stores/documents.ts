/**
 * The documents store and the two editors that show its texts. Text set from outside (reset,
 * a restored draft, an import, the automation hook) goes through the editor when it is mounted,
 * so the editor's change event updates the document as typing does.
 */
import type { IStandaloneCodeEditor, Monaco } from '../../monaco/types';
import type { DocState } from '../state/doc-state';
import { documentsReducer, initialDocuments, inputsOf, runInputOf } from '../state/documents';
import { createReducerStore, createStore } from '../state/store';

export interface Editors {
  readonly rule: IStandaloneCodeEditor | undefined;
  readonly events: IStandaloneCodeEditor | undefined;
  /** The Monaco namespace the editors belong to (it loads with them; decorations need its enums). */
  readonly monaco: Monaco | undefined;
  /** How many editors have mounted (the decorations wait for them). */
  readonly ready: number;
}

export function createDocuments(initial: DocState) {
  const state = createReducerStore(documentsReducer, initialDocuments(initial));
  const editors = createStore<Editors>({ rule: undefined, events: undefined, monaco: undefined, ready: 0 });
  const doc = () => state.get().doc;
  const patch = (p: Partial<DocState>) => state.dispatch({ type: 'patch', patch: p });

  const setRule = (text: string): void => {
    const ed = editors.get().rule;
    if (ed && ed.getValue() !== text) ed.setValue(text);
    else if (doc().rule !== text) patch({ rule: text });
  };
  const setEvents = (text: string): void => {
    const ed = editors.get().events;
    if (ed && ed.getValue() !== text) ed.setValue(text);
    else if (doc().events !== text) patch({ events: text });
  };

  /** Mount an editor: it takes over text set before it existed. */
  const mount = (which: 'rule' | 'events', ed: IStandaloneCodeEditor, monaco?: Monaco): void => {
    const text = which === 'rule' ? doc().rule : doc().events;
    editors.update((e) => ({ ...e, [which]: ed, monaco: monaco ?? e.monaco }));
    if (ed.getValue() !== text) ed.setValue(text);
    editors.update((e) => ({ ...e, ready: e.ready + 1 }));
  };

  return {
    state,
    editors,
    doc,
    patch,
    setRule,
    setEvents,
    mount,
    onRuleChange: (text: string) => state.dispatch({ type: 'rule-edited', text }),
    onEventsChange: (text: string) => state.dispatch({ type: 'events-edited', text }),
    /** The Exceptions pane's text typed or pasted in the pane. */
    editExceptions: (text: string) => state.dispatch({ type: 'exceptions-edited', text }),
    /** What the worker evaluates against the events it holds, for the document now. */
    runInput: () => runInputOf(state.get().doc, state.get().exceptionsEdited),
    /** What the worker evaluates against the page's events text, for the document now. */
    evaluateInput: () => inputsOf(state.get().doc, state.get().exceptionsEdited),
    select: (id: string | undefined) => state.dispatch({ type: 'select', id }),
    /** The rule as the editor holds it (the document lags a keystroke behind while typing). */
    getRule: () => editors.get().rule?.getValue() ?? doc().rule,
    getEvents: () => editors.get().events?.getValue() ?? doc().events,
    /** Replace the whole document (reset, restore draft, a pasted link). */
    load(next: DocState): void {
      // The rule first: replacing it clears the header, then the document's own metadata goes in.
      setRule(next.rule);
      setEvents(next.events);
      patch({
        settings: next.settings,
        mapping: next.mapping,
        selected: next.selected,
        metadata: next.metadata,
        // What it was loaded with is the baseline, unless the document names its own.
        baseline: next.baseline ?? { rule: next.rule, settings: next.settings },
        expectations: next.expectations,
        exceptions: next.exceptions,
        idField: next.idField,
        listView: next.listView,
      });
    },
  };
}

export type Documents = ReturnType<typeof createDocuments>;
