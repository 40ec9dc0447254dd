// Builds window.hookbench from the contract: one invoke per call on that call's channel and
// an event subscription that hands over only the batch, never Electron's event object.
// No 'electron' import here (the renderer-side ipc is passed in) so it is testable in Node.
import { API_METHODS, IPC_EVENT_CHANNEL, ipcChannelFor } from '@shared/contract';
import type { EventBatch } from '@shared/events';
import type { HookbenchBridge } from '@shared/transport';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function buildBridge(ipc: IpcRendererLike): HookbenchBridge {
  const calls: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    const channel = ipcChannelFor(method);
    calls[method] = (args: unknown) => ipc.invoke(channel, args);
  }
  return {
    calls: calls as HookbenchBridge['calls'],
    onEvents(listener: (batch: EventBatch) => void): () => void {
      const forward = (_event: unknown, batch: unknown) => listener(batch as EventBatch);
      ipc.on(IPC_EVENT_CHANNEL, forward);
      return () => {
        ipc.removeListener(IPC_EVENT_CHANNEL, forward);
      };
    },
  };
}
