import type { ReactNode } from 'react';
import type { Verdict, VerdictKind } from '../../core';
import { listKey } from '../state/navigation';
import type { ListHeader, ListModel } from '../state/verdict-list';
import { ROW_HEIGHT, rowDomId } from './RowShell';
import { VirtualList } from './VirtualList';

export interface ResultListProps {
  /** The list: event positions and group headers, in order. */
  readonly list: ListModel;
  /** Index in the list of the selected event (-1 when it is not listed). */
  readonly selectedIndex: number;
  readonly selected: string | undefined;
  readonly label: string;
  /** Letter keys that jump to the next row with a verdict (`a` for alerts, …). */
  readonly jumps: Readonly<Record<string, VerdictKind>>;
  /** The listed rows in order, for the keys (built when one is pressed). */
  readonly navigationRows: () => readonly Verdict[];
  readonly onSelect: (id: string | undefined) => void;
  readonly renderRow: (position: number) => ReactNode;
  /** What the list says when no row passes the filter. */
  readonly empty: string;
  /** The entries on screen changed: [start, end). */
  readonly onWindow?: ((start: number, end: number) => void) | undefined;
}

function GroupHeader({ header }: { readonly header: ListHeader }) {
  return (
    <div
      className={`list-group-header${header.verdict ? ` verdict-${header.verdict}` : ''}`}
      data-testid="list-group"
      role="presentation"
      style={{ height: ROW_HEIGHT }}
      title={header.label}
    >
      <span className="list-group-label">{header.label}</span>
      <span className="list-group-count">{header.count.toLocaleString('en-US')}</span>
    </div>
  );
}

/** The id of the row a click landed in (RowShell marks each row with its event id). */
function rowIdAt(target: EventTarget): string | undefined {
  if (!(target instanceof Element)) return undefined;
  return target.closest('[data-event-id]')?.getAttribute('data-event-id') ?? undefined;
}

/**
 * The rows of either query kind: windowed, keyboard-navigable, the selection kept in view. The
 * list is the one interactive element (a listbox): it takes the focus, the keys and the clicks;
 * the rows are its options.
 */
export function ResultList(p: ResultListProps) {
  const { list } = p;
  const onKeyDown = (e: React.KeyboardEvent) => {
    const next = listKey(e.key, p.navigationRows(), p.selected, p.jumps);
    if (!next) return;
    e.preventDefault();
    p.onSelect(next.id);
  };
  return (
    <>
      <VirtualList
        className="event-list"
        label={p.label}
        count={list.entries.length}
        rowHeight={ROW_HEIGHT}
        focusIndex={p.selectedIndex < 0 ? undefined : p.selectedIndex}
        activeId={p.selected !== undefined && p.selectedIndex >= 0 ? rowDomId(p.selected) : undefined}
        onKeyDown={onKeyDown}
        onClick={(e) => {
          const id = rowIdAt(e.target);
          if (id !== undefined) p.onSelect(id);
        }}
        onWindow={p.onWindow}
        windowKey={list}
        renderRow={(i) => {
          const entry = list.entries[i]!;
          return entry < 0 ? <GroupHeader key={`h${entry}`} header={list.headers[-entry - 1]!} /> : p.renderRow(entry);
        }}
      />
      {list.rows === 0 && <div className="empty">{p.empty}</div>}
    </>
  );
}
