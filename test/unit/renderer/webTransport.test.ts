import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { ApiError } from '@shared/contract';
import type { EventBatch } from '@shared/events';
import { createApiClient } from '../../../src/renderer/src/api/createApiClient';
import { reconnectDelayMs } from '../../../src/renderer/src/api/backoff';
import { createIpcTransport } from '../../../src/renderer/src/api/ipcTransport';
import type { ConnectionStatus } from '../../../src/renderer/src/api/transport';
import { createWebTransport } from '../../../src/renderer/src/api/webTransport';

const TOKEN = 'secret-token';
const calls: { url: string; auth: string | undefined; body: string }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    calls.push({ url: req.url!, auth: req.headers.authorization, body });
    res.setHeader('Content-Type', 'application/json');
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.statusCode = 401;
      return res.end(JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'bad token' } }));
    }
    if (req.url === '/api/call/settings.update') {
      return res.end(JSON.stringify({ ok: false, error: { code: 'invalid', message: 'port out of range', path: 'receiver.port' } }));
    }
    res.end(JSON.stringify({ ok: true, result: { echo: JSON.parse(body) } }));
  });
});
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, socket, head) => {
  if (!req.url?.startsWith(`/api/events?token=${TOKEN}`)) return socket.destroy();
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
});
let origin = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const client of wss.clients) client.terminate();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('web transport', () => {
  it('posts each call with the bearer token and a JSON body (null for void calls)', async () => {
    const transport = createWebTransport({ baseUrl: origin, token: TOKEN, WebSocketImpl: WebSocket as never });
    const api = createApiClient(transport.invoke);
    calls.length = 0;
    expect(await api['captures.list']({ limit: 5 })).toEqual({ echo: { limit: 5 } });
    expect(await api['engine.info']()).toEqual({ echo: null });
    expect(calls.map((c) => [c.url, c.auth, c.body])).toEqual([
      ['/api/call/captures.list', `Bearer ${TOKEN}`, '{"limit":5}'],
      ['/api/call/engine.info', `Bearer ${TOKEN}`, 'null'],
    ]);
  });

  it('throws ApiErrors carrying code and path', async () => {
    const api = createApiClient(createWebTransport({ baseUrl: origin, token: TOKEN }).invoke);
    const error = await api['settings.update']({ receiver: { port: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid', path: 'receiver.port', message: 'port out of range' });
    const wrongToken = createApiClient(createWebTransport({ baseUrl: origin, token: 'wrong' }).invoke);
    const denied = await wrongToken['engine.info']().catch((e: unknown) => e);
    expect(denied).toMatchObject({ code: 'unauthorized' });
    const nobodyThere = createApiClient(createWebTransport({ baseUrl: 'http://127.0.0.1:1', token: TOKEN }).invoke);
    const down = await nobodyThere['engine.info']().catch((e: unknown) => e);
    expect(down).toMatchObject({ code: 'network' });
  });

  it('delivers event batches and reconnects after the socket drops', async () => {
    const transport = createWebTransport({ baseUrl: origin, token: TOKEN, WebSocketImpl: WebSocket as never });
    const statuses: ConnectionStatus['state'][] = [];
    const batches: EventBatch[] = [];
    transport.onConnection((s) => statuses.push(s.state));
    transport.onEvents((batch) => batches.push(batch));
    await until(() => wss.clients.size === 1 && statuses.includes('connected'));
    const batch: EventBatch = [
      { type: 'captures.cleared', at: 1 },
      { type: 'workspace.changed', at: 2 },
    ];
    for (const client of wss.clients) client.send(JSON.stringify(batch));
    await until(() => batches.length === 1);
    expect(batches[0]).toEqual(batch);

    for (const client of wss.clients) client.terminate();
    await until(() => statuses.includes('disconnected'));
    await until(() => statuses.lastIndexOf('connected') > statuses.indexOf('disconnected'));
    transport.close();
  });
});

describe('IPC transport and backoff', () => {
  it('unwraps bridge envelopes', async () => {
    const bridge = {
      calls: new Proxy(
        {},
        {
          get: (_t, method) => async (args: unknown) =>
            method === 'captures.clear' ? { ok: false, error: { code: 'busy', message: 'no' } } : { ok: true, result: { method, args } },
        },
      ),
      onEvents: () => () => {},
    };
    const api = createApiClient(createIpcTransport(bridge as never).invoke);
    expect(await api['captures.get']({ id: 'x' })).toEqual({ method: 'captures.get', args: { id: 'x' } });
    await expect(api['captures.clear']()).rejects.toMatchObject({ code: 'busy' });
  });

  it('grows the reconnect delay and caps it', () => {
    const fixed = () => 0.5;
    expect(reconnectDelayMs(0, fixed)).toBe(500);
    expect(reconnectDelayMs(3, fixed)).toBe(4000);
    expect(reconnectDelayMs(30, fixed)).toBe(10_000);
  });
});
