// The contract over Electron IPC: one handler per call on its own channel. Kept free of
// 'electron' imports (ipcMain is passed in) so it is unit-tested in plain Node.
import { API_METHODS, type ApiHandlers, ipcChannelFor } from '@shared/contract';
import type { CallEnvelope } from '@shared/transport';
import { dispatchCall } from '../dispatch';

/** The part of an IpcMainInvokeEvent the sender check needs. */
export interface InvokeEventLike {
  senderFrame?: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<CallEnvelope>): void;
  removeHandler(channel: string): void;
}

/** Registers every contract call; returns a function that removes them again. */
export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: ApiHandlers, isTrustedSender: (url: string) => boolean): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannelFor(method), async (event, args) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedSender(url)) {
        return { ok: false, error: { code: 'forbidden', message: `call ${method} from an untrusted frame refused` } };
      }
      return dispatchCall(handlers, method, args);
    });
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(ipcChannelFor(method));
  };
}
