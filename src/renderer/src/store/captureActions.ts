// Loading, paging and changing the capture list. Each response is checked against a request
// counter so a slow answer for an old filter never overwrites a newer one.
import type { CaptureFilter } from '../../../shared/capture';
import { api } from '../api';
import { describeError } from '../api/envelope';
import { appendOlder, prependNewer } from './mergePage';
import { useAppStore } from './store';
import type { CapturesState } from './types';
import { markAllRead, markRead } from './unread';

export const PAGE_SIZE = 100;

let generation = 0;
const { getState, setState } = useAppStore;

function patchCaptures(patch: Partial<CapturesState>) {
  setState((state) => ({ captures: { ...state.captures, ...patch } }));
}

/** (Re)loads the newest page for the current filter, replacing the list. */
export async function loadCaptures(): Promise<void> {
  const mine = ++generation;
  const filter = getState().captures.filter;
  patchCaptures({ status: 'loading', error: null, headStale: false });
  try {
    const page = await api['captures.list']({ filter, limit: PAGE_SIZE });
    if (mine !== generation) return;
    const setBaseline = !unreadBaselineSet;
    unreadBaselineSet = true;
    setState((state) => ({
      captures: { ...state.captures, items: page.items, total: page.total, status: 'ready', hasMore: page.items.length < page.total, loadingMore: false },
      // on a first run, history from before Hookbench was opened is not "new"
      ...(setBaseline ? { unread: markAllRead(state.unread, page.items[0]?.seq ?? 0) } : {}),
    }));
  } catch (error) {
    if (mine === generation) patchCaptures({ status: 'error', error: describeError(error) });
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
  const mine = generation;
  patchCaptures({ loadingMore: true });
  try {
    const beforeSeq = captures.items[captures.items.length - 1].seq;
    const page = await api['captures.list']({ filter: captures.filter, beforeSeq, limit: PAGE_SIZE });
    if (mine !== generation) return;
    // a full page means there may be more; one empty fetch at the very end is the price
    setState((state) => ({
      captures: { ...state.captures, items: appendOlder(state.captures.items, page.items), loadingMore: false, hasMore: page.items.length >= PAGE_SIZE },
    }));
  } catch (error) {
    if (mine === generation) patchCaptures({ loadingMore: false, error: describeError(error) });
  }
}

/** Fetches the newest page and puts what we lack in front (after live arrivals the client could not match). */
export async function refreshCaptureHead(): Promise<void> {
  const mine = generation;
  const filter = getState().captures.filter;
  try {
    const page = await api['captures.list']({ filter, limit: PAGE_SIZE });
    if (mine !== generation) return;
    setState((state) => ({ captures: { ...state.captures, items: prependNewer(state.captures.items, page.items), total: page.total, headStale: false } }));
  } catch {
    // the next event or reconnect tries again
  }
}

export function setCaptureFilter(filter: CaptureFilter): Promise<void> {
  patchCaptures({ filter });
  return loadCaptures();
}

export function selectCapture(id: string | null) {
  patchCaptures({ selectedId: id });
}

export function openCapture(id: string | null) {
  setState((state) => {
    const summary = id ? state.captures.items.find((item) => item.id === id) : undefined;
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
