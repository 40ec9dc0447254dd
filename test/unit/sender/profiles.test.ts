// Profiles in the workspace section: validation with paths, secrets masked towards the
// renderer and kept on save, redacted exports, and "sign like" a trigger with a literal secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateProfiles } from '@shared/signing/validate-profile';
import { SECRET_PLACEHOLDER, type Trigger } from '@shared/trigger';
import { b64, launchUrl, startEngine, type EngineFixture } from './engine-fixture';

const literal: Trigger = {
  id: 'lit',
  title: 'Literal',
  enabled: true,
  actions: [],
  conditions: [
    { type: 'web-auth', authType: 'hmac', namespace: 'header', key: 'X-Sig', prefix: 'v0=', secretKey: 'literal-trigger-secret', algorithm: 'sha256' },
  ],
};
let fx: EngineFixture;
beforeAll(async () => {
  fx = await startEngine([literal], []);
});
afterAll(async () => fx?.close());

describe('signing profiles', () => {
  it('validates with the JSON path of the problem', () => {
    expect(() =>
      validateProfiles(
        [{ id: 'a', name: 'a', kind: 'hmac', secret: 's', placement: { namespace: 'header', key: 'X' }, algorithm: 'md4', encoding: 'hex', format: '{body}' }],
        'signingProfiles',
      ),
    ).toThrow('signingProfiles[0].algorithm: must be sha1, sha256 or sha512');
    expect(() => validateProfiles([{ id: 'a', name: 'a', kind: 'static', secret: 's', placement: { namespace: 'header', key: 'X' }, extra: 1 }], 'p')).toThrow(
      'p[0].extra: unknown field',
    );
  });

  it('masks literal secrets towards the renderer, keeps them on save, survives a restart, redacts exports', async () => {
    const h = () => fx.engine.handlers;
    const saved = await h()['signing.saveProfile']({
      profile: { id: 'p1', name: 'Mine', kind: 'static', secret: 'very-literal-secret', placement: { namespace: 'header', key: 'X-Sig', prefix: 'v0=' } },
    });
    expect(saved.secret).toBe(SECRET_PLACEHOLDER);
    await h()['signing.saveProfile']({ profile: { ...saved, name: 'Renamed' } });
    await fx.restart();
    const [p] = await fx.engine.handlers['signing.listProfiles']();
    expect(p).toMatchObject({ name: 'Renamed', secret: SECRET_PLACEHOLDER });
    const preview = await fx.engine.handlers['sender.preview']({ url: 'http://127.0.0.1:9/', method: 'POST', headers: [], bodyBase64: '', profile: p });
    // signed with the stored secret (its mask: first letters and length), never shown in full
    expect(preview.headers).toContainEqual(['X-Sig', 'v0=ve… (19 chars)']);
    expect(JSON.stringify(preview)).not.toContain('very-literal-secret');
    expect((await fx.engine.handlers['signing.exportProfiles']({})).json).not.toContain('very-literal-secret');
    expect((await fx.engine.handlers['signing.exportProfiles']({ includeSecrets: true })).json).toContain('very-literal-secret');
    await expect(fx.engine.handlers['signing.saveProfile']({ profile: { ...p, kind: 'nope' } as never })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('"sign like" a trigger with a literal secret: masked in the answer, still signs right', async () => {
    const profile = await fx.engine.handlers['signing.fromTrigger']({ triggerId: 'lit' });
    expect(profile.secret).toBe(SECRET_PLACEHOLDER);
    const res = await fx.engine.handlers['sender.send']({
      draft: { url: launchUrl(fx.url, 'lit'), method: 'POST', headers: [], bodyBase64: b64('{}'), profile },
    });
    expect(res.response?.status).toBe(200);
    const unknown = { ...profile, id: 'not-stored' };
    await expect(
      fx.engine.handlers['sender.send']({ draft: { url: launchUrl(fx.url, 'lit'), method: 'POST', headers: [], bodyBase64: '', profile: unknown } }),
    ).rejects.toMatchObject({ code: 'invalid' });
  });

  it('generates key pairs for asymmetric algorithms only', async () => {
    await expect(fx.engine.handlers['signing.generateKeys']({ algorithm: 'HS256' })).rejects.toMatchObject({ code: 'invalid' });
    const keys = await fx.engine.handlers['signing.generateKeys']({ algorithm: 'EdDSA' });
    expect(JSON.parse(keys.publicJwk)).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
  });
});
