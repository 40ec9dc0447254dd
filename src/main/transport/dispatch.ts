// One call through the contract, answered with an envelope whatever happens: shared by the
// web transport and the Electron IPC registration so both report errors the same way.
import { API_METHODS, ApiError, type ApiErrorPayload, type ApiHandlers, type ApiMethod } from '@shared/contract';
import type { CallEnvelope } from '@shared/transport';
import { errorMessage } from '@shared/error-message';
import { STORAGE_ERROR_CODE, describeStorageFailure, isStorageFailure } from '../engine/store/storage-error';

const known = new Set<string>(API_METHODS);

export function isApiMethod(name: string): name is ApiMethod {
  return known.has(name);
}

export async function dispatchCall(handlers: ApiHandlers, method: ApiMethod, args: unknown): Promise<CallEnvelope> {
  const handler = handlers[method] as ((args: unknown) => Promise<unknown>) | undefined;
  if (typeof handler !== 'function') {
    return { ok: false, error: { code: 'not_implemented', message: `no handler for ${method}` } };
  }
  try {
    // null and undefined both mean "no argument": JSON cannot carry undefined.
    // (the engine's handlers check their argument against its schema: see api/handlers.ts)
    const result = await handler(args === null ? undefined : args);
    return { ok: true, result } as CallEnvelope;
  } catch (err) {
    return { ok: false, error: errorPayload(method, err) };
  }
}

function errorPayload(method: ApiMethod, err: unknown): ApiErrorPayload {
  if (err instanceof ApiError) return err.toPayload();
  // a disk failure (ENOSPC, EACCES…) is not the caller's fault nor a bug: say which, as a 5xx
  if (isStorageFailure(err)) return { code: STORAGE_ERROR_CODE, message: describeStorageFailure(err) };
  // Unexpected errors are bugs: keep the process up, tell the caller, leave a trace for us.
  console.error(`hookbench: ${method} failed:`, err);
  const message = errorMessage(err);
  return { code: 'internal', message: message || 'internal error' };
}
