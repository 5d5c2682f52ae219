/**
 * Rule edits the app makes on the user's behalf (an exclusion applied, a revert to the
 * baseline), each one undoable step in the editor's history, and the gutter marks of the rule's
 * diff against its baseline.
 */
import { ELEMENT_COMMAND } from './element-command';
import { toMonacoRange } from './ranges';
import type { IStandaloneCodeEditor, Monaco } from './types';

export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Replace [start, end) of the editor's text as one undo step, when the editor still holds
 * `expected` (the text the edit was computed for). Returns whether it was applied.
 */
export function applyOffsetEdit(editor: IStandaloneCodeEditor, edit: OffsetEdit, expected: string): boolean {
  const model = editor.getModel();
  if (!model || model.getValue() !== expected) return false;
  const range = toMonacoRange(model, { start: edit.start, end: edit.end });
  editor.pushUndoStop();
  editor.executeEdits('eql-playground', [{ range, text: edit.text, forceMoveMarkers: true }]);
  editor.pushUndoStop();
  const end = model.getPositionAt(edit.start + edit.text.length);
  editor.setSelection({
    startLineNumber: end.lineNumber,
    startColumn: end.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column,
  });
  editor.revealPositionInCenterIfOutsideViewport(end);
  return true;
}

/** Replace the whole text as one undo step (unlike setValue, which clears the history). */
export function replaceAllText(editor: IStandaloneCodeEditor, text: string): void {
  const model = editor.getModel();
  if (!model || model.getValue() === text) return;
  editor.pushUndoStop();
  editor.executeEdits('eql-playground', [{ range: model.getFullModelRange(), text }]);
  editor.pushUndoStop();
}

export interface GutterDiff {
  readonly added: readonly number[];
  readonly modified: readonly number[];
  readonly removedAfter: readonly number[];
}

type Collection = import('monaco-editor/editor').editor.IEditorDecorationsCollection;
const diffMarks = new WeakMap<IStandaloneCodeEditor, Collection>();

/** Gutter marks for lines added or changed since the baseline, and where lines were removed. */
export function showBaselineDiff(monaco: Monaco, editor: IStandaloneCodeEditor, diff: GutterDiff | undefined): void {
  const model = editor.getModel();
  if (!model) return;
  let c = diffMarks.get(editor);
  if (!c) {
    c = editor.createDecorationsCollection();
    diffMarks.set(editor, c);
  }
  const lines = model.getLineCount();
  const mark = (line: number, className: string, hover: string) => ({
    range: new monaco.Range(line, 1, line, 1),
    options: {
      isWholeLine: true,
      linesDecorationsClassName: className,
      overviewRuler: { color: '#2e9e5b', position: monaco.editor.OverviewRulerLane.Left },
      hoverMessage: { value: hover },
    },
  });
  const out = [];
  for (const l of diff?.added ?? []) if (l <= lines) out.push(mark(l, 'eql-diff-added', 'Added since the baseline'));
  for (const l of diff?.modified ?? [])
    if (l <= lines) out.push(mark(l, 'eql-diff-modified', 'Changed since the baseline'));
  for (const l of diff?.removedAfter ?? [])
    out.push(mark(Math.min(Math.max(l, 1), lines), 'eql-diff-removed', 'Lines of the baseline were removed here'));
  c.set(out);
}

/** Calls `handler` with the key of a clause badge the user clicks (see ClauseBadge.key). */
export function onBadgeClick(editor: IStandaloneCodeEditor, handler: (key: string) => void): () => void {
  const sub = editor.onMouseDown((e) => {
    const detail = (e.target as { detail?: unknown }).detail as
      | { injectedText?: { options?: { attachedData?: unknown } } }
      | null
      | undefined;
    const key = detail?.injectedText?.options?.attachedData;
    if (typeof key === 'string') handler(key);
  });
  return () => sub.dispose();
}

/** Calls `handler` with the key an element hover's link carries (ElementMark.hover) when it is followed. */
export function onElementCommand(monaco: Monaco, handler: (key: string) => void): () => void {
  const sub = monaco.editor.registerCommand(ELEMENT_COMMAND, (_accessor, key: unknown) => {
    if (typeof key === 'string') handler(key);
  });
  return () => sub.dispose();
}
