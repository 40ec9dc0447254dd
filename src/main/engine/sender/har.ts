// HAR 1.2 export and import of captures and sent requests. Auth and signature headers and
// secret values are redacted unless the user opts in.
import { randomUUID } from 'node:crypto';
import type { CaptureDetail, HeaderTuple } from '@shared/capture';
import type { SentRecord } from '@shared/signing/types';
import { redactText } from '@shared/triggers/secrets';
import { version } from '../../../../package.json';
import { errorMessage } from '@shared/error-message';

const SENSITIVE = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key)$|signature|token|secret|hmac/i;
export const REDACTED = '[redacted]';

interface HarHeader {
  name: string;
  value: string;
}
interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    headers: HarHeader[];
    queryString: HarHeader[];
    headersSize: number;
    bodySize: number;
    postData?: { mimeType: string; text: string; encoding?: string };
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: HarHeader[];
    content: { size: number; mimeType: string; text: string; encoding?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number; dns?: number; connect?: number; ssl?: number };
  _hookbench?: { kind: 'capture' | 'sent'; id: string };
}

const mime = (headers: HeaderTuple[]) => headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';

function harHeaders(headers: HeaderTuple[], redact: (s: string) => string, includeSecrets: boolean): HarHeader[] {
  return headers.map(([name, value]) => ({ name, value: !includeSecrets && SENSITIVE.test(name) ? REDACTED : redact(value) }));
}

function content(bytes: Buffer, redact: (s: string) => string): { text: string; encoding?: string } {
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? { text: redact(text) } : { text: bytes.toString('base64'), encoding: 'base64' };
}

function query(url: string, redact: (s: string) => string): HarHeader[] {
  try {
    return [...new URL(url, 'http://x').searchParams].map(([name, value]) => ({ name, value: redact(value) }));
  } catch {
    return [];
  }
}

export function exportHar(
  input: { captures: Array<{ capture: CaptureDetail; body: Buffer; baseUrl: string }>; sent: SentRecord[] },
  opts: { includeSecrets: boolean; secrets: string[] },
): string {
  const redact = (s: string) => (opts.includeSecrets ? s : redactText(s, opts.secrets));
  const entries: HarEntry[] = [];
  for (const { capture, body, baseUrl } of input.captures) {
    const req = content(body, redact);
    const res = Buffer.from(capture.response.body, 'utf8');
    entries.push({
      startedDateTime: new Date(capture.receivedAt).toISOString(),
      time: capture.timings.bodyMs,
      request: {
        method: capture.method,
        url: redact(`${baseUrl}${capture.url}`),
        httpVersion: `HTTP/${capture.httpVersion}`,
        headers: harHeaders(capture.rawHeaders, redact, opts.includeSecrets),
        queryString: query(capture.url, redact),
        headersSize: -1,
        bodySize: body.length,
        ...(body.length ? { postData: { mimeType: mime(capture.rawHeaders), ...req } } : {}),
      },
      response: {
        status: capture.response.status,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        headers: harHeaders(capture.response.headers, redact, opts.includeSecrets),
        content: { size: res.length, mimeType: mime(capture.response.headers), text: redact(capture.response.body) },
        redirectURL: '',
        headersSize: -1,
        bodySize: res.length,
      },
      cache: {},
      timings: { send: 0, wait: capture.timings.bodyMs, receive: 0 },
      _hookbench: { kind: 'capture', id: capture.id },
    });
  }
  for (const r of input.sent) {
    const body = Buffer.from(r.request.bodyBase64, 'base64');
    const resBody = Buffer.from(r.response?.bodyBase64 ?? '', 'base64');
    entries.push({
      startedDateTime: new Date(r.at).toISOString(),
      time: r.timings.total,
      request: {
        method: r.request.method,
        url: redact(r.request.url),
        httpVersion: 'HTTP/1.1',
        headers: harHeaders(r.request.headers, redact, opts.includeSecrets),
        queryString: query(r.request.url, redact),
        headersSize: -1,
        bodySize: body.length,
        ...(body.length ? { postData: { mimeType: mime(r.request.headers), ...content(body, redact) } } : {}),
      },
      response: {
        status: r.response?.status ?? 0,
        statusText: r.response?.statusText ?? r.error?.message ?? '',
        httpVersion: 'HTTP/1.1',
        headers: harHeaders(r.response?.headers ?? [], redact, opts.includeSecrets),
        content: { size: resBody.length, mimeType: mime(r.response?.headers ?? []), ...content(resBody, redact) },
        redirectURL: '',
        headersSize: -1,
        bodySize: resBody.length,
      },
      cache: {},
      timings: {
        send: 0,
        wait: r.timings.firstByte ?? r.timings.total,
        receive: Math.max(0, r.timings.total - (r.timings.firstByte ?? r.timings.total)),
        ...(r.timings.dns !== undefined ? { dns: r.timings.dns } : {}),
        ...(r.timings.connect !== undefined ? { connect: r.timings.connect } : {}),
        ...(r.timings.tls !== undefined ? { ssl: r.timings.tls } : {}),
      },
      _hookbench: { kind: 'sent', id: r.id },
    });
  }
  entries.sort((a, b) => a.startedDateTime.localeCompare(b.startedDateTime));
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'Hookbench', version }, entries } }, null, 2);
}

/** HAR entries become history records (source "har"), ready to re-send. */
export function importHar(text: string, now: () => number): SentRecord[] {
  let doc: { log?: { entries?: HarEntry[] } };
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`the HAR file is not JSON (${errorMessage(err)})`, { cause: err });
  }
  const entries = doc.log?.entries;
  if (!Array.isArray(entries)) throw new Error('the HAR file has no log.entries list');
  return entries.map((e, i) => {
    if (!e?.request?.url || !e.request.method) throw new Error(`log.entries[${i}].request needs a method and a url`);
    const pd = e.request.postData;
    const body = pd ? Buffer.from(pd.text ?? '', pd.encoding === 'base64' ? 'base64' : 'utf8') : Buffer.alloc(0);
    const c = e.response?.content;
    const resBody = c?.text ? Buffer.from(c.text, c.encoding === 'base64' ? 'base64' : 'utf8') : Buffer.alloc(0);
    const at = Date.parse(e.startedDateTime);
    return {
      id: randomUUID(),
      at: Number.isFinite(at) ? at : now(),
      request: {
        method: e.request.method,
        url: e.request.url,
        headers: (e.request.headers ?? []).map((h) => [h.name, h.value] as HeaderTuple),
        bodyBase64: body.toString('base64'),
      },
      ...(e.response && e.response.status
        ? {
            response: {
              status: e.response.status,
              statusText: e.response.statusText ?? '',
              headers: (e.response.headers ?? []).map((h) => [h.name, h.value] as HeaderTuple),
              bodyBase64: resBody.toString('base64'),
              bodySize: resBody.length,
              bodyTruncated: false,
            },
          }
        : {}),
      timings: { total: typeof e.time === 'number' ? e.time : 0 },
      source: 'har' as const,
    };
  });
}
