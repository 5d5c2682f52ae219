/** Which rows a virtualised list renders. Small lists render every row. */
export interface VirtualWindow {
  readonly start: number;
  readonly end: number;
  readonly padTop: number;
  readonly padBottom: number;
}

export const RENDER_ALL_BELOW = 400;

export function virtualWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewport: number,
  overscan = 10,
): VirtualWindow {
  if (count < RENDER_ALL_BELOW) return { start: 0, end: count, padTop: 0, padBottom: 0 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { start: first, end: last, padTop: first * rowHeight, padBottom: (count - last) * rowHeight };
}

/** The scrollTop that brings row `index` into view (unchanged if already visible). */
export function scrollToShow(index: number, rowHeight: number, scrollTop: number, viewport: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return scrollTop;
}
