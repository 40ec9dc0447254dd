import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startControlServer, type ControlServer } from '../../../src/main/transport/web/server';
import { API_METHODS } from '@shared/contract';
import type { EngineEvent } from '@shared/events';
import { fakeEngine } from './fake-engine';
import { rawRequest } from './http-helpers';
import { makeTempDir } from '../../support/temp-dir';

const CSP = "default-src 'self'; script-src 'self'; connect-src 'self'";
let root: string;
let staticDir: string;
let server: ControlServer;
const engine = fakeEngine({ apiErrorOn: ['triggers.save'], crashOn: ['captures.clear'] });

beforeAll(async () => {
  root = await makeTempDir('control');
  staticDir = join(root, 'web');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(root, 'secret.txt'), 'TOP-SECRET');
  await writeFile(
    join(staticDir, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CSP}"></head><body>APP</body></html>`,
  );
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(staticDir, 'assets', 'app.css'), 'body{}');
  await symlink(join(root, 'secret.txt'), join(staticDir, 'leak.txt'));
  server = await startControlServer({ engine, host: '127.0.0.1', port: 0, staticDir, bodyLimitBytes: 1024 * 1024 });
});

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${server.port}`;
const call = (method: string, body: string | null, token: string | null = server.token) =>
  fetch(`${base()}/api/call/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ?? undefined,
  });

describe('control server: startup', () => {
  it('uses a per-launch 32-byte base64url token and puts it in the UI url', () => {
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
  });

  it('rejects with EADDRINUSE when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    await expect(startControlServer({ engine, port, staticDir })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await new Promise((r) => blocker.close(r));
  });
});

describe('control server: static renderer build', () => {
  it('serves index.html with the meta CSP as a header', async () => {
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('APP');
  });

  it('serves assets with their content types', async () => {
    const js = await fetch(`${base()}/assets/app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    const css = await fetch(`${base()}/assets/app.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('falls back to index.html for routes, but 404s a missing asset', async () => {
    const route = await fetch(`${base()}/settings`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('APP');
    expect((await fetch(`${base()}/assets/missing.js`)).status).toBe(404);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/leak.txt', '/%00'])(
    'never leaves the build folder: %s',
    async (path) => {
      const res = await rawRequest(server.port, { path });
      expect(res.body).not.toContain('TOP-SECRET');
      expect([400, 404]).toContain(res.status);
    },
  );
});

describe('control server: access checks', () => {
  it('refuses a foreign Host with 403 (DNS rebinding)', async () => {
    const res = await rawRequest(server.port, { path: '/', headers: { host: `evil.example:${server.port}` } });
    expect(res.status).toBe(403);
    const api = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/call/engine.info',
      headers: { host: `127.0.0.1:1`, authorization: `Bearer ${server.token}` },
    });
    expect(api.status).toBe(403);
  });

  it('accepts localhost:<port> as Host and the same origin', async () => {
    const res = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/call/engine.info',
      headers: { host: `localhost:${server.port}`, origin: `http://localhost:${server.port}`, authorization: `Bearer ${server.token}` },
      body: 'null',
    });
    expect(res.status).toBe(200);
  });

  it('refuses a foreign Origin with 403', async () => {
    const res = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/call/engine.info',
      headers: { origin: 'http://evil.example', authorization: `Bearer ${server.token}` },
      body: 'null',
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers 401 without the token or with a wrong one', async () => {
    const before = engine.calls.length;
    const missing = await call('engine.info', 'null', null);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await call('engine.info', 'null', server.token.slice(1))).status).toBe(401);
    expect((await call('engine.info', 'null', `${server.token}x`)).status).toBe(401);
    expect(engine.calls.length).toBe(before);
  });
});

