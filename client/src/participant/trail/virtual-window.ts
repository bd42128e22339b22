/** Row range `[first, last)` of a virtualised list that is rendered into the DOM. */
export interface RowWindow {
  first: number;
  last: number;
}

/**
 * Compute the rows to render for a scroll position: the rows in the viewport plus `overscan` rows
 * on each side, so a small scroll shows rows that are already there. Rows have one fixed height.
 */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 10): RowWindow {
  if (total <= 0 || rowHeight <= 0) return { first: 0, last: 0 };
  const top = Math.max(0, Math.floor(scrollTop / rowHeight));
  const shown = Math.ceil(Math.max(viewportHeight, 0) / rowHeight) + 1;
  const first = Math.max(0, Math.min(top, total - 1) - overscan);
  const last = Math.min(total, top + shown + overscan);
  return { first, last };
}

/** Indexes of the fixed-size pages that hold the rows of `window`. */
export function pagesOf(window: RowWindow, pageSize: number): number[] {
  if (window.last <= window.first) return [];
  const pages: number[] = [];
  for (let page = Math.floor(window.first / pageSize); page <= Math.floor((window.last - 1) / pageSize); page += 1) pages.push(page);
  return pages;
}
