// The data slices of the store, registered once: each says what it starts as (`initial`), how an
// event batch changes it (`fold`, pure, plus the loads the batch calls for) and how it is loaded
// from the engine (`reload`). Start-up and the event sync (a batch, a reconnect) go through this
// list, so a new slice is one entry here (and the compiler asks for it: the list is keyed by
// AppState's data keys).
import type { EventBatch } from '@shared/events';
import { loadEngineInfo, loadSettings } from './appActions';
import { foldCaptures, foldSettings } from './applyEvents';
import { loadCaptures, scheduleHeadRefresh } from './captureActions';
import { initialCaptures, initialSettings, initialTriggerLog, initialTriggers, initialUi } from './initialState';
import { loadNotifications, refreshHealth, reloadView } from './notificationActions';
import { applyNotificationEvents, initialNotifications } from './notificationsSlice';
import { loadProject, loadRuns } from './runActions';
import { applyRunEvents, initialRuns } from './runsSlice';
import { loadSender } from './senderActions';
import { applySenderEvents, initialSender } from './senderSlice';
import { loadTriggers } from './triggerActions';
import { applyTriggerEvents } from './triggerEvents';
import { loadTriggerLog } from './triggerLogActions';
import type { AppState } from './types';

export interface Folded<S> {
  /** the slice after the batch: the same object when the batch held nothing for it */
  next: S;
  /** loads the batch calls for (only the engine can answer them), run once the batch is applied */
  then?: Array<() => void>;
}

export interface DataSlice<S> {
  initial(): S;
  fold(slice: S, batch: EventBatch, app: AppState): Folded<S>;
  reload(): Promise<void>;
  /** whether the slice is kept up to date now: loaded at start, or once its page first loaded it */
  live(slice: S): boolean;
}

/** `unread` is local (kept in the browser's storage), not engine data */
export type DataKey = Exclude<keyof AppState, 'unread'>;

const always = () => true;
const onceLoaded = (slice: { status: string }) => slice.status !== 'idle';
const when = (cond: boolean, ...loads: Array<() => void>) => (cond ? loads : []);

export const SLICES: { [K in DataKey]: DataSlice<AppState[K]> } = {
  // the engine info (receiver URL, mode) lives with the page and the connection
  ui: { initial: initialUi, fold: (ui) => ({ next: ui }), reload: loadEngineInfo, live: always },
  settings: {
    initial: initialSettings,
    fold: (settings, batch) => {
      const r = foldSettings(settings, batch);
      return { next: r.next, then: when(r.refreshEngineInfo, () => void loadEngineInfo()) };
    },
    reload: loadSettings,
    live: always,
  },
  captures: {
    initial: initialCaptures,
    fold: (captures, batch) => {
      const r = foldCaptures(captures, batch);
      return { next: r.next, then: when(r.refreshHead, scheduleHeadRefresh) };
    },
    reload: loadCaptures,
    live: always,
  },
  triggers: {
    initial: initialTriggers,
    fold: (triggers, batch) => ({
      next: triggers,
      then: when(
        batch.some((e) => e.type === 'workspace.changed'),
        () => void loadTriggers(),
      ),
    }),
    reload: loadTriggers,
    live: always,
  },
  triggerLog: {
    initial: initialTriggerLog,
    fold: (log, batch, app) => ({ next: applyTriggerEvents({ ...app, triggerLog: log }, batch).state.triggerLog ?? log }),
    reload: loadTriggerLog,
    live: always,
  },
  notifications: {
    initial: initialNotifications,
    fold: (notifications, batch) => {
      const r = applyNotificationEvents(notifications, batch);
      const live = onceLoaded(notifications);
      return { next: r.next ?? notifications, then: [...when(live && r.refreshHealth, refreshHealth), ...when(live && r.reloadView, () => void reloadView())] };
    },
    reload: loadNotifications,
    live: onceLoaded,
  },
  runs: {
    initial: initialRuns,
    fold: (runs, batch) => {
      const r = applyRunEvents(runs, batch);
      return { next: r.next ?? runs, then: when(r.reloadProject && onceLoaded(runs), () => void loadProject()) };
    },
    reload: loadRuns,
    live: onceLoaded,
  },
  sender: {
    initial: initialSender,
    fold: (sender, batch) => ({ next: applySenderEvents(sender, batch) ?? sender }),
    reload: () => loadSender(),
    live: onceLoaded,
  },
};

const KEYS = Object.keys(SLICES) as DataKey[];
const START_ORDER: DataKey[] = ['captures', ...KEYS.filter((key) => key !== 'captures')];

function foldOne<K extends DataKey>(key: K, state: AppState, batch: EventBatch, patch: Partial<AppState>, then: Array<() => void>): void {
  const slice: DataSlice<AppState[K]> = SLICES[key];
  const folded = slice.fold(state[key], batch, state);
  if (folded.next !== state[key]) patch[key] = folded.next;
  if (folded.then) then.push(...folded.then);
}

/** One batch through every slice: one patch for one set(), and the loads it calls for. */
export function foldBatch(state: AppState, batch: EventBatch): { patch: Partial<AppState>; then: Array<() => void> } {
  const patch: Partial<AppState> = {};
  const then: Array<() => void> = [];
  for (const key of KEYS) foldOne(key, state, batch, patch, then);
  return { patch, then };
}

/** Loads every live slice from the engine: at start-up, and after a reconnect (events may have been missed). */
export function reloadLiveSlices(state: AppState): void {
  // the inbox's rows are what the first screen waits for: their call goes out first
  for (const key of START_ORDER) {
    const slice = SLICES[key] as DataSlice<AppState[DataKey]>;
    if (slice.live(state[key])) void slice.reload();
  }
}
