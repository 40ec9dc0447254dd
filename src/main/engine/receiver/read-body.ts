// Reads a request body into memory, giving up as soon as it passes the limit.
// The listeners are shared functions (the state rides on the request under a symbol): no
// closures are made per request on the receiver's hot path.
import type { IncomingMessage } from 'node:http';

export type BodyResult = { kind: 'body'; body: Buffer; doneAt: number } | { kind: 'too-large' } | { kind: 'aborted' };

interface Reading {
  limit: number;
  now: () => number;
  chunks: Buffer[];
  received: number;
  resolve: (result: BodyResult) => void;
}

const kReading = Symbol('hookbench.readBody');
type ReadingRequest = IncomingMessage & { [kReading]?: Reading | null };

const TOO_LARGE: BodyResult = { kind: 'too-large' };
const ABORTED: BodyResult = { kind: 'aborted' };

export function readBody(req: IncomingMessage, limit: number, now: () => number): Promise<BodyResult> {
  return new Promise((resolve) => {
    (req as ReadingRequest)[kReading] = { limit, now, chunks: [], received: 0, resolve };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('close', onAbort);
  });
}

function finish(req: ReadingRequest, result: BodyResult): void {
  const reading = req[kReading];
  if (!reading) return;
  req[kReading] = null;
  req.off('data', onData);
  req.off('end', onEnd);
  req.off('error', onAbort);
  req.off('close', onAbort);
  reading.resolve(result);
}

function onData(this: ReadingRequest, chunk: Buffer): void {
  const reading = this[kReading];
  if (!reading) return;
  reading.received += chunk.length;
  if (reading.received > reading.limit) {
    reading.chunks.length = 0;
    this.pause(); // stop pulling bytes we are not going to keep
    finish(this, TOO_LARGE);
    return;
  }
  reading.chunks.push(chunk);
}

function onEnd(this: ReadingRequest): void {
  const reading = this[kReading];
  if (!reading) return;
  const { chunks, received } = reading;
  finish(this, { kind: 'body', body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received), doneAt: reading.now() });
}

function onAbort(this: ReadingRequest): void {
  finish(this, ABORTED);
}
