// Loading, paging and changing the capture list. Each answer is checked against the list's
// request counter (latest.ts) so a slow answer for an old filter never overwrites a newer one.
import type { CaptureFilter } from '@shared/capture';
import { api } from '../api';
import { describeError } from '../api/envelope';
import { generationOf, joinRequest, startRequest } from './latest';
import { appendOlder, prependNewer } from './mergePage';
import { useAppStore } from './store';
import type { CapturesState } from './types';
import { findCapture, isLoaded, listLength, shiftDeep } from './captureWindow';
import { markAllRead, markRead } from './unread';

export const PAGE_SIZE = 100;

const { getState, setState } = useAppStore;

function patchCaptures(patch: Partial<CapturesState>) {
  setState((state) => ({ captures: { ...state.captures, ...patch } }));
}

/** (Re)loads the newest page for the current filter, replacing the list. */
export async function loadCaptures(): Promise<void> {
  const latest = startRequest('captures');
  const filter = getState().captures.filter;
  patchCaptures({ status: 'loading', error: null, headStale: false });
  try {
    const page = await api['captures.list']({ filter, limit: PAGE_SIZE });
    if (!latest()) return;
    const setBaseline = !unreadBaselineSet;
    unreadBaselineSet = true;
    setState((state) => ({
      captures: {
        ...state.captures,
        items: page.items,
        deep: null,
        total: page.total,
        status: 'ready',
        hasMore: page.items.length < page.total,
        loadingMore: false,
      },
      // on a first run, history from before Hookbench was opened is not "new"
      ...(setBaseline ? { unread: markAllRead(state.unread, page.items[0]?.seq ?? 0) } : {}),
    }));
  } catch (error) {
    if (latest()) patchCaptures({ status: 'error', error: describeError(error) });
  }
}

let unreadBaselineSet = false;
/** Unread marks were restored from an earlier session: the first load must keep them. */
export function markUnreadBaselineSet() {
  unreadBaselineSet = true;
}

export async function loadOlderCaptures(): Promise<void> {
  const { captures } = getState();
  if (captures.loadingMore || !captures.hasMore || captures.status !== 'ready' || !captures.items.length) return;
  const latest = joinRequest('captures');
  patchCaptures({ loadingMore: true });
  try {
    const beforeSeq = captures.items[captures.items.length - 1].seq;
    const page = await api['captures.list']({ filter: captures.filter, beforeSeq, limit: PAGE_SIZE });
    if (!latest()) return;
    // a full page means there may be more; one empty fetch at the very end is the price
    setState((state) => ({
      captures: { ...state.captures, items: appendOlder(state.captures.items, page.items), loadingMore: false, hasMore: page.items.length >= PAGE_SIZE },
    }));
  } catch (error) {
    if (latest()) patchCaptures({ loadingMore: false, error: describeError(error) });
  }
}

/** the deep window's size: a screenful or two either side of what is shown */
const DEEP_MARGIN = 60;
let deepInFlight: string | null = null;

/**
 * Makes rows [start, end) of the list available: near the loaded prefix by paging on (as when
 * scrolling), anywhere else by fetching that window by offset (a jump, the End key, a drag).
 */
export async function ensureCaptureRows(start: number, end: number): Promise<void> {
  const { captures } = getState();
  if (captures.status !== 'ready' || !captures.items.length || isLoaded(captures, start, end)) return;
  if (start <= captures.items.length + DEEP_MARGIN) return loadOlderCaptures();
  const offset = Math.max(captures.items.length, start - DEEP_MARGIN);
  const limit = Math.min(500, end - start + 2 * DEEP_MARGIN);
  const anchorSeq = captures.items[0].seq + 1;
  const key = `${generationOf('captures')}:${anchorSeq}:${offset}:${limit}`;
  if (deepInFlight === key) return;
  deepInFlight = key;
  const latest = joinRequest('captures');
  try {
    const page = await api['captures.list']({ filter: captures.filter, beforeSeq: anchorSeq, offset, limit });
    if (!latest()) return;
    setState((state) => {
      const c = state.captures;
      // rows that arrived meanwhile pushed the window down by as many
      const arrived = c.items.length && c.items[0].seq >= anchorSeq ? c.items.findIndex((item) => item.seq < anchorSeq) : 0;
      return { captures: { ...c, deep: { offset: offset + Math.max(0, arrived), items: page.items } } };
    });
  } catch (error) {
    if (latest()) patchCaptures({ error: describeError(error) });
  } finally {
    if (deepInFlight === key) deepInFlight = null;
  }
}

