/**
 * Monaco, fully offline. Imported first by main.tsx: loads the editor core, its features and the
 * JSON language service from the bundle, wires their workers through Vite, registers EQL, and
 * hands this instance to @monaco-editor/react so it never fetches Monaco from a CDN.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { loader } from '@monaco-editor/react';
import { registerEqlLanguage } from './eql-language';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

// The events editor also holds NDJSON; the app reports event problems itself.
jsonDefaults.setDiagnosticsOptions({ validate: false, allowComments: true });

registerEqlLanguage(monaco);
loader.config({ monaco });

export { monaco };
