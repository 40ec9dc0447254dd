import type { CaptureKind, HeaderTuple } from '@shared/capture';
import type { NewCapture } from '../../../src/main/engine/ports';
import { newCaptureId } from '../../../src/main/engine/store/capture-id';

export interface CaptureInit {
  method?: string;
  url?: string;
  headers?: HeaderTuple[];
  body?: string | Buffer;
  kind?: CaptureKind;
  triggerId?: string;
}

export function newCapture(init: CaptureInit = {}): NewCapture {
  const now = Date.now();
  return {
    request: {
      id: newCaptureId(now),
      receivedAt: now,
      method: init.method ?? 'POST',
      url: init.url ?? '/hook?x=1',
      httpVersion: '1.1',
      rawHeaders: init.headers ?? [
        ['Content-Type', 'application/json'],
        ['X-Dup', 'a'],
        ['X-Dup', 'b'],
      ],
      body: Buffer.isBuffer(init.body) ? init.body : Buffer.from(init.body ?? '{"hello":"world"}'),
      remoteAddress: '127.0.0.1',
      remotePort: 5555,
      timings: { startedAt: now, headersMs: 1, bodyMs: 2 },
    },
    decision: {
      kind: init.kind ?? 'inbox',
      response: { status: 200, headers: [['Content-Type', 'text/plain']], body: 'ok' },
      ...(init.triggerId ? { triggerId: init.triggerId, outcome: 'launched' as const } : {}),
    },
  };
}
