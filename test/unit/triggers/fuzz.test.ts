// 10,000 malformed (and a few valid) requests at a trigger with every condition type, through
// real loopback HTTP, 20 at a time. Seeded, so a failure reproduces.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import jsonwebtoken from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trigger } from '@shared/trigger';
import { startHarness, type Harness } from './harness';
import { mulberry32 } from '../../support/seeded-random';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const COUNT = 10_000;
const CONCURRENCY = 20;
const SECRET = 'fuzz-secret-value';

const trigger: Trigger = {
  id: 'fuzz',
  title: 'fuzz',
  enabled: true,
  conditions: [
    { type: 'web-auth', authType: 'static', namespace: 'query', key: 'token', secretKey: '{env:T}' },
    {
      type: 'web-auth',
      authType: 'hmac',
      namespace: 'header',
      key: 'X-Sig',
      prefix: 'sha256=',
      secretKey: '{env:T}',
      algorithm: 'sha256',
      hmacFormat: 'v0:{header:X-Ts}:{body}',
    },
    {
      type: 'web-auth',
      authType: 'hmac',
      namespace: 'json',
      key: 'sig',
      secretKey: '{env:T}',
      algorithm: 'sha512',
      encoding: 'base64',
      hmacFormat: '{method}{url}{query:token}',
    },
    { type: 'web-auth', authType: 'jwt', namespace: 'header', key: 'Authorization', prefix: 'Bearer ', secretKey: '{env:T}', algorithm: 'HS256' },
    { type: 'web-auth', authType: 'jwt', namespace: 'form', key: 'jwt', secretKey: '{env:MISSING}', algorithm: 'RS256' },
    { type: 'web-timestamp', namespace: 'header', key: 'X-Ts', tolerance: 300 },
    { type: 'web-timestamp', namespace: 'json', key: 'data.ts', tolerance: 300, unit: 'ms' },
    { type: 'rate-limit', period: 3600, quota: 1_000_000 },
    { type: 'payload-filter', namespace: 'json', key: 'ref', operator: 'regex', value: '^refs/' },
    { type: 'payload-filter', namespace: 'json', key: 'kind', operator: 'in', value: ['a', 'b'] },
    { type: 'payload-filter', namespace: 'header', key: 'X-Event', operator: 'not-exists' },
    { type: 'payload-filter', namespace: 'query', key: 'q', operator: 'starts-with', value: 'x' },
  ],
  actions: [
    { type: 'web-response-json', json: { id: '{run_id}', nested: ['{run_id}'] } },
    { type: 'run-execution', step: 's' },
  ],
};
// a second, simpler trigger that random-but-valid requests can actually launch
const simple: Trigger = {
  id: 'simple',
  title: 'simple',
  enabled: true,
  conditions: [
    {
      type: 'web-auth',
      authType: 'hmac',
      namespace: 'header',
      key: 'X-Sig',
      prefix: 'sha256=',
      secretKey: '{env:T}',
      algorithm: 'sha256',
      hmacFormat: 'v0:{header:X-Ts}:{body}',
    },
    { type: 'web-timestamp', namespace: 'header', key: 'X-Ts', tolerance: 300 },
    { type: 'web-auth', authType: 'jwt', namespace: 'header', key: 'Authorization', prefix: 'Bearer ', secretKey: '{env:T}', algorithm: 'HS256' },
    { type: 'rate-limit', period: 3600, quota: 1_000_000 },
  ],
  actions: [],
};

interface FuzzRequest {
  method: string;
  path: string;
  headers: [string, string][];
  body: Buffer;
}

