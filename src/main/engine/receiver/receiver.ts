// The webhook receiver: keeps every request byte for byte, asks the router what to answer,
// stores the capture (and the router's own durable writes) before the answer goes out.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { CaptureSummary, CapturedResponse, HeaderTuple } from '@shared/capture';
import type { CaptureStore, IncomingRequest, RequestRouter } from '../ports';
import { newCaptureId } from '../store/capture-id';
import { describeListenError } from './listen-error';
import { readBody } from './read-body';
import { errorMessage } from '@shared/error-message';
import { Failure, valueUnlessFailed } from '../util/first-failure';

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
  /** open connections at once (default 512); read at each new connection */
  maxConnections?: () => number;
  /** told when a connection is closed at connect because the receiver is full */
  onDrop?: (limit: number) => void;
  /** node's limits for slow or oversized clients; node answers 408 and 431 itself */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** how long an idle keep-alive connection stays open between requests */
  keepAliveTimeoutMs?: number;
  maxHeaderSize?: number;
  now?: () => number;
}

/** short, for a local tool: a client that has not sent its headers in 10 s is not a webhook sender */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 5_000;
export const DEFAULT_MAX_CONNECTIONS = 512;

export interface Receiver {
  listen(): Promise<{ url: string }>;
  close(): Promise<void>;
  address(): { host: string; port: number } | null;
}

export function createReceiver(options: ReceiverOptions): Receiver {
  const now = options.now ?? Date.now;
  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const requestTimeout = Math.max(headersTimeout, options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  const maxConnections = () => options.maxConnections?.() ?? DEFAULT_MAX_CONNECTIONS;
  const server = http.createServer({
    maxHeaderSize: options.maxHeaderSize ?? 16 * 1024,
    headersTimeout,
    requestTimeout,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
    // how often node looks for clients past those timeouts
    connectionsCheckingInterval: Math.min(1000, headersTimeout),
  });
  // No count limit on header tuples (node's default keeps the first 2000 and drops the rest
  // silently): the maxHeaderSize byte budget bounds them, and over it node answers 431.
  server.maxHeadersCount = 0;
  server.maxConnections = maxConnections();
  server.on('drop', () => options.onDrop?.(server.maxConnections));
  // a new connection's first request started when it connected; later ones when their headers
  // arrived. Kept on the socket under a symbol (set at connect, so every socket has the same
  // shape), which costs less per request than a WeakMap.
  server.on('connection', (socket: Socket) => {
    (socket as TrackedSocket)[kConnectedAt] = now();
    (socket as TrackedSocket)[kAnswering] = null;
    server.maxConnections = maxConnections();
  });
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (declaredTooLarge(req, options.bodyLimitBytes())) return refuseUpload(res, options.bodyLimitBytes());
    res.writeContinue();
    void handle(req, res);
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => void handle(req, res));

  // What node's parser did to a connection: bytes after a request that do not parse (garbage, a
  // broken second request) make it answer 400 and close the connection, often before our async
  // handling of the good request has answered. Node's own reply is kept (same bytes as its
  // default), and remembered, so the capture can say what the client really got.
  const rejected = new WeakMap<Socket, ParserRejection>();
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // a reset is the client leaving, not the parser refusing anything
    if (rejected.has(socket) || error.code === 'ECONNRESET') return void socket.destroy();
    const pending = (socket as TrackedSocket)[kAnswering];
    // a head only formed (the request still being stored) has not reached the client
    const answered = pending != null && pending.headersSent && !headOnly(pending);
    const status = socket.writable && !answered ? parserStatus(error.code) : null;
    rejected.set(socket, { code: error.code ?? 'unknown', status });
    if (status !== null) socket.write(parserAnswer(status));
    socket.destroy();
  });

  /** why this request's answer cannot reach the client any more, or null while it still can */
  function undeliverable(req: IncomingMessage): string | null {
    const rejection = rejected.get(req.socket);
    if (rejection) {
      return rejection.status !== null
        ? `the HTTP parser rejected bytes that followed this request on the connection (${rejection.code}) before the answer went out: the client got ${rejection.status} ${http.STATUS_CODES[rejection.status]} and the connection was closed`
        : `the HTTP parser rejected the connection (${rejection.code}) before the answer went out; it was closed without an answer`;
    }
    if (req.socket.destroyed || !req.socket.writable) return 'the client closed the connection before the answer went out';
    return null;
  }

  /** a stored capture whose answer did not finish: recorded as undelivered (shared, not made per request) */
  function onAnswerClose(this: ServerResponse): void {
    const id = (this as TrackedResponse)[kCaptureId];
    if (this.writableFinished || id === undefined) return;
    const why = undeliverable(this.req) ?? 'the connection closed while the answer was being written';
    options.store.markUndelivered(id, `${why}. What the request launched or recorded stays.`).catch((error: unknown) => options.onError?.(error));
  }

  function told(summary: CaptureSummary): void {
    try {
      options.onCapture?.(summary);
    } catch (error) {
      options.onError?.(error);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const socket = req.socket as TrackedSocket;
    socket[kAnswering] = res;
    const headersAt = now();
    const connected = socket[kConnectedAt];
    const startedAt = connected === undefined ? headersAt : Math.min(connected, headersAt);
    socket[kConnectedAt] = undefined;
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
      // a decision made synchronously (the inbox, nearly every trigger) is not awaited: no turn of the microtask queue
      const routed = options.router(request);
      const decision = routed instanceof Promise ? await routed : routed;
      stage = 'storing the request failed';
      const lostEarly = undeliverable(req);
      if (lostEarly) {
        // nothing is committed or launched for an answer the client never gets; the capture
        // records what the client did get, and what it would have been answered
        decision.abandon?.(lostEarly);
        const rejection = rejected.get(req.socket);
        const got: CapturedResponse = rejection?.status
          ? { status: rejection.status, headers: [['Connection', 'close']], body: '' }
          : { status: 0, headers: [], body: '' };
        const note = `${lostEarly}. It would have been answered ${decision.response.status}${decision.outcome ? ` (${decision.outcome})` : ''}; nothing was committed or launched.`;
        const head = rejection?.status ? { responseHead: parserAnswer(rejection.status) } : {};
        told(
          await options.store.append({ request, decision: { kind: decision.kind, response: got, triggerId: decision.triggerId }, undelivered: note, ...head }),
        );
        return;
      }
      // The head is formed now and goes out with the body once everything is stored, so the
      // capture keeps the header block exactly as node writes it (Date, Connection, Keep-Alive…).
      const responseHead = writeHead(res, decision.response);
      // the capture and the router's own writes are issued in one turn and awaited once
      const captured = options.store.append({
        request,
        decision: { kind: decision.kind, response: decision.response, triggerId: decision.triggerId, outcome: decision.outcome },
        responseHead,
      });
      let summary: CaptureSummary;
      if (decision.commit) {
        const stored = await valueUnlessFailed(captured, decision.commit(captured));
        if (stored instanceof Failure) {
          // the capture's own failure comes first; the commit's, with the capture stored, is the trigger's
          if (stored.index === 1) stage = 'recording the trigger result failed';
          throw stored.reason;
        }
        summary = stored;
      } else {
        summary = await captured; // the inbox path: nothing else to wait for
      }
      told(summary);
      stage = 'writing the response failed';
      const lostWhileStoring = undeliverable(req);
      if (lostWhileStoring) {
        // the durable writes are done, but a launch is only started after this check
        decision.abandon?.(lostWhileStoring);
        const launched = decision.outcome === 'launched' ? ' The run was recorded but not started: it ends as error.' : '';
        await options.store.markUndelivered(summary.id, `${lostWhileStoring}.${launched}`);
        return;
      }
      res.end(decision.response.body);
      (res as TrackedResponse)[kCaptureId] = summary.id;
      res.on('close', onAnswerClose);
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

const tooLargeText = (limit: number): string => `413 Payload Too Large: the request body is over the receiver's limit of ${limit} bytes and was not stored\n`;

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
    if (!headOnly(res)) return void res.destroy();
    // a head formed for an answer that never went out: this one replaces it
    (res as unknown as NodeHead)._header = null;
  }
  const headers: Record<string, string | number> = { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) };
  if (close) headers.Connection = 'close';
  res.writeHead(status, http.STATUS_CODES[status] ?? '', headers); // the reason too: a replaced head left its own
  res.end(text);
}

