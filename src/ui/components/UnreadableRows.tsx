/**
 * The events that could not be read, as error rows above the verdicts: each names its line and
 * why, and goes to it in the events editor. The others are evaluated as usual; a handful of rows
 * at most, the problems panel lists them all.
 */
import type { Diagnostic } from '../../core';
import type { ProblemView } from '../../worker/protocol';

export const UNREADABLE_SHOWN = 5;

export interface UnreadableRowsProps {
  readonly problems: readonly ProblemView[];
  readonly onGoTo: (d: Diagnostic) => void;
}

export function UnreadableRows({ problems, onGoTo }: UnreadableRowsProps) {
  if (problems.length === 0) return null;
  const shown = problems.slice(0, UNREADABLE_SHOWN);
  return (
    <div className="unreadable" data-testid="unreadable">
      {shown.map((d, i) => (
        <button
          type="button"
          // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id; the list is replaced whole
          key={i}
          className="event-row verdict-error unreadable-row"
          data-testid="unreadable-row"
          data-line={d.at?.line}
          onClick={() => onGoTo(d)}
          title="Go to this event in the events editor"
        >
          <span className="verdict-badge verdict-error">not read</span>
          <span className="row-id">{d.at ? `line ${d.at.line}` : 'events'}</span>
          <span className="unreadable-msg">{d.message}</span>
        </button>
      ))}
      {problems.length > shown.length && (
        <div className="unreadable-more">
          and {(problems.length - shown.length).toLocaleString('en-US')} more events not read (see Problems)
        </div>
      )}
    </div>
  );
}
