// Folds one event batch into the state. Pure, so the sync can apply a whole batch with a
// single set() and a burst of webhooks costs one render, not one per request.
import type { CaptureSummary } from '@shared/capture';
import type { EventBatch } from '@shared/events';
import { summaryMatchesFilter } from './filterMatch';
import type { AppState, CapturesState, SettingsState } from './types';
import { shiftDeep } from './captureWindow';

export interface BatchOutcome {
  state: Partial<AppState>;
  /** the list may be missing live captures only the engine can match: refetch its head */
  refreshHead: boolean;
  /** the receiver may have moved: refetch engine.info */
  refreshEngineInfo: boolean;
}

export function applyEventBatch(state: AppState, batch: EventBatch): BatchOutcome {
  const captures = foldCaptures(state.captures, batch);
  const settings = foldSettings(state.settings, batch);
  const state2: Partial<AppState> = {};
  if (captures.next !== state.captures) state2.captures = captures.next;
  if (settings.next !== state.settings) state2.settings = settings.next;
  return { state: state2, refreshHead: captures.refreshHead, refreshEngineInfo: settings.refreshEngineInfo };
}

/** The capture list's part of a batch: arrivals on top (when they match the filter), deletes, clear. */
export function foldCaptures(before: CapturesState, batch: EventBatch): { next: CapturesState; refreshHead: boolean } {
  let captures = before;
  const received: CaptureSummary[] = [];

  const flushReceived = () => {
    if (received.length) captures = prependReceived(captures, received.splice(0));
  };

  for (const event of batch) {
    switch (event.type) {
      case 'capture.received':
        received.push(event.capture);
        break;
      case 'captures.deleted':
        flushReceived();
        captures = removeCaptures(captures, event.ids);
        break;
      case 'captures.cleared':
        received.length = 0;
        captures = { ...captures, items: [], deep: null, total: 0, hasMore: false, selectedId: null, openId: null, headStale: false };
        break;
      default:
        break; // the other slices fold their own events (see slices.ts)
    }
  }
  flushReceived();
  return { next: captures, refreshHead: captures.headStale && !before.headStale };
}

/** Settings changed elsewhere (the CLI, another window): the receiver may have moved too. */
export function foldSettings(before: SettingsState, batch: EventBatch): { next: SettingsState; refreshEngineInfo: boolean } {
  let settings = before;
  for (const event of batch) if (event.type === 'settings.changed') settings = { ...settings, value: event.settings };
  return { next: settings, refreshEngineInfo: settings !== before };
}

/** `arrived` is in arrival order (oldest first); the list is newest first. */
function prependReceived(captures: CapturesState, arrived: CaptureSummary[]): CapturesState {
  // before the first page is in, the load that is on its way will include these
  if (captures.status !== 'ready') return captures;
  const topSeq = captures.items.length ? captures.items[0].seq : -Infinity;
  const fresh: CaptureSummary[] = [];
  let headStale = captures.headStale;
  for (let i = arrived.length - 1; i >= 0; i--) {
    const summary = arrived[i];
    if (summary.seq <= topSeq) continue;
    const match = summaryMatchesFilter(summary, captures.filter);
    if (match === true) fresh.push(summary);
    else if (match === 'unknown') headStale = true;
  }
  if (!fresh.length && headStale === captures.headStale) return captures;
  fresh.sort((a, b) => b.seq - a.seq);
  return {
    ...captures,
    items: fresh.length ? fresh.concat(captures.items) : captures.items,
    deep: shiftDeep(captures.deep, fresh.length),
    total: captures.total + fresh.length,
    headStale,
  };
}

export function removeCaptures(captures: CapturesState, ids: string[]): CapturesState {
  const gone = new Set(ids);
  const items = captures.items.filter((item) => !gone.has(item.id));
  const removed = captures.items.length - items.length;
  // the deep window's offsets may have moved by deletions anywhere: it is fetched again
  const deepRemoved = captures.deep ? captures.deep.items.filter((item) => gone.has(item.id)).length : 0;
  if (!removed && !captures.deep) return captures;
  return {
    ...captures,
    items,
    deep: null,
    total: Math.max(0, captures.total - removed - deepRemoved),
    selectedId:
      captures.selectedId && gone.has(captures.selectedId)
        ? nextSelection(captures.deep ? captures.items.concat(captures.deep.items) : captures.items, gone, captures.selectedId)
        : captures.selectedId,
    openId: captures.openId && gone.has(captures.openId) ? null : captures.openId,
  };
}

/** Keeps the cursor near where it was when the selected row disappears. */
function nextSelection(before: CaptureSummary[], gone: Set<string>, selectedId: string): string | null {
  const index = before.findIndex((item) => item.id === selectedId);
  if (index < 0) return null;
  // the first surviving row at or after the old position, else the nearest one above it
  for (let i = index; i < before.length; i++) if (!gone.has(before[i].id)) return before[i].id;
  for (let i = index - 1; i >= 0; i--) if (!gone.has(before[i].id)) return before[i].id;
  return null;
}
