// web-auth jwt: a JWS signed with a shared secret (HS*) or a private key whose public key is
// configured here (RS*, PS*, ES*, EdDSA).
import { z } from 'zod';
import { JWT_ALGORITHMS } from '../../trigger';
import { envReferences } from '../../triggers/secrets';
import type { TriggerWarning } from '../types';
import { webAuthSchema } from './shape';
import type { WebAuthKind } from './types';

/** HS256/384/512 sign with a shared secret; every other JWS algorithm with a key pair. */
export const isSymmetric = (alg: string): boolean => alg.startsWith('HS');

const looksLikePublicKey = (s: string): boolean => /-----BEGIN (PUBLIC KEY|CERTIFICATE|RSA PUBLIC KEY)-----/.test(s) || /^\s*\{[\s\S]*"kty"/.test(s);

export const JwtAuthSchema = webAuthSchema(
  'jwt',
  z
    .enum(JWT_ALGORITHMS as readonly ['HS256', ...(typeof JWT_ALGORITHMS)[number][]])
    .meta({ description: 'required; HS* use a shared secret, the others the public key in secretKey' }),
);

export const jwtAuth = {
  id: 'jwt',
  label: 'JWT',
  withType: (base) => ({ ...base, authType: 'jwt', algorithm: 'HS256' }),
  summary: (c, where) => `JWT ${c.algorithm ?? ''} in ${where}`.replace('  ', ' '),
  // a public key is not a secret
  secretKeyIsSecret: (c) => !c.algorithm || isSymmetric(c.algorithm),
  signingProfile: (c, like) => ({
    id: like.id,
    name: like.name,
    kind: 'jwt',
    secret: c.secretKey,
    placement: like.placement,
    algorithm: c.algorithm ?? 'HS256',
    claims: { iat: true, expSeconds: 60 },
  }),
  lint(c, { path }) {
    const out: TriggerWarning[] = [];
    if (!c.algorithm) return out;
    const literal = envReferences(c.secretKey).length === 0;
    if (isSymmetric(c.algorithm) && looksLikePublicKey(c.secretKey)) {
      out.push({
        path: `${path}.secretKey`,
        severity: 'warning',
        code: 'jwt-key-confusion',
        message: `${c.algorithm} uses a shared secret, but this looks like a public key: anyone holding the public key could sign tokens.`,
      });
    } else if (!isSymmetric(c.algorithm) && literal && c.secretKey.trim() !== '' && !looksLikePublicKey(c.secretKey)) {
      out.push({
        path: `${path}.secretKey`,
        severity: 'warning',
        code: 'jwt-key-format',
        message: `${c.algorithm} needs a public key (PEM "BEGIN PUBLIC KEY", a certificate, or a JWK).`,
      });
    }
    return out;
  },
} satisfies WebAuthKind<'jwt'>;
