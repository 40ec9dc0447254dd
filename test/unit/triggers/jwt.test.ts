// JWT conditions against tokens made by jose and jsonwebtoken, for every algorithm family,
// with keys as PEM SPKI, JWK and X.509 certificate.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT, base64url } from 'jose';
import jsonwebtoken from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateTrigger } from '../../../src/main/engine/triggers/evaluate';
import type { JwtAlgorithm, Trigger, WebAuthCondition } from '@shared/trigger';
import type { JwtTrace } from '@shared/trigger-log';
import { lastEntry, launchUrl, post, startHarness, type Harness } from './harness';

const HS_SECRET = 'a-long-shared-secret-for-hs-algorithms-0123456789';

function jwtTrigger(algorithm: string, secretKey: string, prefix = ''): Trigger {
  const condition: WebAuthCondition = {
    type: 'web-auth',
    authType: 'jwt',
    namespace: 'header',
    key: 'Authorization',
    prefix,
    secretKey,
    algorithm: algorithm as JwtAlgorithm,
  };
  return { id: `jwt-${algorithm}`, title: algorithm, enabled: true, conditions: [condition], actions: [] };
}

async function check(trigger: Trigger, token: string, now = Date.now()) {
  const [result] = await evaluateTrigger(
    trigger,
    { method: 'POST', url: '/', rawHeaders: [['Authorization', token]], body: new Uint8Array() },
    { env: [], now },
  );
  return result;
}

const pem = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }).toString();
const jwk = (k: KeyObject) => JSON.stringify(k.export({ format: 'jwk' }));

const pairs = {
  rsa: generateKeyPairSync('rsa', { modulusLength: 2048 }),
  p256: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  p384: generateKeyPairSync('ec', { namedCurve: 'P-384' }),
  p521: generateKeyPairSync('ec', { namedCurve: 'P-521' }),
  ed: generateKeyPairSync('ed25519'),
};

const joseToken = (alg: string, key: KeyObject | Uint8Array, claims: Record<string, unknown> = {}) =>
  new SignJWT({ sub: 'webhook', ...claims }).setProtectedHeader({ alg }).setIssuedAt().setExpirationTime('2m').sign(key);

describe('symmetric HS* (jsonwebtoken and jose)', () => {
  for (const alg of ['HS256', 'HS384', 'HS512'] as const) {
    it(`${alg}: verifies a jsonwebtoken token and a jose token; rejects a wrong secret`, async () => {
      const t = jwtTrigger(alg, HS_SECRET);
      const a = jsonwebtoken.sign({ ts: 1 }, HS_SECRET, { algorithm: alg, expiresIn: 60 });
      expect(await check(t, a)).toMatchObject({ passed: true, reason: `the ${alg} token verifies` });
      expect((await check(t, await joseToken(alg, new TextEncoder().encode(HS_SECRET)))).passed).toBe(true);
      const wrong = jsonwebtoken.sign({ ts: 1 }, 'another secret', { algorithm: alg });
      expect(await check(t, wrong)).toMatchObject({ passed: false, reason: `the ${alg} signature does not verify with the secret key` });
    });
  }

  it("HS256 vs HS512: the token's algorithm must be the condition's", async () => {
    const token = jsonwebtoken.sign({}, HS_SECRET, { algorithm: 'HS512' });
    expect(await check(jwtTrigger('HS256', HS_SECRET), token)).toMatchObject({
      passed: false,
      reason: 'the token is signed with HS512, but this condition accepts HS256 only',
    });
  });
});

