// The wire shapes both transports share. A call answers with an envelope, never a thrown
// error, because Electron's invoke() drops custom error fields and HTTP has only a status.
import type { ApiErrorPayload, ApiMethod, ApiResult } from './contract';
import type { EventBatch } from './events';

export type CallEnvelope<M extends ApiMethod = ApiMethod> = { ok: true; result: ApiResult<M> } | { ok: false; error: ApiErrorPayload };

/**
 * What the Electron preload exposes as `window.hookbench`: one function per contract call
 * (built from API_METHODS, so no channel outside the contract is reachable) and the event stream.
 */
export interface HookbenchBridge {
  calls: { [M in ApiMethod]: (args: unknown) => Promise<CallEnvelope<M>> };
  onEvents(listener: (batch: EventBatch) => void): () => void;
}

/*
 * Web transport (headless mode), on the control port, bound to 127.0.0.1:
 *   UI:     GET  /?token=<token>          the renderer build (token read from the URL, then
 *                                          kept in sessionStorage and removed from the address bar)
 *   Calls:  POST /api/call/<method>       Authorization: Bearer <token>; JSON body = the argument
 *                                          (null for calls without one) → CallEnvelope: 200 when ok, else 400/403/404/409/500 by error code;
 *                                          4xx with { ok: false, error } for transport errors
 *   Events: WS   /api/events?token=<token> each message is a JSON EventBatch
 * Requests whose Host is not 127.0.0.1:<port> / localhost:<port>, or whose Origin (when
 * present) is not that same origin, get 403. A wrong or missing token gets 401.
 */
export const TOKEN_QUERY_PARAM = 'token';
