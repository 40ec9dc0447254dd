// Every trigger-compatible profile passes the real receiver's conditions (createEngine on
// loopback), "sign like this trigger" builds a passing profile, and the negative matrix fails
// each broken variant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileFromTrigger } from '@shared/signing/from-trigger';
import type { SendDraft, SigningProfile } from '@shared/signing/types';
import type { Condition, Trigger } from '@shared/trigger';
import { generateKeys } from '../../../src/main/engine/sender/keys';
import { b64, launchUrl, startEngine, type EngineFixture } from './engine-fixture';

const SECRET = 'loopback-secret-value';
const env = [{ name: 'HOOK_SECRET', value: SECRET, secret: true }];
const body = '{"ref":"refs/heads/main","n":1}';

interface Case {
  name: string;
  conditions: Condition[];
  profile: SigningProfile;
  draft?: Partial<SendDraft>;
}
const trig = (id: string, conditions: Condition[]): Trigger => ({
  id,
  title: id,
  enabled: true,
  conditions,
  actions: [{ type: 'web-response-json', json: { run: '{run_id}' } }],
});
const auth = (rest: Partial<Extract<Condition, { type: 'web-auth' }>>): Condition =>
  ({ type: 'web-auth', authType: 'hmac', namespace: 'header', key: 'Authorization', secretKey: '{env:HOOK_SECRET}', ...rest }) as Condition;

let cases: Case[];
let fx: EngineFixture;

beforeAll(async () => {
  const rsa = await generateKeys('RS256');
  const ec = await generateKeys('ES256');
  const ed = await generateKeys('EdDSA');
  const ps = await generateKeys('PS256');
  const p = (id: string, rest: object) => ({ id, name: id, secret: '{env:HOOK_SECRET}', ...rest }) as SigningProfile;
  cases = [
    {
      name: 'static-header',
      conditions: [auth({ authType: 'static', prefix: 'Token ' })],
      profile: p('a', { kind: 'static', placement: { namespace: 'header', key: 'Authorization', prefix: 'Token ' } }),
    },
    {
      name: 'static-query',
      conditions: [auth({ authType: 'static', namespace: 'query', key: 'token' })],
      profile: p('b', { kind: 'static', placement: { namespace: 'query', key: 'token' } }),
    },
    {
      name: 'static-form',
      conditions: [auth({ authType: 'static', namespace: 'form', key: 'token' })],
      profile: p('c', { kind: 'static', placement: { namespace: 'form', key: 'token' } }),
      draft: { bodyBase64: b64('hello=valohai&prompt=shark'), headers: [['Content-Type', 'application/x-www-form-urlencoded']] },
    },
    {
      name: 'static-json',
      conditions: [auth({ authType: 'static', namespace: 'json', key: 'token' })],
      profile: p('d', { kind: 'static', placement: { namespace: 'json', key: 'token' } }),
    },
    {
      name: 'hmac-body-sha256-hex',
      conditions: [auth({ algorithm: 'sha256' })],
      profile: p('e', { kind: 'hmac', algorithm: 'sha256', encoding: 'hex', format: '{body}', placement: { namespace: 'header', key: 'Authorization' } }),
    },
    {
      name: 'hmac-slack-like-with-timestamp',
      conditions: [
        auth({ key: 'X-Hmac-Signature', prefix: 'v0=', hmacFormat: 'hmac:{header:X-Hmac-Timestamp}:{body}', algorithm: 'sha512' }),
        { type: 'web-timestamp', namespace: 'header', key: 'X-Hmac-Timestamp', tolerance: 60 },
      ],
      profile: p('f', {
        kind: 'hmac',
        algorithm: 'sha512',
        encoding: 'hex',
        format: 'hmac:{header:X-Hmac-Timestamp}:{body}',
        placement: { namespace: 'header', key: 'X-Hmac-Signature', prefix: 'v0=' },
        timestamp: { namespace: 'header', key: 'X-Hmac-Timestamp', unit: 's' },
      }),
    },
    {
      name: 'hmac-base64-ms-extension-placeholders',
      conditions: [
        auth({ algorithm: 'sha1', encoding: 'base64', hmacFormat: '{method}|{query:ts}|{body}', namespace: 'query', key: 'sig' }),
        { type: 'web-timestamp', namespace: 'query', key: 'ts', tolerance: 60, unit: 'ms' },
      ],
      profile: p('g', {
        kind: 'hmac',
        algorithm: 'sha1',
        encoding: 'base64',
        format: '{method}|{query:ts}|{body}',
        placement: { namespace: 'query', key: 'sig' },
        timestamp: { namespace: 'query', key: 'ts', unit: 'ms' },
      }),
    },
    {
      name: 'hmac-url-placeholder',
      conditions: [auth({ hmacFormat: '{method} {url} {body}' })],
      profile: p('u', {
        kind: 'hmac',
        algorithm: 'sha256',
        encoding: 'hex',
        format: '{method} {url} {body}',
        placement: { namespace: 'header', key: 'Authorization' },
      }),
      draft: { url: 'placeholder' },
    },
    {
      name: 'jwt-hs256',
      conditions: [auth({ authType: 'jwt', algorithm: 'HS256', prefix: 'JWT ' })],
      profile: p('h', {
        kind: 'jwt',
        algorithm: 'HS256',
        claims: { iat: true, expSeconds: 60 },
        placement: { namespace: 'header', key: 'Authorization', prefix: 'JWT ' },
      }),
    },
    {
      name: 'jwt-rs256-pem',
      conditions: [auth({ authType: 'jwt', algorithm: 'RS256', secretKey: rsa.publicPem })],
      profile: {
        id: 'i',
        name: 'i',
        kind: 'jwt',
        algorithm: 'RS256',
        secret: rsa.privatePem,
        claims: { iat: true, expSeconds: 60, custom: { sub: 'x' } },
        placement: { namespace: 'header', key: 'Authorization' },
      },
    },
    {
      name: 'jwt-ps256',
      conditions: [auth({ authType: 'jwt', algorithm: 'PS256', secretKey: ps.publicPem })],
      profile: {
        id: 'j',
        name: 'j',
        kind: 'jwt',
        algorithm: 'PS256',
        secret: ps.privatePem,
        claims: { expSeconds: 30 },
        placement: { namespace: 'header', key: 'Authorization' },
      },
    },
    {
      name: 'jwt-es256-jwk',
      conditions: [auth({ authType: 'jwt', algorithm: 'ES256', secretKey: ec.publicJwk, namespace: 'query', key: 'jwt' })],
      profile: {
        id: 'k',
        name: 'k',
        kind: 'jwt',
        algorithm: 'ES256',
        secret: ec.privatePem,
        claims: { iat: true, nbfSeconds: -10, expSeconds: 60 },
        placement: { namespace: 'query', key: 'jwt' },
      },
    },
    {
      name: 'jwt-eddsa',
      conditions: [auth({ authType: 'jwt', algorithm: 'EdDSA', secretKey: ed.publicPem, namespace: 'json', key: 'jwt' })],
      profile: {
        id: 'l',
        name: 'l',
        kind: 'jwt',
        algorithm: 'EdDSA',
        secret: ed.privatePem,
        claims: { iat: true },
        placement: { namespace: 'json', key: 'jwt' },
      },
    },
  ];
  fx = await startEngine(
    cases.map((c) => trig(c.name, c.conditions)),
    env,
  );
}, 30_000);

