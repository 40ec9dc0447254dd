// The webhook receiver: keeps every request byte for byte, asks the router what to answer,
// stores the capture (and the router's own durable writes) before the answer goes out.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { CaptureSummary, CapturedResponse, HeaderTuple } from '../../../shared/capture';
import type { CaptureStore, IncomingRequest, RequestRouter } from '../ports';
import { newCaptureId } from '../store/capture-id';
import { describeListenError } from './listen-error';
import { readBody } from './read-body';
import { errorMessage } from '../../../shared/error-message';

export interface ReceiverOptions {
  host: string;
  port: number;
  /** read per request, so a settings change applies at once */
  bodyLimitBytes: () => number;
  router: RequestRouter;
  store: CaptureStore;
  onCapture?: (summary: CaptureSummary) => void;
  /** told about failures that were answered with 500 (for the log) */
  onError?: (error: unknown) => void;
  /** node's limits for slow or oversized clients; node answers 408 and 431 itself */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxHeaderSize?: number;
  now?: () => number;
}

export interface Receiver {
  listen(): Promise<{ url: string }>;
  close(): Promise<void>;
  address(): { host: string; port: number } | null;
}

export function createReceiver(options: ReceiverOptions): Receiver {
  const now = options.now ?? Date.now;
  const headersTimeout = options.headersTimeoutMs ?? 30_000;
  const requestTimeout = options.requestTimeoutMs ?? 60_000;
  const server = http.createServer({
    maxHeaderSize: options.maxHeaderSize ?? 16 * 1024,
    headersTimeout,
    requestTimeout,
    // how often node looks for clients past those timeouts
    connectionsCheckingInterval: Math.min(1000, headersTimeout),
  });
  // a new connection's first request started when it connected; later ones when their headers arrived
  const connectedAt = new WeakMap<Socket, number>();
  server.on('connection', (socket: Socket) => connectedAt.set(socket, now()));
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (declaredTooLarge(req, options.bodyLimitBytes())) return refuseUpload(res, options.bodyLimitBytes());
    res.writeContinue();
    void handle(req, res);
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headersAt = now();
    const startedAt = Math.min(connectedAt.get(req.socket) ?? headersAt, headersAt);
    connectedAt.delete(req.socket);
    const limit = options.bodyLimitBytes();
    if (declaredTooLarge(req, limit)) return answerTooLarge(req, res, limit);
    const read = await readBody(req, limit, now);
    if (read.kind === 'too-large') return answerTooLarge(req, res, limit);
    if (read.kind === 'aborted') return; // the client went away: nothing to store or answer

    const request: IncomingRequest = {
      id: newCaptureId(startedAt),
      receivedAt: startedAt,
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      httpVersion: req.httpVersion,
      rawHeaders: tuples(req.rawHeaders),
      body: read.body,
      remoteAddress: req.socket.remoteAddress ?? '',
      remotePort: req.socket.remotePort ?? 0,
      timings: { startedAt, headersMs: headersAt - startedAt, bodyMs: read.doneAt - startedAt },
    };
    let stage = 'routing failed';
    try {
      const decision = await options.router(request);
      stage = 'storing the request failed';
      // the capture and the router's own writes are issued in one turn and awaited once
      const captured = options.store.append({
        request,
        decision: { kind: decision.kind, response: decision.response, triggerId: decision.triggerId, outcome: decision.outcome },
      });
      let summary: CaptureSummary;
      if (decision.commit) {
        const [stored, written] = await Promise.allSettled([captured, decision.commit(captured)]);
        if (stored.status === 'rejected') throw stored.reason;
        stage = 'recording the trigger result failed';
        if (written.status === 'rejected') throw written.reason;
        summary = stored.value;
      } else {
        summary = await captured; // the inbox path: nothing else to wait for
      }
      try {
        options.onCapture?.(summary);
      } catch (error) {
        options.onError?.(error);
      }
      stage = 'writing the response failed';
      answer(res, decision.response);
    } catch (error) {
      options.onError?.(error);
      answerError(res, `${stage}: ${errorMessage(error)}`);
    }
  }

  return {
    listen: () =>
      new Promise((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => {
          server.off('listening', onListening);
          reject(new Error(describeListenError(error, options.host, options.port)));
        };
        const onListening = () => {
          server.off('error', onError);
          const bound = server.address();
          const port = typeof bound === 'object' && bound ? bound.port : options.port;
          resolve({ url: `http://${urlHost(options.host)}:${port}` });
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen(options.port, options.host);
      }),
    close: () =>
      new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    address() {
      const bound = server.address();
      return typeof bound === 'object' && bound ? { host: options.host, port: bound.port } : null;
    },
  };
}

// Reads rawHeaders rather than req.headers: that object is built lazily, and the hot path
// never needs it otherwise.
function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i].length === 14 && raw[i].toLowerCase() === 'content-length') return Number(raw[i + 1]) > limit;
  }
  return false;
}

/** how long a client answered 413 may go on sending the body it was told is too large */
const DRAIN_MS = 10_000;

const tooLargeText = (limit: number): string =>
  `413 Payload Too Large: the request body is over the receiver's limit of ${limit} bytes and was not stored\n`;

// The rest of the body is read and dropped, and the connection stays usable, rather than the
// socket being closed at once: closing a socket with unread bytes makes the kernel send a
// reset, which can destroy the 413 before the sender reads it (and closing later, unannounced,
// races a keep-alive client's next request). A sender still sending after DRAIN_MS is cut off.
function answerTooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  writePlain(res, 413, tooLargeText(limit), false);
  const cutOff = setTimeout(() => req.socket.destroy(), DRAIN_MS);
  cutOff.unref();
  const done = () => clearTimeout(cutOff);
  req.once('end', done);
  req.once('close', done);
  req.resume();
}

/** Expect: 100-continue over the limit: the sender waits for us, so the body never comes. */
function refuseUpload(res: ServerResponse, limit: number): void {
  res.shouldKeepAlive = false;
  writePlain(res, 413, tooLargeText(limit), true);
}

function answerError(res: ServerResponse, reason: string): void {
  writePlain(res, 500, `500 Internal Server Error: ${reason.replace(/\s+/g, ' ').trim()}\n`, false);
}

function writePlain(res: ServerResponse, status: number, text: string, close: boolean): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const headers: Record<string, string | number> = { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) };
  if (close) headers.Connection = 'close';
  res.writeHead(status, headers);
  res.end(text);
}

function answer(res: ServerResponse, response: CapturedResponse): void {
  const flat: string[] = [];
  let hasLength = false;
  for (const [name, value] of response.headers) {
    const lower = name.toLowerCase();
    if (lower === 'content-length' || lower === 'transfer-encoding') hasLength = true;
    flat.push(name, value);
  }
  if (!hasLength) flat.push('Content-Length', String(Buffer.byteLength(response.body)));
  res.writeHead(response.status, flat);
  res.end(response.body);
}

function tuples(raw: string[]): HeaderTuple[] {
  const out: HeaderTuple[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}

function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