describe('asymmetric algorithms', () => {
  const cases: [string, KeyObject, KeyObject][] = [
    ['RS256', pairs.rsa.privateKey, pairs.rsa.publicKey],
    ['RS512', pairs.rsa.privateKey, pairs.rsa.publicKey],
    ['PS256', pairs.rsa.privateKey, pairs.rsa.publicKey],
    ['ES256', pairs.p256.privateKey, pairs.p256.publicKey],
    ['ES384', pairs.p384.privateKey, pairs.p384.publicKey],
    ['ES512', pairs.p521.privateKey, pairs.p521.publicKey],
    ['EdDSA', pairs.ed.privateKey, pairs.ed.publicKey],
  ];
  for (const [alg, priv, pub] of cases) {
    it(`${alg}: verifies with the public key as PEM SPKI and as JWK; a different key fails`, async () => {
      const token = await joseToken(alg, priv);
      expect((await check(jwtTrigger(alg, pem(pub)), token)).passed).toBe(true);
      expect((await check(jwtTrigger(alg, jwk(pub)), token)).passed).toBe(true);
      const other =
        alg === 'EdDSA'
          ? generateKeyPairSync('ed25519').publicKey
          : alg.startsWith('E')
            ? generateKeyPairSync('ec', { namedCurve: alg === 'ES256' ? 'P-256' : alg === 'ES384' ? 'P-384' : 'P-521' }).publicKey
            : generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
      expect(await check(jwtTrigger(alg, pem(other)), token)).toMatchObject({
        passed: false,
        reason: `the ${alg} signature does not verify with the secret key`,
      });
    });
  }

  it('jsonwebtoken RS256, PS256, ES256 and ES384 tokens verify', async () => {
    for (const [alg, priv, pub] of [
      ['RS256', pairs.rsa.privateKey, pairs.rsa.publicKey],
      ['PS256', pairs.rsa.privateKey, pairs.rsa.publicKey],
      ['ES256', pairs.p256.privateKey, pairs.p256.publicKey],
      ['ES384', pairs.p384.privateKey, pairs.p384.publicKey],
    ] as const) {
      const token = jsonwebtoken.sign({ ts: 1 }, priv.export({ type: 'pkcs8', format: 'pem' }), { algorithm: alg, expiresIn: 60 });
      expect((await check(jwtTrigger(alg, pem(pub)), token)).passed, alg).toBe(true);
    }
  });

  it('RS256 verifies with an X.509 certificate (openssl-made)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hookbench-cert-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          path.join(dir, 'k.pem'),
          '-out',
          path.join(dir, 'c.pem'),
          '-subj',
          '/CN=hookbench',
          '-days',
          '1',
        ],
        { stdio: 'ignore' },
      );
      const cert = readFileSync(path.join(dir, 'c.pem'), 'utf8');
      const token = jsonwebtoken.sign({ ts: 1 }, readFileSync(path.join(dir, 'k.pem')), { algorithm: 'RS256' });
      expect((await check(jwtTrigger('RS256', cert), token)).passed).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a private key as the secret is refused with a reason', async () => {
    const token = await joseToken('RS256', pairs.rsa.privateKey);
    const privatePem = pairs.rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(await check(jwtTrigger('RS256', privatePem), token)).toMatchObject({
      passed: false,
      reason: 'cannot use the secret key for RS256: the key is a private key; give the public key only',
    });
  });
});

