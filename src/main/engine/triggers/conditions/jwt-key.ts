// Turning a condition's secret key into a verification key for exactly one JWT algorithm.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { importJWK, importSPKI, importX509, type CryptoKey, type JWK } from 'jose';
import { utf8 } from '@shared/triggers/bytes';
import { isSymmetric } from '@shared/kinds/web-auth/jwt';

export type VerifyKey = CryptoKey | KeyObject | Uint8Array;

const cache = new Map<string, Promise<VerifyKey>>();
const CACHE_LIMIT = 64;

async function importPublicKey(secret: string, alg: string): Promise<VerifyKey> {
  const text = secret.trim();
  if (text.startsWith('{')) {
    let jwk: JWK;
    try {
      jwk = JSON.parse(text) as JWK;
    } catch {
      throw new Error('the key looks like JSON but does not parse as a JWK');
    }
    if ('d' in jwk) throw new Error('the JWK is a private key; give the public key only');
    const key = await importJWK(jwk, alg);
    if (key instanceof Uint8Array) throw new Error(`the JWK is a symmetric key, but ${alg} needs a public key`);
    return key;
  }
  if (text.includes('-----BEGIN CERTIFICATE-----')) return importX509(text, alg);
  if (text.includes('-----BEGIN PUBLIC KEY-----')) return importSPKI(text, alg);
  if (text.includes('-----BEGIN RSA PUBLIC KEY-----')) return createPublicKey({ key: text, format: 'pem' });
  if (text.includes('PRIVATE KEY-----')) throw new Error('the key is a private key; give the public key only');
  throw new Error(`${alg} needs a public key: PEM (BEGIN PUBLIC KEY), a PEM certificate or a JWK`);
}

/** HS* use the secret's UTF-8 bytes; everything else a public key. Failures reject with a reason. */
export function verificationKey(secret: string, alg: string): Promise<VerifyKey> {
  if (isSymmetric(alg)) return Promise.resolve(utf8(secret));
  const cacheKey = `${alg}\u0000${secret}`;
  let hit = cache.get(cacheKey);
  if (!hit) {
    hit = importPublicKey(secret, alg);
    hit.catch(() => cache.delete(cacheKey));
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(cacheKey, hit);
  }
  return hit;
}
