// Attacks on the control API and the workspace file over real loopback HTTP and real files:
// refused calls get a 4xx/5xx status with a precise envelope, the page's CSP names only its own
// socket, nothing outside the build is served, and a broken workspace.json is reported, not touched.
import { readFile, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { narrowWebSocketSources } from '../../../src/main/transport/csp';
import type { ControlServer } from '../../../src/main/transport/web/server';
import { serveTestEngine, testEngine } from '../../support/test-engine';
import type { Engine } from '../../../src/main/engine/ports';
import { maskSigned } from '../../../src/main/engine/sender/mask-sent';
import { makeTempDir } from '../../support/temp-dir';

const META_CSP = "default-src 'none'; script-src 'self'; connect-src 'self' ws:; object-src 'none'";
let dataDir: string;
let webDir: string;
let outside: string;
let engine: Engine;
let server: ControlServer;

function rawGet(path: string, host: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    // http.request keeps the path as written (no normalising of .. or %2e)
    const req = http.request({ host: '127.0.0.1', port: server.port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function call(method: string, body: string): Promise<{ status: number; envelope: any }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/call/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, envelope: await res.json() };
}

beforeAll(async () => {
  dataDir = await makeTempDir('hardening');
  webDir = await makeTempDir('hardening-web');
  outside = await makeTempDir('hardening-outside');
  await writeFile(join(outside, 'private.txt'), 'PRIVATE-OUTSIDE-THE-BUILD');
  await writeFile(join(webDir, 'index.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="${META_CSP}"><p>app</p>`);
  await symlink(join(outside, 'private.txt'), join(webDir, 'leak.txt'));
  ({ engine, server } = await serveTestEngine(dataDir, webDir));
});

afterAll(async () => {
  await server?.close();
  await engine?.stop();
  for (const dir of [dataDir, webDir, outside]) await rm(dir, { recursive: true, force: true });
});

describe('refused calls', () => {
  it('answers a missing or non-object argument with 400 invalid, not an internal error', async () => {
    for (const body of ['null', '']) {
      const { status, envelope } = await call('env.save', body);
      expect(status, body).toBe(400);
      expect(envelope.error).toEqual({ code: 'invalid', message: 'env.save needs an object argument, got none', path: '' });
    }
    // a primitive destructures to undefined fields: the handler's own validation names them
    for (const body of ['5', '"text"']) {
      const { status, envelope } = await call('env.save', body);
      expect(status, body).toBe(400);
      expect(envelope.error.path, body).toBe('env');
    }
    expect((await call('engine.info', 'null')).status).toBe(200);
  });

  it('answers bad input with 400 and the JSON path, a clash with 409, and leaves no stack trace', async () => {
    const bad = await call('env.save', JSON.stringify({ env: [{ name: 'A', value: 1, secret: false }] }));
    expect(bad.status).toBe(400);
    expect(bad.envelope.error.path).toMatch(/^env\[0\]/);
    const trigger = { id: 't1', title: 'T', enabled: true, conditions: [], actions: [] };
    expect((await call('triggers.save', JSON.stringify({ trigger }))).status).toBe(200);
    expect((await call('triggers.save', JSON.stringify({ trigger: { ...trigger, id: 't2' } }))).status).toBe(200);
    const clash = await call('triggers.save', JSON.stringify({ trigger: { ...trigger, id: 't1' }, previousId: 't2' }));
    expect(clash.status).toBe(409);
    expect(clash.envelope.error.path).toBe('trigger.id');
    for (const answer of [bad, clash]) expect(JSON.stringify(answer.envelope)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  });
});

describe('the served page', () => {
  it('narrows the CSP header to its own WebSocket for whichever allowed Host it was asked as', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      const res = await rawGet('/', host);
      expect(res.status).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain(`connect-src 'self' ws://${host}`);
      expect(csp.split(/[\s;]+/)).not.toContain('ws:');
      expect(csp).toContain("default-src 'none'");
    }
  });

  it('serves nothing outside the build: encoded dot segments, backslashes, symlinks', async () => {
    const host = `127.0.0.1:${server.port}`;
    for (const path of [
      '/leak.txt',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e%2f' + outside.slice(1) + '/private.txt',
      '/..%5c..%5cetc%5cpasswd',
      '/x%00.js',
    ]) {
      const res = await rawGet(path, host);
      expect(res.body, path).not.toContain('PRIVATE-OUTSIDE-THE-BUILD');
      expect(res.body, path).not.toMatch(/root:.*:0:0:/);
      expect([200, 400, 404], path).toContain(res.status);
    }
    expect((await rawGet('/leak.txt', host)).status).toBe(404);
  });

  it('drops every WebSocket source for the desktop app, which needs none', () => {
    expect(narrowWebSocketSources(META_CSP, null)).toBe("default-src 'none'; script-src 'self'; connect-src 'self'; object-src 'none'");
    expect(narrowWebSocketSources("default-src 'self'", 'localhost:1')).toBe("default-src 'self'");
  });
});

describe('sender copies', () => {
  it('mask a static token in headers, URL, changes and the signature, keeping other bytes', () => {
    const secret = 'tok-0123456789';
    const body = new Uint8Array(Buffer.from('{"a":1}'));
    const masked = maskSigned(
      {
        request: {
          method: 'POST',
          url: `http://x/?t=${secret}`,
          headers: [
            ['X-Token', secret],
            ['Content-Type', 'application/json'],
          ],
          body,
        },
        signature: secret,
        changed: [{ name: 'X-Token', before: null, after: secret }],
        notes: [],
      },
      [secret],
    );
    expect(JSON.stringify(masked)).not.toContain(secret);
    expect(masked.request.headers[0][1]).toBe('to… (14 chars)');
    expect(masked.request.headers[1]).toEqual(['Content-Type', 'application/json']);
    expect(masked.request.body).toBe(body);
  });
});

describe('a broken workspace.json', () => {
  const cases: Record<string, { text: string; reason: RegExp }> = {
    truncated: { text: '{"schemaVersion": 1, "env": [', reason: /workspace\.json: .*(JSON|end)/ },
    'wrong type': { text: JSON.stringify({ schemaVersion: 1, env: 'x', triggers: [] }), reason: /workspace\.json: env must be an array/ },
    'bad trigger': { text: JSON.stringify({ schemaVersion: 1, env: [], triggers: [{ id: 5 }] }), reason: /workspace\.json: triggers\[0\]\.id/ },
    'not an object': { text: '[]', reason: /workspace\.json: the top level must be a JSON object/ },
  };
  for (const [name, { text, reason }] of Object.entries(cases)) {
    it(`(${name}) stops the start with the file and JSON path, and stays byte for byte`, async () => {
      const dir = await makeTempDir('broken-ws');
      try {
        await writeFile(join(dir, 'workspace.json'), text);
        const broken = testEngine(dir);
        await expect(broken.start()).rejects.toThrow(reason);
        await broken.stop().catch(() => undefined);
        expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe(text);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});
