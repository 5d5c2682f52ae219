/**
 * Monaco, fully offline and trimmed to what the editors use. Loaded lazily with the editors
 * (src/ui/components/MonacoEditors.tsx), never by the first page load: the editor core
 * (editor.api) plus only the contributions the rule and events editors and the rule diff use,
 * the events' JSON highlighting (json-language.ts), EQL, Monaco's worker through Vite, and this instance handed
 * to @monaco-editor/react so it never fetches Monaco from a CDN.
 */
import * as monaco from 'monaco-editor/editor';
// The icons of the suggest, find and hover widgets.
import 'monaco-editor/features/codicon/register';
// Completion (fields, functions, keywords, values in strings) and its snippets (`fn($0)`).
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/snippet/register';
// Hover docs and the problem markers' hovers.
import 'monaco-editor/features/hover/register';
// Editing as people expect it: find/replace, folding (events), brackets, comments, the context
// menu with cut/copy/paste, word and line operations, multiple cursors, cursor undo, dragging
// a selection, and Ctrl+M to move focus out with Tab.
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/dnd/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
// Invisible and look-alike characters in a rule are marked (they change what a query matches).
import 'monaco-editor/features/unicodeHighlighter/register';
// The rule's side-by-side diff against its baseline.
import 'monaco-editor/features/diffEditor/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { loader } from '@monaco-editor/react';
import { registerEqlLanguage } from './eql-language';
import { registerJsonLanguage } from './json-language';

// Monaco's own worker (diffs, the unicode highlighter); no language service has a worker.
self.MonacoEnvironment = {
  getWorker: (): Worker => new EditorWorker(),
};

registerEqlLanguage(monaco);
registerJsonLanguage(monaco);
loader.config({ monaco });

export { monaco };
