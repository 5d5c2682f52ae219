/**
 * The editors as the page uses them: Monaco loads in its own chunk the first time an editor
 * renders, so the first page load carries none of it. Until it is there, the editor's place
 * holds a placeholder of the same size (the layout does not move when the editor appears).
 */
import type { DiffEditorProps, EditorProps } from '@monaco-editor/react';
import { lazy, Suspense } from 'react';

// Requested when the page's script runs, not when React first renders an editor.
const monacoModule = import('./MonacoEditors');
const loadMonaco = () => monacoModule;
const LazyEditor = lazy(() => loadMonaco().then((m) => ({ default: m.MonacoEditor })));
const LazyDiffEditor = lazy(() => loadMonaco().then((m) => ({ default: m.MonacoDiffEditor })));

function Loading() {
  return <div className="editor-loading">Loading editor…</div>;
}

/** A Monaco code editor (Monaco loads with the first one). */
export function CodeEditor(props: EditorProps) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyEditor loading={<Loading />} {...props} />
    </Suspense>
  );
}

/** Monaco's diff editor, side by side (Monaco loads with the first editor of either kind). */
export function DiffEditor(props: DiffEditorProps) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyDiffEditor loading={<Loading />} {...props} />
    </Suspense>
  );
}
