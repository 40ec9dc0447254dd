// The one error vocabulary of the control API: every code a call can fail with, and the HTTP
// status the web transport answers it with. The envelope in the body is the same whatever the
// transport; the status is there so proxies, logs and scripts see a failure as one.

/** Codes the engine sends, with their HTTP status. */
export const API_ERROR_STATUS = {
  /** an argument or a stored document is refused; `path` names the field */
  invalid: 400,
  /** the request body is not JSON */
  bad_json: 400,
  /** well-formed, but this engine or this trigger cannot do it (no project linked, no web-auth to sign for…) */
  unsupported: 400,
  /** the receiver could not listen on the requested port */
  receiver_listen: 400,
  /** no or wrong control token */
  unauthorized: 401,
  /** outside what the caller may touch (another origin, a file outside runs and project) */
  forbidden: 403,
  /** no such call, or no such thing to act on */
  not_found: 404,
  method_not_allowed: 405,
  /** an id that is already taken */
  exists: 409,
  too_large: 413,
  /** a bug: the process stays up and the message is logged */
  internal: 500,
  not_implemented: 501,
  /** the disk failed (no space, no permission, I/O error): not the caller's fault, may work once fixed */
  storage_error: 503,
} as const satisfies Record<string, number>;

/** Codes the renderer's transports make themselves; they never come from the engine. */
export const CLIENT_ERROR_CODES = ['network', 'http', 'bad_envelope'] as const;

export type EngineErrorCode = keyof typeof API_ERROR_STATUS;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
export type ApiErrorCode = EngineErrorCode | ClientErrorCode;

const ENGINE_CODES = new Set<string>(Object.keys(API_ERROR_STATUS));
const ALL_CODES = new Set<string>([...ENGINE_CODES, ...CLIENT_ERROR_CODES]);

export const isApiErrorCode = (code: unknown): code is ApiErrorCode => typeof code === 'string' && ALL_CODES.has(code);

/** The HTTP status of a refused call; a code outside the table is answered as refused input (400). */
export function httpStatusFor(code: string): number {
  return ENGINE_CODES.has(code) ? API_ERROR_STATUS[code as EngineErrorCode] : 400;
}

/** An error that crosses a transport: a message for people and a stable code for code. */
export interface ApiErrorPayload {
  code: ApiErrorCode;
  message: string;
  /** JSON path of the offending field, when the error is about input */
  path?: string;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly path?: string;
  constructor(code: ApiErrorCode, message: string, path?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.path = path;
  }
  toPayload(): ApiErrorPayload {
    return { code: this.code, message: this.message, path: this.path };
  }
}

/**
 * Input refused: `path` is the JSON path of the field ("trigger.conditions[0].secret", "" for
 * the whole value), `problem` what is wrong with it. The message reads "<path>: <problem>".
 */
export class ValidationError extends ApiError {
  readonly problem: string;
  constructor(path: string, problem: string) {
    super('invalid', path ? `${path}: ${problem}` : problem, path);
    this.name = 'ValidationError';
    this.problem = problem;
  }
}

/** A JSON path segment appended the way every validator writes them: a.b, a[0]. */
export const joinPath = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);