/** End: the oldest match, fetched directly and selected */
export async function jumpToOldestCapture(): Promise<void> {
  const { captures } = getState();
  const last = listLength(captures) - 1;
  if (last < 0) return;
  await ensureCaptureRows(Math.max(0, last - 20), last + 1);
  const row = getState().captures;
  const index = listLength(row) - 1;
  const summary = index < row.items.length ? row.items[index] : row.deep?.items[index - row.deep.offset];
  if (summary) selectCapture(summary.id);
}

/** Home: the newest */
export function jumpToNewestCapture(): void {
  const first = getState().captures.items[0];
  if (first) selectCapture(first.id);
}

/** Fetches the newest page and puts what we lack in front (after live arrivals the client could not match). */
export async function refreshCaptureHead(): Promise<void> {
  const latest = joinRequest('captures');
  const filter = getState().captures.filter;
  try {
    const page = await api['captures.list']({ filter, limit: PAGE_SIZE });
    if (!latest()) return;
    setState((state) => {
      const items = prependNewer(state.captures.items, page.items);
      return {
        captures: {
          ...state.captures,
          items,
          deep: shiftDeep(state.captures.deep, items.length - state.captures.items.length),
          total: page.total,
          headStale: false,
        },
      };
    });
  } catch {
    // the next event or reconnect tries again
  }
}

const HEAD_REFRESH_DELAY_MS = 250;
let headTimer: ReturnType<typeof setTimeout> | null = null;

/** Debounced refreshCaptureHead: a burst of captures the client could not match costs one fetch. */
export function scheduleHeadRefresh(): void {
  if (headTimer) return;
  headTimer = setTimeout(() => {
    headTimer = null;
    void refreshCaptureHead();
  }, HEAD_REFRESH_DELAY_MS);
}

export function cancelHeadRefresh(): void {
  if (headTimer) clearTimeout(headTimer);
  headTimer = null;
}

export function setCaptureFilter(filter: CaptureFilter): Promise<void> {
  // `npm run bench` times a search from this mark (after the debounce) to the updated list
  performance.mark('hookbench:filter-applied');
  patchCaptures({ filter });
  return loadCaptures();
}

export function selectCapture(id: string | null) {
  patchCaptures({ selectedId: id });
}

export function openCapture(id: string | null) {
  setState((state) => {
    const summary = id ? findCapture(state.captures, id) : undefined;
    return {
      captures: { ...state.captures, openId: id, selectedId: id ?? state.captures.selectedId },
      ...(summary ? { unread: markRead(state.unread, summary.seq) } : {}),
    };
  });
}

export function markAllCapturesRead() {
  setState((state) => ({ unread: markAllRead(state.unread, state.captures.items[0]?.seq ?? 0) }));
}

export async function deleteCaptures(ids: string[]): Promise<void> {
  if (!ids.length) return;
  // the captures.deleted event updates the list; this just makes the call
  await api['captures.delete']({ ids });
}

export async function clearAllCaptures(): Promise<number> {
  const { deleted } = await api['captures.clear']();
  return deleted;
}

/** One capture with its body preview (the detail pane keeps it while open). */
export const fetchCaptureDetail = (id: string) => api['captures.get']({ id });
