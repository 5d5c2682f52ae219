/** The rule side by side with its baseline (Monaco's diff editor, read-only). */
import { DiffEditor } from '../CodeEditor';
import { EQL_LANGUAGE_ID } from '../../../monaco/eql-language';
import '../../tuning.css';

export interface BaselineDiffProps {
  readonly baseline: string;
  readonly rule: string;
  readonly theme: 'dark' | 'light';
  readonly onClose: () => void;
}

/** Made once: a new options object each render makes the diff editor apply them again. */
const DIFF_OPTIONS = {
  readOnly: true,
  originalEditable: false,
  renderSideBySide: true,
  minimap: { enabled: false },
  wordWrap: 'on',
  scrollBeyondLastLine: false,
  fontSize: 12,
} as const;

export function BaselineDiff(p: BaselineDiffProps) {
  return (
    <div
      className="baseline-diff"
      data-testid="baseline-diff"
      role="dialog"
      aria-label="The rule against its baseline"
      onKeyDown={(e) => {
        if (e.key === 'Escape') p.onClose();
      }}
    >
      <div className="baseline-diff-head">
        <span>Baseline (left) · current rule (right) · Esc closes</span>
        {/* biome-ignore lint/a11y/noAutofocus: the diff opens as a dialog; its Close button takes the focus */}
        <button type="button" onClick={p.onClose} data-testid="close-baseline-diff" autoFocus>
          Close
        </button>
      </div>
      <DiffEditor
        original={p.baseline}
        modified={p.rule}
        language={EQL_LANGUAGE_ID}
        theme={p.theme === 'dark' ? 'eql-dark' : 'eql-light'}
        options={DIFF_OPTIONS}
      />
    </div>
  );
}
