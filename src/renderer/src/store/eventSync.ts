// Keeps the store in step with the engine, outside React: each event batch becomes exactly
// one set(), and a reconnect reloads what may have been missed while the stream was down.
import type { Transport } from '../api/transport';
import { loadEngineInfo, loadSettings } from './appActions';
import { applyEventBatch } from './applyEvents';
import { loadCaptures, refreshCaptureHead } from './captureActions';
import { useAppStore } from './store';

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
    if (Object.keys(outcome.state).length) setState(outcome.state);
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
    }
  });

  return () => {
    stopEvents();
    stopConnection();
    if (headTimer) clearTimeout(headTimer);
  };
}
