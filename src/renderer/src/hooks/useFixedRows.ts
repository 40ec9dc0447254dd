// A virtual list of equally tall rows (lib/fixedRows.ts does the arithmetic): the rows on screen
// for the scroll element's position and size, the content height, and a scrollToIndex.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { scrollTopToShow, shownHeight, visibleRows, type FixedRowsGeometry, type PlacedRow } from '../lib/fixedRows';

export interface FixedRows {
  rows: PlacedRow[];
  totalHeight: number;
  scrollToIndex(index: number): void;
}

export function useFixedRows(options: { count: number; rowHeight: number; overscan: number; scrollRef: RefObject<HTMLElement | null> }): FixedRows {
  const { count, rowHeight, overscan, scrollRef } = options;
  const [scrollTop, setScrollTop] = useState(0);
  // before the first layout: a guess, so the very first render already has rows
  const [viewport, setViewport] = useState(() => (typeof window === 'undefined' ? 0 : window.innerHeight));

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => {
      setViewport(el.clientHeight);
      setScrollTop(el.scrollTop);
    };
    measure();
    const onScroll = () => setScrollTop(el.scrollTop);
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize?.disconnect();
    };
  }, [scrollRef]);

  const geometry: FixedRowsGeometry = { count, rowHeight, viewport };
  const geometryRef = useRef(geometry);
  geometryRef.current = geometry;

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const g = { ...geometryRef.current, viewport: el.clientHeight };
      const next = scrollTopToShow(g, el.scrollTop, index);
      if (next === null) return;
      el.scrollTop = next;
      // render the rows there now rather than on the scroll event
      setScrollTop(el.scrollTop);
    },
    [scrollRef],
  );

  // a shorter list (a narrower search) clamps the browser's scrollTop; follow it
  const maxTop = Math.max(0, shownHeight(geometry) - viewport);
  const top = Math.min(scrollTop, maxTop);
  return { rows: visibleRows(geometry, top, overscan), totalHeight: shownHeight(geometry), scrollToIndex };
}
