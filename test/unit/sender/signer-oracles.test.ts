// Signatures from our signer must verify with code nobody here wrote.
import { verify as octokitVerify } from '@octokit/webhooks-methods';
import { createHmac } from 'node:crypto';
import { exportJWK, exportSPKI, generateKeyPair, importSPKI, jwtVerify, createLocalJWKSet } from 'jose';
import jsonwebtoken from 'jsonwebtoken';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { presetProfile } from '@shared/signing/presets';
import { signRequest } from '@shared/signing/sign';
import type { OutgoingRequest, SigningProfile } from '@shared/signing/types';
import type { JwtAlgorithm } from '@shared/trigger';
import { utf8 } from '@shared/triggers/bytes';
import { findHeader } from '@shared/triggers/lookup';
import { generateKeys } from '../../../src/main/engine/sender/keys';

const body = '{"id":"evt_1","object":"event","type":"ping","data":{"object":{"n":1}},"text":"ünïcode"}';
const req = (
  url = 'https://example.test/hooks/x',
  b = body,
  headers: OutgoingRequest['headers'] = [['Content-Type', 'application/json']],
): OutgoingRequest => ({
  method: 'POST',
  url,
  headers,
  body: utf8(b),
});
const sign = (profile: SigningProfile, request = req(), now = Date.now()) => signRequest(profile, request, { env: { SECRET: 'env-secret' }, now });
const h = (r: OutgoingRequest, name: string) => findHeader(r.headers, name)!;