describe('attacks and claims', () => {
  it('algorithm confusion: an HS256 token signed with the RS256 public key PEM fails', async () => {
    const publicPem = pem(pairs.rsa.publicKey);
    const forged = await new SignJWT({ sub: 'attacker' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(publicPem));
    const result = await check(jwtTrigger('RS256', publicPem), forged);
    expect(result).toMatchObject({ passed: false, reason: 'the token is signed with HS256, but this condition accepts RS256 only' });
  });

  it('alg: none fails, for HS and RS conditions alike', async () => {
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify({ sub: 'x' }))}.`;
    expect((await check(jwtTrigger('HS256', HS_SECRET), none)).passed).toBe(false);
    expect((await check(jwtTrigger('RS256', pem(pairs.rsa.publicKey)), none)).passed).toBe(false);
  });

  it('an expired token fails with when it expired', async () => {
    const token = jsonwebtoken.sign({ exp: Math.floor(Date.now() / 1000) - 30 }, HS_SECRET);
    const result = await check(jwtTrigger('HS256', HS_SECRET), token);
    expect(result.passed).toBe(false);
    expect(result.reason).toMatch(/^the token expired at \d{4}-\d\d-\d\dT.* \(3\d s ago\)$/);
  });

  it('exp is enforced with no clock tolerance', async () => {
    const exp = Math.floor(Date.now() / 1000) + 10;
    const token = jsonwebtoken.sign({ exp }, HS_SECRET);
    expect((await check(jwtTrigger('HS256', HS_SECRET), token, (exp - 1) * 1000)).passed).toBe(true);
    expect((await check(jwtTrigger('HS256', HS_SECRET), token, (exp + 1) * 1000)).passed).toBe(false);
  });

  it('a token with nbf in the future fails', async () => {
    const token = jsonwebtoken.sign({ nbf: Math.floor(Date.now() / 1000) + 120 }, HS_SECRET);
    const result = await check(jwtTrigger('HS256', HS_SECRET), token);
    expect(result.passed).toBe(false);
    expect(result.reason).toMatch(/^the token is not valid before .* \(1[12]\d s from now\)$/);
  });

  it('the documented PyJWT sender (exp in the JOSE header) verifies, and the trace says header exp is not enforced', async () => {
    // jwt.encode({'ts': now}, key, headers={'exp': now + 60}) — as in the reference's Python example
    const now = Math.floor(Date.now() / 1000);
    const token = jsonwebtoken.sign({ ts: now }, HS_SECRET, {
      algorithm: 'HS256',
      header: { alg: 'HS256', typ: 'JWT', exp: now + 60 } as jsonwebtoken.JwtHeader,
    });
    const result = await check(jwtTrigger('HS256', HS_SECRET), token);
    expect(result.passed).toBe(true);
    const trace = result.trace as JwtTrace;
    expect(trace.header?.exp).toBe(now + 60);
    expect(trace.notes.join(' ')).toContain('header exp is not enforced by the JWT standard');
    // and a long-past header exp still verifies: only the claims' exp is checked
    const stale = jsonwebtoken.sign({ ts: now }, HS_SECRET, { header: { alg: 'HS256', exp: now - 3600 } as jsonwebtoken.JwtHeader });
    expect((await check(jwtTrigger('HS256', HS_SECRET), stale)).passed).toBe(true);
  });

  it('garbage tokens fail with a reason and never throw', async () => {
    for (const garbage of ['', 'abc', 'a.b.c', '....', 'eyJhbGciOiJIUzI1NiJ9.%%%.x', '\u00ff\u00fe.\u0000.x', 'x'.repeat(10_000)]) {
      const result = await check(jwtTrigger('HS256', HS_SECRET), garbage);
      expect(result.passed, garbage.slice(0, 20)).toBe(false);
      expect(result.reason.length).toBeGreaterThan(5);
    }
  });
});

describe('JWT over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      triggers: [jwtTrigger('RS256', '{env:WEBHOOK_PUBLIC_KEY}', 'Bearer '), jwtTrigger('HS256', '{env:WEBHOOK_TOKEN}', 'JWT ')],
      env: [
        { name: 'WEBHOOK_PUBLIC_KEY', value: pem(pairs.rsa.publicKey), secret: false },
        { name: 'WEBHOOK_TOKEN', value: HS_SECRET, secret: true },
      ],
    });
  });
  afterAll(() => h.close());

  it('RS256 with a Bearer prefix launches; HS256 with "JWT " prefix (trailing space kept) launches', async () => {
    const rs = await joseToken('RS256', pairs.rsa.privateKey);
    expect((await post(launchUrl(h, 'jwt-RS256'), '{}', { Authorization: `Bearer ${rs}` })).status).toBe(200);
    const hs = jsonwebtoken.sign({ ts: 1 }, HS_SECRET);
    expect((await post(launchUrl(h, 'jwt-HS256'), '{}', { Authorization: `JWT ${hs}` })).status).toBe(200);
    expect((await post(launchUrl(h, 'jwt-HS256'), '{}', { Authorization: `JWT${hs}` })).status).toBe(400);
    expect((await lastEntry(h)).conditions[0].reason).toBe('header Authorization does not start with the prefix "JWT "');
  });
});
