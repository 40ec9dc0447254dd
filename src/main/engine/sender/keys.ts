// Key pairs for asymmetric JWT profiles: the private PEM for the profile, the public PEM/JWK
// for the trigger's secret key.
import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import type { GeneratedKeys } from '@shared/signing/types';
import type { JwtAlgorithm } from '@shared/trigger';
import { isSymmetric } from '@shared/kinds/web-auth/jwt';

export async function generateKeys(algorithm: JwtAlgorithm): Promise<GeneratedKeys> {
  if (isSymmetric(algorithm)) throw new Error(`${algorithm} uses a shared secret; key pairs are for RS, PS, ES and EdDSA`);
  const pair = await generateKeyPair(algorithm, { extractable: true, ...(algorithm === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
  const jwk = { ...(await exportJWK(pair.publicKey)), alg: algorithm, use: 'sig' };
  return {
    algorithm,
    privatePem: await exportPKCS8(pair.privateKey),
    publicPem: await exportSPKI(pair.publicKey),
    publicJwk: JSON.stringify(jwk, null, 2),
  };
}
