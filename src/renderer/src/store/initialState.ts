import type { AppState, CapturesState } from './types';

export const initialCaptures = (): CapturesState => ({
  items: [],
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
  triggers: { available: false },
  ui: { page: 'inbox', connection: { state: 'connecting' }, engine: null, engineError: null },
});
