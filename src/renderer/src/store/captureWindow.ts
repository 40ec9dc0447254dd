// The inbox list spans every match (`total` rows), but only some rows are loaded: `items`, the
// contiguous newest-first prefix (live arrivals go in front), and `deep`, one window anywhere
// further down, fetched by offset when the user jumps or drags there. Offsets are anchored at
// the prefix's newest capture, so the engine's positions and ours agree while captures arrive.
import type { CaptureSummary } from '@shared/capture';
import type { CapturesState } from './types';

export interface DeepWindow {
  /** list index of deep.items[0] */
  offset: number;
  items: CaptureSummary[];
}

/** how many rows the list has: every match, even those not loaded */
export function listLength(c: CapturesState): number {
  return Math.max(c.total, c.items.length);
}

export function rowAt(c: CapturesState, index: number): CaptureSummary | undefined {
  if (index < c.items.length) return c.items[index];
  const deep = c.deep;
  if (deep && index >= deep.offset) return deep.items[index - deep.offset];
  return undefined;
}

export function indexOfCapture(c: CapturesState, id: string | null): number {
  if (!id) return -1;
  const i = c.items.findIndex((item) => item.id === id);
  if (i >= 0) return i;
  const j = c.deep ? c.deep.items.findIndex((item) => item.id === id) : -1;
  return j >= 0 ? c.deep!.offset + j : -1;
}

export function findCapture(c: CapturesState, id: string | null): CaptureSummary | undefined {
  const i = indexOfCapture(c, id);
  return i >= 0 ? rowAt(c, i) : undefined;
}

/** are rows [start, end) all loaded? */
export function isLoaded(c: CapturesState, start: number, end: number): boolean {
  const stop = Math.min(end, listLength(c));
  if (stop <= c.items.length) return true;
  const deep = c.deep;
  const from = Math.max(start, c.items.length);
  return deep !== null && from >= deep.offset && stop <= deep.offset + deep.items.length;
}

/** `count` rows went in front of the list: the deep window moves down with them */
export function shiftDeep(deep: DeepWindow | null, count: number): DeepWindow | null {
  return deep && count ? { ...deep, offset: deep.offset + count } : deep;
}
