/**
 * The heavy part of the editors, loaded lazily (CodeEditor.tsx): Monaco itself (monaco/setup)
 * and @monaco-editor/react's components. Importing setup first configures Monaco (no CDN, local
 * workers, EQL registered) before either component can mount.
 */
import '../../monaco/setup';
import Editor, { DiffEditor, type DiffEditorProps, type EditorProps } from '@monaco-editor/react';

export function MonacoEditor(props: EditorProps) {
  return <Editor {...props} />;
}

export function MonacoDiffEditor(props: DiffEditorProps) {
  return <DiffEditor {...props} />;
}
