// Headless mode: calls over fetch, events over a reconnecting WebSocket on the same origin.
import type { EventBatch } from '@shared/events';
import { WEB_CALL_PREFIX } from '@shared/contract';
import { openEventSocket } from './eventSocket';
import type { ConnectionStatus, Transport } from './transport';
import { createWebInvoke } from './webCalls';

export interface WebTransportOptions {
  baseUrl: string;
  token: string | null;
  fetchImpl?: typeof fetch;
  WebSocketImpl?: new (url: string) => WebSocket;
}

export function createWebTransport(options: WebTransportOptions): Transport & { close(): void } {
  const eventListeners = new Set<(batch: EventBatch) => void>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = { state: 'connecting' };
  let socket: { close(): void } | null = null;

  const ensureSocket = () => {
    if (socket) return;
    socket = openEventSocket({
      wsBaseUrl: options.baseUrl.replace(/^http/, 'ws'),
      token: options.token,
      WebSocketImpl: options.WebSocketImpl,
      probeAuth: async () => {
        try {
          const res = await (options.fetchImpl ?? globalThis.fetch.bind(globalThis))(`${options.baseUrl.replace(/\/$/, '')}${WEB_CALL_PREFIX}engine.info`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}) },
            body: 'null',
          });
          return res.status === 401 ? 'unauthorized' : 'ok';
        } catch {
          return 'unreachable';
        }
      },
      onBatch: (batch) => eventListeners.forEach((listener) => listener(batch)),
      onStatus: (next) => {
        status = next;
        statusListeners.forEach((listener) => listener(next));
      },
    });
  };

  return {
    kind: 'web',
    invoke: createWebInvoke(options),
    onEvents(listener) {
      eventListeners.add(listener);
      ensureSocket();
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => statusListeners.delete(listener);
    },
    close() {
      socket?.close();
      socket = null;
    },
  };
}
