import type { ReactNode } from 'react';
import { droppedFile } from '../platform/files';
import type { IStandaloneCodeEditor, Monaco } from '../../monaco/types';
import { CodeEditor } from '../components/CodeEditor';

export interface EditorPaneProps {
  readonly testId: string;
  readonly title: string;
  readonly hint?: string;
  readonly language: string;
  readonly path: string;
  readonly initialValue: string;
  readonly theme: 'dark' | 'light';
  /** The editor mounted, with the Monaco namespace it belongs to (Monaco loads lazily). */
  readonly onMount: (editor: IStandaloneCodeEditor, monaco: Monaco) => void;
  readonly onChange: (text: string) => void;
  readonly className?: string;
  /** Extra controls in the title bar. */
  readonly actions?: ReactNode;
  /** A file dropped onto the editor (instead of Monaco inserting its text). */
  readonly onDropFile?: (file: File) => void;
  /** Pasted text, before Monaco inserts it: true when taken (Monaco then never sees it). */
  readonly onPasteText?: (text: string) => boolean;
}

/** The editor fills its host (the wrapper's own inline style would size it by its content). */
const FILL_HOST = { style: { display: 'flex', position: 'absolute', inset: 0, textAlign: 'initial' } } as const;

/**
 * The editors' options, made once: the editor component applies its options again whenever the
 * object is a new one, and each application re-lays out the editor (on every keystroke's render).
 */
const BASE_OPTIONS = {
  minimap: { enabled: false },
  fontSize: 13,
  lineNumbersMinChars: 3,
  scrollBeyondLastLine: false,
  wrappingIndent: 'indent',
  automaticLayout: true,
  renderLineHighlight: 'line',
  tabSize: 2,
  fixedOverflowWidgets: true,
  quickSuggestions: { other: true, comments: false, strings: false },
  suggest: { showWords: false },
  glyphMargin: false,
} as const;
const RULE_OPTIONS = { ...BASE_OPTIONS, wordWrap: 'on', folding: false } as const;
const DATA_OPTIONS = { ...BASE_OPTIONS, wordWrap: 'off', folding: true } as const;

export function EditorPane({
  testId,
  title,
  hint,
  language,
  path,
  initialValue,
  theme,
  onMount,
  onChange,
  className,
  actions,
  onDropFile,
  onPasteText,
}: EditorPaneProps) {
  return (
    <section
      className={`pane editor-pane ${className ?? ''}`}
      onDragOverCapture={
        onDropFile
          ? (e) => {
              if (e.dataTransfer.types.includes('Files')) e.preventDefault();
            }
          : undefined
      }
      onPasteCapture={
        onPasteText
          ? (e) => {
              const text = e.clipboardData.getData('text/plain');
              if (!text || !onPasteText(text)) return;
              e.preventDefault();
              e.stopPropagation();
            }
          : undefined
      }
      onDropCapture={
        onDropFile
          ? (e) => {
              const file = droppedFile(e);
              if (!file) return;
              e.preventDefault();
              e.stopPropagation();
              onDropFile(file);
            }
          : undefined
      }
    >
      <div className="pane-title">
        <span>{title}</span>
        {hint && <span className="pane-hint">{hint}</span>}
        {actions}
      </div>
      <div className="editor-host" data-testid={testId}>
        <CodeEditor
          path={path}
          language={language}
          defaultValue={initialValue}
          wrapperProps={FILL_HOST}
          theme={theme === 'dark' ? 'eql-dark' : 'eql-light'}
          onMount={(editor, monaco) => onMount(editor, monaco)}
          onChange={(v) => onChange(v ?? '')}
          options={language === 'eql' ? RULE_OPTIONS : DATA_OPTIONS}
        />
      </div>
    </section>
  );
}
