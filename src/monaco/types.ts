/** The Monaco API namespace as loaded by setup.ts (the bare editor entry point). */
export type Monaco = typeof import('monaco-editor/editor');
export type IStandaloneCodeEditor = import('monaco-editor/editor').editor.IStandaloneCodeEditor;
export type ITextModel = import('monaco-editor/editor').editor.ITextModel;
