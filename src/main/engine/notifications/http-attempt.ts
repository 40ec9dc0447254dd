// One POST: answers within the timeout or fails with a spelled-out reason. Redirects are not
// followed (like the documented service: anything but 2xx is a failure), and only the first
// bytes of the response body are kept.
import http from 'node:http';
import https from 'node:https';
import type { AttemptErrorKind } from '../../../shared/notifications';

export const RESPONSE_EXCERPT_BYTES = 64 * 1024;

export interface AttemptResult {
  ok: boolean;
  durationMs: number;
  status: number | null;
  statusText: string;
  headers: Array<[string, string]>;
  excerpt: string;
  bytes: number;
  truncated: boolean;
  errorKind?: AttemptErrorKind;
  error?: string;
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|HOSTNAME_MISMATCH|ERR_OSSL)/;

export function describeNetworkError(error: NodeJS.ErrnoException, url: URL): { kind: AttemptErrorKind; text: string } {
  const code = error.code ?? '';
  const where = url.host;
  if (code === 'ECONNREFUSED') return { kind: 'refused', text: `connection refused by ${where}` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return { kind: 'dns', text: `DNS lookup of ${url.hostname} failed (${code})` };
  }
  if (TLS_CODES.test(code) || /certificate|ssl|tls/i.test(error.message)) return { kind: 'tls', text: `TLS handshake with ${where} failed: ${error.message}` };
  if (code === 'ECONNRESET' || code === 'EPIPE') return { kind: 'reset', text: `connection to ${where} was reset before an answer (${code})` };
  return { kind: 'other', text: `${error.message}${code && !error.message.includes(code) ? ` (${code})` : ''}` };
}

function flatHeaders(raw: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}

export function postOnce(
  url: string,
  headers: Array<[string, string]>,
  body: Buffer,
  timeoutMs: number,
  options: { excerptBytes?: number; signal?: AbortSignal } = {},
): Promise<AttemptResult> {
  const excerptBytes = options.excerptBytes ?? RESPONSE_EXCERPT_BYTES;
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  return new Promise((resolve) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      resolve(failure('config', `${JSON.stringify(url)} is not a URL`));
      return;
    }
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    function failure(kind: AttemptErrorKind, text: string, partial?: Partial<AttemptResult>): AttemptResult {
      return {
        ok: false, durationMs: elapsed(), status: null, statusText: '', headers: [], excerpt: '', bytes: 0, truncated: false,
        ...partial, errorKind: kind, error: text,
      };
    }
    const transport = parsed.protocol === 'https:' ? https : parsed.protocol === 'http:' ? http : null;
    if (!transport) {
      resolve(failure('config', `${parsed.protocol} URLs are not supported; use http or https`));
      return;
    }
    // raw header tuples keep order and case; node then adds no Host of its own
    const outgoing = ['Host', parsed.host, ...headers.flat(), 'Content-Length', String(body.length)];
    const request = transport.request(parsed, { method: 'POST', headers: outgoing, agent: false });
    // one deadline for the whole exchange: connecting, headers and body
    const timer = setTimeout(() => {
      finish(failure('timeout', `timed out after ${timeoutMs} ms waiting for ${parsed.host}`));
      request.destroy();
    }, timeoutMs);
    options.signal?.addEventListener('abort', () => {
      finish(failure('other', 'cancelled: the app was shutting down'));
      request.destroy();
    }, { once: true });
    request.on('error', (error: NodeJS.ErrnoException) => {
      const { kind, text } = describeNetworkError(error, parsed);
      finish(failure(kind, text));
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      let total = 0;
      response.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (kept < excerptBytes) {
          const part = chunk.subarray(0, excerptBytes - kept);
          chunks.push(part);
          kept += part.length;
        }
      });
      response.on('error', (error: NodeJS.ErrnoException) => finish(failure('reset', `the answer was cut off: ${error.message}`)));
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        const statusText = response.statusMessage ?? '';
        const common = {
          durationMs: elapsed(), status, statusText, headers: flatHeaders(response.rawHeaders),
          excerpt: Buffer.concat(chunks).toString('utf8'), bytes: total, truncated: total > kept,
        };
        if (status >= 200 && status < 300) {
          finish({ ok: true, ...common });
          return;
        }
        const location = response.headers.location;
        const redirect = status >= 300 && status < 400 ? `; redirect to ${location ?? '(no Location)'} not followed` : '';
        finish(failure('non-2xx', `HTTP ${status}${statusText ? ` ${statusText}` : ''} (not 2xx)${redirect}`, common));
      });
    });
    request.end(body);
  });
}
