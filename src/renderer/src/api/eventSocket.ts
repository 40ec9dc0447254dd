// The headless event stream: one WebSocket, reopened with backoff whenever it drops. Each
// message is one EventBatch; listeners get it exactly as sent.
import type { EventBatch } from '@shared/events';
import { WEB_EVENTS_PATH } from '@shared/contract';
import { TOKEN_QUERY_PARAM } from '@shared/transport';
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
  /**
   * Asks the control API whether the token is accepted. A WebSocket cannot see the 401 that
   * refused it, so after a close this tells a wrong token (stop, say what to do) from a pause.
   */
  probeAuth?(): Promise<'ok' | 'unauthorized' | 'unreachable'>;
}

export const WRONG_TOKEN_REASON =
  'The access token was refused: it is wrong or from an earlier `hookbench serve`. Open the UI URL that `hookbench serve` printed (it ends in ?token=…).';

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
    ws.onclose = async () => {
      if (socket !== ws || closed) return;
      socket = null;
      if (options.token && options.probeAuth && (await options.probeAuth().catch(() => 'unreachable' as const)) === 'unauthorized') {
        // retrying with the same token can never work: say so once and stop
        if (!closed) options.onStatus({ state: 'disconnected', reason: WRONG_TOKEN_REASON });
        return;
      }
      if (closed) return;
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
