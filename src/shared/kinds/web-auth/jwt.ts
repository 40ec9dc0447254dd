// web-auth jwt: a JWS signed with a shared secret (HS*) or a private key whose public key is
// configured here (RS*, PS*, ES*, EdDSA).
import type { JwtAlgorithm } from '../../trigger';
import type { WebAuthKind } from './types';

/** HS256/384/512 sign with a shared secret; every other JWS algorithm with a key pair. */
export const isSymmetric = (alg: string): boolean => alg.startsWith('HS');

export const jwtAuth: WebAuthKind<'jwt'> = {
  id: 'jwt',
  label: 'JWT',
  withType: (base) => ({ ...base, authType: 'jwt', algorithm: 'HS256' }),
  summary: (c, where) => `JWT ${c.algorithm ?? ''} in ${where}`.replace('  ', ' '),
  // a public key is not a secret
  secretKeyIsSecret: (c) => !c.algorithm || isSymmetric(c.algorithm),
  signingProfile: (c, like) => ({
    id: like.id, name: like.name, kind: 'jwt', secret: c.secretKey, placement: like.placement,
    algorithm: (c.algorithm ?? 'HS256') as JwtAlgorithm,
    claims: { iat: true, expSeconds: 60 },
  }),
};
