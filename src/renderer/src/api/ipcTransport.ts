// Electron: the preload's bridge already has one function per call; only the envelope needs
// unwrapping. IPC cannot drop while the window lives, so the connection is always up.
import type { HookbenchBridge } from '@shared/transport';
import { unwrapEnvelope } from './envelope';
import type { Transport } from './transport';

export function createIpcTransport(bridge: HookbenchBridge): Transport {
  return {
    kind: 'ipc',
    async invoke(method, args) {
      return unwrapEnvelope(await bridge.calls[method](args));
    },
    onEvents(listener) {
      return bridge.onEvents(listener);
    },
    onConnection(listener) {
      listener({ state: 'connected' });
      return () => {};
    },
  };
}
