// Selectors: components subscribe to the smallest piece they render.
import type { AppState } from './types';

export const selectCaptures = (state: AppState) => state.captures;
export const selectCaptureItems = (state: AppState) => state.captures.items;
export const selectCaptureFilter = (state: AppState) => state.captures.filter;
export const selectCaptureTotal = (state: AppState) => state.captures.total;
export const selectOpenId = (state: AppState) => state.captures.openId;
export const selectUnread = (state: AppState) => state.unread;
export const selectUnreadCount = (state: AppState) => {
  const { watermark } = state.unread;
  const read = new Set(state.unread.read);
  let n = 0;
  // newest first: everything past the watermark is read, so stop there
  for (const item of state.captures.items) {
    if (item.seq <= watermark) break;
    if (!read.has(item.seq)) n++;
  }
  return n;
};

export const selectSettings = (state: AppState) => state.settings.value;
export const selectSettingsError = (state: AppState) => state.settings.error;

export const selectPage = (state: AppState) => state.ui.page;
export const selectConnection = (state: AppState) => state.ui.connection;
export const selectEngine = (state: AppState) => state.ui.engine;
export const selectEngineError = (state: AppState) => state.ui.engineError;
export const selectReceiverUrl = (state: AppState) => state.ui.engine?.receiverUrl ?? null;

export const selectTriggers = (state: AppState) => state.triggers;
export const selectTriggerItems = (state: AppState) => state.triggers.items;
export const selectTriggerLog = (state: AppState) => state.triggerLog;
export const selectTriggerRun = (id: string | undefined) => (state: AppState) => (id ? state.triggerLog.runs[id] : undefined);
/** the live log entry for a capture, when it arrived after the page was loaded */
export const selectLogEntryForCapture = (captureId: string) => (state: AppState) => state.triggerLog.entries.find((entry) => entry.captureId === captureId);

/** A trigger's title for display (its id when the trigger is gone or not loaded yet). */
export const selectTriggerTitle = (id: string) => (state: AppState) => state.triggers.items.find((t) => t.id === id)?.title ?? id;
