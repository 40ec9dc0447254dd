// Calls over HTTP: POST /api/call/<method> with the bearer token; the answer is always an
// envelope, even for transport errors (401/403/404 carry { ok: false, error }).
import { ApiError } from '@shared/contract';
import type { ApiMethod } from '@shared/contract';
import { WEB_CALL_PREFIX } from '@shared/contract';
import type { CallEnvelope } from '@shared/transport';
import { unwrapEnvelope } from './envelope';
import { errorMessage } from '@shared/error-message';

export interface WebCallOptions {
  /** origin (and optional base path) of the control API, e.g. http://127.0.0.1:7781 */
  baseUrl: string;
  token: string | null;
  fetchImpl?: typeof fetch;
}

export function createWebInvoke(options: WebCallOptions) {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/$/, '');
  return async function invoke(method: ApiMethod, args: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${WEB_CALL_PREFIX}${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify(args === undefined ? null : args),
      });
    } catch (error) {
      throw new ApiError('network', `Cannot reach the Hookbench engine (${errorMessage(error)})`);
    }
    let envelope: CallEnvelope;
    try {
      envelope = (await response.json()) as CallEnvelope;
    } catch {
      throw new ApiError('http', `The engine answered HTTP ${response.status} without a JSON envelope`);
    }
    return unwrapEnvelope(envelope);
  };
}
