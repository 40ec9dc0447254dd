import { describe, expect, it } from 'vitest';
import { listOffset, MAX_SCROLL_PX, scrollRatio, scrollTopToShow, shownHeight, visibleRows } from '../../../src/renderer/src/lib/fixedRows';
import { seededRandom } from '../../support/seeded-random';

const ROW = 44;

describe('fixed rows: a list that fits', () => {
  const g = { count: 1000, rowHeight: ROW, viewport: 440 };
  it('is as tall as its rows and scrolls one to one', () => {
    expect(shownHeight(g)).toBe(44_000);
    expect(scrollRatio(g)).toBe(1);
  });
  it('shows the rows under the viewport plus the overscan, each at index × height', () => {
    const rows = visibleRows(g, 44 * 100 + 10, 2);
    expect(rows[0]).toEqual({ index: 98, top: 98 * ROW });
    expect(rows[rows.length - 1].index).toBe(112);
    expect(rows.every((r, i) => i === 0 || r.index === rows[i - 1].index + 1)).toBe(true);
  });
  it('scrolls a row below the viewport to its bottom edge, above to its top, and leaves a visible one alone', () => {
    expect(scrollTopToShow(g, 0, 20)).toBe(21 * ROW - 440);
    expect(scrollTopToShow(g, 44 * 50, 10)).toBe(10 * ROW);
    expect(scrollTopToShow(g, 0, 3)).toBeNull();
    expect(scrollTopToShow(g, 0, 1000)).toBeNull();
  });
  it('has no rows when empty', () => {
    expect(visibleRows({ ...g, count: 0 }, 0, 5)).toEqual([]);
  });
});

describe('fixed rows: a million rows, taller than a browser lays out', () => {
  const g = { count: 1_000_000, rowHeight: ROW, viewport: 600 };
  it('caps the content height and scales the scroll range so the end is still reachable', () => {
    expect(shownHeight(g)).toBe(MAX_SCROLL_PX);
    expect(scrollRatio(g)).toBeGreaterThan(1);
    const bottom = MAX_SCROLL_PX - g.viewport;
    expect(listOffset(g, bottom)).toBeCloseTo(g.count * ROW - g.viewport, 3);
    const rows = visibleRows(g, bottom, 0);
    expect(rows[rows.length - 1].index).toBe(g.count - 1);
    // the last row ends exactly at the bottom of the content
    expect(rows[rows.length - 1].top + ROW).toBeCloseTo(MAX_SCROLL_PX, 3);
  });
  it('renders only a screenful', () => {
    expect(visibleRows(g, 7_000_000, 10).length).toBeLessThan(40);
  });
  it('(seeded) after scrolling to show any row, that row is on screen and inside the viewport', () => {
    const random = seededRandom(1313);
    for (let n = 0; n < 500; n++) {
      const count = 1 + random.below(2_000_000);
      const viewport = 100 + random.below(1200);
      const geo = { count, rowHeight: ROW, viewport };
      const from = random.below(Math.max(1, shownHeight(geo) - viewport));
      const index = random.below(count);
      const to = scrollTopToShow(geo, from, index) ?? from;
      const row = visibleRows(geo, to, 0).find((r) => r.index === index);
      expect(row, `count ${count} viewport ${viewport} from ${from} index ${index}`).toBeDefined();
      // within a scroll pixel's worth of list pixels of fully visible
      const slack = scrollRatio(geo);
      expect(row!.top - to).toBeGreaterThanOrEqual(-slack);
      expect(row!.top + ROW - (to + viewport)).toBeLessThanOrEqual(slack);
    }
  });
});
