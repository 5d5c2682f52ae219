import { useMemo, useState } from 'react';
import type { Diagnostic } from '../../core';
import type { ProblemView } from '../../worker/protocol';
import { groupProblems, problemRows, problemTotal, type ProblemRow } from '../state/problems-view';

export interface ProblemsPanelProps {
  /** With their line and column where they point into a text (the worker computes them). */
  readonly diagnostics: readonly ProblemView[];
  readonly onGoTo: (d: ProblemView) => void;
  /** Per code, how many problems the events have (the worker sends only the first ones). */
  readonly eventsTotals?: Readonly<Record<string, number>>;
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

export function ProblemsPanel({ diagnostics, onGoTo, eventsTotals }: ProblemsPanelProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const groups = useMemo(() => groupProblems(diagnostics, eventsTotals), [diagnostics, eventsTotals]);
  const total = useMemo(() => problemTotal(groups), [groups]);
  const rows = useMemo(() => problemRows(groups, expanded), [groups, expanded]);
  const errors = useMemo(() => groups.filter((g) => g.severity === 'error').length, [groups]);
  const toggle = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <section className="pane problems-pane">
      <div className="pane-title">
        <span>Problems</span>
        <span className={errors > 0 ? 'count error' : 'count'} data-testid="problem-count">
          {total === 0 ? 'none' : total.toLocaleString('en-US')}
        </span>
      </div>
      <ul className="problems" data-testid="problems">
        {rows.map((row, i) => (
          <Row key={rowKey(row, i)} row={row} onGoTo={onGoTo} onToggle={toggle} />
        ))}
      </ul>
    </section>
  );
}

function rowKey(row: ProblemRow, i: number): string {
  return row.kind === 'group' ? `g:${row.group.key}` : `${row.kind}:${i}`;
}

function Row({
  row,
  onGoTo,
  onToggle,
}: {
  row: ProblemRow;
  onGoTo: (d: ProblemView) => void;
  onToggle: (key: string) => void;
}) {
  if (row.kind === 'group') {
    const g = row.group;
    return (
      <li className={`problem-group severity-${g.severity}`} data-testid="problem-group" data-code={g.code}>
        <button type="button" onClick={() => onToggle(g.key)} aria-expanded={row.expanded}>
          <span className={`problem-sev ${g.severity}`}>{g.severity}</span>
          <span className="problem-where">
            {SOURCE_LABEL[g.source]} · {g.count.toLocaleString('en-US')}×
          </span>
          <span className="problem-msg">{g.template}</span>
          <span className="problem-code">{g.code}</span>
        </button>
      </li>
    );
  }
  if (row.kind === 'more') {
    return (
      <li className="problem-more" data-testid="problem-more">
        {row.group ? (
          <button type="button" className="link" onClick={() => onToggle(row.group!.key)}>
            and {row.hidden.toLocaleString('en-US')} more
          </button>
        ) : (
          <span>and {row.hidden.toLocaleString('en-US')} more problems</span>
        )}
      </li>
    );
  }
  const d = row.problem;
  const at = d.at;
  return (
    <li
      className={`problem severity-${d.severity}${row.inGroup ? ' in-group' : ''}`}
      data-testid="problem"
      data-code={d.code}
    >
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
}
