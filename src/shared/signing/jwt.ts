// JWT signing with jose (runs in Node and the browser): key from secret text, PKCS8 PEM or JWK.
import { importJWK, importPKCS8, SignJWT, type JWK } from 'jose';
import type { JwtAlgorithm } from '../trigger';
import { utf8 } from '../triggers/bytes';
import type { JwtClaimsTemplate } from './types';
import { errorMessage } from '../error-message';

export { isSymmetric } from '../kinds/web-auth/jwt';
import { isSymmetric } from '../kinds/web-auth/jwt';

type SigningKey = Awaited<ReturnType<typeof importPKCS8>> | Uint8Array;

export async function importSigningKey(secret: string, alg: string): Promise<SigningKey> {
  const text = secret.trim();
  if (text.startsWith('{')) {
    let jwk: JWK;
    try {
      jwk = JSON.parse(text) as JWK;
    } catch (err) {
      throw new Error(`the JWT key looks like a JWK but is not valid JSON (${errorMessage(err)})`, { cause: err });
    }
    if (!isSymmetric(alg) && !jwk.d) throw new Error('the JWK is a public key; signing needs the private key (with "d")');
    return (await importJWK(jwk, alg)) as SigningKey;
  }
  if (text.includes('-----BEGIN')) {
    if (isSymmetric(alg)) throw new Error(`${alg} signs with a shared secret, not a PEM key`);
    if (!text.includes('-----BEGIN PRIVATE KEY-----')) {
      throw new Error('the PEM is not a PKCS#8 private key ("BEGIN PRIVATE KEY"); convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem');
    }
    return importPKCS8(text, alg);
  }
  if (!isSymmetric(alg)) throw new Error(`${alg} needs a private key (PKCS#8 PEM or JWK), not a plain secret`);
  return utf8(secret);
}

export function buildClaims(template: JwtClaimsTemplate, nowSec: number, expired = false): Record<string, unknown> {
  const claims: Record<string, unknown> = { ...(template.custom ?? {}) };
  if (template.iat) claims.iat = expired ? nowSec - 120 : nowSec;
  if (template.nbfSeconds !== undefined) claims.nbf = nowSec + template.nbfSeconds - (expired ? 120 : 0);
  if (expired) claims.exp = nowSec - 60;
  else if (template.expSeconds !== undefined) claims.exp = nowSec + template.expSeconds;
  return claims;
}

export async function signJwt(opts: { secret: string; algorithm: JwtAlgorithm | string; claims: Record<string, unknown>; kid?: string }): Promise<string> {
  const key = await importSigningKey(opts.secret, opts.algorithm);
  return new SignJWT(opts.claims).setProtectedHeader({ alg: opts.algorithm, typ: 'JWT', ...(opts.kid ? { kid: opts.kid } : {}) }).sign(key);
}

/** An algorithm of the same key family, for the "other algorithm" variant; null when none fits the key. */
export function otherJwtAlgorithm(alg: string): string | null {
  const map: Record<string, string> = {
    HS256: 'HS512',
    HS384: 'HS256',
    HS512: 'HS256',
    RS256: 'PS256',
    RS384: 'RS256',
    RS512: 'RS256',
    PS256: 'RS256',
    PS384: 'PS256',
    PS512: 'PS256',
  };
  return map[alg] ?? null;
}