function generator(rand: () => number) {
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  const TOKEN_CHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const headerName = () => Array.from({ length: 1 + int(20) }, () => pick([...TOKEN_CHARS])).join('');
  // any byte HTTP allows in a field value: tab, visible ASCII, obs-text (sent as latin1)
  const headerValue = (n = int(60)) =>
    Array.from({ length: n }, () => {
      const r = int(10);
      return r === 0 ? '\t' : r < 8 ? String.fromCharCode(0x20 + int(95)) : String.fromCharCode(0x80 + int(128));
    })
      .join('')
      .trim();
  const b64u = (n: number) => bytes(n).toString('base64url');
  const now = () => Math.floor(Date.now() / 1000);

  const tokens = () =>
    pick([
      () => '',
      () => 'Bearer ',
      () => `Bearer ${b64u(int(40))}.${b64u(int(80))}.${b64u(int(40))}`,
      () => `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":1}').toString('base64url')}.`,
      () => `Bearer ${jsonwebtoken.sign({ exp: now() - int(1000) - 1 }, SECRET)}`,
      () => `Bearer ${jsonwebtoken.sign({ nbf: now() + 100 + int(1000) }, SECRET)}`,
      () => `Bearer ${jsonwebtoken.sign({ a: 1 }, 'wrong-secret')}`,
      () => `Bearer ${jsonwebtoken.sign({ a: 1 }, SECRET, { algorithm: 'HS512' })}`,
      () => `Bearer ${jsonwebtoken.sign({ a: 1 }, SECRET)}`,
      () => `Bearer ${'e'.repeat(int(5000))}`,
      () => headerValue(),
    ])();
  const timestamps = () =>
    pick([
      String(now()),
      String(now() - 301),
      String(Date.now()),
      '',
      'NaN',
      '1e10',
      '-1',
      Buffer.from('９９').toString('latin1'),
      String(now() + int(600) - 300),
      headerValue(12),
    ]);
  const bodies = (): Buffer =>
    pick([
      () => Buffer.alloc(0),
      () => bytes(int(300)),
      () =>
        Buffer.from(
          JSON.stringify({
            ref: pick(['refs/heads/main', 'x', 7, null]),
            kind: pick(['a', 'c', [], {}]),
            sig: pick([b64u(64), '%%%', '']),
            data: { ts: pick([Date.now(), 'x', null]) },
          }),
        ),
      () => Buffer.from('['.repeat(int(20_000))),
      () => Buffer.from(`{"ref": "refs/${'a'.repeat(int(1000))}", "kind": "a"`),
      () => Buffer.from(`token=${SECRET}&jwt=${b64u(30)}&${headerValue()}=%E0%A4%A`),
      () => Buffer.concat([Buffer.from('{"ref":"refs/'), bytes(10), Buffer.from('"}')]),
      () => Buffer.from('\uFEFF{"kind":"a"}'),
      () => bytes(70_000 + int(10_000)), // over the 64 KiB harness limit → 413
    ])();
  const paths = () =>
    pick([
      `/api/v0/launch/fuzz/?token=${pick([SECRET, '', '%zz', '%', '+%2B+', encodeURIComponent(headerValue(8))])}&q=${pick(['x1', 'y', '%E0'])}`,
      '/api/v0/launch/fuzz',
      '/api/v0/launch/simple/',
      `/api/v0/launch/fuzz/run/?run_id=${b64u(int(20))}`,
      '/api/v0/launch/fuzz/run',
      '/api/v0/launch/nope/',
      `/api/v0/launch/${b64u(int(70))}/`,
      '/api/v0/launch/fuzz/x/y',
      '/api/v0/launch/',
      '/api/v0/launch//run/',
      `/api/v0/launch/simple/run/?run_id=${b64u(16)}`,
    ]);

  const valid = (): FuzzRequest => {
    const ts = String(now());
    const body = pick([Buffer.alloc(0), bytes(int(200)), Buffer.from('{"ok":true}')]);
    return {
      method: 'POST',
      path: pick(['/api/v0/launch/simple/', '/api/v0/launch/simple']),
      body,
      headers: [
        ['X-Ts', ts],
        ['X-Sig', `sha256=${createHmac('sha256', SECRET).update(`v0:${ts}:`).update(body).digest('hex')}`],
        ['Authorization', `Bearer ${jsonwebtoken.sign({ a: 1 }, SECRET)}`],
        [headerName(), headerValue()],
      ],
    };
  };

  return (): FuzzRequest => {
    if (int(30) === 0) return valid();
    const method = pick(['POST', 'POST', 'POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);
    const body = method === 'GET' ? Buffer.alloc(0) : bodies();
    const ts = timestamps();
    const headers: [string, string][] = [];
    if (int(4)) headers.push(['X-Ts', ts]);
    if (int(4))
      headers.push([
        'X-Sig',
        pick([
          `sha256=${createHmac('sha256', SECRET).update(`v0:${ts}:`).update(body).digest('hex')}`,
          `sha256=${headerValue(64)}`,
          headerValue(),
          `sha256=${bytes(32).toString('base64')}`,
        ]),
      ]);
    if (int(3)) headers.push(['Authorization', tokens()]);
    if (int(3)) headers.push(['Content-Type', pick(['application/json', 'application/x-www-form-urlencoded', 'text/plain; charset=latin1', headerValue(20)])]);
    for (let k = int(6); k > 0; k--) headers.push([headerName(), headerValue()]);
    if (int(10) === 0) headers.push(['X-Event', 'push'], ['x-ts', String(now())]);
    return { method, path: paths(), headers, body };
  };
}

function send(agent: http.Agent, base: URL, r: FuzzRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: r.method,
        path: r.path,
        headers: ['Host', base.host, ...r.headers.flat(), 'Content-Length', String(r.body.length)] as unknown as http.OutgoingHttpHeaders,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

describe('fuzz', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ triggers: [trigger, simple], env: [{ name: 'T', value: SECRET, secret: true }], bodyLimit: 64 * 1024 });
  });
  afterAll(() => h.close());

  it(`${COUNT} seeded malformed requests: only 200/400/404/405/413, one log entry each, server stays up`, async () => {
    const next = generator(mulberry32(SEED));
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const base = new URL(h.url);
    const statuses = new Map<number, number>();
    let tooLarge = 0;
    let issued = 0;
    const worker = async () => {
      while (issued < COUNT) {
        issued++;
        const r = next();
        const status = await send(agent, base, r);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 413) tooLarge++;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();

    const seen = [...statuses.keys()].sort();
    expect(
      seen.every((s) => [200, 400, 404, 405, 413].includes(s)),
      JSON.stringify([...statuses]),
    ).toBe(true);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0); // the valid ones really launched
    expect(statuses.get(400) ?? 0).toBeGreaterThan(COUNT / 4);
    for (const s of [404, 405, 413]) expect(statuses.get(s) ?? 0, `status ${s}`).toBeGreaterThan(10);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(COUNT);
    // every request reached the router (node's own parser answers malformed HTTP with a bare
    // 400 and no log entry: this is what catches that) and left exactly one log entry
    expect(h.captures.length).toBe(COUNT - tooLarge);
    expect(h.log.count()).toBe(h.captures.length);
    for (const c of h.captures) expect((await h.log.forCapture(c.id))?.status).toBe(c.status);
    // the secret never shows in a reason
    expect((await h.log.list()).some((e) => e.conditions.some((c) => c.reason.includes(SECRET)))).toBe(false);
    // still up and still right
    const res = await fetch(`${h.url}/api/v0/launch/fuzz/`, { method: 'GET' });
    expect(res.status).toBe(405);
  }, 300_000); // 10,000 real requests: ~60 s alone, far more while seven test suites share two cores
});
