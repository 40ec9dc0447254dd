// The headless event stream: one WebSocket, reopened with backoff whenever it drops. Each
// message is one EventBatch; listeners get it exactly as sent.
import type { EventBatch } from '../../../shared/events';
import { WEB_EVENTS_PATH } from '../../../shared/contract';
import { TOKEN_QUERY_PARAM } from '../../../shared/transport';
import { reconnectDelayMs } from './backoff';
import type { ConnectionStatus } from './transport';

type SocketCtor = new (url: string) => WebSocket;

export interface EventSocketOptions {
  /** ws:// or wss:// origin of the control API */
  wsBaseUrl: string;
  token: string | null;
  WebSocketImpl?: SocketCtor;
  onBatch(batch: EventBatch): void;
  onStatus(status: ConnectionStatus): void;
}

export function openEventSocket(options: EventSocketOptions): { close(): void } {
  const Impl = options.WebSocketImpl ?? (globalThis.WebSocket as SocketCtor);
  const url = `${options.wsBaseUrl.replace(/\/$/, '')}${WEB_EVENTS_PATH}?${TOKEN_QUERY_PARAM}=${encodeURIComponent(options.token ?? '')}`;
  let attempt = 0;
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const connect = () => {
    if (closed) return;
    options.onStatus({ state: 'connecting' });
    const ws = new Impl(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      options.onStatus({ state: 'connected' });
    };
    ws.onmessage = (message: MessageEvent) => {
      let batch: unknown;
      try {
        batch = JSON.parse(String(message.data));
      } catch {
        return; // a malformed frame must not kill the stream
      }
      if (Array.isArray(batch)) options.onBatch(batch as EventBatch);
    };
    ws.onclose = () => {
      if (socket !== ws || closed) return;
      socket = null;
      const delay = reconnectDelayMs(attempt++);
      options.onStatus({
        state: 'disconnected',
        retryAt: Date.now() + delay,
        reason: options.token ? undefined : 'No access token: open the URL printed by `hookbench serve`.',
      });
      timer = setTimeout(connect, delay);
    };
    // errors are always followed by close, which does the reconnecting
    ws.onerror = () => {};
  };

  connect();
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close();
      socket = null;
    },
  };
}
