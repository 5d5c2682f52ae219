/**
 * Documents: the rule and events texts, settings, mapping, selection and rule metadata, with the
 * inputs version that evaluations are matched against. Pure reducer.
 */
import type { EvaluateInput, ExceptionsText, RunInput } from '../../worker/protocol';
import { metadataAfterEdit, replacesRule } from './rule-import';
import { toCoreSettings, type DocState } from './doc-state';

export interface DocumentsState {
  readonly doc: DocState;
  /** Bumped by every change to what an evaluation reads (not by selection or metadata alone). */
  readonly version: number;
}

export type DocumentsAction =
  /** The rule editor's text changed (typing, paste, or text set through the editor). */
  | { readonly type: 'rule-edited'; readonly text: string }
  | { readonly type: 'events-edited'; readonly text: string }
  | { readonly type: 'select'; readonly id: string | undefined }
  /** Any other change: settings, mapping, an import, a whole document loaded. */
  | { readonly type: 'patch'; readonly patch: Partial<DocState> };

export function initialDocuments(doc: DocState): DocumentsState {
  return { doc, version: 0 };
}

/** True when an evaluation of `next` could differ from one of `prev`. */
export function inputsChanged(prev: DocState, next: DocState): boolean {
  return (
    next.rule !== prev.rule ||
    next.events !== prev.events ||
    next.mapping !== prev.mapping ||
    next.settings !== prev.settings ||
    next.metadata?.indices !== prev.metadata?.indices ||
    // The tuning part of the request: the diff and the rule tests are evaluated with the rule.
    next.expectations !== prev.expectations ||
    next.baseline !== prev.baseline ||
    next.exceptions !== prev.exceptions
  );
}

function patched(state: DocumentsState, patch: Partial<DocState>): DocumentsState {
  const doc = { ...state.doc, ...patch };
  return { doc, version: inputsChanged(state.doc, doc) ? state.version + 1 : state.version };
}

export function documentsReducer(state: DocumentsState, action: DocumentsAction): DocumentsState {
  const cur = state.doc;
  switch (action.type) {
    case 'rule-edited': {
      if (cur.rule === action.text) return state;
      const metadata = metadataAfterEdit(cur.metadata, action.text, replacesRule(cur.rule, action.text));
      return patched(state, metadata === cur.metadata ? { rule: action.text } : { rule: action.text, metadata });
    }
    case 'events-edited':
      return cur.events === action.text ? state : patched(state, { events: action.text });
    case 'select':
      return cur.selected === action.id ? state : patched(state, { selected: action.id });
    case 'patch':
      return patched(state, action.patch);
  }
}

/** What the worker evaluates for a document. */
export function inputsOf(doc: DocState): EvaluateInput {
  const indices = doc.metadata?.indices;
  const exceptionsText = exceptionsTextOf(doc);
  return {
    rule: doc.rule,
    events: doc.events,
    settings: toCoreSettings(doc.settings),
    mapping: doc.mapping,
    ...(indices ? { indices } : {}),
    ...(exceptionsText ? { exceptionsText } : {}),
  };
}

/** What the worker evaluates against the events it holds. */
export function runInputOf(doc: DocState): RunInput {
  const indices = doc.metadata?.indices;
  const exceptionsText = exceptionsTextOf(doc);
  return {
    rule: doc.rule,
    settings: toCoreSettings(doc.settings),
    mapping: doc.mapping,
    ...(indices ? { indices } : {}),
    ...(exceptionsText ? { exceptionsText } : {}),
  };
}

/** The rule exceptions an evaluation of the document applies (none for an empty pane). */
export function exceptionsTextOf(doc: DocState): ExceptionsText | undefined {
  const x = doc.exceptions;
  if (!x || (x.text.trim() === '' && !x.valueLists?.length)) return undefined;
  return { text: x.text, ...(x.valueLists?.length ? { valueLists: x.valueLists } : {}) };
}
