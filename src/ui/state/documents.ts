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
  /**
   * The Exceptions pane's text was last changed by typing or pasting in it (not by a file, Apply,
   * Undo or a whole document): while it reads with errors, the last exceptions applied stay so.
   */
  readonly exceptionsEdited?: boolean;
}

export type DocumentsAction =
  /** The rule editor's text changed (typing, paste, or text set through the editor). */
  | { readonly type: 'rule-edited'; readonly text: string }
  | { readonly type: 'events-edited'; readonly text: string }
  /** The Exceptions pane's text typed or pasted in the pane. */
  | { readonly type: 'exceptions-edited'; readonly text: string }
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

function patched(state: DocumentsState, patch: Partial<DocState>, exceptionsEdited = false): DocumentsState {
  const doc = { ...state.doc, ...patch };
  const version = inputsChanged(state.doc, doc) ? state.version + 1 : state.version;
  const edited = 'exceptions' in patch ? exceptionsEdited : state.exceptionsEdited;
  return edited ? { doc, version, exceptionsEdited: true } : { doc, version };
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
    case 'exceptions-edited':
      if (cur.exceptions?.text === action.text) return state;
      return patched(state, { exceptions: { ...(cur.exceptions ?? {}), text: action.text } }, true);
    case 'select':
      return cur.selected === action.id ? state : patched(state, { selected: action.id });
    case 'patch':
      return patched(state, action.patch);
  }
}

/** What the worker evaluates for a document (`edited`: the pane's text was typed, see DocumentsState). */
export function inputsOf(doc: DocState, edited = false): EvaluateInput {
  const indices = doc.metadata?.indices;
  const exceptionsText = exceptionsTextOf(doc, edited);
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
export function runInputOf(doc: DocState, edited = false): RunInput {
  const indices = doc.metadata?.indices;
  const exceptionsText = exceptionsTextOf(doc, edited);
  return {
    rule: doc.rule,
    settings: toCoreSettings(doc.settings),
    mapping: doc.mapping,
    ...(indices ? { indices } : {}),
    ...(exceptionsText ? { exceptionsText } : {}),
  };
}

/**
 * The rule exceptions an evaluation of the document applies (none for an empty pane); `edited`:
 * the text was typed in the pane, so the worker keeps the last exceptions applied while it reads
 * with errors.
 */
export function exceptionsTextOf(doc: DocState, edited = false): ExceptionsText | undefined {
  const x = doc.exceptions;
  if (!x || (x.text.trim() === '' && !x.valueLists?.length)) return undefined;
  return {
    text: x.text,
    ...(x.valueLists?.length ? { valueLists: x.valueLists } : {}),
    ...(edited ? { keepLastApplied: true } : {}),
  };
}
