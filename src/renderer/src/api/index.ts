// The one client and transport the app uses: IPC inside Electron, HTTP+WebSocket in a browser.
import type { ApiClient } from '@shared/contract';
import type { HookbenchBridge } from '@shared/transport';
import { createApiClient } from './createApiClient';
import { createIpcTransport } from './ipcTransport';
import type { Transport } from './transport';
import { createWebTransport } from './webTransport';
import { takeWebToken } from './webToken';

declare global {
  interface Window {
    hookbench?: HookbenchBridge;
  }
}

function pickTransport(): Transport {
  if (window.hookbench) return createIpcTransport(window.hookbench);
  return createWebTransport({ baseUrl: window.location.origin, token: takeWebToken() });
}

export const transport: Transport = pickTransport();
export const api: ApiClient = createApiClient((method, args) => transport.invoke(method, args));
export type { ConnectionState, ConnectionStatus, Transport } from './transport';
