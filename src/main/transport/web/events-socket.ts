// WS /api/events: every batch the engine's event bus delivers goes to each client as one
// JSON message. Clients only listen; what they send is ignored.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { EventBus } from '../../engine/ports';

/** A client this far behind is not reading: drop it rather than buffer without bound. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export interface EventSocket {
  /** takes over an upgrade request that already passed the access checks */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  clientCount(): number;
  close(): Promise<void>;
}

export function createEventSocket(events: EventBus): EventSocket {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const clients = new Set<WebSocket>();

  const unsubscribe = events.subscribe((batch) => {
    if (batch.length === 0 || clients.size === 0) return;
    const message = JSON.stringify(batch);
    for (const client of clients) {
      if (client.readyState !== WebSocket.OPEN) continue;
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) {
        client.terminate();
        continue;
      }
      client.send(message);
    }
  });

  function accept(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('error', () => ws.terminate());
    });
  }

  async function close(): Promise<void> {
    unsubscribe();
    for (const client of clients) client.terminate();
    clients.clear();
    await new Promise<void>((done) => wss.close(() => done()));
  }

  return { accept, clientCount: () => clients.size, close };
}

/** Refuses an upgrade on the raw socket (no HTTP response object exists yet). */
export function rejectUpgrade(socket: Duplex, status: 401 | 403 | 404, reason: string): void {
  const text = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(reason)}\r\nConnection: close\r\n\r\n${reason}`,
  );
}
