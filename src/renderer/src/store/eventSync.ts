// Keeps the store in step with the engine, outside React: each event batch becomes exactly
// one set(), and a reconnect reloads what may have been missed while the stream was down.
import type { Transport } from '../api/transport';
import { loadEngineInfo, loadSettings } from './appActions';
import { applyEventBatch } from './applyEvents';
import { loadCaptures, refreshCaptureHead } from './captureActions';
import { useAppStore } from './store';
import { loadTriggers } from './triggerActions';
import { applyTriggerEvents } from './triggerEvents';
import { loadTriggerLog } from './triggerLogActions';
import { loadNotifications, refreshHealth, reloadView } from './notificationActions';
import { applyNotificationEvents } from './notificationsSlice';
import { loadProject, loadRuns } from './runActions';
import { applyRunEvents } from './runsSlice';
import { applySenderEvents } from './senderSlice';
import { loadSender } from './senderActions';

const HEAD_REFRESH_DELAY_MS = 250;

export function startEventSync(transport: Transport): () => void {
  const { getState, setState } = useAppStore;
  let headTimer: ReturnType<typeof setTimeout> | null = null;
  let wasDisconnected = false;

  const scheduleHeadRefresh = () => {
    if (headTimer) return;
    headTimer = setTimeout(() => {
      headTimer = null;
      void refreshCaptureHead();
    }, HEAD_REFRESH_DELAY_MS);
  };

  const stopEvents = transport.onEvents((batch) => {
    const outcome = applyEventBatch(getState(), batch);
    const triggers = applyTriggerEvents(getState(), batch);
    const notes = applyNotificationEvents(getState().notifications, batch);
    const runs = applyRunEvents(getState().runs, batch);
    const sender = applySenderEvents(getState().sender, batch);
    const next = { ...outcome.state, ...triggers.state, ...(notes.next ? { notifications: notes.next } : {}), ...(runs.next ? { runs: runs.next } : {}), ...(sender ? { sender } : {}) };
    if (Object.keys(next).length) setState(next);
    if (getState().notifications.status !== 'idle') {
      if (notes.refreshHealth) refreshHealth();
      if (notes.reloadView) void reloadView();
    }
    if (triggers.reloadWorkspace) void loadTriggers();
    if (runs.reloadProject && getState().runs.status !== 'idle') void loadProject();
    if (outcome.refreshHead) scheduleHeadRefresh();
    if (outcome.refreshEngineInfo) void loadEngineInfo();
  });

  const stopConnection = transport.onConnection((connection) => {
    setState((state) => ({ ui: { ...state.ui, connection } }));
    if (connection.state === 'disconnected') wasDisconnected = true;
    if (connection.state === 'connected' && wasDisconnected) {
      wasDisconnected = false;
      void loadEngineInfo();
      void loadSettings();
      void loadCaptures();
      void loadTriggers();
      void loadTriggerLog();
      if (getState().notifications.status !== 'idle') void loadNotifications();
      if (getState().runs.status !== 'idle') void loadRuns();
      if (getState().sender.status !== 'idle') void loadSender();
    }
  });

  return () => {
    stopEvents();
    stopConnection();
    if (headTimer) clearTimeout(headTimer);
  };
}
