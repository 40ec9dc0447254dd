import { initialNotifications } from './notificationsSlice';
import { initialRuns } from './runsSlice';
import { initialSender } from './senderSlice';
import type { AppState, CapturesState, SettingsState, TriggerLogState, TriggersState, UiState } from './types';

export const initialCaptures = (): CapturesState => ({
  items: [],
  deep: null,
  total: 0,
  filter: {},
  status: 'idle',
  loadingMore: false,
  hasMore: false,
  error: null,
  selectedId: null,
  openId: null,
  headStale: false,
});

export const initialSettings = (): SettingsState => ({ value: null, error: null });
export const initialTriggers = (): TriggersState => ({ items: [], status: 'idle', error: null, openId: null, draft: null, panel: 'editor' });
export const initialTriggerLog = (): TriggerLogState => ({ entries: [], filter: {}, status: 'idle', error: null, openEntryId: null, runs: {} });
export const initialUi = (): UiState => ({ page: 'inbox', connection: { state: 'connecting' }, engine: null, engineError: null });

// the same initial values the slices register (slices.ts); kept free of the API so pure tests can build a state
export const initialState = (): AppState => ({
  captures: initialCaptures(),
  unread: { watermark: 0, read: [] },
  settings: initialSettings(),
  triggers: initialTriggers(),
  triggerLog: initialTriggerLog(),
  notifications: initialNotifications(),
  runs: initialRuns(),
  sender: initialSender(),
  ui: initialUi(),
});
