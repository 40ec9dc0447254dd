// The arithmetic of a list of equally tall rows that may be far too long to lay out: which rows
// are on screen for a scroll position, where each goes, and where to scroll to show one. O(rows
// on screen), never O(all rows), so a million-row list costs what a hundred-row one does.
// Browsers cap an element's height (Chromium about 33.5 million px, Firefox about 17.9 million):
// past MAX_SCROLL_PX the scroll range is scaled, one pixel of scrollbar covering several of list.

export const MAX_SCROLL_PX = 15_000_000;

export interface FixedRowsGeometry {
  count: number;
  rowHeight: number;
  /** the scroll element's visible height */
  viewport: number;
}

/** the height the scroll content is given (the list's, or MAX_SCROLL_PX when that is shorter) */
export function shownHeight(g: FixedRowsGeometry): number {
  return Math.min(g.count * g.rowHeight, MAX_SCROLL_PX);
}

/** list pixels per scroll pixel: 1 until the list is taller than MAX_SCROLL_PX */
export function scrollRatio(g: FixedRowsGeometry): number {
  const real = g.count * g.rowHeight;
  const shown = shownHeight(g);
  if (real <= shown || shown <= g.viewport) return 1;
  return (real - g.viewport) / (shown - g.viewport);
}

/** the list offset (in list pixels) shown at the top of the viewport for a scrollTop */
export function listOffset(g: FixedRowsGeometry, scrollTop: number): number {
  const max = Math.max(0, g.count * g.rowHeight - g.viewport);
  return Math.min(max, Math.max(0, scrollTop * scrollRatio(g)));
}

export interface PlacedRow {
  index: number;
  /** where the row goes inside the scroll content (px), ready for translateY */
  top: number;
}

/** the rows on screen for `scrollTop`, plus `overscan` either side, in order */
export function visibleRows(g: FixedRowsGeometry, scrollTop: number, overscan: number): PlacedRow[] {
  if (g.count <= 0 || g.rowHeight <= 0) return [];
  const offset = listOffset(g, scrollTop);
  const first = Math.floor(offset / g.rowHeight);
  const last = Math.ceil((offset + Math.max(g.viewport, g.rowHeight)) / g.rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(g.count, last + overscan);
  // rows sit where the list offset puts them relative to the scrolled-to position
  const shift = scrollTop - offset;
  const rows: PlacedRow[] = [];
  for (let index = start; index < end; index++) rows.push({ index, top: index * g.rowHeight + shift });
  return rows;
}

/** the scrollTop that brings row `index` fully into view with the least movement, or null when it already is */
export function scrollTopToShow(g: FixedRowsGeometry, scrollTop: number, index: number): number | null {
  if (index < 0 || index >= g.count) return null;
  const offset = listOffset(g, scrollTop);
  const rowTop = index * g.rowHeight;
  let target: number;
  if (rowTop < offset) target = rowTop;
  else if (rowTop + g.rowHeight > offset + g.viewport) target = rowTop + g.rowHeight - g.viewport;
  else return null;
  const ratio = scrollRatio(g);
  // scrollTop is whole pixels: round towards showing the row whole
  return ratio === 1 ? Math.max(0, target) : Math.max(0, rowTop < offset ? Math.floor(target / ratio) : Math.ceil(target / ratio));
}