/** node's own fields: the head as formed by writeHead, and whether it has reached the socket */
interface NodeHead {
  _header: string | null;
  _headerSent: boolean;
}

/** a head is formed but nothing of the response has been written yet */
const headOnly = (res: ServerResponse): boolean => !(res as unknown as NodeHead)._headerSent && !res.writableEnded;

/** Forms the response head (node sends it with the first body bytes) and returns it as node will write it. */
function writeHead(res: ServerResponse, response: CapturedResponse): string {
  const flat: string[] = [];
  let hasLength = false;
  for (const [name, value] of response.headers) {
    const lower = name.toLowerCase();
    if (lower === 'content-length' || lower === 'transfer-encoding') hasLength = true;
    flat.push(name, value);
  }
  if (!hasLength) flat.push('Content-Length', String(Buffer.byteLength(response.body)));
  res.writeHead(response.status, flat);
  return (res as unknown as NodeHead)._header ?? '';
}

const kConnectedAt = Symbol('hookbench.connectedAt');
const kAnswering = Symbol('hookbench.answering');
const kCaptureId = Symbol('hookbench.captureId');
/** when the connection's next request started (its connect, for the first), and the answer in progress */
type TrackedSocket = Socket & { [kConnectedAt]?: number; [kAnswering]?: ServerResponse | null };
type TrackedResponse = ServerResponse & { [kCaptureId]?: string };

/** what the connection gets when node's parser rejects bytes on it (see clientError) */
const parserAnswer = (status: number): string => `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\n\r\n`;

interface ParserRejection {
  code: string;
  /** what node's parser answered, or null when the connection was closed without an answer */
  status: number | null;
}

/** node's own choice of status for a connection its parser rejects */
function parserStatus(code: string | undefined): number {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return 431;
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return 413;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 408;
    default:
      return 400;
  }
}

function tuples(raw: string[]): HeaderTuple[] {
  const out: HeaderTuple[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}

function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
