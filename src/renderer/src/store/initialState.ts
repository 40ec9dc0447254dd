import { initialNotifications } from './notificationsSlice';
import { initialRuns } from './runsSlice';
import { initialSender } from './senderSlice';
import type { AppState, CapturesState } from './types';

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

export const initialState = (): AppState => ({
  captures: initialCaptures(),
  unread: { watermark: 0, read: [] },
  settings: { value: null, error: null },
  triggers: { items: [], status: 'idle', error: null, openId: null, draft: null, panel: 'editor' },
  triggerLog: { entries: [], filter: {}, status: 'idle', error: null, openEntryId: null, runs: {} },
  notifications: initialNotifications(),
  runs: initialRuns(),
  sender: initialSender(),
  ui: { page: 'inbox', connection: { state: 'connecting' }, engine: null, engineError: null },
});
