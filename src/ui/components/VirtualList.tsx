import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useElementHeight } from '../platform/element-size';
import { scrollToShow, virtualWindow } from '../state/virtual-window';

export interface VirtualListProps {
  readonly count: number;
  readonly rowHeight: number;
  readonly renderRow: (index: number) => ReactNode;
  /** Row to keep in view (the selection). */
  readonly focusIndex: number | undefined;
  readonly className?: string;
  readonly onKeyDown?: (e: React.KeyboardEvent) => void;
  /** A click anywhere in the list (the rows are told apart by the caller, from the target). */
  readonly onClick?: (e: React.MouseEvent) => void;
  readonly label: string;
  /** Told which rows [start, end) are rendered, whenever that changes. */
  readonly onWindow?: ((start: number, end: number) => void) | undefined;
  /** Changes when the rows themselves change (the window is reported again). */
  readonly windowKey?: unknown;
  /** The element id of the selected row (the list keeps the focus; assistive technology reads the row). */
  readonly activeId?: string | undefined;
}

/** Renders every row for small lists; only the visible window (plus overscan) above that. */
export function VirtualList({
  count,
  rowHeight,
  renderRow,
  focusIndex,
  className,
  onKeyDown,
  onClick,
  label,
  onWindow,
  windowKey,
  activeId,
}: VirtualListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const height = useElementHeight(ref);
  const [scrollTop, setScrollTop] = useState(0);
  const win = virtualWindow(count, rowHeight, scrollTop, height || 600);

  useEffect(() => {
    const el = ref.current;
    if (!el || focusIndex === undefined || focusIndex < 0) return;
    const next = scrollToShow(focusIndex, rowHeight, el.scrollTop, el.clientHeight);
    if (next !== el.scrollTop) el.scrollTop = next;
  }, [focusIndex, rowHeight]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the window is reported again when the rows change (count, windowKey), even if its bounds stay the same
  useEffect(() => {
    onWindow?.(win.start, win.end);
  }, [onWindow, win.start, win.end, count, windowKey]);

  const rows: ReactNode[] = [];
  for (let i = win.start; i < win.end; i++) rows.push(renderRow(i));
  return (
    <div
      ref={ref}
      className={className}
      role="listbox"
      aria-label={label}
      aria-activedescendant={activeId}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onClick={onClick}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      {win.padTop > 0 && <div style={{ height: win.padTop }} />}
      {rows}
      {win.padBottom > 0 && <div style={{ height: win.padBottom }} />}
    </div>
  );
}
