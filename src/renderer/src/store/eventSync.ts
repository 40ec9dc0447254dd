// Keeps the store in step with the engine, outside React: each event batch goes through every
// registered slice (slices.ts) and becomes exactly one set(); a reconnect reloads the live
// slices, since events may have been missed while the stream was down.
import type { Transport } from '../api/transport';
import { cancelHeadRefresh } from './captureActions';
import { foldBatch, reloadLiveSlices } from './slices';
import { useAppStore } from './store';

export function startEventSync(transport: Transport): () => void {
  const { getState, setState } = useAppStore;
  let wasDisconnected = false;

  const stopEvents = transport.onEvents((batch) => {
    const { patch, then } = foldBatch(getState(), batch);
    if (Object.keys(patch).length) setState(patch);
    for (const load of then) load();
  });

  const stopConnection = transport.onConnection((connection) => {
    setState((state) => ({ ui: { ...state.ui, connection } }));
    if (connection.state === 'disconnected') wasDisconnected = true;
    if (connection.state === 'connected' && wasDisconnected) {
      wasDisconnected = false;
      reloadLiveSlices(getState());
    }
  });

  return () => {
    stopEvents();
    stopConnection();
    cancelHeadRefresh();
  };
}