describe('provider presets verify with the providers own libraries', () => {
  it('GitHub: @octokit/webhooks-methods verify', async () => {
    const signed = await sign(presetProfile('github', 'gh-secret', 'p'));
    expect(h(signed.request, 'X-Hub-Signature-256')).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(await octokitVerify('gh-secret', body, h(signed.request, 'X-Hub-Signature-256'))).toBe(true);
    expect(await octokitVerify('other', body, h(signed.request, 'X-Hub-Signature-256'))).toBe(false);
  });

  it('Standard Webhooks / Svix: standardwebhooks Webhook.verify', async () => {
    const secret = `whsec_${Buffer.from('a-32-byte-long-standard-secret!!').toString('base64')}`;
    const signed = await sign(presetProfile('standard-webhooks', secret, 'p'));
    const headers = Object.fromEntries(signed.request.headers.map(([n, v]) => [n.toLowerCase(), v]));
    expect(headers['webhook-signature']).toMatch(/^v1,/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    const other = `whsec_${Buffer.from('another-32-byte-long-secret-here').toString('base64')}`;
    expect(() => new Webhook(other).verify(body, headers)).toThrow();
  });

  it('Stripe: webhooks.constructEvent', async () => {
    const signed = await sign(presetProfile('stripe', 'whsec_stripe_test', 'p'));
    const stripe = new Stripe('sk_test_dummy');
    const event = stripe.webhooks.constructEvent(body, h(signed.request, 'Stripe-Signature'), 'whsec_stripe_test');
    expect(event.id).toBe('evt_1');
    expect(() => stripe.webhooks.constructEvent(`${body} `, h(signed.request, 'Stripe-Signature'), 'whsec_stripe_test')).toThrow();
  });

  it('Twilio: validateRequest over the URL and sorted form params', async () => {
    const url = 'https://example.test/sms?x=1';
    const form = 'To=%2B15551234&From=%2B15557654&Body=hello+world&AccountSid=AC1';
    const signed = await sign(presetProfile('twilio', 'tw-token', 'p'), req(url, form, [['Content-Type', 'application/x-www-form-urlencoded']]));
    const params = Object.fromEntries(new URLSearchParams(form));
    expect(twilio.validateRequest('tw-token', h(signed.request, 'X-Twilio-Signature'), url, params)).toBe(true);
    expect(twilio.validateRequest('other', h(signed.request, 'X-Twilio-Signature'), url, params)).toBe(false);
  });

  it('Slack, Shopify, Linear, Zoom, PagerDuty: the documented recipes', async () => {
    const hm = (s: string, data: string, enc: 'hex' | 'base64' = 'hex') => createHmac('sha256', s).update(data).digest(enc);
    const now = 1_700_000_000_000;
    const slack = await sign(presetProfile('slack', 's', 'p'), req(), now);
    expect(h(slack.request, 'X-Slack-Request-Timestamp')).toBe('1700000000');
    expect(h(slack.request, 'X-Slack-Signature')).toBe(`v0=${hm('s', `v0:1700000000:${body}`)}`);
    expect(h((await sign(presetProfile('shopify', 's', 'p'))).request, 'X-Shopify-Hmac-Sha256')).toBe(hm('s', body, 'base64'));
    expect(h((await sign(presetProfile('linear', 's', 'p'))).request, 'Linear-Signature')).toBe(hm('s', body));
    const zoom = await sign(presetProfile('zoom', 's', 'p'), req(), now);
    expect(h(zoom.request, 'x-zm-signature')).toBe(`v0=${hm('s', `v0:1700000000:${body}`)}`);
    expect(h((await sign(presetProfile('pagerduty', 's', 'p'))).request, 'X-PagerDuty-Signature')).toBe(`v1=${hm('s', body)}`);
  });
});

describe('JWT profiles verify with jose and jsonwebtoken', () => {
  const jwtProfile = (algorithm: JwtAlgorithm, secret: string): SigningProfile => ({
    id: 'j',
    name: 'jwt',
    kind: 'jwt',
    algorithm,
    secret,
    placement: { namespace: 'header', key: 'Authorization', prefix: 'JWT ' },
    claims: { iat: true, expSeconds: 60, nbfSeconds: -5, custom: { sub: 'bot', scope: ['a', 'b'] } },
  });
  const token = async (p: SigningProfile) => h((await sign(p)).request, 'Authorization').slice('JWT '.length);

  it('HS256 from secret text and from {env:}', async () => {
    const t = await token(jwtProfile('HS256', '{env:SECRET}'));
    const decoded = jsonwebtoken.verify(t, 'env-secret', { algorithms: ['HS256'] }) as Record<string, unknown>;
    expect(decoded.sub).toBe('bot');
    expect(decoded.exp).toBe((decoded.iat as number) + 60);
    const { payload } = await jwtVerify(t, utf8('env-secret'), { algorithms: ['HS256'] });
    expect(payload.scope).toEqual(['a', 'b']);
  });

  for (const alg of ['RS256', 'PS384', 'ES256', 'ES512', 'EdDSA'] as const) {
    it(`${alg} from generated keys (PKCS8 PEM and JWK)`, async () => {
      const keys = await generateKeys(alg);
      expect(keys.publicPem).toContain('BEGIN PUBLIC KEY');
      const t = await token(jwtProfile(alg, keys.privatePem));
      const { payload } = await jwtVerify(t, await importSPKI(keys.publicPem, alg), { algorithms: [alg] });
      expect(payload.sub).toBe('bot');
      if (alg !== 'EdDSA') expect((jsonwebtoken.verify(t, keys.publicPem, { algorithms: [alg as jsonwebtoken.Algorithm] }) as { sub: string }).sub).toBe('bot');
      // the public JWK is ready to paste into a trigger; a private JWK signs too
      const pub = JSON.parse(keys.publicJwk);
      expect(pub.d).toBeUndefined();
      const pair = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
      const privJwk = await exportJWK(pair.privateKey);
      const t2 = await token(jwtProfile(alg, JSON.stringify(privJwk)));
      await expect(jwtVerify(t2, createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), alg }] }))).resolves.toBeTruthy();
      expect(await exportSPKI(pair.publicKey)).toContain('PUBLIC KEY');
    });
  }

  it('an expired variant fails verification', async () => {
    const signed = await signRequest(jwtProfile('HS256', 'k'), req(), { env: {}, now: Date.now(), tweaks: { expired: true } });
    const t = h(signed.request, 'Authorization').slice(4);
    expect(() => jsonwebtoken.verify(t, 'k', { algorithms: ['HS256'] })).toThrow(/expired/);
  });
});
