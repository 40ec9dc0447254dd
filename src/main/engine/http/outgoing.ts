// The engine's one outgoing HTTP client (sender, replay, run tracking, notification deliveries):
// sends a request exactly as given (header tuples in order, body bytes), measures each phase
// from socket events, never follows redirects, and spells failures out instead of throwing.
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { HeaderTuple } from '@shared/capture';
import type { SentBy } from '@shared/capture';
import type { SendError, SendTimings } from '@shared/signing/types';
import { errorMessage } from '@shared/error-message';
import { forgetSocket, rememberSocket } from './self-sent';

export interface HttpRequest {
  method: string;
  url: string;
  headers: HeaderTuple[];
  body: Uint8Array;
  timeoutMs?: number;
  /** the response body is kept up to this many bytes */
  maxBodyBytes?: number;
  /** accept self-signed certificates (local tunnels) */
  insecure?: boolean;
  /** aborting cancels the request; it then fails with kind "other" and this reason */
  signal?: AbortSignal;
  abortReason?: string;
  /** which part of Hookbench sends this: if it lands on our own receiver, the inbox marks it */
  origin?: SentBy;
}

export interface HttpResult {
  response?: { status: number; statusText: string; headers: HeaderTuple[]; body: Buffer; bodySize: number; truncated: boolean };
  error?: SendError;
  timings: SendTimings;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BODY = 4 * 1024 * 1024;
// hop-by-hop or framing headers we own: the body we send is already de-chunked bytes
const FRAMING = new Set(['content-length', 'transfer-encoding']);

function tuples(raw: string[]): HeaderTuple[] {
  const out: HeaderTuple[] = [];
  for (let i = 0; i < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}

const TLS_CODES = /^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|ERR_OSSL|EPROTO|HOSTNAME_MISMATCH)/;

export function describeError(err: NodeJS.ErrnoException, url: URL, timeoutMs: number): SendError {
  const code = err.code;
  const where = `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
  if (code === 'HOOKBENCH_TIMEOUT') return { kind: 'timeout', code, message: `no complete response from ${where} within ${timeoutMs} ms` };
  if (code === 'ECONNREFUSED') return { kind: 'refused', code, message: `connection refused: nothing is listening on ${where}` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME')
    return { kind: 'dns', code, message: `DNS lookup failed: ${url.hostname} could not be resolved (${code})` };
  if (code && TLS_CODES.test(code)) return { kind: 'tls', code, message: `TLS handshake with ${where} failed: ${err.message} (${code})` };
  if (code === 'ECONNRESET' || code === 'EPIPE') return { kind: 'reset', code, message: `${where} closed the connection before answering (${code})` };
  return { kind: 'other', code, message: `${err.message}${code ? ` (${code})` : ''}` };
}

export function sendHttp(req: HttpRequest): Promise<HttpResult> {
  const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBody = req.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const t0 = performance.now();
  const ms = (t: number) => Math.round((t - t0) * 100) / 100;
  const timings: SendTimings = { total: 0 };
  let url: URL;
  try {
    url = new URL(req.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`only http and https URLs can be sent to, not ${url.protocol}`);
  } catch (err) {
    return Promise.resolve({ error: { kind: 'invalid-url', message: `invalid URL ${JSON.stringify(req.url)}: ${errorMessage(err)}` }, timings });
  }
  const headers: string[] = [];
  let hasHost = false;
  for (const [n, v] of req.headers) {
    if (FRAMING.has(n.toLowerCase())) continue;
    if (n.toLowerCase() === 'host') {
      hasHost = true;
      headers.push(n, url.host); // the request goes to this URL's host, whatever the capture said
      continue;
    }
    headers.push(n, v);
  }
  if (!hasHost) headers.unshift('Host', url.host);
  if (req.body.length > 0 || !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(req.method.toUpperCase())) headers.push('Content-Length', String(req.body.length));

  return new Promise((resolve) => {
    let settled = false;
    let phaseStart = t0;
    const finish = (result: Omit<HttpResult, 'timings'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      timings.total = ms(performance.now());
      resolve({ ...result, timings });
    };
    const mod = url.protocol === 'https:' ? https : http;
    const request = mod.request({
      method: req.method,
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: headers as unknown as http.OutgoingHttpHeaders,
      agent: false,
      ...(url.protocol === 'https:' ? { rejectUnauthorized: !req.insecure, servername: url.hostname } : {}),
    });
    const timer = setTimeout(() => {
      const err = Object.assign(new Error('timeout'), { code: 'HOOKBENCH_TIMEOUT' });
      request.destroy(err);
      finish({ error: describeError(err, url, timeoutMs) });
    }, timeoutMs);
    request.on('socket', (socket: Socket) => {
      socket.once('lookup', () => {
        timings.dns = ms(performance.now());
        phaseStart = performance.now();
      });
      socket.once('connect', () => {
        timings.connect = Math.round((performance.now() - phaseStart) * 100) / 100;
        phaseStart = performance.now();
        if (req.origin) {
          const { localAddress, localPort } = socket;
          rememberSocket(localAddress, localPort, req.origin);
          socket.once('close', () => forgetSocket(localAddress, localPort));
        }
      });
      socket.once('secureConnect', () => {
        timings.tls = Math.round((performance.now() - phaseStart) * 100) / 100;
      });
    });
    req.signal?.addEventListener(
      'abort',
      () => {
        finish({ error: { kind: 'other', message: req.abortReason ?? 'cancelled' } });
        request.destroy();
      },
      { once: true },
    );
    request.on('error', (err: NodeJS.ErrnoException) => finish({ error: describeError(err, url, timeoutMs) }));
    request.on('response', (res) => {
      timings.firstByte = ms(performance.now());
      const chunks: Buffer[] = [];
      let size = 0;
      let kept = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (kept < maxBody) {
          const part = c.subarray(0, maxBody - kept);
          chunks.push(part);
          kept += part.length;
        }
      });
      res.on('error', (err: NodeJS.ErrnoException) => finish({ error: describeError(err, url, timeoutMs) }));
      res.on('end', () =>
        finish({
          response: {
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            headers: tuples(res.rawHeaders),
            body: Buffer.concat(chunks),
            bodySize: size,
            truncated: size > kept,
          },
        }),
      );
    });
    request.end(Buffer.from(req.body.buffer, req.body.byteOffset, req.body.byteLength));
  });
}
