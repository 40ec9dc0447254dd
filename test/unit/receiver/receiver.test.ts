import { promises as fs } from 'node:fs';
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureSummary } from '@shared/capture';
import type { CaptureStore, IncomingRequest, RequestRouter } from '../../../src/main/engine/ports';
import { createInboxRouter, createReceiver, type Receiver, type ReceiverOptions } from '../../../src/main/engine/receiver';
import { openCaptureStore } from '../../../src/main/engine/store/capture-store';
import { rawExchange } from './raw-http';
import { makeTempDir } from '../../support/temp-dir';

let dir: string;
let store: CaptureStore;
let receiver: Receiver | null;
let port: number;
const captured: CaptureSummary[] = [];
const inbox = createInboxRouter(() => ({ status: 202, contentType: 'text/plain', body: 'accepted' }));

async function start(overrides: Partial<ReceiverOptions> = {}): Promise<void> {
  receiver = createReceiver({ host: '127.0.0.1', port: 0, bodyLimitBytes: () => 64, router: inbox, store, onCapture: (s) => captured.push(s), ...overrides });
  await receiver.listen();
  port = receiver.address()!.port;
}

beforeEach(async () => {
  dir = await makeTempDir('receiver');
  store = await openCaptureStore(dir, { maxCaptures: 1000, maxBytes: 1024 ** 3 });
  captured.length = 0;
  receiver = null;
});
afterEach(async () => {
  await receiver?.close();
  await store.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('receiver', () => {
  it('keeps exact bytes, raw url, header tuples with duplicates, and answers with the inbox response', async () => {
    await start();
    const body = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x7b, 0x80, 0xfe, 0x22]);
    const head = [
      'POST /a/../hook%2Fx?q=%zz&q=2&empty= HTTP/1.1',
      'Host: 127.0.0.1',
      'X-Custom-CASE: One',
      'x-dup: 1',
      'X-Dup: 2',
      'Content-Type: application/octet-stream',
      `Content-Length: ${body.length}`,
      'Connection: close',
      '',
      '',
    ].join('\r\n');
    const res = await rawExchange(port, [head, body]);
    expect(res.status).toBe(202);
    expect(res.body.toString()).toBe('accepted');
    expect(captured.length).toBe(1);
    const detail = (await store.get(captured[0].id))!;
    expect(detail.method).toBe('POST');
    expect(detail.url).toBe('/a/../hook%2Fx?q=%zz&q=2&empty=');
    expect(detail.path).toBe('/a/../hook%2Fx');
    expect(detail.httpVersion).toBe('1.1');
    expect(detail.rawHeaders).toEqual([
      ['Host', '127.0.0.1'],
      ['X-Custom-CASE', 'One'],
      ['x-dup', '1'],
      ['X-Dup', '2'],
      ['Content-Type', 'application/octet-stream'],
      ['Content-Length', String(body.length)],
      ['Connection', 'close'],
    ]);
    expect(Buffer.from(detail.bodyBase64, 'base64').equals(body)).toBe(true);
    expect(detail.remoteAddress).toBe('127.0.0.1');
    expect(detail.remotePort).toBeGreaterThan(0);
    expect(detail.response).toEqual({ status: 202, headers: [['Content-Type', 'text/plain']], body: 'accepted' });
    expect(detail.timings.bodyMs).toBeGreaterThanOrEqual(detail.timings.headersMs);
    expect(detail.kind).toBe('inbox');
  });

  it('stores chunked bodies, issues the capture and the commit together, and answers once both are durable', async () => {
    const order: string[] = [];
    let seen: IncomingRequest | null = null;
    const router: RequestRouter = async (request) => {
      seen = request;
      order.push('route');
      return {
        kind: 'launch',
        triggerId: 't1',
        outcome: 'launched',
        response: {
          status: 201,
          headers: [
            ['X-A', '1'],
            ['X-A', '2'],
            ['Content-Type', 'application/json'],
          ],
          body: '{"ok":true}',
        },
        commit: async (captured) => {
          // issued in the same turn as the capture's append, before that append is durable
          order.push(`commit issued ${store.count()}`);
          const summary = await captured;
          order.push(`capture durable ${summary.triggerId} ${store.count()}`);
        },
      };
    };
    await start({ router, onCapture: () => order.push('captured') });
    const res = await rawExchange(
      port,
      ['PUT /t/t1 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n', '5\r\nhello\r\n', '6\r\n world\r\n', '0\r\n\r\n'],
      { gapMs: 10 },
    );
    expect(res.status).toBe(201);
    expect(res.head).toMatch(/\r\nX-A: 1\r\nX-A: 2\r\n/);
    expect(res.body.toString()).toBe('{"ok":true}');
    expect(order).toEqual(['route', 'commit issued 0', 'capture durable t1 1', 'captured']);
    expect(seen!.body.toString()).toBe('hello world');
    const [summary] = (await store.list({})).items;
    expect(summary).toMatchObject({ kind: 'launch', triggerId: 't1', outcome: 'launched', status: 201, bodySize: 11 });
  });

  it('answers 413 for a declared body over the limit without reading it, storing nothing', async () => {
    await start();
    const res = await rawExchange(port, ['POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 65\r\nConnection: close\r\n\r\n', 'x'.repeat(65)]);
    expect(res.status).toBe(413);
    expect(res.body.toString()).toMatch(/limit of 64 bytes/);
    expect(store.count()).toBe(0);
    const ok = await rawExchange(port, ['POST /fits HTTP/1.1\r\nHost: x\r\nContent-Length: 64\r\nConnection: close\r\n\r\n', 'y'.repeat(64)]);
    expect(ok.status).toBe(202);
    expect(store.count()).toBe(1);
  });

  it('answers 413 for a chunked body that grows over the limit, storing nothing', async () => {
    await start();
    const chunk = `28\r\n${'z'.repeat(40)}\r\n`;
    const res = await rawExchange(
      port,
      ['POST /big HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n', chunk, chunk, chunk, '0\r\n\r\n'],
      { gapMs: 20 },
    );
    expect(res.status).toBe(413);
    expect(store.count()).toBe(0);
    expect(captured).toEqual([]);
  });

  it('lets a sender that streams a large body past the limit read its 413 (no reset)', async () => {
    await start({ bodyLimitBytes: () => 64 * 1024 });
    const big = Buffer.alloc(8 * 1024 * 1024, 0x61);
    // a keep-alive client, like most senders: the connection must stay usable after the 413
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let round = 0; round < 5; round++) {
        const status = await new Promise<number>((resolve, reject) => {
          let answered: number | null = null;
          let written = false;
          const settle = () => answered !== null && written && resolve(answered);
          const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/huge', agent, headers: { 'Content-Length': big.length } }, (res) => {
            res.resume();
            res.on('end', () => {
              answered = res.statusCode ?? 0;
              settle();
            });
          });
          req.on('error', reject);
          req.on('finish', () => {
            written = true;
            settle();
          });
          req.end(big);
        });
        expect(status).toBe(413);
      }
    } finally {
      agent.destroy();
    }
    expect(store.count()).toBe(0);
  });

  it('refuses 100-continue uploads over the limit before the body is sent', async () => {
    await start();
    const res = await rawExchange(port, ['POST /big HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 1000\r\n\r\n']);
    expect(res.status).toBe(413);
    expect(res.raw.toString()).not.toContain('100 Continue');
    expect(store.count()).toBe(0);
  });

  it('answers 431 for headers over 16 KiB', async () => {
    await start();
    const res = await rawExchange(port, [`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`]);
    expect(res.status).toBe(431);
    expect(store.count()).toBe(0);
  });

  it('answers 408 to a client that never finishes its headers', async () => {
    await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const res = await rawExchange(port, ['GET / HTTP/1.1\r\nHost: x\r\n'], { timeoutMs: 4000 });
    expect(res.status).toBe(408);
  });

  it('answers 500 with a one-line reason when the router or the store fails, and keeps serving', async () => {
    let fail = true;
    await start({
      router: async (request) => {
        if (fail) throw new Error('no route\nfor you');
        return inbox(request);
      },
    });
    const broken = await fetch(`http://127.0.0.1:${port}/x`, { method: 'POST', body: 'a' });
    expect(broken.status).toBe(500);
    expect(await broken.text()).toBe('500 Internal Server Error: routing failed: no route for you\n');
    expect(store.count()).toBe(0);
    fail = false;
    const next = await fetch(`http://127.0.0.1:${port}/x`, { method: 'POST', body: 'b' });
    expect(next.status).toBe(202);
    expect(store.count()).toBe(1);

    await receiver!.close();
    const failingStore = {
      ...store,
      append: async () => {
        throw new Error('disk full');
      },
    } as CaptureStore;
    await start({ store: failingStore });
    const res = await fetch(`http://127.0.0.1:${port}/y`, { method: 'POST', body: 'c' });
    expect(res.status).toBe(500);
    expect(await res.text()).toMatch(/storing the request failed: disk full/);
  });

  it('rejects listen on a busy port with a one-line reason', async () => {
    const blocker = http.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const busy = (blocker.address() as { port: number }).port;
    const other = createReceiver({ host: '127.0.0.1', port: busy, bodyLimitBytes: () => 10, router: inbox, store });
    await expect(other.listen()).rejects.toThrow(`port ${busy} on 127.0.0.1 is in use`);
    await other.close();
    await new Promise((r) => blocker.close(r));
  });
});