describe('control server: calls', () => {
  it('carries every contract call and returns its envelope', async () => {
    for (const method of API_METHODS) {
      const res = await call(method, JSON.stringify({ probe: method }));
      const refused = { 'triggers.save': 400, 'captures.clear': 500 } as Record<string, number>;
      expect(res.status, method).toBe(refused[method] ?? 200);
      const envelope = await res.json();
      if (method === 'triggers.save' || method === 'captures.clear') expect(envelope.ok).toBe(false);
      else expect(envelope, method).toEqual({ ok: true, result: { echo: method, args: { probe: method } } });
    }
  });

  it('passes "no argument" (null or empty body) as undefined', async () => {
    await call('engine.info', 'null');
    expect(engine.calls.at(-1)).toEqual({ method: 'engine.info', args: undefined });
    await call('env.list', null);
    expect(engine.calls.at(-1)).toEqual({ method: 'env.list', args: undefined });
  });

  it('answers 404 for a call outside the contract', async () => {
    const res = await call('process.exit', 'null');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await call('constructor', 'null')).status).toBe(404);
    expect((await call('__proto__', 'null')).status).toBe(404);
  });

  it('answers 400 with the parser message for malformed JSON', async () => {
    const res = await call('captures.list', '{"limit": ');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('bad_json');
    expect(body.error.message).toMatch(/JSON/);
  });

  it('turns an ApiError into ok:false with code, message and path', async () => {
    const res = await call('triggers.save', '{}');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      ok: false,
      error: { code: 'bad_input', message: 'triggers.save refused', path: 'trigger.id' },
    });
  });

  it('turns any other error into code internal and keeps serving', async () => {
    const res = await call('captures.clear', 'null');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'internal', message: 'captures.clear blew up' } });
    expect(await (await call('engine.info', 'null')).json()).toMatchObject({ ok: true });
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await call('workspace.import', JSON.stringify({ json: 'x'.repeat(1024 * 1024 + 10) }));
    expect(res.status).toBe(413);
  });

  it('answers 405 for a GET on a call', async () => {
    const res = await fetch(`${base()}/api/call/engine.info`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(res.status).toBe(405);
  });
});

describe('control server: event stream', () => {
  const wsUrl = (token: string) => `ws://127.0.0.1:${server.port}/api/events?token=${encodeURIComponent(token)}`;

  function refusal(ws: WebSocket): Promise<number> {
    return new Promise((resolve, reject) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('should not open')));
      ws.on('error', () => {});
    });
  }

  it('pushes each event batch as one JSON message', async () => {
    const ws = new WebSocket(wsUrl(server.token));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const messages: unknown[] = [];
    const got = new Promise<void>((resolve) =>
      ws.on('message', (data) => {
        messages.push(JSON.parse(String(data)));
        if (messages.length === 2) resolve();
      }),
    );
    const first: EngineEvent[] = [
      { type: 'captures.cleared', at: 1 },
      { type: 'workspace.changed', at: 2 },
    ];
    const second: EngineEvent[] = [{ type: 'captures.deleted', at: 3, ids: ['a', 'b'] }];
    first.forEach((e) => engine.events.emit(e));
    engine.events.flush();
    second.forEach((e) => engine.events.emit(e));
    engine.events.flush();
    await got;
    expect(messages).toEqual([first, second]);
    ws.close();
  });

  it('refuses a missing or wrong token with 401', async () => {
    expect(await refusal(new WebSocket(`ws://127.0.0.1:${server.port}/api/events`))).toBe(401);
    expect(await refusal(new WebSocket(wsUrl('nope')))).toBe(401);
  });

  it('refuses a foreign Origin or Host with 403', async () => {
    expect(await refusal(new WebSocket(wsUrl(server.token), { origin: 'http://evil.example' }))).toBe(403);
    expect(await refusal(new WebSocket(wsUrl(server.token), { headers: { host: 'evil.example' } }))).toBe(403);
  });

  it('stops listening to the engine when closed', async () => {
    const other = await startControlServer({ engine, port: 0, staticDir });
    const before = engine.events.listenerCount();
    await other.close();
    expect(engine.events.listenerCount()).toBe(before - 1);
  });
});