afterAll(async () => fx?.close());

const draftFor = (c: Case, extra: Partial<SendDraft> = {}): SendDraft => ({
  method: 'POST',
  headers: [['Content-Type', 'application/json']],
  bodyBase64: b64(body),
  profile: c.profile,
  ...c.draft,
  ...extra,
  url: c.draft?.url === 'placeholder' ? `${launchUrl(fx.url, c.name)}?a=1&b=two` : launchUrl(fx.url, c.name),
});

describe('trigger-compatible profiles against the real receiver', () => {
  it('each profile passes its trigger, and the unsigned request does not', async () => {
    for (const c of cases) {
      const ok = await fx.engine.handlers['sender.send']({ draft: draftFor(c) });
      expect(ok.response?.status, `${c.name}: ${ok.response ? Buffer.from(ok.response.bodyBase64, 'base64').toString() : ok.error?.message}`).toBe(200);
      const unsigned = await fx.engine.handlers['sender.send']({ draft: { ...draftFor(c), profile: undefined } });
      expect(unsigned.response?.status, c.name).toBe(400);
    }
  });

  it('"sign like this trigger" builds a passing profile and keeps {env:} references', async () => {
    for (const c of cases.filter((x) => !x.name.startsWith('jwt-') || x.name === 'jwt-hs256')) {
      const trigger = (await fx.engine.handlers['triggers.list']()).find((t) => t.id === c.name)!;
      const built = profileFromTrigger(trigger, 'x')!;
      expect(built.secret).toBe('{env:HOOK_SECRET}');
      const viaCall = await fx.engine.handlers['signing.fromTrigger']({ triggerId: c.name });
      expect(viaCall.kind).toBe(c.profile.kind);
      const res = await fx.engine.handlers['sender.send']({ draft: draftFor(c, { profile: built }) });
      expect(res.response?.status, c.name).toBe(200);
    }
  });

  it('the negative matrix: every broken variant is rejected, the valid one accepted', async () => {
    for (const name of ['hmac-slack-like-with-timestamp', 'jwt-hs256', 'jwt-rs256-pem', 'static-header', 'hmac-base64-ms-extension-placeholders']) {
      const c = cases.find((x) => x.name === name)!;
      const rows = await fx.engine.handlers['sender.matrix'](draftFor(c));
      const failing = rows.filter((r) => !r.pass);
      expect(failing, `${name}: ${JSON.stringify(failing)}`).toEqual([]);
      expect(rows[0]).toMatchObject({ variant: 'valid', expected: 'accepted', actual: 'accepted' });
      expect(rows.length).toBeGreaterThanOrEqual(3);
      if (name.startsWith('hmac-slack'))
        expect(rows.map((r) => r.variant)).toEqual(
          expect.arrayContaining([
            'stale-timestamp',
            'future-timestamp',
            'tampered-body',
            'wrong-secret',
            'missing-signature',
            'wrong-prefix',
            'other-algorithm',
          ]),
        );
      if (name === 'jwt-hs256') expect(rows.map((r) => r.variant)).toEqual(expect.arrayContaining(['expired-jwt', 'other-algorithm', 'wrong-prefix']));
    }
  }, 30_000);

  it('the preview shows the final headers, basestring and signature without sending', async () => {
    const c = cases.find((x) => x.name === 'hmac-slack-like-with-timestamp')!;
    const preview = await fx.engine.handlers['sender.preview'](draftFor(c));
    expect(preview.basestring?.text).toMatch(/^hmac:\d{10}:\{"ref"/);
    expect(preview.headers.find(([n]) => n === 'X-Hmac-Signature')?.[1]).toBe(`v0=${preview.signature}`);
    expect(preview.changed.map((ch) => ch.name).sort()).toEqual(['X-Hmac-Signature', 'X-Hmac-Timestamp']);
    expect(JSON.stringify(preview)).not.toContain(SECRET);
  });
});
