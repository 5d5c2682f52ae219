import type { Diagnostic } from '../../core';
import type { ProblemView } from '../../worker/protocol';

export interface ProblemsPanelProps {
  /** With their line and column where they point into a text (the worker computes them). */
  readonly diagnostics: readonly ProblemView[];
  readonly onGoTo: (d: Diagnostic) => void;
}

const SOURCE_LABEL: Record<Diagnostic['source'], string> = {
  rule: 'rule',
  events: 'events',
  mapping: 'mapping',
  settings: 'settings',
  share: 'link',
  exceptions: 'exceptions',
  'value-list': 'value list',
  workspace: 'workspace file',
};

export function ProblemsPanel({ diagnostics, onGoTo }: ProblemsPanelProps) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return (
    <section className="pane problems-pane">
      <div className="pane-title">
        <span>Problems</span>
        <span className={errors > 0 ? 'count error' : 'count'}>
          {diagnostics.length === 0 ? 'none' : diagnostics.length}
        </span>
      </div>
      <ul className="problems" data-testid="problems">
        {diagnostics.map((d, i) => {
          const at = d.at;
          return (
            <li key={i} className={`problem severity-${d.severity}`} data-testid="problem" data-code={d.code}>
              <button type="button" onClick={() => onGoTo(d)} title="Go to the problem">
                <span className={`problem-sev ${d.severity}`}>{d.severity}</span>
                <span className="problem-where">
                  {SOURCE_LABEL[d.source]}
                  {at ? ` ${at.line}:${at.column}` : ''}
                </span>
                <span className="problem-msg">{d.message}</span>
                <span className="problem-code">{d.code}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
