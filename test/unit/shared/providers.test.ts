// The provider catalogue is the one place provider facts live: the presets built from it sign
// where the catalogue says, with the prefix and encoding it says, and every trigger preset of a
// provider reads that provider's own secret variable.
import { describe, expect, it } from 'vitest';
import { PROVIDER_LIST, PROVIDERS, SCHEME_PROVIDERS } from '@shared/kinds/providers';
import { PROVIDER_PRESETS, presetProfile } from '@shared/signing/presets';
import { signRequest } from '@shared/signing/sign';
import { TRIGGER_PRESETS } from '@shared/triggers/presets';
import { findHeader } from '@shared/triggers/lookup';
import { utf8 } from '@shared/triggers/bytes';

const request = () => ({
  method: 'POST',
  url: 'https://example.test/hook',
  headers: [['Content-Type', 'application/x-www-form-urlencoded']] as [string, string][],
  body: utf8('a=1&b=2'),
});

describe('provider catalogue', () => {
  it('gives every provider its own, provider-named secret variable and a unique id', () => {
    const envs = PROVIDER_LIST.map((p) => p.secretEnv);
    expect(new Set(envs).size).toBe(envs.length);
    for (const p of PROVIDER_LIST) expect(p.secretEnv.replace(/_/g, '')).toContain(p.id.replace(/-/g, '').toUpperCase());
    expect(PROVIDER_PRESETS.map((p) => p.id)).toEqual(PROVIDER_LIST.filter((p) => p.sender).map((p) => p.id));
  });

  it('signs every Sender preset in the header the catalogue names, in its encoding and prefix', async () => {
    for (const preset of PROVIDER_PRESETS) {
      const provider = PROVIDERS[preset.id as keyof typeof PROVIDERS];
      const secret = provider.id === 'standard-webhooks' ? `whsec_${btoa('a-32-byte-long-standard-secret!!')}` : 's3cret';
      const signed = await signRequest(presetProfile(preset.id, secret, 'p'), request(), { env: {}, now: Date.now() });
      const value = findHeader(signed.request.headers, provider.header);
      expect(value, provider.id).toBeDefined();
      const prefix = provider.scheme === 'hmac' ? provider.prefix : provider.scheme === 'stripe' ? 't=' : provider.scheme === 'standard-webhooks' ? 'v1,' : '';
      expect(value!.startsWith(prefix), provider.id).toBe(true);
      const digest = provider.scheme === 'stripe' ? value!.split('v1=')[1] : value!.slice(prefix.length);
      expect(digest, provider.id).toMatch(provider.encoding === 'hex' ? /^[0-9a-f]{40,64}$/ : /^[A-Za-z0-9+/]{27,43}=?$/);
    }
  });

  it('builds each provider trigger preset from the catalogue (header, prefix, basestring, timestamp, secret)', () => {
    for (const t of TRIGGER_PRESETS) {
      if (!Object.hasOwn(PROVIDERS, t.id)) continue;
      const p = PROVIDERS[t.id as keyof typeof PROVIDERS];
      if (p.scheme !== 'hmac') throw new Error(`${t.id}: a trigger preset needs an HMAC provider`);
      const [auth, ts] = t.build().conditions;
      expect(auth).toMatchObject({
        type: 'web-auth',
        authType: 'hmac',
        key: p.header,
        prefix: p.prefix,
        algorithm: p.algorithm,
        hmacFormat: p.basestring,
        secretKey: `{env:${p.secretEnv}}`,
      });
      if ('timestamp' in p) expect(ts).toMatchObject({ type: 'web-timestamp', key: p.timestamp.header, tolerance: p.timestamp.toleranceSeconds });
    }
    expect(Object.keys(SCHEME_PROVIDERS)).toEqual(['stripe', 'standard-webhooks', 'twilio']);
  });
});
