// POST /api/call/<method>: the JSON body is the argument, the answer a CallEnvelope.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiHandlers } from '@shared/contract';
import { httpStatusFor, type ApiErrorPayload } from '@shared/api-error';
import { errorMessage } from '@shared/error-message';
import { dispatchCall, isApiMethod } from '../dispatch';

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  res.end(body);
}

export function sendError(res: ServerResponse, status: number, error: ApiErrorPayload): void {
  sendJson(res, status, { ok: false, error });
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function handleCall(req: IncomingMessage, res: ServerResponse, name: string, handlers: ApiHandlers, bodyLimitBytes: number): Promise<void> {
  if (!isApiMethod(name)) {
    sendError(res, 404, { code: 'not_found', message: `unknown call: ${name}` });
    return;
  }
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    sendError(res, 405, { code: 'method_not_allowed', message: 'calls are POST requests' });
    return;
  }
  let raw: Buffer;
  try {
    raw = await readBody(req, bodyLimitBytes);
  } catch (err) {
    if (err instanceof BodyTooLarge) {
      // close the connection: the rest of an oversized body is not worth reading
      res.setHeader('connection', 'close');
      sendError(res, 413, { code: 'too_large', message: `request body exceeds ${bodyLimitBytes} bytes` });
      return;
    }
    throw err;
  }
  let args: unknown = undefined;
  const text = raw.toString('utf8');
  if (text.trim().length > 0) {
    try {
      args = JSON.parse(text);
    } catch (err) {
      sendError(res, 400, { code: 'bad_json', message: `malformed JSON body: ${errorMessage(err)}` });
      return;
    }
  }
  const envelope = await dispatchCall(handlers, name, args);
  sendJson(res, envelope.ok ? 200 : statusForError(envelope.error.code), envelope);
}

/** The HTTP status of a refused call: the table in shared/api-error.ts. */
export const statusForError = httpStatusFor;
