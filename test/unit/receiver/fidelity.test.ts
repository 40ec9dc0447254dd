// What the capture says is what happened on the wire: every header tuple the 16 KiB budget
// admits is kept (more is a 431, never a silent cut), and a capture records when the client did
// not get the answer — bytes the parser rejects after a request, a client gone before the answer.
// On a launch URL such a request launches nothing.
import { rm } from 'node:fs/promises';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureDetail } from '@shared/capture';
import type { Trigger } from '@shared/trigger';
import type { Engine } from '../../../src/main/engine/ports';
import { createInboxRouter, createReceiver } from '../../../src/main/engine/receiver';
import { openCaptureStore } from '../../../src/main/engine/store/capture-store';
import { testEngine } from '../../support/test-engine';
import { rawExchange } from './raw-http';
import { makeTempDir } from '../../support/temp-dir';

let engine: Engine | null = null;
let dir = '';
afterEach(async () => {
  await engine?.stop();
  engine = null;
  if (dir) await rm(dir, { recursive: true, force: true });
});

const launchTrigger: Trigger = {
  id: 'deploy',
  title: 'deploy',
  enabled: true,
  conditions: [{ type: 'rate-limit', quota: 1, period: 3600 } as never],
  actions: [{ type: 'web-response-text', text: 'Created run {run_id}' }],
};

async function start(triggers: Trigger[] = []): Promise<{ port: number }> {
  dir = await makeTempDir('fidelity');
  engine = testEngine(dir, { workspace: { version: 1, env: [], triggers } });
  await engine.start();
  return { port: Number(new URL(engine.info().receiverUrl).port) };
}

async function onlyCapture(): Promise<CaptureDetail> {
  for (let i = 0; i < 100; i++) {
    const page = await engine!.handlers['captures.list']({});
    if (page.items.length) {
      expect(page.items.length).toBe(1);
      return (await engine!.handlers['captures.get']({ id: page.items[0].id }))!;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no capture');
}

const post = (target: string, body = '{}') =>
  `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

describe('header tuples', () => {
  it('keeps all 3000 small header tuples of a request under the 16 KiB budget', async () => {
    const { port } = await start();
    const headers = Array.from({ length: 3000 }, (_, i) => `a:${i % 10}\r\n`).join('');
    const res = await rawExchange(port, [`GET /many HTTP/1.1\r\nHost: x\r\n${headers}Connection: close\r\n\r\n`]);
    expect(res.status).toBe(200);
    const capture = await onlyCapture();
    expect(capture.rawHeaders.filter(([n]) => n === 'a').length).toBe(3000);
    expect(capture.rawHeaders.length).toBe(3002);
    expect(capture.delivery).toEqual({ delivered: true });
  });

  it('keeps 6000 one-byte header tuples (node alone would keep 2000), and answers 431 over the budget', async () => {
    const { port } = await start();
    const many = Array.from({ length: 6000 }, () => 'a:\r\n').join('');
    const kept = await rawExchange(port, [`GET /six-thousand HTTP/1.1\r\nHost: x\r\n${many}Connection: close\r\n\r\n`]);
    expect(kept.status).toBe(200);
    expect((await onlyCapture()).rawHeaders.length).toBe(6002);
    await engine!.handlers['captures.clear']();
    const headers = Array.from({ length: 20000 }, () => 'a:b\r\n').join('');
    const res = await rawExchange(port, [`GET /too-many HTTP/1.1\r\nHost: x\r\n${headers}\r\n`]);
    expect(res.status).toBe(431);
    expect((await engine!.handlers['captures.list']({})).total).toBe(0);
  });
});

describe('delivery of the answer', () => {
  it("records that the client got the parser's 400, not the inbox answer, when garbage follows the request", async () => {
    const { port } = await start();
    const res = await rawExchange(port, [`${post('/inbox')}\x01\x02garbage that is no request\r\n\r\n`]);
    expect(res.status).toBe(400);
    const capture = await onlyCapture();
    expect(capture.status).toBe(400);
    expect(capture.response.status).toBe(400);
    expect(capture.delivery.delivered).toBe(false);
    expect(capture.delivery.delivered === false && capture.delivery.note).toMatch(
      /HTTP parser rejected .* \(HPE_[A-Z_]+\) .*the client got 400 Bad Request.*would have been answered 200/,
    );
  });

  it('launches nothing on a launch URL when the parser rejected the connection before the answer', async () => {
    const { port } = await start([launchTrigger]);
    const res = await rawExchange(port, [`${post('/api/v0/launch/deploy/')}BROKEN\x00\r\n\r\n`]);
    expect(res.status).toBe(400);
    expect(res.body.toString()).not.toContain('Created run');
    const capture = await onlyCapture();
    expect(capture.kind).toBe('launch');
    expect(capture.outcome).toBeUndefined();
    expect(capture.delivery.delivered === false && capture.delivery.note).toMatch(
      /would have been answered 200 \(launched\); nothing was committed or launched/,
    );
    expect(await engine!.handlers['triggerLog.list']({})).toEqual([]);
    // the rate-limit slot (quota 1) was given back: a clean request still launches
    const ok = await rawExchange(port, [post('/api/v0/launch/deploy/').replace('Host: 127.0.0.1', 'Host: 127.0.0.1\r\nConnection: close')]);
    expect(ok.status).toBe(200);
    expect(ok.body.toString()).toMatch(/^Created run [0-9a-f-]{36}$/);
    const log = await engine!.handlers['triggerLog.list']({});
    expect(log.map((e) => e.outcome)).toEqual(['launched']);
  });

  it('records a client that reset the connection before the answer; a half-closed client still gets it', async () => {
    dir = await makeTempDir('fidelity');
    const store = await openCaptureStore(dir, { maxCaptures: 100, maxBytes: 1024 ** 2 });
    let clientGone: () => void = () => undefined;
    const gone = new Promise<void>((r) => (clientGone = r));
    const inbox = createInboxRouter(() => ({ status: 202, contentType: 'text/plain', body: 'accepted' }));
    // the router answers only once the client has reset the connection
    const receiver = createReceiver({
      host: '127.0.0.1',
      port: 0,
      bodyLimitBytes: () => 1024,
      store,
      router: async (req) => {
        if (req.url === '/reset') await gone;
        return inbox(req);
      },
    });
    await receiver.listen();
    const port = receiver.address()!.port;
    try {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(post('/reset'));
        setTimeout(() => socket.resetAndDestroy(), 50);
      });
      socket.on('error', () => undefined);
      socket.on('close', () => setTimeout(clientGone, 50));
      await gone;
      const halfClosed = await new Promise<string>((resolve) => {
        let got = '';
        const c = net.connect(port, '127.0.0.1', () => c.end(post('/half')));
        c.on('data', (d) => (got += d));
        c.on('close', () => resolve(got));
      });
      expect(halfClosed).toMatch(/^HTTP\/1.1 202/);
      const page = await store.list({});
      const byUrl = new Map(await Promise.all(page.items.map(async (s) => [s.url, (await store.get(s.id))!] as const)));
      const reset = byUrl.get('/reset')!;
      expect(reset.delivery.delivered).toBe(false);
      expect(reset.delivery.delivered === false && reset.delivery.note).toMatch(/client closed the connection before the answer went out/);
      expect(reset.status).toBe(0);
      expect(byUrl.get('/half')!.delivery).toEqual({ delivered: true });
    } finally {
      await receiver.close();
      await store.close();
    }
  });
});
