// Read marks live only in this browser profile (the engine has no notion of "read").
import { markUnreadBaselineSet } from './captureActions';
import { useAppStore } from './store';
import type { UnreadState } from './types';

const KEY = 'hookbench.unread';

export function startUnreadPersistence(storage: Storage = window.localStorage): () => void {
  try {
    const raw = storage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as UnreadState) : null;
    if (parsed && typeof parsed.watermark === 'number' && Array.isArray(parsed.read)) {
      useAppStore.setState({ unread: { watermark: parsed.watermark, read: parsed.read.filter((n) => typeof n === 'number') } });
      markUnreadBaselineSet();
    }
  } catch {
    // corrupt or unavailable storage: start fresh
  }
  return useAppStore.subscribe((state, previous) => {
    if (state.unread === previous.unread) return;
    try {
      storage.setItem(KEY, JSON.stringify(state.unread));
    } catch {
      // quota or disabled storage: marks stay in memory
    }
  });
}
