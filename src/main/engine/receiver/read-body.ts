// Reads a request body into memory, giving up as soon as it passes the limit.
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { kind: 'body'; body: Buffer; doneAt: number }
  | { kind: 'too-large' }
  | { kind: 'aborted' };

export function readBody(req: IncomingMessage, limit: number, now: () => number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const finish = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > limit) {
        chunks.length = 0;
        req.pause(); // stop pulling bytes we are not going to keep
        finish({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => finish({ kind: 'body', body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received), doneAt: now() });
    const onAbort = (): void => finish({ kind: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('close', onAbort);
  });
}
