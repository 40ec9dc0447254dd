// Turns the transport's envelope back into a value or a thrown error, so callers use try/catch
// and still get the stable code and the JSON path of the offending field.
import { ApiError, isApiErrorCode, type ApiErrorPayload } from '@shared/api-error';
import type { CallEnvelope } from '@shared/transport';

export function unwrapEnvelope(envelope: CallEnvelope): unknown {
  if (envelope && envelope.ok === true) return envelope.result;
  if (envelope && envelope.ok === false) throw toApiError(envelope.error);
  throw new ApiError('bad_envelope', 'The engine answered with something that is not a call envelope');
}

export function toApiError(payload: Partial<ApiErrorPayload> | undefined): ApiError {
  // an engine of another version may send a code this build does not know: keep it as sent
  const code = isApiErrorCode(payload?.code) ? payload.code : ((payload?.code ?? 'bad_envelope') as ApiErrorPayload['code']);
  return new ApiError(code, payload?.message ?? 'Unknown error', payload?.path);
}

/** A readable one-liner for any thrown value, with the field path when the engine gave one. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.path ? `${error.message} (at ${error.path})` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
