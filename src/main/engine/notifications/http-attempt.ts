// One delivery attempt: a POST through the engine's outgoing HTTP client, judged the way the
// documented service judges it — 2xx is success, anything else (redirects included, which are
// not followed) is a failure — with only the first bytes of the response body kept.
import type { AttemptErrorKind } from '@shared/notifications';
import { sendHttp } from '../http/outgoing';

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

export async function postOnce(
  url: string,
  headers: Array<[string, string]>,
  body: Buffer,
  timeoutMs: number,
  options: { excerptBytes?: number; signal?: AbortSignal } = {},
): Promise<AttemptResult> {
  const result = await sendHttp({
    method: 'POST',
    url,
    headers,
    body,
    timeoutMs,
    origin: 'notification',
    maxBodyBytes: options.excerptBytes ?? RESPONSE_EXCERPT_BYTES,
    signal: options.signal,
    abortReason: 'cancelled: the app was shutting down',
  });
  const durationMs = Math.round(result.timings.total * 10) / 10;
  const { response, error } = result;
  if (!response) {
    const kind: AttemptErrorKind = error?.kind === 'invalid-url' ? 'config' : (error?.kind ?? 'other');
    return {
      ok: false,
      durationMs,
      status: null,
      statusText: '',
      headers: [],
      excerpt: '',
      bytes: 0,
      truncated: false,
      errorKind: kind,
      error: error?.message ?? 'no answer',
    };
  }
  const answered = {
    durationMs,
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    excerpt: response.body.toString('utf8'),
    bytes: response.bodySize,
    truncated: response.truncated,
  };
  if (response.status >= 200 && response.status < 300) return { ok: true, ...answered };
  const location = response.headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
  const redirect = response.status >= 300 && response.status < 400 ? `; redirect to ${location ?? '(no Location)'} not followed` : '';
  const statusText = response.statusText ? ` ${response.statusText}` : '';
  return { ok: false, ...answered, errorKind: 'non-2xx', error: `HTTP ${response.status}${statusText} (not 2xx)${redirect}` };
}
