import type { ReactNode } from 'react';
import type { Verdict, VerdictKind } from '../../core';
import { listKey } from '../state/navigation';
import { ROW_HEIGHT } from './RowShell';
import { VirtualList } from './VirtualList';

export interface ResultListProps<R extends Verdict> {
  readonly rows: readonly R[];
  readonly selected: string | undefined;
  readonly label: string;
  /** Letter keys that jump to the next row with a verdict (`a` for alerts, …). */
  readonly jumps: Readonly<Record<string, VerdictKind>>;
  readonly onSelect: (id: string | undefined) => void;
  readonly renderRow: (row: R, selected: boolean) => ReactNode;
  /** What the list says when no row passes the filter. */
  readonly empty: string;
}

/** The rows of either query kind: windowed, keyboard-navigable, the selection kept in view. */
export function ResultList<R extends Verdict>({
  rows,
  selected,
  label,
  jumps,
  onSelect,
  renderRow,
  empty,
}: ResultListProps<R>) {
  const focusIndex = selected === undefined ? undefined : rows.findIndex((r) => r.id === selected);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const next = listKey(e.key, rows, selected, jumps);
    if (!next) return;
    e.preventDefault();
    onSelect(next.id);
  };
  return (
    <>
      <VirtualList
        className="event-list"
        label={label}
        count={rows.length}
        rowHeight={ROW_HEIGHT}
        focusIndex={focusIndex}
        onKeyDown={onKeyDown}
        renderRow={(i) => renderRow(rows[i]!, rows[i]!.id === selected)}
      />
      {rows.length === 0 && <div className="empty">{empty}</div>}
    </>
  );
}
