// What the rest of the renderer needs from a transport, whichever one is in use.
import type { ApiMethod } from '@shared/contract';
import type { EventBatch } from '@shared/events';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionStatus {
  state: ConnectionState;
  /** epoch ms of the next reconnect attempt while disconnected */
  retryAt?: number;
  /** why the last attempt failed (e.g. missing token) */
  reason?: string;
}

export interface Transport {
  readonly kind: 'ipc' | 'web';
  /** resolves with the call's result or rejects with an ApiError */
  invoke(method: ApiMethod, args: unknown): Promise<unknown>;
  /** event batches, in arrival order; returns an unsubscribe function */
  onEvents(listener: (batch: EventBatch) => void): () => void;
  /** called now with the current status and on every change */
  onConnection(listener: (status: ConnectionStatus) => void): () => void;
}
